import { expect, test } from './contract';
import { fitsWidth, pick, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

// The city user (济南市重点项目服务中心, a reader over the city's districts): the dashboard compares 天桥区 with the demo's
// two smaller districts and drills into one; the map's region picker goes from the city to a district; the
// indicators page compares the districts' targets and actuals; 考核排名 ranks the districts by the city's rule.
test('the city user compares three districts on the dashboard, drills into one, picks it on the map and compares their indicators', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'city', '/');
  const table = page.getByTestId('dashboard-districts');
  await expect(table).toBeVisible();
  for (const name of ['天桥区', '槐荫区', '历城区']) await expect(table).toContainText(name);
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(3);
  // The demo's three districts hold 187 key projects (133 + 24 + 30); journeys run before this one may have added some
  // to 天桥区. Whatever the number, the dashboard, the map and the indicators must agree on it.
  const kpi = page.getByTestId('kpi-projects');
  await expect(kpi).toContainText(/重点项目\s*\d+\s*个/);
  const cityProjects = (await kpi.textContent())?.match(/重点项目\s*(\d+)\s*个/)?.[1] ?? '';
  expect(Number(cityProjects)).toBeGreaterThanOrEqual(187);
  await shot(page, '320-city-dashboard');

  // A row opens that district's dashboard: its own figures (槐荫区's 24 key projects).
  await table.locator('tbody tr.ant-table-row').filter({ hasText: '槐荫区' }).click();
  await expect(page).toHaveURL(/regionCode=370104/);
  await expect(page.getByTestId('kpi-projects')).toContainText('24');
  await shot(page, '321-city-dashboard-huaiyin');

  // The map: the whole city first, then one district picked.
  await page.goto('/map');
  const region = page.getByTestId('map-region');
  await expect(region).toBeVisible();
  await expect(region).toContainText('济南市');
  // Every one of them is on the map or counted as not placed.
  const summary = page.getByTestId('map-summary');
  await expect(summary).toContainText(/图上\s*\d+\s*个项目/);
  const counted = (text: string | null, pattern: RegExp) => Number(text?.match(pattern)?.[1] ?? 0);
  const summaryText = await summary.textContent();
  expect(counted(summaryText, /图上\s*(\d+)/) + counted(summaryText, /(\d+)\s*个项目未标注位置/)).toBe(Number(cityProjects));
  await shot(page, '322-city-map');
  await pick(page, region, '历城区');
  await expect(page).toHaveURL(/region=370112/);
  await expect(page.getByTestId('map-summary')).toContainText('30');
  await shot(page, '323-city-map-licheng');

  // The indicators: the districts side by side, summed where it adds up.
  await page.goto('/targets');
  const comparison = page.getByTestId('indicator-comparison');
  await expect(comparison).toBeVisible();
  for (const name of ['天桥区', '槐荫区', '历城区', '全市合计']) await expect(comparison.locator('thead')).toContainText(name);
  await expect(page.getByTestId('compare-实施重点项目-370104')).toContainText('24');
  await expect(page.getByTestId('compare-total-实施重点项目')).toContainText(cityProjects);
  await expect(page.getByTestId('compare-total-完成投资')).toContainText('完成年度目标的');
  await expect(comparison).toContainText('不宜合计');
  await shot(page, '324-city-indicators');
  // The list of every district's indicators is one switch away.
  await page.getByTestId('targets-view').getByText('指标明细').click();
  await expect(page.getByTestId('indicators-table')).toBeVisible();
  await expect(page.getByTestId('indicator-add')).toHaveCount(0);

  // 考核排名: the city's own rule ranks its districts (e2e/city-ranking.spec.ts follows it further).
  await page.goto('/scores');
  await expect(page.locator('.ant-card-head-title')).toHaveText('考核排名（济南市各区县）');
  await expect(page.getByTestId('scores-above-district')).toHaveCount(0);
  await shot(page, '325-city-scores');

  // On a phone: the district table and the comparison as cards, nothing wider than the screen.
  await page.setViewportSize(PHONE);
  await page.goto('/');
  await expect(page.getByTestId('dashboard-districts')).toContainText('历城区');
  await fitsWidth(page);
  await shot(page, '326-city-dashboard-phone');
  await page.goto('/targets');
  await expect(page.getByTestId('compare-实施重点项目-370112')).toContainText('30');
  await fitsWidth(page);
  await shot(page, '327-city-indicators-phone');
});
