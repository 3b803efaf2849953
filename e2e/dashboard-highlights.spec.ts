import { writeFileSync } from 'node:fs';
import { expect, test } from './contract';
import { E2E_PASSWORD, fitsWidth, shot, signIn, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

test('the dashboard puts new starts against their target and the year’s attraction funnel, each equal to its own page', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/');
  const newStarts = page.getByTestId('kpi-new-starts');
  await expect(newStarts).toContainText('新开工');
  // 天桥区目标50个，已开工N个 — N the card's own count; then the standing against time in words.
  const target = page.getByTestId('kpi-new-starts-target-link');
  await expect(target).toContainText('天桥区目标50个');
  const started = digits(await newStarts.locator('.ant-statistic-content-value').textContent());
  await expect(target).toContainText(`已开工${started}个`);
  const standing = (await page.getByTestId('kpi-new-starts-standing').textContent()) ?? '';
  expect(standing).toMatch(/^完成年度目标的\d+(\.\d)?%/);
  // The funnel: the year's signed leads, before the charts (which load after the figures).
  const funnel = page.getByTestId('dashboard-attraction');
  await expect(funnel).toContainText('招商转化');
  const signed = digits(await funnel.getByTestId('lead-funnel-signed-count').textContent());
  const registered = digits(await funnel.getByTestId('lead-funnel-registered-count').textContent());
  const contract = (await funnel.getByTestId('lead-funnel-contract').textContent()) ?? '';
  expect(signed).toBeGreaterThan(0);
  await expect(page.getByTestId('chart-monthly').locator('canvas')).toBeVisible();
  await shot(page, '580-dashboard-highlights');

  // The target opens the targets page, whose 新开工 indicator stands in the same words.
  await target.click();
  await expect(page).toHaveURL(/\/targets\?year=\d{4}/);
  await expect(page.getByText(standing, { exact: true }).first()).toBeVisible();
  await page.goBack();

  // The funnel opens the conversion page of the year, with the same figures.
  await page.getByTestId('dashboard-attraction-open').click();
  await expect(page).toHaveURL(/\/leads\/stats\?year=\d{4}/);
  await expect(page.getByTestId('lead-funnel-signed-count')).toHaveText(String(signed));
  await expect(page.getByTestId('lead-funnel-registered-count')).toHaveText(String(registered));
  await expect(page.getByTestId('lead-funnel-contract')).toHaveText(contract);
  await shot(page, '581-lead-stats-from-dashboard');

  // On a phone: the same cards one under the other, nothing wider than the screen.
  await page.setViewportSize(PHONE);
  await page.goto('/');
  await expect(page.getByTestId('kpi-new-starts-target')).toBeVisible();
  await expect(page.getByTestId('dashboard-attraction')).toBeVisible();
  await fitsWidth(page);
  await page.getByTestId('kpi-new-starts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/screens/582-dashboard-highlights-phone.png' });
  await page.getByTestId('dashboard-attraction').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/screens/583-dashboard-funnel-phone.png' });
});

test('a street’s clerk sees no funnel and no target figure, in words', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'unit', '/');
  await expect(page.getByTestId('kpi-new-starts')).toBeVisible();
  await expect(page.getByTestId('kpi-new-starts-no-target')).toHaveText('本年未设新开工项目目标（或不在您的查看范围内）');
  await expect(page.getByTestId('chart-monthly').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('dashboard-attraction')).toHaveCount(0);
  await shot(page, '584-dashboard-street-clerk');
});

test('an administrator uploads a street’s boundary from the map; the district’s outline stays drawn around it', async ({ page }, info) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'admin', E2E_PASSWORD);
  await page.goto('/map');
  await expect(page.getByTestId('map-upload')).toBeVisible();
  await page.getByTestId('map-upload').click();
  // Whose boundary: 天桥区 itself or one of its streets.
  await page.getByTestId('map-upload-region').click();
  await page.keyboard.type('北园街道');
  await page.locator('.ant-select-item-option', { hasText: '北园街道' }).click();
  await expect(page.getByTestId('map-upload-file')).toContainText('选择北园街道的 GeoJSON 文件');
  await shot(page, '585-map-upload-street');
  const file = info.outputPath('beiyuan.geojson');
  const ring = [
    [116.98, 36.68],
    [117.03, 36.68],
    [117.03, 36.71],
    [116.98, 36.71],
    [116.98, 36.68],
  ];
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }],
    }),
  );
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/regions/370105014/boundary') && r.request().method() === 'POST');
  await page.locator('.ant-modal input[type=file]').setInputFiles(file);
  expect((await answered).status()).toBe(200);
  await expect(page.getByText('边界已更新')).toBeVisible();
  // The base now carries the street as a child, and the district's own boundary with it.
  const base = await page.evaluate(async () => (await fetch('/api/v1/map/base')).json());
  expect(base.boundary.regionName).toBe('天桥区');
  expect(base.children.map((c: { regionName: string }) => c.regionName)).toEqual(['北园街道']);
  await expect(page.getByTestId('region-map').locator('canvas').first()).toBeVisible();
  await page.waitForTimeout(800); // the map's redraw, for the screenshot only
  await shot(page, '586-map-district-with-street');
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(800);
  await fitsWidth(page);
  await shot(page, '587-map-district-with-street-phone');
});

test('a city reader sees the districts’ new starts added up as the comparison adds them, and reads it all in English', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'city', '/');
  const target = page.getByTestId('kpi-new-starts-target-link');
  await expect(target).toContainText('济南市各区县目标合计');
  const standing = (await page.getByTestId('kpi-new-starts-standing').textContent()) ?? '';
  await expect(page.getByTestId('dashboard-attraction')).toBeVisible();
  await shot(page, '588-dashboard-city-highlights');
  // The targets page's comparison of districts: its 新开工项目 total stands in the same words.
  await target.click();
  await expect(page).toHaveURL(/\/targets\?year=\d{4}/);
  await expect(page.getByTestId('compare-total-新开工项目')).toContainText(standing);
  await page.goto('/');
  // In English: the target line, the funnel and the map card in words.
  await page.getByTestId('language-switch').click();
  await page.getByText('English', { exact: true }).click();
  await expect(target).toContainText("济南市's districts: target");
  await expect(page.getByTestId('dashboard-attraction')).toContainText('Attraction conversion');
  await expect(page.getByTestId('dashboard-map')).toContainText('One map');
  await shot(page, '589-dashboard-city-english');
  // The language is the user's setting: set it back for the later journeys.
  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-zh-CN').click();
  await expect(page.getByTestId('dashboard-attraction')).toContainText('招商转化');
});
