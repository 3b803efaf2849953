import type { Page } from '@playwright/test';
import { expect, test } from './contract';
import { formatDecimal } from '../web/src/lib/format';
import { fitsWidth, inputOf, pick, shot, signInAs, signOut } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

type Share = { regionName: string; targetValue: string; actual: string | null };
type Indicator = {
  name: string;
  regionLevel: string;
  targetValue: string;
  actual: string | null;
  districtShares: { items: Share[]; sum: string | null } | null;
};

/** The year's indicators as the signed-in reader gets them from the API: what the page must agree with. */
const indicatorsOf = async (page: Page, year: number): Promise<Indicator[]> =>
  (await (await page.request.get(`/api/v1/targets/indicators?year=${year}`)).json()).items;

/** A decimal as the page writes it: at most two places, no trailing zeros (web/src/lib/format.ts `formatDecimal`). */
const shown = (value: string) => formatDecimal(value);

const thisYear = () => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

// The city office (周立新, 市重点项目服务中心) sets a city indicator computed by Lantu — 签约合同额, the city's districts'
// signed leads together — breaks it down to 天桥区, 槐荫区 and 历城区, is refused a breakdown that does not add up to
// the target with a message that says by how much, then saves one that does and reads each district's share beside
// the district's own actual. The 天桥区 office then sees the city's indicator with its own share only, read-only.
// A province's ranking of its cities and its indicators broken down to 济南市 are e2e/province.spec.ts's.
test('the city office breaks a city indicator down to its districts; a district reads its own share', async ({ page }) => {
  test.setTimeout(240_000);
  const year = thisYear();
  const name = `签约合同额（E2E ${Date.now().toString(36)}）`;

  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'city_office', '/targets');
  await expect(page).toHaveURL(/\/targets$/);
  // The city office works in its own unit's tree: it lands on 区县对比 of the city's own indicators (by the districts
  // they are broken down to; the districts' own indicators are the city readers'), the list one switch away.
  await expect(page.getByTestId('shares-comparison')).toContainText('济南市市级指标分解到各区县');
  await page.getByTestId('targets-view').getByText('指标明细').click();
  const table = page.getByTestId('indicators-table');
  await expect(page.getByTestId('district-shares-完成投资')).toBeVisible();
  await expect(page.getByTestId('district-shares-sum-完成投资')).toHaveText('各区县分解合计395亿元，与市级目标一致');
  await shot(page, '545-city-targets-desktop');

  // A new city indicator, computed: the contract value of the leads signed this year in the city's districts.
  await page.getByTestId('indicator-add').click();
  await page.getByTestId('indicator-name').fill(name);
  await page.getByTestId('indicator-target').fill('150');
  await pick(page, page.getByTestId('indicator-measure'), '亿元');
  await page.getByTestId('indicator-owner').click();
  await page.keyboard.type('市重点项目服务中心');
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '市重点项目服务中心' }).first().click();
  await pick(page, page.getByTestId('indicator-source'), '系统计算');
  await pick(page, page.getByTestId('indicator-computation'), '签约合同额');
  await page.getByTestId('indicator-form-save').click();
  await expect(page.getByTestId('indicator-form')).toBeHidden();
  await expect(table).toContainText(name);
  await expect(page.getByTestId(`district-shares-${name}`)).toContainText('尚未分解到区县');

  // Broken down to the three districts, 10亿 short of the target: refused, nothing saved, the gap named.
  await page.getByTestId(`indicator-breakdown-${name}`).click();
  const form = page.getByTestId('breakdown-form');
  await expect(form).toBeVisible();
  const shares: [string, string][] = [
    ['天桥区', '80'],
    ['槐荫区', '30'],
    ['历城区', '30'],
  ];
  for (const [i, [district, value]] of shares.entries()) {
    await page.getByTestId('breakdown-add').click();
    await pick(page, page.getByTestId(`breakdown-district-${i}`), district);
    await inputOf(page, `breakdown-value-${i}`).fill(value);
  }
  await expect(page.getByTestId('breakdown-sum')).toContainText('合计140亿元');
  await page.getByTestId('breakdown-form-save').click();
  await expect(page.getByTestId('breakdown-error')).toHaveText('各区县分解任务合计140亿元，与市级目标150亿元相差10亿元，请调整后保存');
  await shot(page, '546-city-breakdown-refused-desktop');

  // 历城区 takes the 10亿: the sum matches and the shares are saved.
  await inputOf(page, 'breakdown-value-2').fill('40');
  await expect(page.getByTestId('breakdown-sum')).toContainText('合计150亿元');
  await expect(page.getByTestId('breakdown-error')).toHaveCount(0);
  await page.getByTestId('breakdown-form-save').click();
  await expect(form).toBeHidden();
  const sharesOnPage = page.getByTestId(`district-shares-${name}`);
  await expect(page.getByTestId(`district-shares-sum-${name}`)).toHaveText('各区县分解合计150亿元，与市级目标一致');

  // Each share beside the district's actual, as the API computes it; the city's figure is the districts' sum.
  const saved = (await indicatorsOf(page, year)).find((i) => i.name === name);
  expect(saved?.districtShares?.items.map((s) => [s.regionName, s.targetValue])).toEqual([
    ['槐荫区', '30'],
    ['天桥区', '80'],
    ['历城区', '40'],
  ]);
  const actuals = saved?.districtShares?.items.map((s) => Number(s.actual)) ?? [];
  expect(Number(saved?.actual)).toBeCloseTo(
    actuals.reduce((a, b) => a + b, 0),
    4,
  );
  for (const share of saved?.districtShares?.items ?? []) {
    await expect(sharesOnPage.getByTestId(`district-share-${share.regionName}`)).toContainText(
      `分解任务${shown(share.targetValue)}亿元，完成${shown(share.actual ?? '0')}亿元`,
    );
  }
  // The city's own figure on the page is the API's.
  await expect(table.locator('tr', { hasText: name })).toContainText(`${shown(saved?.actual ?? '0')}亿元`);
  await shot(page, '547-city-breakdown-saved-desktop');

  // On the office's phone: the same shares in the indicator's card, nothing wider than the screen.
  await page.setViewportSize(PHONE);
  await expect(sharesOnPage.getByTestId('district-share-历城区')).toBeVisible();
  await fitsWidth(page);
  await sharesOnPage.scrollIntoViewIfNeeded();
  await shot(page, '548-city-targets-phone');
  await page.getByTestId(`indicator-breakdown-${name}`).click();
  await expect(form).toBeVisible();
  await expect(page.getByTestId('breakdown-sum')).toContainText('合计150亿元');
  await shot(page, '549-city-breakdown-phone');
  await page.getByRole('button', { name: /取\s*消/ }).click();
  await expect(form).toBeHidden();
  await signOut(page);

  // The 天桥区 office: the city's indicator under the city's name, its own share only, no way to change either.
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/targets');
  const seen = (await indicatorsOf(page, year)).find((i) => i.name === name);
  expect(seen?.districtShares?.items.map((s) => s.regionName)).toEqual(['天桥区']);
  const own = page.getByTestId(`district-shares-${name}`);
  await expect(own).toContainText('济南市下达本区县任务：');
  await expect(own.getByTestId('district-share-天桥区')).toContainText(
    `分解任务80亿元，完成${shown(seen?.districtShares?.items[0]?.actual ?? '0')}亿元`,
  );
  await expect(own).not.toContainText('槐荫区');
  await expect(own).not.toContainText('历城区');
  await expect(page.getByTestId(`district-shares-sum-${name}`)).toHaveCount(0);
  await expect(page.getByTestId(`indicator-breakdown-${name}`)).toHaveCount(0);
  await expect(page.getByTestId(`indicator-edit-${name}`)).toHaveCount(0);
  await own.scrollIntoViewIfNeeded();
  await shot(page, '550-district-city-share-desktop');

  await page.setViewportSize(PHONE);
  await expect(own.getByTestId('district-share-天桥区')).toBeVisible();
  await fitsWidth(page);
  // The screen as the phone shows it (the whole page is 4,000 px of the district's own indicators): the city's first.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/e2e/screens/551-district-city-share-phone.png' });
  await signOut(page);
});
