import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { E2E_PASSWORD, inputOf, shot, signIn } from './helpers';

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
  await signIn(page, 'office', E2E_PASSWORD);
  await page.getByTestId('menu-projects').click();
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
