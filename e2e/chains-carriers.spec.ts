import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './contract';
import { fitsWidth, inputOf, openFromMenu, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };

/**
 * Picks an option of a single-choice drop-down as a person does: opens it, types into its search box when it has one,
 * clicks the option, and checks the field shows it. (It does not wait for the drop-down to finish closing: on a
 * loaded machine that animation outlasts the shared helper's patience.)
 */
async function choose(page: Page, field: Locator, option: string, typed?: string) {
  await field.click();
  if (typed) await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  await expect(field).toContainText(option);
}

/** The page's width as laid out: no wider than the screen means nothing scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const DESKTOP = { width: 1440, height: 900 };

test('the investment centre reads a chain map, opens a gap and closes it with a local enterprise', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'invest', '/chains');
  await expect(page).toHaveURL(/\/chains/);
  await choose(page, page.getByTestId('chain-select'), '智能制造装备产业链');
  // The counts, the graph, and the gaps named in words as well as drawn in red.
  const counts = page.getByTestId('chain-counts');
  await expect(counts).toContainText('缺链环节');
  await expect(counts.locator('.ant-statistic').nth(1)).toContainText('4');
  await expect(page.getByTestId('chain-graph').locator('canvas')).toBeVisible();
  const gaps = page.getByTestId('chain-gap-list');
  await expect(gaps).toContainText('中游 · 工业机器人');
  await expect(gaps).toContainText('下游 · 智能工厂运维');
  await shot(page, '170-desktop-chain-map');

  // A gap's drawer: why it is a gap, and the enterprise the district is courting for it.
  await gaps.getByText('中游 · 工业机器人').click();
  const drawer = page.getByTestId('chain-node-drawer');
  await expect(drawer.getByTestId('chain-node-gap')).toContainText('缺链');
  await expect(drawer.getByTestId('chain-node-local')).toContainText('暂无本地企业');
  await expect(drawer.getByTestId('chain-node-target')).toContainText('南粤智造机器人有限公司');
  await shot(page, '171-desktop-chain-gap-drawer');
  await page.locator('.ant-drawer-close').click();
  await expect(drawer).toBeHidden();

  // A local enterprise placed on 智能工厂运维 closes that gap.
  await gaps.getByText('下游 · 智能工厂运维').click();
  await expect(drawer.getByTestId('chain-node-gap')).toBeVisible();
  await drawer.getByTestId('chain-place').click();
  await choose(page, page.getByTestId('chain-enterprise-picker'), '济南天桥数智科技有限公司', '数智');
  await expect(page.getByTestId('chain-place-role')).toContainText('本地企业');
  await page.getByTestId('chain-place-ok').click();
  await expect(drawer.getByTestId('chain-node-local')).toContainText('济南天桥数智科技有限公司');
  await expect(drawer.getByTestId('chain-node-gap')).toHaveCount(0);
  await page.locator('.ant-drawer-close').click();
  await expect(counts.locator('.ant-statistic').nth(1)).toContainText('3');
  await expect(gaps).not.toContainText('智能工厂运维');

  // On a phone the segments are listed one under another, gaps marked in words, and the page does not scroll sideways.
  await page.setViewportSize(PHONE);
  await expect(page.getByTestId('chain-node-card').filter({ hasText: '工业机器人' })).toContainText('缺链');
  await expect.poll(() => pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await shot(page, '172-phone-chain-map');
});

test('the office matches a land need to a 标准地 parcel, supplies it, and it is no longer offered', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/carrier-match');
  await inputOf(page, 'match-land').fill('40');
  await choose(page, page.getByTestId('match-use'), '工业');
  await choose(page, page.getByTestId('match-industry'), '智能制造装备');
  await inputOf(page, 'match-investment').fill('18000');
  await page.getByTestId('match-submit').click();
  const first = page.getByTestId('match-item').first();
  await expect(first).toContainText('智造园东区06地块');
  await expect(first).toContainText('标准地');
  await expect(first).toContainText('面积满足：需 40 亩，地块 45 亩');
  await expect(first).toContainText('投资强度达标：450 万元/亩，标准 400 万元/亩');
  await shot(page, '173-desktop-carrier-match');

  // The parcels list, filtered to those available: supply 06 to a project.
  await openFromMenu(page, 'parcels');
  await choose(page, page.getByTestId('parcel-filter-status'), '待供');
  await expect(page).toHaveURL(/status=available/);
  const row = page.getByTestId('parcels-table').locator('tr', { hasText: 'TQ-2024-06' });
  await expect(row).toContainText('投资强度 ≥ 400 万元/亩');
  await shot(page, '174-desktop-parcels-available');
  await row.getByTestId('parcel-supply').click();
  await choose(page, page.getByTestId('supply-project'), '中央厨房产业园项目', '中央厨房');
  await page.getByTestId('supply-ok').click();
  await expect(page.getByTestId('parcels-table').locator('tr', { hasText: 'TQ-2024-06' })).toHaveCount(0);
  await choose(page, page.getByTestId('parcel-filter-status'), '已供');
  await expect(page).toHaveURL(/status=supplied/);
  const supplied = page.getByTestId('parcels-table').locator('tr', { hasText: 'TQ-2024-06' });
  await expect(supplied).toContainText('中央厨房产业园');

  // The same need now offers the next best parcel.
  await page.goto('/carrier-match?landMu=40&use=industrial&industry=smart_equip&investmentWan=18000');
  await expect(page.getByTestId('match-item').first()).toBeVisible();
  await expect(page.getByTestId('match-results')).not.toContainText('智造园东区06地块');

  // The parks with their buildings, on a desktop and a phone.
  await openFromMenu(page, 'parks');
  await expect(page.getByTestId('park-card').first()).toContainText('新型智造组团');
  await expect(page.getByTestId('park-card').filter({ hasText: '新材料产业园' })).toContainText('新材料中试基地1号厂房');
  await shot(page, '175-desktop-parks');
  await page.setViewportSize(PHONE);
  await page.goto('/carrier-match?floorAreaM2=5000&use=industrial&maxRentYuan=0.8');
  await expect(page.getByTestId('match-item').first()).toContainText('新材料中试基地1号厂房');
  await expect.poll(() => pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await shot(page, '176-phone-carrier-match');
});

test('the investment centre downloads the 标准地 parcels as a sheet, adds a parcel to it and imports it back', async ({ page }) => {
  test.setTimeout(240_000);
  const code = `TQ-E2E-${Date.now().toString(36)}`;
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'invest', '/parcels');
  await page.getByTestId('parcel-filter-standard').click();
  await expect(page).toHaveURL(/standard=true/);
  await expect(page.getByTestId('parcels-table').locator('tbody tr.ant-table-row').first()).toContainText('投资强度');
  await page.getByTestId('parcel-sheets').click();
  await expect(page.getByRole('menuitem', { name: '导出地块（按当前筛选）' })).toBeVisible();
  await shot(page, '340-desktop-parcels-sheets-menu');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: '导出地块（按当前筛选）' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^地块-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  const header = ((sheet?.getRow(1).values ?? []) as string[]).slice(1);
  expect(header.slice(0, 5)).toEqual(['地块编号 *', '地块名称 *', '所在园区', '面积（亩） *', '规划用途 *']);
  // Only 标准地: every row states its investment intensity, in 万元/亩 as the page shows it.
  const intensity = header.indexOf('投资强度（万元/亩）') + 1;
  const rows = (sheet?.rowCount ?? 1) - 1;
  expect(rows).toBeGreaterThan(0);
  for (let r = 2; r <= rows + 1; r++) expect(Number(sheet?.getRow(r).getCell(intensity).value)).toBeGreaterThan(0);

  // Edited as an office does: one new 标准地 appended, first with mistakes (a park the district lacks, 已供 for a new parcel).
  const cellsOf = (park: string, status: string) =>
    header.map(
      (h) =>
        ({
          '地块编号 *': code,
          '地块名称 *': `智造园东区E2E地块`,
          所在园区: park,
          '面积（亩） *': 36,
          '规划用途 *': '工业',
          适宜产业: '智能制造装备',
          状态: status,
          '投资强度（万元/亩）': 420,
          '亩均税收（万元/亩）': 35,
          容积率: 1.4,
        })[h] ?? null,
    );
  const saved = async (name: string, park: string, status: string) => {
    sheet?.addRow(cellsOf(park, status));
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lantu-e2e-parcels-')), name);
    await workbook.xlsx.writeFile(file);
    sheet?.spliceRows(rows + 2, 1);
    return file;
  };
  await page.getByTestId('parcel-sheets').click();
  await page.getByRole('menuitem', { name: '导入地块…' }).click();
  await expect(page).toHaveURL(/\/parcels\/import\?kind=parcels/);
  await expect(page.getByTestId('import-kind').locator('.ant-segmented-item-selected')).toHaveText('地块');
  // The menu shows where one is: 地块 under 招商引资, not the project library.
  await expect(page.getByTestId('menu-parcels').first()).toHaveClass(/ant-menu-item-selected/);
  await page.getByTestId('import-dropzone').setInputFiles(await saved('标准地（有误）.xlsx', '不存在的园区', '已供'));
  await expect(page.getByTestId('import-invalid')).toContainText('发现 2 处问题');
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('本区没有名为“不存在的园区”的园区');
  await expect(problems).toContainText('新地块只能以“储备”或“待供”登记');
  await shot(page, '341-desktop-parcels-import-problems');

  // Corrected: the demo 标准地 come back unchanged, the new one is added as available.
  await page.getByTestId('import-again').first().click();
  await page.getByTestId('import-dropzone').setInputFiles(await saved('标准地.xlsx', '智能制造产业园', '待供'));
  await expect(page.getByTestId('import-ready')).toContainText('新建 1 个，更新 0 个');
  await expect(page.getByTestId('import-ready')).toContainText('期间如有他人修改了相关地块');
  await shot(page, '342-desktop-parcels-import-ready');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-committed')).toContainText('导入完成：新建 1 个，更新 0 个');
  await page.getByTestId('import-to-parcels').click();
  await expect(page).toHaveURL(/\/parcels$/);
  await page.getByPlaceholder('地块编号或名称').fill(code);
  await page.keyboard.press('Enter');
  const added = page.getByTestId('parcels-table').locator('tr', { hasText: code });
  await expect(added).toContainText('待供');
  await expect(added).toContainText('投资强度 ≥ 420 万元/亩');
  await shot(page, '343-desktop-parcel-imported');

  // On a phone the import page fits.
  await page.setViewportSize(PHONE);
  await page.goto('/parcels/import?kind=parcels');
  await expect(page.getByText('点击或拖拽 .xlsx 文件到此处上传')).toBeVisible();
  await fitsWidth(page);
  await shot(page, '344-phone-parcels-import');
});
