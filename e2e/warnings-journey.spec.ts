import { expect, test } from './contract';
import { E2E_PASSWORD, fitsWidth, openFromMenu, shot, signIn, signInAs, signOut } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

test('the office counts red projects by street and opens them; the administrator changes a threshold; a phone sees the counts', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // The project office opens 预警统计: the counts by lead unit, with the totals.
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/warnings');
  await expect(page).toHaveURL(/\/warnings$/);
  await expect(page.getByTestId('warning-summary-table')).toBeVisible();
  await expect(page.getByTestId('warning-totals')).toBeVisible();
  await expect(page.getByText('预警阈值')).toHaveCount(0);
  await shot(page, '100-warnings-by-unit');

  // By street: the group with the most reds comes first; its red count opens the list of exactly those projects.
  await page.getByTestId('warning-by').getByText('所在街道').click();
  await expect(page).toHaveURL(/by=street/);
  await expect(page.getByRole('columnheader', { name: '所在街道' })).toBeVisible();
  const red = page.locator('[data-testid="warning-count-red"]:not([data-group="*"])').first();
  await expect(red).toBeVisible();
  const street = (await red.getAttribute('data-group')) ?? '';
  const reds = Number(await red.textContent());
  expect(street).not.toBe('');
  expect(reds).toBeGreaterThan(0);
  await shot(page, '101-warnings-by-street');
  await red.click();
  await expect(page).toHaveURL(new RegExp(`/projects\\?.*streetCode=${street}`));
  await expect(page).toHaveURL(/warning=red/);
  await expect(page.getByTestId('warning-tag').first()).toBeVisible();
  const tags = page.getByTestId('warning-tag');
  for (const colour of await tags.evaluateAll((els) => els.map((el) => el.getAttribute('data-colour')))) expect(colour).toBe('red');
  await expect(page.locator('.ant-pagination-total-text')).toHaveText(`共 ${reds} 条`);
  await shot(page, '102-projects-red-in-street');

  // Back on the counts, the grouping is as it was.
  await page.goBack();
  await expect(page).toHaveURL(/by=street/);
  await expect(page.getByRole('columnheader', { name: '所在街道' })).toBeVisible();
  await signOut(page);

  // The administrator raises a threshold: a yellow above its red one is refused under the yellow field, then saved.
  await signIn(page, 'admin', E2E_PASSWORD);
  await openFromMenu(page, 'warnings');
  await page.getByRole('tab', { name: '预警阈值' }).click();
  const form = page.getByTestId('warning-settings-form');
  await expect(form).toBeVisible();
  await expect(form.getByText('年度投资完成率落后时间进度超过').first()).toBeVisible();
  const yellowBehind = page.getByTestId('warning-setting-yellowBehindPoints');
  const redBehind = page.getByTestId('warning-setting-redBehindPoints');
  await expect(redBehind).toHaveValue('30.0');
  await yellowBehind.fill('35');
  await page.getByTestId('warning-settings-save').click();
  const yellowItem = page.locator('.ant-form-item', { has: yellowBehind });
  await expect(yellowItem.locator('.ant-form-item-explain-error')).toHaveText('黄灯阈值不能高于红灯阈值');
  await shot(page, '103-warning-thresholds-refused');
  await redBehind.fill('40');
  await page.getByTestId('warning-settings-save').click();
  await expect(page.getByText('预警阈值已保存，项目预警已重新计算')).toBeVisible();
  await expect(page.getByTestId('warning-settings-default')).toHaveCount(0);
  await expect(yellowItem.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('warning-setting-redBehindPoints')).toHaveValue('40.0');
  await expect(page.getByTestId('warning-setting-yellowBehindPoints')).toHaveValue('35.0');
  await shot(page, '104-warning-thresholds-saved');

  // On a phone the counts are cards, each count still a link, and nothing scrolls sideways.
  await page.setViewportSize(PHONE);
  await page.goto('/warnings?by=leader');
  await expect(page.getByTestId('warning-summary-cards')).toBeVisible();
  await expect(page.getByTestId('warning-group').first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, '105-phone-warnings-by-leader');
});
