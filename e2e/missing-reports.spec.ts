import { expect, test } from './contract';
import { fitsWidth, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

type Period = { id: string; period: string; counts: { missing: number } };

test('未报送: units with their counts, most first; a unit opened lists its projects a page at a time', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/');
  // The demo's month with the most reports still missing.
  const periods = (await (await page.request.get('/api/v1/reporting-periods?pageSize=24')).json()) as { items: Period[] };
  const period = [...periods.items].sort((a, b) => b.counts.missing - a.counts.missing)[0];
  if (!period || period.counts.missing === 0) throw new Error('the demo has no period with missing reports');
  await page.goto(`/reporting-periods/${period.id}/missing`);

  // The summary's total is the period's count of missing reports, and the units' counts add up to it.
  await expect(page.getByTestId('missing-summary')).toContainText(`共 ${period.counts.missing} 个项目未报送`);
  const units = page.getByTestId('missing-unit');
  await expect(units.first()).toBeVisible();
  const counts = (await units.evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-count'))))) as number[];
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  if (counts.length < 30) expect(counts.reduce((a, b) => a + b, 0)).toBe(period.counts.missing);
  await expect(page.getByTestId('missing-reports')).toHaveCount(0);
  await fitsWidth(page);
  await shot(page, '540-missing-units');

  // Opening the unit with most: its projects (ten a page), each linking to the project and the report.
  await units.first().click();
  await expect(page).toHaveURL(/unit=/);
  const lines = page.getByTestId('missing-report');
  await expect(lines.first()).toBeVisible();
  const first = counts[0] ?? 0;
  await expect(lines).toHaveCount(Math.min(first, 10));
  await expect(lines.first().locator('a[href^="/projects/"]')).toHaveCount(1);
  await expect(lines.first().getByTestId('missing-report-open')).toHaveAttribute('href', /^\/my-reports\//);
  if (first > 10) {
    await page.getByTestId('missing-reports').locator('.ant-pagination-item-2').click();
    await expect(page).toHaveURL(/page=2/);
    await expect(lines).toHaveCount(Math.min(first - 10, 10));
  }
  await shot(page, '541-missing-unit-open');

  // On a phone: the same, fitting the width; the open unit and page kept in the address.
  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(lines.first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, '543-phone-missing-unit-open');
  await units.first().click();
  await expect(page.getByTestId('missing-reports')).toHaveCount(0);
  await fitsWidth(page);
  await shot(page, '542-phone-missing-units');

  // In English every label is in words (the office's language set back for the other specs).
  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-en-US').click();
  await expect(page.getByTestId('missing-summary')).toContainText(`${period.counts.missing} projects not reported`);
  await units.nth(1).click();
  await expect(lines.first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, '544-phone-missing-english');
  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-zh-CN').click();
  await expect(page.getByTestId('missing-summary')).toContainText('未报送');
});

test('a closed month reopened with its reason for late reports, then closed again', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/');
  const periods = (await (await page.request.get('/api/v1/reporting-periods?pageSize=24')).json()) as {
    items: (Period & { status: string })[];
  };
  const closed = periods.items.find((p) => p.status === 'closed');
  if (!closed) throw new Error('the demo has no closed period');
  await page.goto('/reporting-periods');
  const row = page.getByTestId('period-table').locator('tr', { has: page.getByTestId(`period-${closed.period}`) });
  await expect(row).toContainText('已关闭');
  await row.getByTestId(`period-reopen-${closed.period}`).click();

  // Without a reason the server refuses, under the field; with one the month is open again.
  const form = page.getByTestId('period-reopen-form');
  await expect(form).toBeVisible();
  await page.getByTestId('period-reopen-confirm').click();
  await expect(form.locator('.ant-form-item-explain-error')).toHaveText('重新开放填报期须填写原因');
  await page.getByTestId('period-reopen-reason').fill('北园街道补报本月台账');
  await shot(page, '625-period-reopen-form');
  await page.getByTestId('period-reopen-confirm').click();
  await expect(form).toBeHidden();
  await expect(row).toContainText('填报中');
  await expect(row.getByTestId(`period-close-${closed.period}`)).toBeVisible();
  await expect(row.getByTestId(`period-reopen-${closed.period}`)).toHaveCount(0);
  await shot(page, '626-period-reopened');

  // Closed again (its reports hold only approved ones and ones never submitted, so nothing awaits review).
  await row.getByTestId(`period-close-${closed.period}`).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /^关\s*闭$/ })
    .click();
  await expect(row).toContainText('已关闭');
  await expect(row.getByTestId(`period-reopen-${closed.period}`)).toBeVisible();
});
