import { expect, test } from './contract';
import { fitsWidth, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const DISTRICTS = ['天桥区', '槐荫区', '历城区'];

/** A month of China Standard Time as the page's address writes it, `offset` months from this one. */
const monthParam = (offset: number) => {
  const today = new Date(Date.now() + 8 * 3_600_000);
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
};

// The city user (济南市重点项目服务中心, a reader) opens 考核排名: last month's ranking of the city's three districts by
// the city's own rule — taken by the monthly job when the server started —, opens a district's explanation and its
// rank over the year, reads the rule's versions, and is told plainly when a year has no rule. Then on a phone.
test('the city user sees the districts ranked by the city rule, opens an explanation, and is told when a year has no rule', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'city', '/');
  const last = monthParam(-1);
  const lastYear = Number(last.slice(0, 4));
  const thisYear = Number(monthParam(0).slice(0, 4));
  const info = page.getByTestId('snapshot-info');

  if (lastYear !== thisYear) {
    // January: last month belongs to last year, which has no city rule in the demo — the page says so.
    await page.goto(`/scores?month=${last}`);
    await expect(info).toHaveText(`本级尚未设置${lastYear}年评分规则，暂无排名`);
    await shot(page, '470-city-ranking-no-rule-desktop');
    return;
  }

  // The monthly job takes last month at start: the page is read again until it has.
  await expect
    .poll(
      async () => {
        await page.goto(`/scores?month=${last}`);
        await expect(info).toBeVisible();
        return (await info.textContent()) ?? '';
      },
      { timeout: 60_000, intervals: [1_000, 2_000, 5_000] },
    )
    .toContain('按评分规则第1版');
  await expect(info).toContainText('系统按月自动生成');
  await expect(page.locator('.ant-card-head-title')).toHaveText('考核排名（济南市各区县）');
  await expect(page.getByTestId('ranking-districts-note')).toContainText('该区县全部单位的合计');
  const table = page.getByTestId('ranking-table');
  await expect(table.locator('thead')).toContainText('区县');
  const rows = table.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  const names = await page.getByTestId('ranking-unit').allTextContents();
  expect([...names].sort()).toEqual([...DISTRICTS].sort());
  await expect(rows.first().locator('td').nth(1)).toHaveText('1');
  await shot(page, '470-city-ranking-desktop');

  // The first district's row opens to its rank over the year (of 3 districts) and its explanation term by term,
  // which adds up to the score in the row.
  const first = names[0] ?? '';
  await rows.first().click();
  await expect(page.getByTestId('score-explanation')).toBeVisible();
  await expect(page.getByTestId('score-term')).toHaveCount(11);
  await expect(page.getByTestId('score-term').first()).toContainText('投资完成率 =');
  const score = await rows.first().getByTestId('ranking-score').textContent();
  await expect(page.getByTestId('score-total')).toHaveText(score ?? '');
  await expect(page.getByTestId('rank-history')).toContainText(`${first}：${thisYear}年各月名次`);
  await expect(page.getByTestId('rank-history-chart')).toHaveAttribute('aria-label', /第1名（共3个区县），得分/);
  await shot(page, '471-city-ranking-explained-desktop');

  // The rule: the city's version 1, read-only for a reader, ranking the districts in one list.
  await page.getByRole('tab', { name: '评分规则' }).click();
  const version = page.getByTestId('rule-version');
  await expect(version).toHaveCount(1);
  await expect(version.first()).toContainText('第1版');
  await expect(version.first()).toContainText('现行');
  await expect(page.getByTestId('rule-version-groups')).toHaveText('对所辖区县统一排名（变量按各区县全部单位合计）');
  await expect(page.getByTestId('rule-formula')).toHaveCount(0);
  await shot(page, '472-city-rule-desktop');

  // A year with no city rule: said plainly, not that a ranking is still to come.
  await page.goto(`/scores?month=${thisYear - 1}-06`);
  await expect(info).toHaveText(`本级尚未设置${thisYear - 1}年评分规则，暂无排名`);
  await expect(page.getByTestId('ranking-table')).toContainText(`本级尚未设置${thisYear - 1}年评分规则`);
  await shot(page, '473-city-no-rule-desktop');

  // On a phone: the three columns fit, a row opens to its explanation.
  await page.setViewportSize(PHONE);
  await page.goto(`/scores?month=${last}`);
  await expect(page.getByTestId('ranking-unit')).toHaveCount(3);
  await fitsWidth(page);
  await shot(page, '474-city-ranking-phone');
  await page.getByTestId('ranking-table').locator('tbody tr.ant-table-row').first().click();
  await expect(page.getByTestId('score-explanation')).toBeVisible();
  await fitsWidth(page);
  await page.getByTestId('score-explanation').scrollIntoViewIfNeeded();
  await shot(page, '475-city-ranking-explained-phone');
});

// A district's office keeps its own rule: 槐荫区 has none in the demo (the city's rule is not its), and its page says so.
test('a district office without a rule of its own is told so', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'huaiyin', `/scores?month=${monthParam(-1)}`);
  const info = page.getByTestId('snapshot-info');
  await expect(info).toBeVisible();
  // 槐荫区 has no rule of its own in the demo: its page says so rather than that the ranking is still to come.
  await expect(info).toContainText('本级尚未设置');
  await expect(page.locator('.ant-card-head-title')).toHaveText('考核排名');
  await shot(page, '476-district-without-rule-desktop');
});
