import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test } from './contract';
import { fitsWidth, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** A month of China Standard Time as the page's address writes it, `offset` months from this one. */
const monthParam = (offset: number) => {
  const today = new Date(Date.now() + 8 * 3_600_000);
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
};

const FIXED = '60 + 10 * reports_on_time_ratio + 5 * matters_closed_on_time_ratio - 0.5 * late_reports - 0.2 * red_months';

/** The demo's bureaus and park committees that lead projects: 区直部门 by kind. */
const LEADING_BUREAUS = [
  '区住房和城乡建设局',
  '区工业和信息化局',
  '农业装备产业园管委会',
  '医疗器械产业园管委会',
  '技术转移转化产业园管委会',
  '新材料产业园区管委会',
  '智能制造产业园管委会',
  '检验检测产业园管委会',
];
/** The demo's bureaus that lead no project: excluded from 区直部门 by the demo rule. */
const BUREAUS_LEFT_OUT = ['区发展和改革局', '区投资促进中心', '区财政局', '区行政审批服务局', '区统计局', '区大数据局'];

test('the office edits the scoring formula, sees its error at its column, previews, saves a version, and reads the ranking explained', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/scores');
  await expect(page).toHaveURL(/\/scores/);

  // 评分规则: the demo formula is version 1; a typing slip is shown at its line and column, with a caret.
  await page.getByRole('tab', { name: '评分规则' }).click();
  await expect(page.getByTestId('rule-version')).toHaveCount(1);
  await expect(page.getByTestId('rule-formula')).toContainText('investment_completion');
  await page.getByTestId('rule-formula').fill('10 * reports_on_time_ratio + * red_months');
  await page.getByTestId('rule-check').click();
  await expect(page.getByTestId('formula-problem')).toContainText('第1行第30列');
  await expect(page.getByTestId('formula-problem-line')).toContainText(`${' '.repeat(29)}^`);
  await shot(page, '190-scoring-rule-error-desktop');

  // The demo rule's groups: 街道 by kind, 区直部门 by kind without the bureaus that lead no project; who is left out.
  const cards = page.getByTestId('ranking-group-card');
  await expect(cards).toHaveCount(2);
  await expect(page.getByTestId('group-name').nth(0)).toHaveValue('街道');
  await expect(page.getByTestId('group-name').nth(1)).toHaveValue('区直部门');
  await expect(page.getByTestId('group-members').nth(0)).toContainText('15 个单位');
  // 区直部门 holds the bureaus and park committees that lead projects — and any bureau another journey of this run
  // added (a unit joins its group by kind), so its size is read, its members checked by name.
  const bureaus = page.getByTestId('group-members').nth(1);
  for (const name of LEADING_BUREAUS) await expect(bureaus).toContainText(name);
  for (const name of BUREAUS_LEFT_OUT) await expect(bureaus).not.toContainText(name);
  const bureauCount = Number(/^(\d+) 个单位/.exec((await bureaus.textContent()) ?? '')?.[1]);
  expect(bureauCount).toBeGreaterThanOrEqual(LEADING_BUREAUS.length);
  await expect(page.getByTestId('groups-not-assessed')).toContainText('区重点项目建设办公室');
  await cards.nth(1).scrollIntoViewIfNeeded();
  await shot(page, '300-scoring-groups-editor-desktop');

  // With the formula fixed, a third group of park committees would rank them twice: refused on its field, nothing
  // saved; removed again.
  await page.getByTestId('rule-formula').fill(FIXED);
  await page.getByTestId('group-add').click();
  await expect(cards).toHaveCount(3);
  await page.getByTestId('group-name').nth(2).fill('园区');
  await cards.nth(2).getByTestId('group-kinds').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '园区管委会' }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('rule-save').click();
  await expect(cards.nth(2).locator('.ant-form-item-explain-error').first()).toContainText('已在“区直部门”组中，不能同时属于“园区”组');
  await expect(page.getByTestId('rule-version')).toHaveCount(1);
  await cards.nth(2).scrollIntoViewIfNeeded();
  await shot(page, '301-scoring-groups-refused-desktop');
  await cards.nth(2).getByTestId('group-remove').click();
  await expect(cards).toHaveCount(2);

  // Fixed: checked, previewed on last month's data by group (each unit's value opening to its terms), saved as version 2.
  await page.getByTestId('rule-check').click();
  await expect(page.getByTestId('formula-ok')).toContainText('按时填报率');
  await page.getByTestId('rule-preview').click();
  const preview = page.getByTestId('formula-preview');
  await expect(preview.getByTestId('preview-group-title')).toHaveText(['街道（15个单位）', `区直部门（${bureauCount}个单位）`]);
  await expect(preview.locator('tbody tr.ant-table-row').first()).toBeVisible();
  await preview.locator('tbody tr.ant-table-row').first().click();
  await expect(preview.getByTestId('score-term').first()).toContainText('60');
  await page.getByTestId('rule-note').fill('只用已有数据来源的变量');
  await page.getByTestId('rule-save').click();
  await expect(page.getByTestId('rule-version')).toHaveCount(2);
  await expect(page.getByTestId('rule-version').first()).toContainText('第2版');
  await expect(page.getByTestId('rule-version').first()).toContainText('现行');
  await expect(page.getByTestId('rule-version-groups').first()).toContainText(`街道（15）、区直部门（${bureauCount}）`);
  await shot(page, '191-scoring-rule-saved-desktop');

  // Last month's ranking: taken once (by the monthly job when the server started, else now by the office), then fixed.
  await page.goto(`/scores?month=${monthParam(-1)}`);
  await expect(page.getByTestId('snapshot-info')).toBeVisible();
  if (await page.getByTestId('scores-compute').isVisible()) await page.getByTestId('scores-compute').click();
  await expect(page.getByTestId('snapshot-info')).toContainText('按评分规则第');
  await expect(page.getByTestId('snapshot-fixed')).toBeVisible();
  await expect(page.getByTestId('scores-compute')).toHaveCount(0);
  // Ranked in two groups, each from rank 1; the offices that run the assessment are in neither. (区直部门's size is
  // the month's: a bureau added by another journey after last month was taken is not in it.)
  const groupTitles = page.getByTestId('ranking-group-title');
  await expect(groupTitles.nth(0)).toHaveText('街道（15个单位）');
  const bureauGroup = page.getByTestId('ranking-group').nth(1);
  for (const name of LEADING_BUREAUS) await expect(bureauGroup).toContainText(name);
  await expect(groupTitles.nth(1)).toHaveText(`区直部门（${await bureauGroup.locator('tbody tr.ant-table-row').count()}个单位）`);
  for (const group of await page.getByTestId('ranking-group').all())
    await expect(group.locator('tbody tr.ant-table-row').first().locator('td').nth(1)).toHaveText('1');
  await expect(page.getByTestId('ranking-unit').filter({ hasText: '区重点项目建设办公室' })).toHaveCount(0);
  // Last month's ranks of the streets, which this month's trend sentence compares with.
  const lastMonthStreets = new Map<string, string>();
  for (const row of await page.getByTestId('ranking-group').nth(0).locator('tbody tr.ant-table-row').all())
    lastMonthStreets.set(
      (await row.getByTestId('ranking-unit').textContent())?.trim() ?? '',
      (await row.locator('td').nth(1).textContent())?.trim() ?? '',
    );
  const rows = page.getByTestId('ranking-table').locator('tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('1');
  await rows.first().click();
  await expect(page.getByTestId('score-explanation')).toBeVisible();
  // The explanation adds up to the score shown in the row.
  const score = await rows.first().getByTestId('ranking-score').textContent();
  await expect(page.getByTestId('score-total')).toHaveText(score ?? '');
  await shot(page, '192-scoring-ranking-last-month-desktop');
  await page.getByTestId('ranking-group').nth(1).scrollIntoViewIfNeeded();
  await shot(page, '302-scoring-ranking-groups-desktop');

  // This month is computed with version 2 and can be computed again; a row explains its score term by term.
  await page.goto(`/scores?month=${monthParam(0)}`);
  await page.getByTestId('scores-compute').click();
  await expect(page.getByTestId('snapshot-info')).toContainText('按评分规则第2版');
  await expect(page.getByTestId('scores-compute')).toHaveText(/重新计算本月/);
  await rows.first().click();
  await expect(page.getByTestId('score-term').first()).toContainText('60');
  await expect(page.getByTestId('score-term').nth(1)).toContainText('按时填报率 =');
  await shot(page, '193-scoring-ranking-this-month-desktop');

  // The open row also shows the unit's rank over the year's months (rank 1 at the top), read out in words, and
  // one sentence against last month's rank seen above (last month is in the chart when it is of the same year).
  const first = (await rows.first().getByTestId('ranking-unit').textContent())?.trim() ?? '';
  const [thisYear, thisMonth] = monthParam(0).split('-').map(Number);
  const [lastYear, lastMonth] = monthParam(-1).split('-').map(Number);
  await expect(page.getByTestId('rank-history')).toContainText(`${first}：${thisYear}年各月名次`);
  const chart = page.getByTestId('rank-history-chart');
  await expect(chart).toHaveAttribute('aria-label', new RegExp(`${thisMonth}月：第1名（街道共15个单位），得分`));
  await expect(chart.locator('canvas')).toBeVisible();
  const before = lastYear === thisYear ? Number(lastMonthStreets.get(first)) : Number.NaN;
  if (!Number.isNaN(before))
    await expect(chart).toHaveAttribute('aria-label', new RegExp(`${lastMonth}月：第${before}名（街道共15个单位），得分`));
  const sentence = Number.isNaN(before) ? '上月无名次，暂无比较' : before === 1 ? '与上月持平' : `较上月上升${before - 1}位`;
  await expect(page.getByTestId('rank-trend-sentence')).toHaveText(sentence);
  const box = await chart.boundingBox();
  if (box) await page.mouse.move(box.x + box.width - 24, box.y + box.height / 2, { steps: 5 });
  await shot(page, '400-scoring-rank-history-desktop');

  // On a phone: the ranking's three columns fit, and a row opens to its explanation.
  await page.setViewportSize(PHONE);
  await fitsWidth(page);
  await expect(page.getByTestId('score-explanation')).toBeVisible();
  await shot(page, '194-scoring-ranking-phone');
  await page.getByTestId('rank-history').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('rank-trend-sentence')).toHaveText(sentence);
  await shot(page, '401-scoring-rank-history-phone');
  await page.getByTestId('ranking-group').nth(1).scrollIntoViewIfNeeded();
  await shot(page, '303-scoring-ranking-groups-phone');
  await page.getByRole('tab', { name: '评分规则' }).click();
  await expect(page.getByTestId('rule-formula')).toBeVisible();
  await fitsWidth(page);
  await shot(page, '195-scoring-rule-phone');
  await page.getByTestId('ranking-group-card').nth(1).scrollIntoViewIfNeeded();
  await fitsWidth(page);
  await shot(page, '304-scoring-groups-editor-phone');
});

