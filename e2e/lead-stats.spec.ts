import type { Page } from '@playwright/test';
import { expect, test } from './contract';
import { fitsWidth, openFromMenu, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const SIGNED_ON = ['signed', 'registered', 'started', 'funds_in', 'in_production'] as const;

/** The count a board column's head shows. */
async function columnCount(page: Page, stage: string): Promise<number> {
  const badge = page.getByTestId(`lead-column-${stage}`).locator('.ant-scroll-number').first();
  return Number(await badge.getAttribute('title'));
}
const funnelCount = async (page: Page, step: string) => Number(await page.getByTestId(`lead-funnel-${step}-count`).innerText());

test('the conversion figures: a funnel and a table by unit, method, industry and month that agree with the board and the indicators', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // The project office opens the lead board; the columns from 签约 on hold the signed leads by where they are now.
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/leads');
  await expect(page.getByTestId('lead-column-negotiating').getByTestId('lead-card').first()).toBeVisible({ timeout: 40_000 });
  const board: Record<string, number> = {};
  for (const stage of SIGNED_ON) board[stage] = await columnCount(page, stage);
  const signedOnBoard = SIGNED_ON.reduce((sum, stage) => sum + (board[stage] ?? 0), 0);
  expect(signedOnBoard).toBeGreaterThan(0);

  // 转化分析, one click from the board (the menu keeps 招商线索 lit): every lead signed, whatever the year.
  await page.getByTestId('lead-stats').click();
  await expect(page).toHaveURL(/\/leads\/stats$/);
  await expect(page.getByTestId('lead-funnel')).toBeVisible();
  await expect.poll(() => funnelCount(page, 'signed')).toBe(signedOnBoard);
  // A lead in production reached every stage before it: the funnel's last step is the board's last column.
  expect(await funnelCount(page, 'inProduction')).toBe(board.in_production);
  expect(await funnelCount(page, 'fundsIn')).toBe((board.funds_in ?? 0) + (board.in_production ?? 0));
  await expect(page.getByTestId('lead-funnel-registered')).toContainText(/占上一阶段 \d+(\.\d)?%，用时中位数 \d+ 天/);
  await expect(page.getByTestId('lead-stats-table')).toContainText('区投资促进中心');
  await expect(page.getByTestId('lead-stats-total')).toContainText('合计');
  await expect(page.getByTestId('lead-stats-total').locator('td').nth(1)).toHaveText(String(signedOnBoard));
  await fitsWidth(page);
  await shot(page, '520-lead-stats-by-unit');

  // By method: the grouping is in the address, the total unchanged.
  await page.getByTestId('lead-stats-by').getByText('按招商方式').click();
  await expect(page).toHaveURL(/by=method/);
  await expect(page.getByTestId('lead-stats-table')).toContainText('招商方式');
  await expect(page.getByTestId('lead-stats-table')).toContainText('以商招商');
  await expect(page.getByTestId('lead-stats-total').locator('td').nth(1)).toHaveText(String(signedOnBoard));
  await shot(page, '521-lead-stats-by-method');

  // This year's signings agree with the indicator 签约招商项目 the office set.
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).formatToParts(new Date())[0]?.value);
  await page.getByTestId('lead-stats-year').click();
  await page.locator('.ant-select-dropdown:visible').getByText(`${year}年签约`).click();
  await expect(page).toHaveURL(new RegExp(`year=${year}`));
  await page.getByTestId('lead-stats-by').getByText('按签约月份').click();
  await expect(page).toHaveURL(/by=month/);
  await expect(page.getByTestId('lead-stats-table')).toContainText('签约月份');
  const signedThisYear = await funnelCount(page, 'signed');
  await shot(page, '522-lead-stats-this-year-by-month');
  // Going back in the browser returns to the same view.
  await page.reload();
  await expect(page.getByTestId('lead-stats-year')).toContainText(`${year}年签约`);
  await expect.poll(() => funnelCount(page, 'signed')).toBe(signedThisYear);

  await openFromMenu(page, 'targets');
  // The district's own indicators: a city's task given to the district (tagged 市级指标, e2e/city-targets.spec.ts may
  // have set one of the same computation) is another row.
  const districtIndicator = (name: RegExp) =>
    page.getByTestId('indicators-table').getByRole('row', { name }).filter({ hasNotText: '市级指标' });
  await expect(districtIndicator(/签约招商项目/)).toContainText(new RegExp(`(^|[^\\d.])${signedThisYear}个`));
  await expect(districtIndicator(/签约合同额/)).toContainText('亿元');
  await shot(page, '523-targets-attraction-computed');

  // In English every label is in words too (the office's language is set back afterwards).
  await page.goto('/leads/stats?by=industry');
  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-en-US').click();
  await expect(page.getByTestId('lead-funnel')).toContainText('In production');
  await expect(page.getByTestId('lead-stats-table')).toContainText('Industry');
  await expect(page.getByTestId('lead-stats-total')).toContainText('Total');
  await fitsWidth(page);
  await shot(page, '524-lead-stats-english');
  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-zh-CN').click();
  await expect(page.getByTestId('lead-funnel')).toContainText('已投产');

  // On a phone: the funnel, then a card per line, nothing wider than the screen.
  await page.setViewportSize(PHONE);
  await page.goto('/leads/stats?by=unit');
  await expect(page.getByTestId('lead-stats-card').first()).toBeVisible();
  await expect(page.getByTestId('lead-stats-card').last()).toContainText('合计');
  await fitsWidth(page);
  await shot(page, '525-phone-lead-stats');
});
