import { expect, test } from './contract';
import { fitsWidth, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

// The city user (济南市重点项目服务中心) opens 亩均效益 and starts on his districts side by side for 2025: 天桥区 with
// its classes by its own thresholds, 槐荫区 and 历城区 saying plainly that nothing was entered (not zeros), the city
// total; a district opens its own year, and the back button returns to the comparison. On a phone, cards.
test('the city user compares the districts’ 亩均效益 and opens one', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'city', '/land-efficiency');
  const comparison = page.getByTestId('land-comparison');
  await expect(comparison).toContainText('2025 年各区县亩均效益对比');
  await expect(comparison).toContainText('按本区县自定的分类标准评价');
  const tianqiao = page.getByTestId('land-cmp-row-370105');
  await expect(tianqiao).toContainText('天桥区');
  await expect(tianqiao.getByTestId('land-cmp-cell-A')).toContainText('2 家');
  // Its own thresholds are shown in its row.
  await expect(tianqiao).toContainText('A ≥ 30.00 / 500.00');
  for (const code of ['370104', '370112']) {
    await expect(page.getByTestId(`land-cmp-row-${code}`).getByTestId('land-cmp-blank')).toHaveText('本年度未录入');
  }
  const total = page.getByTestId('land-cmp-total');
  await expect(total).toContainText('全市合计');
  await expect(total.getByTestId('land-cmp-cell-A')).toContainText('2 家');
  await fitsWidth(page);
  await shot(page, '485-desktop-city-land-comparison');

  // A district opens its year; back returns to the comparison.
  await page.getByTestId('land-cmp-open-370105').click();
  await expect(page).toHaveURL(/region=370105/);
  await expect(page.getByTestId('land-count-A').locator('.ant-statistic-content-value')).toHaveText('2');
  await expect(page.getByText('天桥区 · 评价对象')).toBeVisible();
  await shot(page, '486-desktop-city-land-district');
  await page.goBack();
  await expect(page.getByTestId('land-comparison')).toBeVisible();
  await page.getByTestId('land-cmp-open-370104').click();
  await expect(page).toHaveURL(/region=370104/);
  await expect(page.getByTestId('land-missing')).toBeVisible();
  await page.getByTestId('land-back-to-comparison').click();
  await expect(page).not.toHaveURL(/region=/);
  await expect(page.getByTestId('land-cmp-table')).toBeVisible();

  // On a phone: a card per district and the total, nothing wider than the screen.
  await page.setViewportSize(PHONE);
  await expect(page.getByTestId('land-cmp-card-370105')).toContainText('天桥区');
  await expect(page.getByTestId('land-cmp-card-370112')).toContainText('本年度未录入');
  await fitsWidth(page);
  await shot(page, '487-phone-city-land-comparison');
  await page.getByTestId('land-cmp-total').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('land-cmp-total')).toContainText('全市合计');
  await shot(page, '488-phone-city-land-total');
  await page.getByTestId('land-cmp-open-370105').click();
  await expect(page).toHaveURL(/region=370105/);
  await expect(page.getByTestId('land-count-A').locator('.ant-statistic-content-value')).toHaveText('2');
  await fitsWidth(page);
  await shot(page, '489-phone-city-land-district');
});
