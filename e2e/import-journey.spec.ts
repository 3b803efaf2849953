import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { fitsWidth, inputOf, pick, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** A projects sheet as an official would fill it: the header row and one row per project. */
async function ledgerFile(name: string, rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目');
  sheet.addRow(['项目名称', '责任单位', '项目类别', '总投资（万元）', '计划开工日期', '计划竣工日期']);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lantu-e2e-import-')), name);
  await workbook.xlsx.writeFile(file);
  return file;
}

test('the project office imports a ledger: sees every problem, downloads the marked file, then imports a clean file', async ({ page }) => {
  await signInAs(page, 'office', '/projects');
  await page.getByTestId('project-import').click();
  await expect(page).toHaveURL(/\/projects\/import/);
  await expect(page.getByText('点击或拖拽 .xlsx 文件到此处上传')).toBeVisible();
  await shot(page, '70-import-page');

  // A file with mistakes: an unknown category, money below zero, a completion before its start.
  const bad = await ledgerFile('去年台账.xlsx', [
    ['导入旅程甲项目', '北园街道办事处', '不存在的类别', 1000, '2026-03-01', '2027-06-30'],
    ['导入旅程乙项目', '北园街道办事处', '产业项目', -20, '2026-03-01', '2027-06-30'],
    ['导入旅程丙项目', '北园街道办事处', '产业项目', 500, '2026-03-01', '2025-06-30'],
  ]);
  await page.getByTestId('import-dropzone').setInputFiles(bad);
  await expect(page.getByTestId('import-invalid')).toBeVisible();
  await expect(page.getByTestId('import-invalid')).toContainText('发现 3 处问题');
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('“不存在的类别”不在项目类别中');
  await expect(problems).toContainText('计划竣工日期');
  await shot(page, '71-import-problems');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download-marked').click()]);
  expect(download.suggestedFilename()).toBe('去年台账（标注）.xlsx');
  const marked = new ExcelJS.Workbook();
  await marked.xlsx.readFile(await download.path());
  const category = marked.getWorksheet('项目')?.getCell('C2');
  expect(category?.fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  expect(JSON.stringify(category?.note)).toContain('不存在的类别');

  // The corrected file passes, shows what it will do, and is imported on confirmation.
  await page.getByTestId('import-again').first().click();
  const clean = await ledgerFile('去年台账（改）.xlsx', [
    ['导入旅程甲项目', '北园街道办事处', '产业项目', 1000, '2026-03-01', '2027-06-30'],
    ['导入旅程乙项目', '北园街道办事处', '产业项目', 20, '2026/3/1', '2027年6月30日'],
  ]);
  await page.getByTestId('import-dropzone').setInputFiles(clean);
  await expect(page.getByTestId('import-ready')).toContainText('新建 2 个，更新 0 个');
  await shot(page, '72-import-ready');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-committed')).toContainText('导入完成：新建 2 个，更新 0 个');
  await expect(page.getByTestId('import-recent')).toContainText('去年台账（改）.xlsx');
  await shot(page, '73-import-committed');

  await page.getByTestId('import-to-projects').click();
  await inputOf(page, 'project-search').fill('导入旅程');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('project-table').locator('tbody tr.ant-table-row')).toHaveCount(2);
  await expect(page.getByTestId('project-table')).toContainText('导入旅程甲项目');
  await shot(page, '74-imported-projects-listed');
});

/** A ledger as a district office keeps it: a title, a two-row merged header, a group row, 亿 and month dates, 形象进度. */
async function officeLedgerFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('重点项目');
  sheet.addRow(['2024年全区重点项目台账']);
  sheet.addRow(['序号', '项目名称', '建设单位', '投资情况', null, '计划开工时间', '计划竣工时间', '责任单位', '形象进度']);
  sheet.addRow([null, null, null, '总投资', '1-3月完成投资']);
  sheet.addRow(['一、产业项目']);
  sheet.addRow([1, '旅程台账甲项目', '济南甲实业有限公司 ', '3.2亿', 500, '2024年3月', '2025.12', '北园街道办事处', '主体施工']);
  sheet.addRow([2, '旅程台账乙项目', '—', '８，０００', null, '2024-03', '2024/3/15', '北园街道办事处', '前期']);
  sheet.addRow(['小计', null, null, '40000']);
  sheet.mergeCells('A1:I1');
  for (const column of ['A', 'B', 'C', 'F', 'G', 'H', 'I']) sheet.mergeCells(`${column}2:${column}3`);
  sheet.mergeCells('D2:E2');
  sheet.mergeCells('A4:I4');
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lantu-e2e-import-')), '重点项目台账.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

test('the project office imports the ledger it keeps: sees how it was read and acknowledges the columns left out', async ({ page }) => {
  await signInAs(page, 'office', '/projects/import');
  await page.getByTestId('import-dropzone').setInputFiles(await officeLedgerFile());
  await expect(page.getByTestId('import-ready')).toContainText('新建 2 个，更新 0 个');
  const reading = page.getByTestId('import-reading');
  await expect(reading.getByTestId('import-header-rows')).toContainText('2–3');
  await expect(reading.getByTestId('import-unmapped')).toContainText('1-3月完成投资');
  await expect(reading.getByTestId('import-unmapped')).toContainText('不导入：属于月度报送');
  await expect(reading.getByTestId('import-skipped')).toContainText('一、产业项目');
  await expect(reading.getByTestId('import-interpretations')).toContainText('32,000.00 万元');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await shot(page, '75-import-office-ledger-read');
  await page.getByTestId('import-acknowledge').click();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-committed')).toContainText('导入完成：新建 2 个，更新 0 个');
  await shot(page, '76-import-office-ledger-committed');
});

test("the project office maps the ledger's columns: leaves one out, checks again, and the next file is read the same way", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/projects/import');
  await page.getByTestId('import-dropzone').setInputFiles(await officeLedgerFile());
  await expect(page.getByTestId('import-ready')).toBeVisible();

  // How each column was read: 项目名称 by its own header, 建设单位 as another name offices give 项目业主.
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping).toContainText(/列对应（共 \d+ 列）/);
  await expect(mapping).toContainText('对应关系会按本区、同样表头的文件保存，下次自动套用');
  await expect(page.getByTestId('import-map-B')).toContainText('项目名称');
  await expect(page.getByTestId('import-map-confidence-B')).toHaveText('表头一致');
  await expect(page.getByTestId('import-map-C')).toContainText('项目业主');
  await expect(page.getByTestId('import-map-confidence-C')).toHaveText('近义表头');
  await expect(mapping).toContainText('济南甲实业有限公司');

  // A field already read from one column is not offered to another.
  await page.getByTestId('import-map-D').click();
  await page.keyboard.type('项目名称');
  const taken = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '项目名称' });
  await expect(taken).toContainText('已对应 B 列');
  await expect(taken).toHaveClass(/ant-select-item-option-disabled/);
  await page.keyboard.press('Escape');

  // 建设单位 is left out; until the file is checked again with it, the import waits.
  await pick(page, page.getByTestId('import-map-C'), '不导入');
  await expect(page.getByTestId('import-map-confidence-C')).toHaveText('已手动选择');
  await expect(page.getByTestId('import-mapping-pending')).toBeVisible();
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByTestId('import-map-apply').click();
  await expect(page.getByTestId('import-map-apply')).toHaveCount(0);
  await expect(page.getByTestId('import-ready')).toBeVisible();
  await expect(page.getByTestId('import-map-C')).toContainText('不导入');
  await expect(page.getByTestId('import-map-confidence-C')).toHaveText('已手动选择');
  const unmapped = page.getByTestId('import-unmapped');
  await expect(unmapped.locator('tr', { hasText: '建设单位' })).toContainText('不导入：已在列对应中选择');
  // The column the user left out needs no acknowledgement: only 序号 and the two monthly figures do.
  await expect(page.getByTestId('import-ready')).toContainText('我已知晓下方所列 3 列不导入');
  await shot(page, '77-import-mapping-chosen');

  // The next file of the same shape is read with the saved mapping.
  await page.getByTestId('import-again').first().click();
  await page.getByTestId('import-dropzone').setInputFiles(await officeLedgerFile());
  await expect(page.getByTestId('import-ready')).toBeVisible();
  await expect(page.getByTestId('import-map-C')).toContainText('不导入');
  await expect(page.getByTestId('import-map-confidence-C')).toHaveText('上次保存');
  await expect(page.getByTestId('import-unmapped').locator('tr', { hasText: '建设单位' })).toContainText('不导入：已在列对应中选择');
  await shot(page, '78-import-mapping-saved');

  await page.setViewportSize(PHONE);
  await expect(page.getByTestId('import-mapping')).toBeVisible();
  await fitsWidth(page);
  await shot(page, '78b-import-mapping-phone');

  await page.setViewportSize(DESKTOP);
  await page.getByTestId('import-acknowledge').click();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-committed')).toContainText('导入完成');
});
