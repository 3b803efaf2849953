import ExcelJS from 'exceljs';
import { formatYi } from '../common/domain/money';
import { expect, test } from './contract';
import { fitsWidth, shot, signInAs } from './helpers';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A cell's number (a formula's result) in 元, from the 万元 the sheets hold. */
const yuanOf = (cell: ExcelJS.Cell) => {
  const value = cell.value as number | { result?: number } | null;
  return Math.round((typeof value === 'number' ? value : (value?.result ?? 0)) * 10_000);
};

/** The first sheet of a downloaded workbook. */
async function firstSheet(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

/** The 合计 row's figure in the column whose header (row `headerRow`) starts with `header`, in 元. */
function totalOf(sheet: ExcelJS.Worksheet, headerRow: number, header: string): number {
  const column = (sheet.getRow(headerRow).values as unknown[]).findIndex((v) => String(v ?? '').startsWith(header));
  expect(column, header).toBeGreaterThan(0);
  let total: number | null = null;
  sheet.eachRow((row) => {
    if (String(row.getCell(1).value ?? '').startsWith('合计')) total = yuanOf(row.getCell(column));
  });
  if (total === null) throw new Error('no 合计 row');
  return total;
}

test('the project office reads the district’s annual plan: its total is the ledger’s, by unit, category and month, who has not entered, the export', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/annual-plan');
  await expect(page).toHaveURL(/\/annual-plan$/);
  const totalCard = page.getByTestId('annual-plan-total');
  await expect(totalCard).toHaveAttribute('data-yuan', /^\d+$/);
  const shownYuan = Number(await totalCard.getAttribute('data-yuan'));
  await expect(page.getByTestId('annual-plan-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
  // The table fits the card at 1440 px with the menu open: no sideways scroll of the page or of the table.
  await fitsWidth(page);
  const sideways = await page
    .getByTestId('annual-plan-table')
    .locator('.ant-table-content, .ant-table-body')
    .first()
    .evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(sideways).toBeLessThanOrEqual(0);
  await shot(page, '430-annual-plan-projects');

  // The ledger of the same year, downloaded from the project library: its 年度计划投资 total is the page's.
  await page.goto('/projects');
  await expect(page.getByTestId('project-table')).toBeVisible();
  await page.getByTestId('project-export').click();
  const [ledgerDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('project-export-ledger').click()]);
  const ledgerTotal = totalOf(await firstSheet(await ledgerDownload.path()), 4, '年度计划投资');
  expect(ledgerTotal).toBe(shownYuan);
  await page.goBack();
  await expect(totalCard).toContainText(`${formatYi(ledgerTotal)} 亿元`);

  // A row opens to its twelve months.
  const firstRow = page.getByTestId('annual-plan-table').locator('tbody tr.ant-table-row').first();
  await firstRow.locator('.ant-table-row-expand-icon').click();
  await expect(page.getByTestId('annual-plan-row-months').first()).toContainText('12月');
  await shot(page, '431-annual-plan-row-months');

  // The export: the same rows and total.
  const [planDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('annual-plan-export').click()]);
  expect(planDownload.suggestedFilename()).toMatch(/^年度投资计划-\d{4}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const planSheet = await firstSheet(await planDownload.path());
  expect(totalOf(planSheet, 3, '当前计划')).toBe(shownYuan);
  await expect(page.locator('.ant-message')).toContainText('年度投资计划');

  // By unit, by category, by month: each with its total, the same figure.
  await page.getByRole('tab', { name: '按单位' }).click();
  const units = page.getByTestId('annual-plan-units');
  await expect(units.locator('tbody tr.ant-table-row').first()).toBeVisible();
  await expect(units.locator('.ant-table-summary')).toContainText('合计');
  await fitsWidth(page);
  await shot(page, '432-annual-plan-units');
  await page.getByRole('tab', { name: '按类别' }).click();
  await expect(page.getByTestId('annual-plan-categories').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await shot(page, '433-annual-plan-categories');
  await page.getByRole('tab', { name: '按月份' }).click();
  await expect(page.getByTestId('annual-plan-month-chart')).toBeVisible();
  await expect(page.getByTestId('annual-plan-months').locator('tbody tr')).toHaveCount(12);
  await shot(page, '434-annual-plan-months');

  // 未填报, opened from its key figure.
  await page.getByTestId('annual-plan-missing-count').click();
  await expect(page).toHaveURL(/tab=missing/);
  await expect(page.getByTestId('annual-plan-missing')).toBeVisible();
  await shot(page, '435-annual-plan-missing');

  // On a phone: cards, no sideways page scroll, the same total.
  await page.setViewportSize(PHONE);
  await page.goto('/annual-plan');
  await expect(page.getByTestId('annual-plan-card').first()).toBeVisible();
  await expect(page.getByTestId('annual-plan-table')).toHaveCount(0);
  await expect(totalCard).toHaveAttribute('data-yuan', String(shownYuan));
  await fitsWidth(page);
  await shot(page, '436-annual-plan-phone');
  await page.getByRole('tab', { name: '按单位' }).click();
  await expect(page.getByTestId('annual-plan-units').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, '437-annual-plan-phone-units');
  await page.getByTestId('annual-plan-missing-count').click();
  await expect(page.getByTestId('annual-plan-missing')).toBeVisible();
  await fitsWidth(page);
  await shot(page, '438-annual-plan-phone-missing');
});
