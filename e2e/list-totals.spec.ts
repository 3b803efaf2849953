import { moneyParts, wanToYuan } from '../common/domain/money';
import { expect, test } from './contract';
import { inputOf, shot, signInAs } from './helpers';

// Issue 13: "list totals equal the sum of the rows" — the count and total investment above the project list are the
// rows the filter shows, added up as the reader sees them.
test('the totals above the project list are the count and the sum of the rows the search shows', async ({ page }) => {
  await signInAs(page, 'office', '/projects');
  const table = page.getByTestId('project-table');
  await expect(table).toBeVisible();
  await inputOf(page, 'project-search').fill('片区');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=/);
  // Every match on one page, so that the rows shown are all the totals count.
  await page.goto(`${page.url()}&pageSize=100`);

  const totals = page.getByTestId('project-totals');
  await expect(totals).toContainText('共');
  const rows = table.locator('tbody tr.ant-table-row');
  const count = Number((await totals.textContent())?.match(/共\s*(\d+)\s*个项目/)?.[1]);
  expect(count).toBeGreaterThan(1);
  await expect(rows).toHaveCount(count);

  // The 总投资（万元） column, wherever the reader's column choice puts it.
  const headers = await table.locator('thead th').allTextContents();
  const column = headers.findIndex((text) => text.includes('总投资'));
  expect(column).toBeGreaterThanOrEqual(0);
  const cells = await rows.locator(`td:nth-child(${column + 1})`).allTextContents();
  const sum = cells.reduce((total, cell) => total + (wanToYuan(cell.trim()) ?? 0), 0);
  const { value, unit } = moneyParts(sum);
  await expect(page.getByTestId('project-totals-investment')).toContainText(`${value} ${unit === 'yi' ? '亿元' : '万元'}`);
  await shot(page, '455-project-list-totals');
});
