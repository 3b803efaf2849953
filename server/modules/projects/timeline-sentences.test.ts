import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import type { ProjectTimeline } from '../../../common/schemas/projects';
import { FILLED, insertPeriod, insertProject, insertReport, unitIdByName } from '../../test/factories';
import { type Client, describeEachDatabase, signInAs } from '../../test/harness';

type Entry = ProjectTimeline['items'][number];

// 项目动态 words a project's monthly reports and matters as sentences (web/src/modules/audit/utils/record-sentences.ts):
// the timeline gives each event what its sentence names — who, the report's month and amount, the reason of a return,
// the matter's title, the lead unit by name — which the audit event alone does not keep.
describeEachDatabase('project timeline: the facts of report and matter sentences', (t) => {
  let office: Client;
  let unit: Client;
  let beiyuan: string;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
  });

  const eventsOf = async (projectId: string): Promise<Entry[]> => {
    const response = await office.get(`/api/v1/projects/${projectId}/timeline`);
    expect(response.statusCode).toBe(200);
    return (response.json() as ProjectTimeline).items.filter((i) => i.kind === 'event');
  };
  const ok = async (response: Promise<{ statusCode: number; body: string; json: () => unknown }>) => {
    const answered = await response;
    expect(answered.statusCode, answered.body).toBe(200);
    return answered.json() as { id: string; version: number };
  };

  it('gives a report’s submission, return, resubmission and approval their month, amount, reason and author', async () => {
    const project = await insertProject(t().database, { leadUnitId: beiyuan, totalInvestmentYuan: 100_000_000 });
    const period = await insertPeriod(t().database);
    let report: { id: string; version: number } = await insertReport(t().database, period, {
      projectId: project.id,
      responsibleUnitId: beiyuan,
      ...FILLED,
    });
    const url = (rest: string) => `/api/v1/progress-reports/${report.id}${rest}`;
    report = await ok(unit.post(url('/submit'), { version: report.version }));
    report = await ok(office.post(url('/return'), { version: report.version, reason: '形象进度照片缺失' }));
    report = await ok(unit.post(url('/submit'), { version: report.version }));
    report = await ok(office.post(url('/approve'), { version: report.version }));

    const month = `${period.year}-${String(period.month).padStart(2, '0')}`;
    const reportEvents = (await eventsOf(project.id)).filter((e) => e.recordType === 'progress_report');
    expect(reportEvents.map((e) => [e.action, e.actorName, e.about])).toEqual([
      ['progress_reports.approve', '李明（重点项目办）', { month }],
      ['progress_reports.submit', '张伟（北园街道）', { month }],
      ['progress_reports.return', '李明（重点项目办）', { month }],
      ['progress_reports.submit', '张伟（北园街道）', { month }],
    ]);
    const [approved, resubmitted, returned, submitted] = reportEvents;
    expect(submitted).toMatchObject({
      before: { status: 'draft' },
      after: { investmentYuan: FILLED.investmentYuan, responsibleUnitId: '北园街道办事处' },
    });
    expect(returned?.after).toMatchObject({ returnReason: '形象进度照片缺失' });
    expect(resubmitted?.before).toEqual({ status: 'returned' });
    expect(approved?.after).toMatchObject({ investmentYuan: FILLED.investmentYuan });
  });

  it('gives each step of a project’s matter its title and the lead unit by name', async () => {
    const project = await insertProject(t().database, { leadUnitId: beiyuan });
    const deadline = addDays(todayInChina(), 20);
    const raised = await office.post('/api/v1/matters', {
      source: 'project_problem',
      projectId: project.id,
      title: '供电线路迁改',
      description: '施工红线内 10kV 线路需迁改',
      category: 'utilities',
      leadUnitId: beiyuan,
      deadline,
    });
    expect(raised.statusCode, raised.body).toBe(201);
    let matter = raised.json() as { id: string; version: number };
    const step = (client: Client, path: string, text?: string) =>
      ok(client.post(`/api/v1/matters/${matter.id}/${path}`, { version: matter.version, ...(text ? { text } : {}) }));
    matter = await step(unit, 'accept');
    matter = await step(unit, 'start');
    matter = await step(unit, 'feedback', '线路已迁改完毕');
    matter = await step(unit, 'submit-review');
    matter = await step(office, 'send-back', '缺少迁改验收单');
    matter = await step(unit, 'feedback', '已补迁改验收单');
    matter = await step(unit, 'submit-review');
    matter = await step(office, 'close');

    const matterEvents = (await eventsOf(project.id)).filter((e) => e.recordType === 'matter');
    expect(matterEvents.map((e) => [e.action, e.actorName])).toEqual([
      ['matters.close', '李明（重点项目办）'],
      ['matters.submit_review', '张伟（北园街道）'],
      ['matters.feedback', '张伟（北园街道）'],
      ['matters.send_back', '李明（重点项目办）'],
      ['matters.submit_review', '张伟（北园街道）'],
      ['matters.feedback', '张伟（北园街道）'],
      ['matters.start', '张伟（北园街道）'],
      ['matters.accept', '张伟（北园街道）'],
      ['matters.create', '李明（重点项目办）'],
    ]);
    for (const event of matterEvents) expect(event.about, event.action ?? undefined).toEqual({ title: '供电线路迁改' });
    expect(matterEvents.findLast((e) => e.action === 'matters.feedback')?.after).toMatchObject({ text: '线路已迁改完毕' });
    expect(matterEvents.find((e) => e.action === 'matters.send_back')?.after).toMatchObject({ text: '缺少迁改验收单' });
    expect(matterEvents.at(-1)?.after).toMatchObject({ title: '供电线路迁改', leadUnitId: '北园街道办事处', deadline });
  });

  it('gives other events no subject', async () => {
    const project = await insertProject(t().database, { leadUnitId: beiyuan });
    const changed = await office.patch(`/api/v1/projects/${project.id}`, { version: project.version, contactName: '赵六' });
    expect(changed.statusCode, changed.body).toBe(200);
    const [event] = await eventsOf(project.id);
    expect(event).toMatchObject({ action: 'projects.update', about: null });
  });

  it('names the project a funding line belongs to, not its id', async () => {
    const project = await insertProject(t().database, { leadUnitId: beiyuan });
    const created = await office.post(`/api/v1/projects/${project.id}/funding-lines`, { sourceCode: 'fiscal', plannedYuan: 8_000_000 });
    expect(created.statusCode, created.body).toBe(201);
    const [event] = await eventsOf(project.id);
    expect(event).toMatchObject({ action: 'funding_lines.create' });
    expect(event?.after).toMatchObject({ projectId: project.name, sourceCode: 'fiscal' });
  });
});
