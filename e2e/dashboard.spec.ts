import type { Page } from '@playwright/test';
import { expect, test } from './contract';
import { E2E_PASSWORD, fitsWidth, shot, signIn, signInAs, signOut } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const WALL = { width: 1920, height: 1080 };

const numberIn = async (page: Page, testId: string, selector = 'strong') =>
  Number(((await page.getByTestId(testId).locator(selector).first().textContent()) ?? '').replace(/[^\d]/g, ''));

test('the office’s dashboard shows the district’s figures, drills into the list whose total matches, on the wall and on a phone', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'office', E2E_PASSWORD);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  const projects = page.getByTestId('kpi-projects');
  // The figures come after the page (a loaded machine takes its time).
  await expect(projects).toContainText('重点项目');
  await expect(projects).toContainText('总投资');
  const count = Number(((await projects.locator('.ant-statistic-content-value').textContent()) ?? '').replace(/[^\d]/g, ''));
  expect(count).toBeGreaterThan(0);
  await expect(page.getByTestId('kpi-annual-words')).toContainText('完成年度计划的');
  await expect(page.getByTestId('chart-monthly').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('dashboard-attention')).toContainText('红灯');
  await shot(page, '120-dashboard');

  // The key projects card opens the year's list: its total is the card's count.
  await projects.click();
  await expect(page).toHaveURL(/\/projects\?year=\d{4}/);
  await expect(page.getByText(`共 ${count} 个项目`, { exact: true })).toBeVisible();
  await page.goBack();

  // 新开工 counts the projects that actually started this year, and opens exactly those.
  const newStarts = page.getByTestId('kpi-new-starts');
  const started = Number(((await newStarts.locator('.ant-statistic-content-value').textContent()) ?? '').replace(/[^\d]/g, ''));
  await expect(newStarts).toContainText('计划新开工');
  // The count itself (the card's middle holds its two links: the planned list and the target).
  await newStarts.locator('.ant-statistic-content-value').click();
  await expect(page).toHaveURL(/startedIn=\d{4}/);
  await expect(page.getByTestId('project-started-filter')).toBeVisible();
  await expect(page.getByText(`共 ${started} 个项目`, { exact: true })).toBeVisible();
  await page.goBack();

  // The red count opens the list of exactly those projects.
  const reds = await numberIn(page, 'kpi-warning-red');
  expect(reds).toBeGreaterThan(0);
  await page.getByTestId('kpi-warning-red').click();
  await expect(page).toHaveURL(/warning=red/);
  await expect(page.getByText(`共 ${reds} 个项目`, { exact: true })).toBeVisible();
  for (const colour of await page.getByTestId('warning-tag').evaluateAll((els) => els.map((el) => el.getAttribute('data-colour'))))
    expect(colour).toBe('red');
  await shot(page, '121-dashboard-red-projects');
  await page.goBack();

  // Open matters open the board filtered the same way.
  await page.getByTestId('kpi-matters-open').click();
  await expect(page).toHaveURL(/\/matters\?open=true/);
  await expect(page.getByTestId('matter-filter-drill')).toBeVisible();

  // The wall display: 1920×1080, dark, nothing to scroll, the one map in the middle.
  await page.setViewportSize(WALL);
  // A clock the test may move (time still flows by itself), to see the wall display refresh without waiting a minute.
  await page.clock.install();
  await page.goto('/big-screen');
  await expect(page.getByTestId('big-screen')).toBeVisible();
  await expect(page.getByTestId('kpi-projects')).toBeVisible();
  await expect(page.getByTestId('big-screen-map').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('chart-monthly').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('kpi-projects')).toContainText(String(count));
  // The year's new starts against their target, as on the dashboard (the 新开工项目 indicator's figures).
  await expect(page.getByTestId('kpi-new-starts-target')).toContainText('目标');
  const scroll = await page.evaluate(() => ({
    vertical: document.documentElement.scrollHeight - document.documentElement.clientHeight,
    horizontal: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  expect(scroll).toEqual({ vertical: 0, horizontal: 0 });
  await page.waitForTimeout(500); // the charts' entry animation, for the screenshot only
  await page.screenshot({ path: 'test-results/e2e/screens/122-big-screen-1920.png' });
  // Every minute it asks again for its figures and for the map's points together (a project turning red shows on the
  // map at the same time as in the counts).
  const askedAgain = (path: string) => page.waitForRequest((r) => r.method() === 'GET' && new URL(r.url()).pathname === path);
  const refreshed = Promise.all([
    askedAgain('/api/v1/dashboard'),
    askedAgain('/api/v1/dashboard/highlights'),
    askedAgain('/api/v1/map/projects'),
  ]);
  await page.clock.fastForward('01:01');
  await refreshed;

  // A phone: the same figures one under another, no sideways scroll.
  await page.setViewportSize(PHONE);
  await page.goto('/');
  await expect(page.getByTestId('kpi-projects')).toContainText(String(count));
  await fitsWidth(page);
  await shot(page, '123-dashboard-phone');
  await signOut(page);
});

test('a leader’s dashboard starts on the projects he is in charge of', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'leader', '/');
  await expect(page.getByTestId('dashboard-scope')).toBeVisible();
  await expect(page.getByTestId('kpi-projects')).toBeVisible();
  await expect(page.getByTestId('dashboard-scope').locator('.ant-segmented-item-selected')).toContainText('我包挂的项目');
  const mine = Number(
    ((await page.getByTestId('kpi-projects').locator('.ant-statistic-content-value').textContent()) ?? '').replace(/[^\d]/g, ''),
  );
  await page.getByTestId('kpi-projects').click();
  await expect(page).toHaveURL(/leaderId=/);
  await expect(page.getByText(`共 ${mine} 个项目`, { exact: true })).toBeVisible();
  await page.goBack();
  await shot(page, '124-dashboard-leader');
  await signOut(page);
});
