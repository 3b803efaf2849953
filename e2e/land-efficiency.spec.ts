import { expect, test } from './contract';
import { fitsWidth, inputOf, openFromMenu, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

test('the investment office enters an enterprise’s 2025 land figures, sees its class, then the district’s 亩均效益 with the counts', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // The demo's one local industrial enterprise without 2025 figures (seed-data/demo-land-efficiency.ts).
  const name = '济南无影山汽车零部件有限公司';

  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/enterprises');
  await expect(page.getByTestId('enterprise-row').first()).toBeVisible();
  await page.getByTestId('enterprise-search').locator('input').fill('无影山');
  await page.getByTestId('enterprise-search').locator('input').press('Enter');
  await page.getByTestId('enterprise-link').filter({ hasText: name }).click();
  await expect(page.getByTestId('enterprise-title')).toHaveText(name);

  // Its 亩均效益 section: nothing entered yet. The year starts at last year's (2025, as the demo's thresholds).
  const section = page.getByTestId('enterprise-land');
  await expect(section).toContainText('尚未填报亩均效益数据');
  await section.getByTestId('land-add-year').click();
  const form = page.getByTestId('land-year-form');
  await expect(form).toBeVisible();
  await expect(inputOf(page, 'land-year')).toHaveValue('2025');
  // 80 亩: 1,280 万元 tax (16 万元/亩) and 25,600 万元 output (320 万元/亩) — both B's minima (15 and 300), not A's.
  await inputOf(page, 'land-mu').fill('0');
  await inputOf(page, 'land-tax').fill('1280');
  await inputOf(page, 'land-output').fill('25600');
  await inputOf(page, 'land-energy').fill('2100');
  await page.getByTestId('land-year-save').click();
  // Land of 0 亩 is refused under its field, and nothing is saved.
  await expect(form).toContainText('应大于 0');
  await inputOf(page, 'land-mu').fill('80');
  await page.getByTestId('land-year-save').click();
  await expect(form).toBeHidden();
  const row = section.locator('tr', { hasText: '2025' });
  await expect(row).toContainText('16.00');
  await expect(row).toContainText('320.00');
  await expect(row).toContainText('12.19');
  await expect(row.getByTestId('land-class')).toHaveText('B 类 · 支持发展');
  await fitsWidth(page);
  await shot(page, '410-desktop-enterprise-land-year');

  await page.setViewportSize(PHONE);
  await section.scrollIntoViewIfNeeded();
  await fitsWidth(page);
  await shot(page, '411-phone-enterprise-land-year');

  // The district's year: the demo's 2 A, 2 B, 2 C and 1 D, and now this enterprise in B; nobody left without figures.
  await page.setViewportSize(DESKTOP);
  await openFromMenu(page, 'landEfficiency');
  await expect(page).toHaveURL(/\/land-efficiency$/);
  const counts = { A: '2', B: '3', C: '2', D: '1' };
  for (const [grade, n] of Object.entries(counts)) {
    await expect(page.getByTestId(`land-count-${grade}`).locator('.ant-statistic-content-value')).toHaveText(n);
  }
  await expect(page.getByTestId('land-thresholds')).toContainText('B 类：亩均税收 ≥ 15.00 万元/亩，亩均产值 ≥ 300.00 万元/亩');
  await expect(page.getByTestId('land-missing')).toContainText('本年度的本地工业企业均已填报');
  const table = page.getByTestId('land-table');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(8);
  // Best first: the two A's lead the table.
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText('A 类');
  await fitsWidth(page);
  await shot(page, '412-desktop-land-district');

  // Only B: the three of them, this enterprise among them.
  await page.getByTestId('land-count-B').click();
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(3);
  await expect(table).toContainText(name);
  await shot(page, '413-desktop-land-district-class-b');

  // The thresholds editor, filled with the year's thresholds.
  await page.getByTestId('land-thresholds-edit').click();
  const editor = page.getByTestId('land-thresholds-form');
  await expect(editor).toBeVisible();
  await expect(inputOf(page, 'land-threshold-A-tax')).toHaveValue('30.00');
  await shot(page, '414-desktop-land-thresholds');
  // Closed unchanged (a click: under load an Escape pressed before the dialog took the focus was lost).
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await expect(editor).toBeHidden();

  await page.setViewportSize(PHONE);
  await page.getByTestId('land-class-filter').getByText('全部类别').click();
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(8);
  await fitsWidth(page);
  await shot(page, '415-phone-land-district');
});