test('anyone who reads targets downloads a month’s ranking as Excel: the same units and scores as the page', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/');
  const month = monthParam(-1);
  await page.goto(`/scores?month=${month}`);
  await expect(page.getByTestId('snapshot-info')).toBeVisible();
  if (await page.getByTestId('scores-compute').isVisible()) await page.getByTestId('scores-compute').click();
  await expect(page.getByTestId('snapshot-info')).toContainText('按评分规则第');
  const rows = page.getByTestId('ranking-table').locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('scores-download')).toHaveText(/下载排名/);
  await shot(page, '210-scores-download-desktop');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scores-download').click()]);
  const [year, m] = month.split('-').map(Number);
  expect(download.suggestedFilename()).toBe(`天桥区${year}年${m}月考核排名.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('考核排名');
  if (!sheet) throw new Error('the workbook has no sheet 考核排名');
  expect(String(sheet.getCell('A1').value)).toContain(`天桥区${year}年${m}月考核排名`);
  expect((sheet.getRow(3).values as unknown[]).slice(1, 4)).toEqual(['名次', '单位', '得分']);
  // The file's first block is the page's first group (街道), under a row naming it; its first three lines are the
  // page's first three: unit and score to two decimals.
  expect(String(sheet.getCell('A4').value)).toBe('街道（15个单位）');
  for (let i = 0; i < 3; i += 1) {
    const row = rows.nth(i);
    const unit = (await row.getByTestId('ranking-unit').textContent())?.trim();
    const score = (await row.getByTestId('ranking-score').textContent())?.trim();
    const fileRow = sheet.getRow(5 + i);
    expect(fileRow.getCell(2).value).toBe(unit);
    expect(Number(fileRow.getCell(3).value).toFixed(2)).toBe(score);
  }

  await page.setViewportSize(PHONE);
  await fitsWidth(page);
  await expect(page.getByTestId('scores-download')).toBeVisible();
  await shot(page, '211-scores-download-phone');
});
