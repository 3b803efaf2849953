import { beiyuanUnitId, call, closedProblem, filledReport, openPeriod } from './api-calls';
import { expect, test } from './contract';
import { fitsWidth, shot, signInAs } from './helpers';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test('the audit log read in words: sentences, records by name with links, no ids or codes', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, 'office', '/');
  const unitPage = await (await browser.newContext()).newPage();
  await signInAs(unitPage, 'unit', '/');
  const suffix = Date.now().toString(36).slice(-4);

  // A project of 北园街道 with a monthly report the street fills and the office approves, and a problem closed.
  const beiyuan = await beiyuanUnitId(page);
  const name = `审计可读示范项目${suffix}`;
  const project = await call(page, 'post', '/api/v1/projects', { name, leadUnitId: beiyuan });
  const period = await openPeriod(page);
  const filled = await filledReport(page, unitPage, period.id, project.id);
  let report = filled.report;
  const reportUrl = filled.url;
  report = await call(unitPage, 'post', `${reportUrl}/submit`, { version: report.version });
  await call(page, 'post', `${reportUrl}/approve`, { version: report.version });
  const title = `供电线路迁改${suffix}`;
  const matter = await closedProblem(page, unitPage, { projectId: project.id, leadUnitId: beiyuan, title });

  // The office puts the project on the provincial list in its form.
  await page.goto(`/projects/${project.id}`);
  await page.getByTestId('project-edit').click();
  await page.locator('[data-testid="project-provincial-key"] input, input[data-testid="project-provincial-key"]').first().check();
  await page.getByTestId('project-save').click();
  await expect(page.getByTestId('project-form')).toBeHidden();

  // The audit log: sign-ins hidden, each event one sentence, the record by name beneath it.
  await page.goto('/audit');
  const table = page.getByTestId('audit-table');
  const month = `${period?.year}年${period?.month}月`;
  const row = (text: string) => table.locator('tr.ant-table-row', { hasText: text }).first();
  const changed = row(`修改了项目“${name}”：省级重点 否 → 是`);
  await expect(changed).toBeVisible();
  await expect(changed.getByTestId('audit-record')).toHaveText(`项目 · “${name}”`);
  await expect(changed.getByRole('link', { name: `“${name}”` })).toHaveAttribute('href', `/projects/${project.id}`);
  const closed = row(`问题“${title}”已销号`);
  await expect(closed.getByTestId('audit-record')).toHaveText(`事项 · “${title}” · 项目 “${name}”`);
  await expect(closed.getByRole('link', { name: `“${title}”` })).toHaveAttribute('href', `/matters/${matter.id}`);
  await expect(row(`反馈了问题“${title}”的办理结果：线路已迁改完毕`)).toBeVisible();
  const approved = row(`审核通过了${month}月度填报（本月完成投资 1,200.00万元）`);
  await expect(approved.getByTestId('audit-record')).toHaveText(`月报 · ${month} · 项目 “${name}”`);
  // A unit the event records by id is named (the matter's lead unit), and who acted by his name.
  await expect(row(`交办了问题“${title}”，牵头单位 北园街道办事处，2099-12-31前办结`)).toContainText('李明（重点项目办）');
  await expect(row(`签收了问题“${title}”`)).toContainText('张伟（北园街道）');
  await expect(table).not.toContainText('登录');
  // Nothing an official cannot read in the default view: no ids, field keys or action codes.
  const text = (await table.innerText()) ?? '';
  expect(text).not.toMatch(UUID);
  for (const raw of ['isProvincialKey', 'projects.update', 'progress_reports', 'matters.', 'leadUnitId']) expect(text).not.toContain(raw);
  await shot(page, '440-audit-words');

  // Expanded: the change as field / before / after, the action's code and the record's id as detail.
  await changed.locator('.ant-table-row-expand-icon').click();
  const changes = page.getByTestId('audit-changes').first();
  await expect(changes.locator('tr', { hasText: '省级重点' })).toContainText('否');
  await expect(changes.locator('tr', { hasText: '省级重点' })).toContainText('是');
  await expect(page.locator('.ant-table-expanded-row').first()).toContainText('projects.update');
  await shot(page, '441-audit-words-expanded');

  // The record's link opens the project.
  await changed.getByRole('link', { name: `“${name}”` }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}$`));

  // On a phone: the sentences wrap, the page does not scroll sideways, who acted shows under the time.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/audit');
  await expect(row(`修改了项目“${name}”：省级重点 否 → 是`)).toBeVisible();
  await expect(row(`问题“${title}”已销号`)).toContainText('李明');
  await fitsWidth(page);
  await shot(page, '442-audit-words-phone');
});
