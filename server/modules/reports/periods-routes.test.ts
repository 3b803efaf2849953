import { and, count, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import { auditEvents, progressReports, projects, reportingPeriods } from '../../db/schema';
import { FILLED, insertPeriod, insertProject, insertReport, insertUnit, unitIdByName } from '../../test/factories';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

/** Months the API opens in this file: the year 2000, one month per test (the factories' periods start in 2001). */
const month = (m: number) => `2000-${String(m).padStart(2, '0')}`;
const monthAfter = (date: string, n: number) => {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

describeEachDatabase('reporting periods API', (t) => {
  let office: Client;
  let unit: Client;
  let viewer: Client;
  let otherAdmin: Client;
  let beiyuan: string;
  const base = '/api/v1/reporting-periods';
  const reportsOf = (periodId: string) => t().database.db.select().from(progressReports).where(eq(progressReports.periodId, periodId));

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
    viewer = await signInAs(t().app, 'viewer');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
  });

  it('answers 401 signed out, 403 without the right, 404 for another district’s period', async () => {
    const period = await insertPeriod(t().database);
    const far = await insertPeriod(t().database, { regionCode: OTHER_REGION.code });
    const project = await insertProject(t().database);
    const guest = anonymous(t().app);
    const open = { month: month(1), deadline: '2000-01-25' };
    for (const [method, path, body] of [
      ['GET', base, undefined],
      ['POST', base, open],
      ['GET', `${base}/${period.id}`, undefined],
      ['POST', `${base}/${period.id}/close`, { version: 1 }],
      ['POST', `${base}/${period.id}/reopen`, { version: 1, reason: '补报' }],
      ['POST', `${base}/${period.id}/projects`, { projectId: project.id }],
      ['DELETE', `${base}/${period.id}/projects/${project.id}`, undefined],
      ['GET', `${base}/${period.id}/missing`, undefined],
      ['GET', `${base}/${period.id}/missing/reports`, undefined],
    ] as const) {
      expect((await guest.request(method, path, body)).statusCode, `${method} ${path}`).toBe(401);
      if (method !== 'GET') {
        for (const client of [unit, viewer]) {
          const refused = await client.request(method, path, body);
          expect(refused.statusCode, `${method} ${path}`).toBe(403);
          expect(errorOf(refused).code).toBe('forbidden');
        }
      }
    }
    for (const path of [`${base}/${far.id}`, `${base}/${far.id}/missing`]) {
      expect((await office.get(path)).statusCode).toBe(404);
      expect((await otherAdmin.get(path)).statusCode).toBe(200);
    }
    expect((await office.post(`${base}/${far.id}/close`, { version: 1 })).statusCode).toBe(404);
    expect((await office.post(`${base}/${far.id}/projects`, { projectId: project.id })).statusCode).toBe(404);
    expect(await t().database.db.select().from(reportingPeriods).where(eq(reportingPeriods.year, 2000))).toHaveLength(0);
  });

  it('opens a month: every implementing project of the district owes a draft from its lead unit; audited', async () => {
    const { database } = t();
    const housing = await unitIdByName(database, '区住房和城乡建设局');
    const building = await insertProject(database, { leadUnitId: housing });
    const idea = await insertProject(database, { pool: 'planning' });
    const farUnit = await insertUnit(database, { regionCode: OTHER_REGION.code });
    const far = await insertProject(database, { regionCode: OTHER_REGION.code, leadUnitId: farUnit.id });

    const response = await office.post(base, { month: month(2), deadline: '2000-02-25' });
    expect(response.statusCode).toBe(201);
    const period = response.json();
    const implementing = await database.db
      .select({ n: count() })
      .from(projects)
      .where(and(eq(projects.regionCode, '370105'), eq(projects.pool, 'implementing')));
    expect(period).toMatchObject({
      regionCode: '370105',
      year: 2000,
      month: 2,
      period: '2000-02',
      deadline: '2000-02-25',
      status: 'open',
      closedAt: null,
      abilities: { close: true, reopen: false, addProject: true, removeProject: true },
    });
    expect(period.counts).toMatchObject({ owed: implementing[0]?.n, draft: implementing[0]?.n, missing: implementing[0]?.n, approved: 0 });
    const owed = await reportsOf(period.id);
    expect(owed).toHaveLength(implementing[0]?.n ?? -1);
    expect(owed.find((r) => r.projectId === building.id)).toMatchObject({
      responsibleUnitId: housing,
      status: 'draft',
      year: 2000,
      month: 2,
    });
    expect(owed.some((r) => r.projectId === idea.id || r.projectId === far.id)).toBe(false);

    const event = await lastAuditEvent(database, 'reporting_periods.open', period.id);
    expect(event).toMatchObject({ recordType: 'reporting_period', actorName: 'office', regionCode: '370105' });
    expect(event?.after).toMatchObject({ year: 2000, month: 2, deadline: '2000-02-25', reportCount: owed.length });
    const created = await database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'progress_reports.create'),
          inArray(
            auditEvents.recordId,
            owed.map((r) => r.id),
          ),
        ),
      );
    expect(created[0]?.n).toBe(owed.length);

    // The unit clerk counts only his unit's reports; the office all of them.
    const seen = (await unit.get(`${base}/${period.id}`)).json();
    expect(seen.counts.owed).toBe(owed.filter((r) => r.responsibleUnitId === beiyuan).length);
    expect(seen.abilities).toEqual({ close: false, reopen: false, addProject: false, removeProject: false });
    const listed = (await office.get(`${base}?year=2000`)).json();
    expect(listed.items.map((p: { id: string }) => p.id)).toContain(period.id);
    expect(listed.abilities).toEqual({ open: true });
    expect((await otherAdmin.get(`${base}?year=2000`)).json().items).toEqual([]);
  });

  it('opens one period per district and month (409 naming the month), and only for a real month, deadline and district', async () => {
    const today = todayInChina();
    const current = today.slice(0, 7);
    // The demo opened this month already.
    const twice = await office.post(base, { month: current, deadline: `${current}-25` });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice)).toMatchObject({ code: 'conflict', details: [{ path: 'month', message: '该区县这个月的填报期已经开启过' }] });
    const first = await office.post(base, { month: month(3), deadline: '2000-04-30' });
    expect(first.statusCode).toBe(201);
    expect(errorOf(await office.post(base, { month: month(3), deadline: '2000-03-20' })).details?.[0]?.path).toBe('month');

    const cases: [Record<string, unknown>, string, string][] = [
      [{ month: '2000-13', deadline: '2000-01-25' }, 'month', '月份格式应为 YYYY-MM（2000–2100 年）'],
      [{ month: monthAfter(today, 2), deadline: `${monthAfter(today, 2)}-25` }, 'month', '最多只能开启下个月的填报期'],
      [{ month: month(4), deadline: '2000-03-31' }, 'deadline', '截止日期应在该月 1 日至下月月底之间'],
      [{ month: month(4), deadline: '2000-06-01' }, 'deadline', '截止日期应在该月 1 日至下月月底之间'],
      [{ month: month(4), deadline: '2000-04-25', regionCode: OTHER_REGION.code }, 'regionCode', '所选行政区划不是您管辖范围内的区县'],
      [{ month: month(4), deadline: '2000-04-25', regionCode: '370100' }, 'regionCode', '所选行政区划不是您管辖范围内的区县'],
      [{ month: month(4), deadline: '2000-04-31' }, 'deadline', ''],
      [{ month: month(4) }, 'deadline', ''],
    ];
    for (const [body, path, message] of cases) {
      const response = await office.post(base, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      const detail = errorOf(response).details?.[0];
      expect(detail?.path, JSON.stringify(body)).toBe(path);
      if (message) expect(detail?.message).toBe(message);
    }
    // Next month may be opened ahead; its deadline can be the end of the month after.
    const ahead = await office.post(base, { month: monthAfter(today, 1), deadline: addDays(`${monthAfter(today, 3)}-01`, -1) });
    expect(ahead.statusCode).toBe(201);
    const opened = await t().database.db.select().from(reportingPeriods).where(eq(reportingPeriods.year, 2000));
    expect(opened.some((p) => p.month === 4)).toBe(false);
  });

  it('closes a period at the version read, not while a report awaits review; a closed period takes no more reports', async () => {
    const { database } = t();
    const period = await insertPeriod(database);
    const project = await insertProject(database);
    const report = await insertReport(database, period, {
      projectId: project.id,
      responsibleUnitId: beiyuan,
      status: 'submitted',
      ...FILLED,
    });
    const pending = await office.post(`${base}/${period.id}/close`, { version: 1 });
    expect(pending.statusCode).toBe(409);
    expect(errorOf(pending)).toMatchObject({
      code: 'period_has_pending_reports',
      message: '还有 1 份已报送的报告未审核，请审核或退回后再关闭填报期',
    });
    const approved = await office.post(`/api/v1/progress-reports/${report.id}/approve`, { version: report.version });
    expect(approved.statusCode).toBe(200);

    expect(errorOf(await office.post(`${base}/${period.id}/close`, { version: 7 })).code).toBe('version_conflict');
    const closed = await office.post(`${base}/${period.id}/close`, { version: 1 }, { 'if-match': '"1"' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      version: 2,
      abilities: { close: false, reopen: true, addProject: false, removeProject: false },
    });
    expect(closed.json().closedAt).not.toBeNull();
    expect((await lastAuditEvent(database, 'reporting_periods.close', period.id))?.after).toMatchObject({ status: 'closed' });
    // A second click, and any change to the list, is refused.
    expect(errorOf(await office.post(`${base}/${period.id}/close`, { version: 2 })).code).toBe('period_closed');
    const other = await insertProject(database);
    expect(errorOf(await office.post(`${base}/${period.id}/projects`, { projectId: other.id })).code).toBe('period_closed');
    expect(errorOf(await office.delete(`${base}/${period.id}/projects/${project.id}`)).code).toBe('period_closed');
    expect(await reportsOf(period.id)).toHaveLength(1);
  });

  it('reopens a closed period with a reason: its unfinished reports are filled, submitted and approved again, late', async () => {
    const { database } = t();
    const period = await insertPeriod(database, { deadline: '2001-01-25' });
    const project = await insertProject(database, { leadUnitId: beiyuan });
    const report = await insertReport(database, period, { projectId: project.id, responsibleUnitId: beiyuan });
    const path = `${base}/${period.id}/reopen`;
    const notClosed = await office.post(path, { version: 1, reason: '补报' });
    expect(errorOf(notClosed)).toMatchObject({ code: 'period_not_closed', message: '填报期尚未关闭，无需重新开放' });
    expect((await office.post(`${base}/${period.id}/close`, { version: 1 })).statusCode).toBe(200);

    for (const body of [{ version: 2 }, { version: 2, reason: '   ' }]) {
      const refused = await office.post(path, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorOf(refused).details).toEqual([{ path: 'reason', message: '重新开放填报期须填写原因' }]);
    }
    expect(errorOf(await office.post(path, { version: 1, reason: '补报' })).code).toBe('version_conflict');
    expect((await otherAdmin.post(path, { version: 2, reason: '补报' })).statusCode).toBe(404);
    expect((await t().database.db.select().from(reportingPeriods).where(eq(reportingPeriods.id, period.id)))[0]?.status).toBe('closed');

    const reopened = await office.post(path, { version: 2, reason: '北园街道补报1月台账' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({
      status: 'open',
      closedAt: null,
      version: 3,
      abilities: { close: true, reopen: false, addProject: true, removeProject: true },
    });
    expect(await lastAuditEvent(database, 'reporting_periods.reopen', period.id)).toMatchObject({
      actorName: 'office',
      before: { status: 'closed' },
      after: { status: 'open', reason: '北园街道补报1月台账' },
    });
    expect(errorOf(await office.post(path, { version: 3, reason: '再次' })).code).toBe('period_not_closed');

    // The unit fills and submits its report again (late: the deadline stays), and the office approves it.
    const filled = await unit.patch(`/api/v1/progress-reports/${report.id}`, { version: report.version, ...FILLED });
    expect(filled.statusCode).toBe(200);
    const submitted = await unit.post(`/api/v1/progress-reports/${report.id}/submit`, { version: filled.json().version });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', late: true });
    const approved = await office.post(`/api/v1/progress-reports/${report.id}/approve`, { version: submitted.json().version });
    expect(approved.json()).toMatchObject({ status: 'approved' });
  });

  it('adds a project to an open period and takes one off while its report is not under way', async () => {
    const { database } = t();
    const period = await insertPeriod(database);
    const advancing = await insertProject(database, { pool: 'advancing' });
    const added = await office.post(`${base}/${period.id}/projects`, { projectId: advancing.id });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      projectId: advancing.id,
      periodId: period.id,
      status: 'draft',
      responsibleUnitId: advancing.leadUnitId,
    });
    expect((await lastAuditEvent(database, 'progress_reports.create', added.json().id))?.after).toMatchObject({ projectId: advancing.id });
    const twice = await office.post(`${base}/${period.id}/projects`, { projectId: advancing.id });
    expect(errorOf(twice)).toMatchObject({ code: 'conflict', details: [{ path: 'projectId', message: '该项目已在本期报送名单中' }] });

    const withdrawn = await insertProject(database, { pool: 'withdrawn' });
    expect(errorOf(await office.post(`${base}/${period.id}/projects`, { projectId: withdrawn.id })).details).toEqual([
      { path: 'projectId', message: '已退库的项目不需要报送' },
    ]);
    const farUnit = await insertUnit(database, { regionCode: OTHER_REGION.code });
    const far = await insertProject(database, { regionCode: OTHER_REGION.code, leadUnitId: farUnit.id });
    expect((await office.post(`${base}/${period.id}/projects`, { projectId: far.id })).statusCode).toBe(404);
    expect(errorOf(await office.post(`${base}/${period.id}/projects`, { projectId: 'x' })).details?.[0]?.path).toBe('projectId');

    // Off the list: a draft goes (audited); a submitted report stays.
    const removed = await office.delete(`${base}/${period.id}/projects/${advancing.id}`);
    expect(removed.statusCode).toBe(200);
    expect((await lastAuditEvent(database, 'progress_reports.delete', added.json().id))?.before).toMatchObject({ projectId: advancing.id });
    const busy = await insertProject(database);
    await insertReport(database, period, { projectId: busy.id, responsibleUnitId: beiyuan, status: 'submitted', ...FILLED });
    const refused = await office.delete(`${base}/${period.id}/projects/${busy.id}`);
    expect(errorOf(refused)).toMatchObject({ code: 'report_wrong_state', message: '该项目本期报告已报送或已审核，不能移出名单' });
    expect((await office.delete(`${base}/${period.id}/projects/${advancing.id}`)).statusCode).toBe(404);
    expect((await reportsOf(period.id)).map((r) => r.projectId)).toEqual([busy.id]);
  });

  // 未报送 (its counts by unit and a unit's pages): missing.test.ts.

  it('keeps a unit that owes or filed reports: deleting it answers 409', async () => {
    const { database } = t();
    const admin = await signInAs(t().app, 'admin');
    const former = await insertUnit(database, { regionCode: '370105' });
    // The project has since moved to another unit; the report keeps the unit that owed it.
    const project = await insertProject(database);
    await insertReport(database, await insertPeriod(database), { projectId: project.id, responsibleUnitId: former.id, ...FILLED });
    const refused = await admin.delete(`/api/v1/units/${former.id}`);
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).message).toBe('该单位有项目进度报告（工作台账的记录），不能删除');
    const empty = await insertUnit(database, { regionCode: '370105' });
    expect((await admin.delete(`/api/v1/units/${empty.id}`)).statusCode).toBe(200);
  });
});
