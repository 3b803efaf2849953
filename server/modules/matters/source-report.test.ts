import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import { createAccount } from '../../db/accounts';
import { matters, progressReports } from '../../db/schema';
import {
  insertMatter,
  insertPeriod,
  insertProject,
  insertReport,
  insertUnit,
  unitIdByName,
  uniqueSuffix,
  userIdOf,
} from '../../test/factories';
import {
  type Client,
  OTHER_REGION,
  TEST_PASSWORD,
  describeEachDatabase,
  errorOf,
  lastAuditEvent,
  signInAs,
  testConfig,
} from '../../test/harness';

type Raised = { id: string; title: string; status: string };

describeEachDatabase('matters raised from a monthly report', (t) => {
  let office: Client;
  let unit: Client;
  let beiyuan: string;
  const deadline = addDays(todayInChina(), 10);

  /** A project led by 北园街道 with a submitted report whose problems the office turns into a matter. */
  async function reportWithProblem() {
    const project = await insertProject(t().database, { leadUnitId: beiyuan });
    const period = await insertPeriod(t().database);
    const report = await insertReport(t().database, period, {
      projectId: project.id,
      responsibleUnitId: beiyuan,
      status: 'submitted',
      problems: '施工用电增容手续办理较慢，请区发改局协调。',
    });
    return { project, period, report };
  }

  const problemBody = (projectId: string, sourceReportId: string | undefined) => ({
    source: 'project_problem',
    projectId,
    ...(sourceReportId ? { sourceReportId } : {}),
    title: `施工用电增容${uniqueSuffix()}`,
    description: '施工用电增容手续办理较慢，请区发改局协调。',
    category: 'utilities',
    leadUnitId: beiyuan,
    deadline,
  });

  const mattersTitled = async (title: string) => (await t().database.db.select().from(matters).where(eq(matters.title, title))).length;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
  });

  it('records the report a matter is raised from: the matter names the report and its month, the report lists the matter', async () => {
    const { project, period, report } = await reportWithProblem();
    const body = problemBody(project.id, report.id);
    const response = await office.post('/api/v1/matters', body);
    expect(response.statusCode, response.body).toBe(201);
    const matter = response.json();
    expect(matter.sourceReport).toEqual({ id: report.id, year: period.year, month: period.month });
    expect((await office.get(`/api/v1/matters/${matter.id}`)).json().sourceReport).toEqual(matter.sourceReport);
    const event = await lastAuditEvent(t().database, 'matters.create', matter.id);
    expect(event?.after).toMatchObject({ projectId: project.id, sourceReportId: report.id });

    const raised: Raised[] = (await office.get(`/api/v1/progress-reports/${report.id}`)).json().raisedMatters;
    expect(raised).toEqual([{ id: matter.id, title: body.title, status: 'assigned' }]);
    // The responsible unit, who sees the report, sees the matter on it too.
    expect((await unit.get(`/api/v1/progress-reports/${report.id}`)).json().raisedMatters).toEqual(raised);

    // A matter raised without a source names none; a report with no matters lists none.
    const plain = await office.post('/api/v1/matters', problemBody(project.id, undefined));
    expect(plain.json().sourceReport).toBeNull();
    const other = await reportWithProblem();
    expect((await office.get(`/api/v1/progress-reports/${other.report.id}`)).json().raisedMatters).toEqual([]);
  });

  it("refuses another project's report on sourceReportId, in both languages, and writes nothing", async () => {
    const { project } = await reportWithProblem();
    const { report: otherReport } = await reportWithProblem();
    const body = problemBody(project.id, otherReport.id);
    const refused = await office.post('/api/v1/matters', body);
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).details).toEqual([
      { path: 'sourceReportId', message: '来源月度填报不属于本事项的项目：从月度填报转来的只能是该填报项目的项目问题' },
    ]);
    expect((await office.patch('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
    const english = await office.post('/api/v1/matters', body);
    await office.patch('/api/v1/auth/preferences', { locale: 'zh-CN' });
    expect(errorOf(english).details?.[0]?.message).toBe(
      "The source monthly report is not of this matter's project: a matter raised from a report is a problem of that report's project",
    );
    // Not a project problem at all: a 12345 item cannot claim a report either.
    const hotline = await office.post('/api/v1/matters', { ...body, source: 'hotline_12345', projectId: null });
    expect(errorOf(hotline).details?.map((d) => d.path)).toEqual(['sourceReportId']);
    expect(await mattersTitled(body.title)).toBe(0);
    expect((await office.get(`/api/v1/progress-reports/${otherReport.id}`)).json().raisedMatters).toEqual([]);
  });

  it('refuses a report the raiser does not see as not found on sourceReportId, and writes nothing', async () => {
    const { project } = await reportWithProblem();
    const foreignUnit = await insertUnit(t().database, { regionCode: OTHER_REGION.code });
    const foreignProject = await insertProject(t().database, { regionCode: OTHER_REGION.code, leadUnitId: foreignUnit.id });
    const foreignPeriod = await insertPeriod(t().database, { regionCode: OTHER_REGION.code });
    const hidden = await insertReport(t().database, foreignPeriod, { projectId: foreignProject.id, responsibleUnitId: foreignUnit.id });
    expect((await office.get(`/api/v1/progress-reports/${hidden.id}`)).statusCode).toBe(404);

    for (const sourceReportId of [hidden.id, '00000000-0000-4000-8000-000000000000']) {
      const body = problemBody(project.id, sourceReportId);
      const refused = await office.post('/api/v1/matters', body);
      expect(refused.statusCode).toBe(400);
      expect(errorOf(refused).details).toEqual([{ path: 'sourceReportId', message: '来源月度填报不存在或不在您的数据范围内' }]);
      expect(await mattersTitled(body.title)).toBe(0);
    }
  });

  it('lists on the report only the matters its reader sees; a deleted report leaves its matters, without a source', async () => {
    const { project, report } = await reportWithProblem();
    const seen = (await office.post('/api/v1/matters', problemBody(project.id, report.id))).json();
    // A matter of another unit, not about the project, that names the report: the office of the district sees it, the
    // clerk of 北园街道 (who sees the report through his project) does not.
    const otherUnit = await insertUnit(t().database, { regionCode: testConfig().regionCode });
    const unseen = await insertMatter(t().database, {
      leadUnitId: otherUnit.id,
      raisingUnitId: otherUnit.id,
      raisedBy: await userIdOf(t().database, 'office'),
      sourceReportId: report.id,
    });
    const ids = async (client: Client) =>
      ((await client.get(`/api/v1/progress-reports/${report.id}`)).json().raisedMatters as Raised[]).map((m) => m.id);
    expect(await ids(office)).toEqual([seen.id, unseen.id]);
    expect(await ids(unit)).toEqual([seen.id]);
    expect((await unit.get(`/api/v1/matters/${unseen.id}`)).statusCode).toBe(404);

    await t().database.db.delete(progressReports).where(eq(progressReports.id, report.id));
    const after = (await office.get(`/api/v1/matters/${seen.id}`)).json();
    expect(after.sourceReport).toBeNull();
    expect(after.status).toBe('assigned');
  });

  it('filters the board by the report a matter was raised from, and names the report only to a reader who sees it', async () => {
    const { project, report } = await reportWithProblem();
    const other = await reportWithProblem();
    // A co-unit of another street sees the matter (he helps with it) but not the project, so not its report.
    const coUnit = await insertUnit(t().database, { regionCode: testConfig().regionCode });
    const helperName = `co_${uniqueSuffix()}`;
    await createAccount(
      t().database.db,
      { ip: null, requestId: null },
      { username: helperName, displayName: helperName, unitId: coUnit.id, roleCode: 'unit_staff', password: TEST_PASSWORD },
    );
    const fromReport = await insertMatter(t().database, {
      leadUnitId: beiyuan,
      raisedBy: await userIdOf(t().database, 'office'),
      projectId: project.id,
      source: 'project_problem',
      sourceReportId: report.id,
      coUnitIds: [coUnit.id],
    });
    const fromOther = (await office.post('/api/v1/matters', problemBody(other.project.id, other.report.id))).json();
    await insertMatter(t().database, { leadUnitId: beiyuan, raisedBy: await userIdOf(t().database, 'office'), projectId: project.id });

    const board = async (client: Client, sourceReportId: string) =>
      ((await client.get(`/api/v1/matters?sourceReportId=${sourceReportId}&pageSize=100`)).json().items as Raised[]).map((m) => m.id);
    expect(await board(office, report.id)).toEqual([fromReport.id]);
    expect(await board(office, other.report.id)).toEqual([fromOther.id]);
    expect(await board(unit, report.id)).toEqual([fromReport.id]);
    expect(errorOf(await office.get('/api/v1/matters?sourceReportId=not-a-report')).details?.map((d) => d.path)).toEqual([
      'query.sourceReportId',
    ]);

    const coClient = await signInAs(t().app, helperName);
    expect(await board(coClient, report.id)).toEqual([fromReport.id]);
    const seenByCo = (await coClient.get(`/api/v1/matters/${fromReport.id}`)).json();
    expect(seenByCo.sourceReport).toBeNull();
    expect((await coClient.get(`/api/v1/progress-reports/${report.id}`)).statusCode).toBe(404);
    expect((await office.get(`/api/v1/matters/${fromReport.id}`)).json().sourceReport).toMatchObject({ id: report.id });
  });
});
