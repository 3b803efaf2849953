import { expect, test } from './contract';
import { fitsWidth, pick, shot, signInAs } from './helpers';

test('one fact in one place: approving the construction permit reaches the plan’s 施工许可 milestone, and 项目动态 says so in words', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, 'office', '/projects');
  await page.getByTestId('project-create').click();
  await page.getByTestId('project-name').fill('天桥区一事一处示范项目');
  await page.getByTestId('project-save').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
  const projectUrl = page.url().split('?')[0];

  // The industrial template binds its 施工许可 milestone to the construction permit.
  await page.goto(`${projectUrl}?track=construction`);
  await page.getByTestId('plan-apply-template').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '产业项目标准计划' }).click();
  await page.getByTestId('plan-apply-template-confirm').click();
  await expect(page.getByTestId('plan-table')).toContainText('施工许可');
  await expect(page.getByTestId('milestone-from-approval')).toHaveCount(0);

  // The permit is approved in the approval track, once.
  await page.getByRole('tab', { name: '立项' }).click();
  await page.getByTestId('approval-add').click();
  await pick(page, page.getByTestId('approval-type'), '建筑工程施工许可证');
  await pick(page, page.getByTestId('approval-status'), '已办结');
  const approvedOn = page.locator('input[data-testid="approval-approved-on"], [data-testid="approval-approved-on"] input').first();
  await approvedOn.click();
  await approvedOn.fill('2026-09-27');
  await page.keyboard.press('Enter');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await expect(page.getByTestId('approval-table')).toContainText('2026-09-27');

  // The plan shows the milestone reached that day, and where the date comes from.
  await page.getByRole('tab', { name: '建设' }).click();
  const permitRow = page.getByTestId('plan-table').getByRole('row', { name: /^施工许可/ });
  await expect(permitRow).toContainText('2026-09-27');
  await expect(permitRow.getByTestId('milestone-from-approval')).toContainText('取自审批事项“建筑工程施工许可证”的批准日期');
  await expect(page.getByTestId('gantt')).toBeVisible();
  await shot(page, '200-one-fact-plan');

  // In the editor that date cannot be typed; the 开工 milestone's planned date is typed here, and nowhere else.
  await page.getByTestId('plan-edit').click();
  await expect(page.getByTestId('milestone-actual-finish-4')).toContainText('请在审批事项中修改');
  const plannedStart = page
    .locator('[data-testid="milestone-planned-finish-5"] input, input[data-testid="milestone-planned-finish-5"]')
    .first();
  await plannedStart.click();
  await plannedStart.fill('2026-12-10');
  await page.keyboard.press('Enter');
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-editor')).toBeHidden();
  await expect(page.getByTestId('project-header')).toContainText('2026-12-10');
  await expect(page.getByTestId('project-dates-source')).toContainText('以推进计划的开工/竣工节点为准');

  // The project form shows that date read-only, and says why.
  await page.getByTestId('project-edit').click();
  await expect(page.getByTestId('project-dates-from-plan')).toContainText('由计划的开工/竣工节点确定');
  await expect(
    page.locator('[data-testid="project-planned-start"] input, input[data-testid="project-planned-start"]').first(),
  ).toBeDisabled();
  await page.getByTestId('project-dates-from-plan').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/screens/203-one-fact-form.png' });
  await page.keyboard.press('Escape');

  // 项目动态: the approval and the milestone that followed it, in words.
  const timeline = page.getByTestId('project-timeline');
  await expect(timeline).toContainText('将建筑工程施工许可证标为已批准（2026-09-27）');
  await expect(timeline).toContainText('节点随审批事项更新：“施工许可”2026-09-27');
  await timeline.scrollIntoViewIfNeeded();
  await shot(page, '201-one-fact-timeline');

  // On a phone the plan and 项目动态 fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await fitsWidth(page);
  await shot(page, '202-one-fact-phone');
});
