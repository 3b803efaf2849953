import { beiyuanUnitId, call, closedProblem, filledReport, openPeriod } from './api-calls';
import { expect, test } from './contract';
import { fitsWidth, shot, signInAs } from './helpers';

test('项目动态 tells a project’s monthly report, its matter and a milestone binding as sentences', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, 'office', '/');
  const unitPage = await (await browser.newContext()).newPage();
  await signInAs(unitPage, 'unit', '/');

  // A project of 北园街道 whose 施工许可 milestone says 2026-10-01 while its permit was approved on 2026-09-27, bound.
  const beiyuan = await beiyuanUnitId(page);
  let project = await call(page, 'post', '/api/v1/projects', { name: '天桥区项目动态示范项目', leadUnitId: beiyuan });
  const permit = crypto.randomUUID();
  await call(page, 'put', `/api/v1/projects/${project.id}/plan`, {
    version: project.version,
    milestones: [
      {
        id: permit,
        name: '施工许可',
        kind: 'other',
        durationDays: 30,
        predecessorIds: [],
        actualStart: '2026-09-01',
        actualFinish: '2026-10-01',
        approvalTypeCode: null,
      },
    ],
  });
  await call(page, 'post', `/api/v1/projects/${project.id}/approval-items`, {
    typeCode: 'construct_permit',
    status: 'done',
    appliedOn: '2026-09-01',
    approvedOn: '2026-09-27',
  });
  project = (await (await page.request.get(`/api/v1/projects/${project.id}`)).json()) as typeof project;
  await call(page, 'post', `/api/v1/projects/${project.id}/plan/milestones/${permit}/bind`, { version: project.version });

  // Its monthly report: submitted by the street, returned by the office with a reason, submitted again, approved.
  const period = await openPeriod(page);
  const filled = await filledReport(page, unitPage, period.id, project.id);
  let report = filled.report;
  const reportUrl = filled.url;
  report = await call(unitPage, 'post', `${reportUrl}/submit`, { version: report.version });
  report = await call(page, 'post', `${reportUrl}/return`, { version: report.version, reason: '形象进度照片缺失' });
  report = await call(unitPage, 'post', `${reportUrl}/submit`, { version: report.version });
  await call(page, 'post', `${reportUrl}/approve`, { version: report.version });

  // Its problem: raised by the office, handled by the street, closed (销号).
  await closedProblem(page, unitPage, { projectId: project.id, leadUnitId: beiyuan, title: '供电线路迁改' });

  await page.goto(`/projects/${project.id}`);
  const timeline = page.getByTestId('project-timeline');
  const month = `${period?.year}年${period?.month}月`;
  await expect(timeline).toContainText(`李明（重点项目办） 审核通过了${month}月度填报（本月完成投资 1,200.00万元）`);
  await expect(timeline).toContainText(`张伟（北园街道） 重新提交了${month}月度填报（本月完成投资 1,200.00万元）`);
  await expect(timeline).toContainText(`李明（重点项目办） 退回了${month}月度填报：形象进度照片缺失`);
  await expect(timeline).toContainText(`张伟（北园街道） 提交了${month}月度填报（本月完成投资 1,200.00万元）`);
  await expect(timeline).toContainText(`张伟（北园街道） 填写了${month}月度填报（本月完成投资 1,200.00万元）`);
  await expect(timeline).toContainText(`李明（重点项目办） 将项目列入${month}月度填报，由北园街道办事处填报`);
  await expect(timeline).toContainText('问题“供电线路迁改”已销号');
  await expect(timeline).toContainText('张伟（北园街道） 反馈了问题“供电线路迁改”的办理结果：线路已迁改完毕');
  await expect(timeline).toContainText('李明（重点项目办） 交办了问题“供电线路迁改”，牵头单位 北园街道办事处，2099-12-31前办结');
  await expect(timeline).toContainText('节点“施工许可”按审批事项绑定，完成日期取 2026-09-27');
  // A sentence that names its author does not name him again below.
  const submitted = timeline
    .getByTestId('timeline-event')
    .filter({ hasText: `提交了${month}月度填报` })
    .first();
  await expect(submitted).not.toContainText('· 张伟');
  await timeline.scrollIntoViewIfNeeded();
  await shot(page, '390-timeline-sentences');

  await page.setViewportSize({ width: 390, height: 844 });
  await fitsWidth(page);
  await timeline.scrollIntoViewIfNeeded();
  await shot(page, '391-timeline-sentences-phone');
});
