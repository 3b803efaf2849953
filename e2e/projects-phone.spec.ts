import { expect, test } from './contract';
import { fitsWidth, inputOf, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };

test('on a phone the office searches the project library, filters it by pool in a drawer, reads the cards and opens a project', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, 'office', '/projects');

  // A card per project, no table; the title and its buttons share the header without covering each other.
  const cards = page.getByTestId('project-cards');
  await expect(cards.locator('[data-testid^="project-card-"]').first()).toBeVisible();
  await expect(page.getByTestId('project-table')).toHaveCount(0);
  const title = await page.locator('.ant-card-head-title').first().boundingBox();
  const create = await page.getByTestId('project-create').boundingBox();
  expect(title && create && title.x + title.width <= create.x).toBe(true);
  // Only the search and 筛选 come before the data: the other filters wait in the drawer.
  await expect(page.getByTestId('project-search')).toBeVisible();
  await expect(page.getByTestId('project-nature-filter')).toBeHidden();
  await fitsWidth(page);
  await shot(page, '90-phone-projects');

  await inputOf(page, 'project-search').fill('产业园');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=/);
  await expect(cards).toContainText('产业园');

  // 筛选 opens the drawer; 实施库 narrows the list at once, and the button counts the filter.
  await page.getByTestId('project-filters-open').click();
  const drawer = page.getByTestId('project-filters-drawer');
  await expect(drawer.getByTestId('project-nature-filter')).toBeVisible();
  await drawer.getByTestId('project-pool-filter').getByText('实施库').click();
  await expect(page).toHaveURL(/pool=implementing/);
  await expect(drawer).toContainText('已选 1 项');
  await fitsWidth(page);
  await shot(page, '91-phone-project-filters');
  await page.getByTestId('project-filters-done').click();
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('project-filters-open').locator('..')).toContainText('1');

  // No column headers to sort by: 排序 beside the totals; the largest investment comes first.
  await page.getByTestId('project-card-sort').click();
  await page.locator('.ant-select-dropdown:visible').getByText('总投资从高到低').click();
  await expect(page).toHaveURL(/sort=-totalInvestmentYuan/);
  await expect(page).toHaveURL(/pool=implementing/);

  const tags = cards.getByTestId('pool-tag');
  await expect(tags.first()).toBeVisible();
  for (const tag of await tags.all()) await expect(tag).toHaveAttribute('data-pool', 'implementing');
  const first = cards.locator('[data-testid^="project-card-"]').first();
  await expect(first).toContainText('产业园');
  await expect(first).toContainText(/万元|亿元/);
  await expect(first).toContainText('责任单位');
  await fitsWidth(page);
  await shot(page, '92-phone-project-cards');

  // The name opens the project; going back returns to the same filtered list.
  const name = (await first.locator('a[data-testid^="project-link-"]').textContent()) ?? '';
  await first.locator('a[data-testid^="project-link-"]').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
  await expect(page.getByTestId('project-header')).toContainText(name);
  await fitsWidth(page);
  await shot(page, '93-phone-project');
  await page.goBack();
  await expect(page).toHaveURL(/pool=implementing/);
  await expect(cards).toContainText(name);
});
