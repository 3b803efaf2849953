import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './contract';
import { fitsWidth, inputOf, pick, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** Moves the lead to the next stage from its page (confirming) and waits for the stage tag to say so. */
async function moveTo(page: Page, stage: string, label: string) {
  await page.getByTestId(`lead-move-${stage}`).click();
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
  await expect(page.getByTestId('lead-stage').first()).toHaveText(label);
}

test('a lead is recorded, followed up, moved through the stages and signed into a project that shows it', async ({ page }) => {
  test.setTimeout(240_000);
  const name = `高端装备再制造产业园项目${Date.now().toString(36)}`;

  // The investment promotion centre opens its board: the demo's pipeline by stage, overdue clocks flagged.
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'invest', '/leads');
  await expect(page).toHaveURL(/\/leads$/);
  // The whole pipeline loads at once: under load it can take a while.
  await expect(page.getByTestId('lead-column-negotiating').getByTestId('lead-card').first()).toBeVisible({ timeout: 40_000 });
  await expect(page.getByTestId('lead-overdue').first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, '150-leads-board');

  // Only overdue leads.
  await page.getByTestId('lead-filter-overdue').click();
  await expect(page.getByTestId('lead-card').filter({ hasNot: page.getByTestId('lead-overdue') })).toHaveCount(0);
  await expect(page.getByTestId('lead-card').first()).toBeVisible();
  await page.getByTestId('lead-filter-overdue').click();

  // A new lead from a referral.
  await page.getByTestId('lead-add').click();
  const form = page.getByTestId('lead-form');
  await expect(form).toBeVisible();
  await page.getByTestId('lead-name').fill(name);
  await pick(page, page.getByTestId('lead-enterprise'), '华岳重工集团有限公司');
  await pick(page, page.getByTestId('lead-method'), '以商招商');
  await pick(page, page.getByTestId('lead-leader'), '刘志强（副区长）');
  await inputOf(page, 'lead-investment').fill('150000');
  await inputOf(page, 'lead-land').fill('100');
  await page.getByTestId('lead-save').click();
  await expect(page.getByTestId('lead-title')).toHaveText(name);
  await expect(page.getByTestId('lead-facts')).toContainText('华岳重工集团有限公司');
  await expect(page.getByTestId('lead-facts')).toContainText('15.00');

  // The first contact, logged.
  await page.getByTestId('lead-follow-up-add').click();
  await expect(page.getByTestId('lead-follow-up-form')).toBeVisible();
  await page.getByTestId('lead-follow-up-text').fill('电话联系企业投资部，了解再制造产线的用地和厂房需求');
  await page.getByTestId('lead-follow-up-next').fill('安排实地考察');
  await page.getByTestId('lead-follow-up-ok').click();
  await expect(page.getByTestId('lead-follow-ups')).toContainText('了解再制造产线的用地和厂房需求');
  await expect(page.locator('.ant-modal-wrap:visible')).toHaveCount(0);
  await shot(page, '151-lead-followed-up');

  // Out of order is impossible from the page: only the next stage and 终止 are offered.
  await expect(page.getByTestId('lead-sign')).toHaveCount(0);
  await moveTo(page, 'assessed', '已研判');
  await moveTo(page, 'site_visit', '考察');
  await moveTo(page, 'negotiating', '洽谈');

  // Signing: contract value and date, into the planning pool.
  await page.getByTestId('lead-sign').click();
  await expect(page.getByTestId('lead-sign-form')).toBeVisible();
  await inputOf(page, 'lead-contract-value').fill('120000');
  await expect(inputOf(page, 'lead-contract-value')).toHaveValue('120000');
  await page.getByTestId('lead-sign-ok').click();
  await expect(page.getByTestId('lead-stage').first()).toHaveText('已签约');
  await expect(page.getByTestId('lead-project')).toContainText(name);
  await shot(page, '152-lead-signed');

  // The project it became: its attraction track lists the lead.
  await page.getByTestId('lead-project').getByRole('link').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]+\?track=attraction/);
  await expect(page.getByTestId('project-leads')).toContainText(name);
  await expect(page.getByTestId('project-leads')).toContainText('华岳重工集团有限公司');
  await expect(page.getByTestId('project-leads')).toContainText('12.00');
  await shot(page, '153-project-attraction-track');
  await page.getByTestId('project-lead-link').click();
  await expect(page.getByTestId('lead-title')).toHaveText(name);

  // On a phone: the board is a list, and the lead page fits the screen.
  await page.setViewportSize(PHONE);
  const leadUrl = page.url();
  await page.goto('/leads');
  await expect(page.getByTestId('lead-list').getByTestId('lead-card').first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, '154-phone-leads');
  await page.goto(leadUrl);
  await expect(page.getByTestId('lead-title')).toHaveText(name);
  await fitsWidth(page);
  await shot(page, '155-phone-lead');
});

