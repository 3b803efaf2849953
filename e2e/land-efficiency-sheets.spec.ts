import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './contract';
import { fitsWidth, inputOf, menuItem, openFromMenu, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
// A year the demo has no figures for (its 亩均效益 is 2025's), so the other journeys' counts stay as they are.
const YEAR = 2024;
const HEADER = ['企业名称', '统一社会信用代码', '年度', '用地面积（亩）', '税收（万元）', '营业收入/产值（万元）', '综合能耗（吨标准煤）'];

/** A year's sheet as the statistics bureau would send it (names, no codes), saved to a file to upload. */
async function sheetOf(name: string, rows: (string | number | null)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('亩均效益');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lantu-e2e-land-')), name);
  await workbook.xlsx.writeFile(file);
  return file;
}

const rowsOf = (land: number) => [
  ['济南北园智能装备有限公司', null, YEAR, 85, 2890, 46_750, 3200],
  ['济南宝华光电科技有限公司', null, YEAR, 48, 1008, 16_320, 1900],
  ['济南桑梓店食品有限公司', null, YEAR, 95, 665, 17_100, 4800],
  ['济南大桥新材料股份有限公司', null, YEAR, land, 840, 27_300, 18_500],
];

async function pickYear(page: Page, year: number) {
  const input = inputOf(page, 'land-year-picker');
  await input.click();
  await input.fill(String(year));
  await input.press('Enter');
  await expect(input).toHaveValue(String(year));
}

test('the investment office imports a year of 亩均效益 figures from the bureaus’ sheet, fixes its bad row, and exports the table', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/land-efficiency');
  await expect(page.getByTestId('land-table')).toBeVisible();
  await pickYear(page, YEAR);
  await expect(page.getByTestId('land-thresholds')).toContainText(`本区尚未设定 ${YEAR} 年的分类标准`);
  await expect(page.getByTestId('land-table').locator('tbody tr.ant-table-row')).toHaveCount(0);

  // The year's thresholds first, as the 2025 ones.
  await page.getByTestId('land-thresholds-edit').click();
  const minima = { A: [30, 500], B: [15, 300], C: [5, 150] } as const;
  for (const [grade, [tax, output]] of Object.entries(minima)) {
    await inputOf(page, `land-threshold-${grade}-tax`).fill(String(tax));
    await inputOf(page, `land-threshold-${grade}-output`).fill(String(output));
  }
  await page.getByTestId('land-thresholds-save').click();
  await expect(page.getByTestId('land-thresholds-form')).toBeHidden();
  await expect(page.getByTestId('land-thresholds')).toContainText('A 类：亩均税收 ≥ 30.00 万元/亩');

  // The Excel menu: the import page under 亩均效益, set to the kind.
  await page.getByTestId('land-sheets').click();
  await expect(page.getByRole('menuitem', { name: '导出本年度评价表' })).toBeVisible();
  await page.getByRole('menuitem', { name: '导入年度数据…' }).click();
  await expect(page).toHaveURL(/\/land-efficiency\/import\?kind=land_figures/);
  await expect(page.getByTestId('import-kind').locator('.ant-segmented-item-selected')).toHaveText('亩均效益');
  await expect(menuItem(page, 'landEfficiency').first()).toHaveClass(/ant-menu-item-selected/);

  // One bad row (a third decimal of 亩): refused whole, the cell named, nothing written.
  await page.getByTestId('import-dropzone').setInputFiles(await sheetOf('2024年亩均效益（有误）.xlsx', rowsOf(210.125)));
  await expect(page.getByTestId('import-invalid')).toContainText('发现 1 处问题');
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('最多保留两位小数');
  await expect(problems).toContainText('用地面积');
  await fitsWidth(page);
  await shot(page, '420-desktop-land-import-problems');
  const written = await page.request.get(`/api/v1/land-efficiency?year=${YEAR}`);
  expect(((await written.json()) as { items: unknown[] }).items).toHaveLength(0);

  // Fixed: four years added, confirmed in one go.
  await page.getByTestId('import-again').first().click();
  await page.getByTestId('import-dropzone').setInputFiles(await sheetOf('2024年亩均效益.xlsx', rowsOf(210)));
  await expect(page.getByTestId('import-ready')).toContainText('新建 4 个，更新 0 个');
  await expect(page.getByTestId('import-ready')).toContainText('相关企业的亩均效益数据');
  await shot(page, '421-desktop-land-import-ready');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-committed')).toContainText('导入完成：新建 4 个，更新 0 个');
  await page.getByTestId('import-to-land-efficiency').click();
  await expect(page).toHaveURL(/\/land-efficiency$/);

  // The district's 2024: one of each class, the four others listed as not reported.
  await pickYear(page, YEAR);
  for (const grade of ['A', 'B', 'C', 'D']) {
    await expect(page.getByTestId(`land-count-${grade}`).locator('.ant-statistic-content-value')).toHaveText('1');
  }
  const table = page.getByTestId('land-table');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(4);
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText('济南北园智能装备有限公司');
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText('34.00');
  await fitsWidth(page);
  await shot(page, '422-desktop-land-imported-year');

  // The export: the table as shown, with class and per-亩 values, read back.
  await page.getByTestId('land-sheets').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出本年度评价表' }).click()]);
  expect(download.suggestedFilename()).toBe(`亩均效益评价-天桥区-${YEAR}.xlsx`);
  const saved = await download.path();
  // Kept with the test's output, to be opened in LibreOffice outside the browser.
  copyFileSync(saved, test.info().outputPath(`land-efficiency-${YEAR}.xlsx`));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(saved);
  const sheet = workbook.worksheets[0];
  const header = ((sheet?.getRow(1).values ?? []) as string[]).slice(1);
  expect(header).toEqual([
    '企业名称',
    '统一社会信用代码',
    '年度 *',
    '用地面积（亩） *',
    '税收（万元） *',
    '营业收入/产值（万元） *',
    '综合能耗（吨标准煤）',
    '评价类别',
    '亩均税收（万元/亩）',
    '亩均产值（万元/亩）',
    '单位能耗产值（万元/吨标准煤）',
  ]);
  expect(sheet?.rowCount).toBe(5);
  const first = ((sheet?.getRow(2).values ?? []) as unknown[]).slice(1);
  expect(first[0]).toBe('济南北园智能装备有限公司');
  expect(String(first[1])).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
  expect(first.slice(2)).toEqual([YEAR, 85, 2890, 46_750, 3200, 'A', 34, 550, 14.61]);
  const classes = [2, 3, 4, 5].map((r) => sheet?.getRow(r).getCell(8).value);
  expect(classes).toEqual(['A', 'B', 'C', 'D']);

  // On a phone: the page, its Excel menu as an icon, and the import page's kind picked from a list.
  await page.setViewportSize(PHONE);
  await fitsWidth(page);
  await shot(page, '423-phone-land-imported-year');
  await page.goto('/land-efficiency/import?kind=land_figures');
  await expect(page.getByText('点击或拖拽 .xlsx 文件到此处上传')).toBeVisible();
  await expect(page.getByTestId('import-kind')).toContainText('亩均效益');
  await fitsWidth(page);
  await shot(page, '424-phone-land-import');
  await page.getByTestId('import-kind').click();
  await expect(page.locator('.ant-select-item-option', { hasText: '亩均效益' })).toBeVisible();
  await expect(page.locator('.ant-select-item-option').first()).toHaveText('项目');
  await shot(page, '425-phone-import-kinds');
  await page.keyboard.press('Escape');

  // The parcels at 1440 px: the key columns in view, the rest scrolls inside the card.
  await page.setViewportSize(DESKTOP);
  await openFromMenu(page, 'parcels');
  await expect(page.getByTestId('parcels-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, '426-desktop-parcels');
});

test('a city reader picks a district to see its 亩均效益', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'city', '/land-efficiency');
  // No district of his own: he starts on his districts side by side (e2e/land-efficiency-city.spec.ts), and picks one.
  await expect(page.getByTestId('land-comparison')).toContainText('天桥区');
  await shot(page, '427-desktop-city-land-pick');
  await page.getByTestId('land-district-picker').click();
  await page.locator('.ant-select-item-option', { hasText: '天桥区' }).click();
  await expect(page).toHaveURL(/region=370105/);
  await expect(page.getByTestId('land-count-A').locator('.ant-statistic-content-value')).toHaveText('2');
  await expect(page.getByText('天桥区 · 评价对象')).toBeVisible();
  // He reads: the export, not the import or the thresholds.
  await expect(page.getByTestId('land-thresholds-edit')).toHaveCount(0);
  await page.getByTestId('land-sheets').click();
  await expect(page.getByRole('menuitem', { name: '导出本年度评价表' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '导入年度数据…' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await fitsWidth(page);
  await shot(page, '428-desktop-city-land-district');
  await page.setViewportSize(PHONE);
  await fitsWidth(page);
  await shot(page, '429-phone-city-land-district');
});