/** A leads sheet as an investment officer fills it: the header row and one row per lead. */
async function leadsFile(name: string, rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('招商线索');
  sheet.addRow(['线索名称', '意向企业', '招商方式', '阶段', '包挂领导', '预计投资（万元）', '市外资金占比（%）', '省外资金占比（%）']);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lantu-e2e-leads-')), name);
  await workbook.xlsx.writeFile(file);
  return file;
}

test('the board’s leads download as a sheet with its filters, and a sheet of leads is imported from the board', async ({ page }) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'invest', '/leads');
  await expect(page.getByTestId('lead-column-negotiating').getByTestId('lead-card').first()).toBeVisible({ timeout: 40_000 });

  // Export what the board shows: only the overdue leads, in the import's columns.
  await page.getByTestId('lead-filter-overdue').click();
  await expect(page.getByTestId('lead-card').filter({ hasNot: page.getByTestId('lead-overdue') })).toHaveCount(0);
  const shown = await page.getByTestId('lead-board').getByTestId('lead-card').count();
  await page.getByTestId('lead-sheets').click();
  await expect(page.getByRole('menuitem', { name: '导出线索（按当前筛选）' })).toBeVisible();
  await shot(page, '240-leads-sheets-menu');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: '导出线索（按当前筛选）' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^招商线索-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.readFile(await download.path());
  const sheet = exported.worksheets[0];
  expect(sheet?.getRow(1).getCell(1).value).toBe('线索名称 *');
  expect((sheet?.rowCount ?? 0) - 1).toBe(shown);
  await page.getByTestId('lead-filter-overdue').click();

  // Import: the menu opens the import page set to leads.
  await page.getByTestId('lead-sheets').click();
  await page.getByRole('menuitem', { name: '导入线索' }).click();
  await expect(page).toHaveURL(/\/leads\/import\?kind=leads/);
  await expect(page.getByTestId('import-kind').locator('.ant-segmented-item-selected')).toHaveText('招商线索');
  await fitsWidth(page);
  await shot(page, '241-leads-import-page');

  // A file with mistakes: an enterprise the register lacks, a new lead already signed, shares out of order.
  const bad = await leadsFile('线索台账.xlsx', [
    [`智能网联汽车零部件项目${suffix}`, '不存在的汽车零部件有限公司', '以商招商', null, null, 50000, 80, 60],
    [`医疗器械研发中心项目${suffix}`, null, '展会招商', '已签约', null, 8000, 0, 0],
    [`新能源电池材料项目${suffix}`, null, '驻外招商', null, null, 30000, 20, 60],
  ]);
  await page.getByTestId('import-dropzone').setInputFiles(bad);
  await expect(page.getByTestId('import-invalid')).toContainText('发现 3 处问题');
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('本区企业库中没有名为“不存在的汽车零部件有限公司”的企业');
  await expect(problems).toContainText('新线索只能从“线索”阶段登记');
  await expect(problems).toContainText('境外 ≤ 省外 ≤ 市外');
  await shot(page, '242-leads-import-problems');

  // Corrected: two new leads, recorded at 线索 on confirmation.
  await page.getByTestId('import-again').first().click();
  const clean = await leadsFile('线索台账（改）.xlsx', [
    [`智能网联汽车零部件项目${suffix}`, '华岳重工集团有限公司', '以商招商', null, '刘志强（副区长）', 50000, 80, 60],
    [`医疗器械研发中心项目${suffix}`, null, '展会招商', '线索', null, 8000, 0, 0],
  ]);
  await page.getByTestId('import-dropzone').setInputFiles(clean);
  await expect(page.getByTestId('import-ready')).toContainText('新建 2 个，更新 0 个');
  await shot(page, '243-leads-import-ready');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-committed')).toContainText('导入完成：新建 2 个，更新 0 个');
  await shot(page, '244-leads-import-committed');

  // Back on the board, the imported leads wait in the first column.
  await page.getByTestId('import-to-leads').click();
  await expect(page).toHaveURL(/\/leads$/);
  await inputOf(page, 'lead-search').fill(suffix);
  await page.keyboard.press('Enter');
  const first = page.getByTestId('lead-column-lead');
  await expect(first.getByTestId('lead-card')).toHaveCount(2);
  await expect(first).toContainText(`智能网联汽车零部件项目${suffix}`);
  await expect(first).toContainText('华岳重工集团有限公司');

  // On a phone the import page fits.
  await page.setViewportSize(PHONE);
  await page.goto('/leads/import?kind=leads');
  await expect(page.getByText('点击或拖拽 .xlsx 文件到此处上传')).toBeVisible();
  await fitsWidth(page);
  await shot(page, '245-phone-leads-import');
});
