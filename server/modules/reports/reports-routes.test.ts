import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import type { RoleCode } from '../../../common/permissions';
import type { ReportStatus } from '../../../common/schemas/reports';
import { auditEvents, milestones, progressReports, projects } from '../../db/schema';
import {
  FILLED,
  type PeriodRecord,
  insertPeriod,
  insertProject,
  insertReport,
  insertTracks,
  insertUnit,
  unitIdByName,
  userIdOf,
} from '../../test/factories';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

const USERS: Record<RoleCode, string> = {
  admin: 'admin',
  project_office: 'office',
  unit_staff: 'unit',
  leader: 'leader',
  investment_staff: 'invest',
  supervisor: 'viewer',
};
const ROLES = Object.keys(USERS) as RoleCode[];
const FILLERS: RoleCode[] = ['admin', 'project_office', 'unit_staff'];
const REVIEWERS: RoleCode[] = ['admin', 'project_office'];

type Action = 'fill' | 'submit' | 'approve' | 'return';
const ACTIONS: Action[] = ['fill', 'submit', 'approve', 'return'];
/** The state each action leads to, from the states it may start in. */
const TRANSITIONS: Record<Action, { from: ReportStatus[]; to: (from: ReportStatus) => ReportStatus }> = {
  fill: { from: ['draft', 'returned'], to: (from) => from },
  submit: { from: ['draft', 'returned'], to: () => 'submitted' },
  approve: { from: ['submitted'], to: () => 'approved' },
  return: { from: ['submitted'], to: () => 'returned' },
};

describeEachDatabase('progress reports API', (t) => {
  const clients = {} as Record<RoleCode, Client>;
  let otherAdmin: Client;
  let beiyuan: string;
  const url = (id: string, rest = '') => `/api/v1/progress-reports/${id}${rest}`;
  const rowOf = async (id: string) => (await t().database.db.select().from(progressReports).where(eq(progressReports.id, id)))[0];
  const eventCount = async (recordId: string) =>
    (await t().database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.recordId, recordId)))[0]?.n ?? 0;

  /** Runs `body` with the client's language set to English (a user's setting wins over Accept-Language), then back. */
  async function inEnglish<T>(client: Client, body: () => Promise<T>): Promise<T> {
    expect((await client.patch('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
    try {
      return await body();
    } finally {
      await client.patch('/api/v1/auth/preferences', { locale: 'zh-CN' });
    }
  }

  /** Sends an action to a report at the version it has. */
  const act = (client: Client, action: Action, report: { id: string; version: number }, extra: Record<string, unknown> = {}) => {
    const version = report.version;
    switch (action) {
      case 'fill':
        return client.patch(url(report.id), { version, investmentYuan: 600_000, ...extra });
      case 'submit':
        return client.post(url(report.id, '/submit'), { version, ...extra });
      case 'approve':
        return client.post(url(report.id, '/approve'), { version, ...extra });
      case 'return':
        return client.post(url(report.id, '/return'), { version, reason: '完成投资与形象进度不符，请核实', ...extra });
    }
  };

  /** A report of a project led by 北园街道 (the unit clerk's unit), in a period of its own, in the state asked for. */
  async function reportIn(
    status: ReportStatus,
    options: { period?: Partial<PeriodRecord>; total?: number | null; leadUnitId?: string } = {},
  ) {
    const { database } = t();
    const leadUnitId = options.leadUnitId ?? beiyuan;
    const project = await insertProject(database, {
      leadUnitId,
      totalInvestmentYuan: options.total === undefined ? 100_000_000 : options.total,
    });
    const period = await insertPeriod(database, options.period);
    const submitted = status !== 'draft';
    const report = await insertReport(database, period, {
      projectId: project.id,
      responsibleUnitId: leadUnitId,
      status,
      ...FILLED,
      ...(submitted ? { firstSubmittedAt: new Date(), submittedAt: new Date() } : {}),
      ...(status === 'returned' ? { returnedAt: new Date(), returnReason: '请补充' } : {}),
    });
    return { project, period, report };
  }

  beforeAll(async () => {
    for (const role of ROLES) clients[role] = await signInAs(t().app, USERS[role]);
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
  });

  it('answers 401 to every report route when signed out', async () => {
    const { report } = await reportIn('draft');
    const guest = anonymous(t().app);
    expect((await guest.get('/api/v1/progress-reports')).statusCode).toBe(401);
    expect((await guest.get(url(report.id))).statusCode).toBe(401);
    for (const action of ACTIONS) expect((await act(guest, action, report)).statusCode, action).toBe(401);
    expect((await rowOf(report.id))?.version).toBe(1);
  });

  it('goes through every allowed transition and refuses every other, as each role, changing nothing when it refuses', async () => {
    const wrong: string[] = [];
    for (const from of ['draft', 'submitted', 'approved', 'returned'] as ReportStatus[]) {
      for (const action of ACTIONS) {
        for (const role of ROLES) {
          const { report } = await reportIn(from);
          const before = await rowOf(report.id);
          const response = await act(clients[role], action, report);
          const permitted = (action === 'fill' || action === 'submit' ? FILLERS : REVIEWERS).includes(role);
          const allowed = TRANSITIONS[action].from.includes(from);
          const expected = !permitted ? 403 : allowed ? 200 : 409;
          const cell = `${role} ${action} from ${from}`;
          if (response.statusCode !== expected) {
            wrong.push(`${cell} → ${response.statusCode} ${response.body.slice(0, 160)}, expected ${expected}`);
            continue;
          }
          const after = await rowOf(report.id);
          if (expected === 200) {
            const body = response.json();
            if (body.status !== TRANSITIONS[action].to(from) || after?.status !== body.status || after?.version !== 2) {
              wrong.push(`${cell} → ${body.status} (stored ${after?.status} v${after?.version})`);
            }
            if (!(await lastAuditEvent(t().database, `progress_reports.${action === 'fill' ? 'update' : action}`, report.id))) {
              wrong.push(`${cell}: no audit event`);
            }
          } else {
            if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${cell}: refused but changed`);
            if ((await eventCount(report.id)) !== 0) wrong.push(`${cell}: refused but audited`);
            const code = errorOf(response).code;
            if (code !== (expected === 403 ? 'forbidden' : 'report_wrong_state')) wrong.push(`${cell}: code ${code}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('answers a second click of the same button with 409 and changes nothing more', async () => {
    const { report } = await reportIn('draft');
    const first = await act(clients.unit_staff, 'submit', report);
    expect(first.statusCode).toBe(200);
    const after = await rowOf(report.id);
    const again = await act(clients.unit_staff, 'submit', report);
    expect(again.statusCode).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'version_conflict', message: '该记录已被他人修改，请刷新后再保存' });
    expect(await rowOf(report.id)).toEqual(after);
    const submits = await t()
      .database.db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, report.id), eq(auditEvents.action, 'progress_reports.submit')));
    expect(submits).toHaveLength(1);
    // The same for the review: approving twice.
    const submitted = first.json();
    expect((await act(clients.project_office, 'approve', submitted)).statusCode).toBe(200);
    expect(errorOf(await act(clients.project_office, 'approve', submitted)).code).toBe('version_conflict');
    expect(errorOf(await act(clients.project_office, 'return', submitted)).code).toBe('version_conflict');
    expect((await rowOf(report.id))?.status).toBe('approved');
  });

  it('refuses every write in a closed period with 409, naming the period', async () => {
    for (const [from, action] of [
      ['draft', 'fill'],
      ['draft', 'submit'],
      ['returned', 'submit'],
      ['submitted', 'approve'],
      ['submitted', 'return'],
    ] as [ReportStatus, Action][]) {
      const { report } = await reportIn(from, { period: { status: 'closed' } });
      const response = await act(clients.project_office, action, report);
      expect(response.statusCode, `${action} from ${from}`).toBe(409);
      expect(errorOf(response)).toMatchObject({
        code: 'period_closed',
        message: '填报期已关闭，不能再填报、报送或审核',
        details: [{ path: 'periodId', message: '填报期已关闭，不能再填报、报送或审核' }],
      });
      expect((await rowOf(report.id))?.status).toBe(from);
      expect(await eventCount(report.id)).toBe(0);
    }
    const { report } = await reportIn('draft', { period: { status: 'closed' } });
    expect((await clients.unit_staff.get(url(report.id))).json().abilities).toEqual({
      fill: false,
      submit: false,
      approve: false,
      return: false,
    });
  });

  it('answers 404 for a report of a project out of sight and 403 to a leader who only reads his project', async () => {
    const { database } = t();
    // Another district's project and period: the district's own administrator sees it, the office does not.
    const farUnit = await insertUnit(database, { regionCode: OTHER_REGION.code });
    const far = await reportIn('draft', { leadUnitId: farUnit.id, period: { regionCode: OTHER_REGION.code } });
    await database.db.update(projects).set({ regionCode: OTHER_REGION.code }).where(eq(projects.id, far.project.id));
    expect((await otherAdmin.get(url(far.report.id))).statusCode).toBe(200);
    for (const role of ROLES) expect((await clients[role].get(url(far.report.id))).statusCode, role).toBe(404);
    for (const action of ['fill', 'submit'] as Action[])
      expect((await act(clients.project_office, action, far.report)).statusCode).toBe(404);
    expect(errorOf(await act(clients.unit_staff, 'submit', far.report)).code).toBe('not_found');

    // Another unit of the district: the unit clerk (own unit) does not see it; the office does.
    const elsewhere = await reportIn('draft', { leadUnitId: await unitIdByName(database, '区住房和城乡建设局') });
    expect((await clients.unit_staff.get(url(elsewhere.report.id))).statusCode).toBe(404);
    expect((await act(clients.unit_staff, 'submit', elsewhere.report)).statusCode).toBe(404);
    expect((await clients.project_office.get(url(elsewhere.report.id))).statusCode).toBe(200);

    // A leader in charge reads his project's report and may do nothing to it (nor may anyone who sees a project only
    // as its leader: reports policy test).
    const leaderId = await userIdOf(database, 'leader');
    const led = await reportIn('draft', { leadUnitId: await unitIdByName(database, '区住房和城乡建设局') });
    await database.db.execute(sql`insert into project_leaders (project_id, user_id) values (${led.project.id}, ${leaderId})`);
    const read = await clients.leader.get(url(led.report.id));
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ fill: false, submit: false, approve: false, return: false });
    expect((await act(clients.leader, 'fill', led.report)).statusCode).toBe(403);
    expect(await eventCount(far.report.id)).toBe(0);
  });

  it('answers 400 naming the field, in the reader’s language, for bad input', async () => {
    const { report } = await reportIn('draft');
    const negative = await clients.unit_staff.patch(url(report.id), { version: 1, investmentYuan: -5 });
    expect(negative.statusCode).toBe(400);
    expect(errorOf(negative).details).toEqual([{ path: 'investmentYuan', message: '金额不能为负数' }]);
    const english = await inEnglish(clients.unit_staff, () => clients.unit_staff.patch(url(report.id), { version: 1, investmentYuan: -5 }));
    expect(errorOf(english).details).toEqual([{ path: 'investmentYuan', message: 'An amount cannot be negative' }]);
    const absurd = await clients.unit_staff.patch(url(report.id), { version: 1, investmentYuan: 1e15 });
    expect(errorOf(absurd).details).toEqual([{ path: 'investmentYuan', message: '金额过大（不能超过 10 万亿元）' }]);
    const shape = await clients.unit_staff.patch(url(report.id), {
      version: 1,
      progressPercent: 101,
      progressText: 'x'.repeat(2001),
      problems: 'y'.repeat(2001),
      milestones: [{ milestoneId: 'nope', reachedOn: '2024-02-30' }],
      colour: 'red',
    });
    expect(
      errorOf(shape)
        .details?.map((d) => d.path)
        .sort(),
    ).toEqual(['colour', 'milestones.0.milestoneId', 'milestones.0.reachedOn', 'problems', 'progressPercent', 'progressText'].sort());
    expect(errorOf(shape).details?.find((d) => d.path === 'progressPercent')?.message).toBe('形象进度百分比应为 0–100 的整数');

    // Milestones: in the project's plan, once each, not in the future.
    const outside = crypto.randomUUID();
    const milestones = await clients.unit_staff.patch(url(report.id), {
      version: 1,
      milestones: [
        { milestoneId: outside, reachedOn: '2024-01-01' },
        { milestoneId: outside, reachedOn: addDays(todayInChina(), 1) },
      ],
    });
    expect(errorOf(milestones).details).toEqual([
      { path: 'milestones.0.milestoneId', message: '该节点不在项目的推进计划中' },
      { path: 'milestones.1.milestoneId', message: '同一节点只能填报一次' },
      { path: 'milestones.1.reachedOn', message: '节点达成日期不能晚于今天' },
    ]);

    // A return needs its reason, in either language.
    const { report: submitted } = await reportIn('submitted');
    for (const body of [{ version: 1 }, { version: 1, reason: '   ' }]) {
      const zh = await clients.project_office.post(url(submitted.id, '/return'), body);
      expect(zh.statusCode).toBe(400);
      expect(errorOf(zh).details).toEqual([{ path: 'reason', message: '退回时须填写退回原因' }]);
      const en = await inEnglish(clients.project_office, () => clients.project_office.post(url(submitted.id, '/return'), body));
      expect(errorOf(en).details).toEqual([{ path: 'reason', message: 'Give the reason for returning the report' }]);
    }
    expect((await rowOf(report.id))?.version).toBe(1);
    expect((await rowOf(submitted.id))?.status).toBe('submitted');
    expect(await eventCount(report.id)).toBe(0);
  });

  it('refuses to submit an incomplete report, naming each missing field', async () => {
    const { database } = t();
    const project = await insertProject(database, { leadUnitId: beiyuan });
    const period = await insertPeriod(database);
    const report = await insertReport(database, period, { projectId: project.id, responsibleUnitId: beiyuan });
    const response = await act(clients.unit_staff, 'submit', report);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details).toEqual([
      { path: 'investmentYuan', message: '报送前须填写此项' },
      { path: 'progressText', message: '报送前须填写此项' },
      { path: 'progressPercent', message: '报送前须填写此项' },
    ]);
    expect((await rowOf(report.id))?.status).toBe('draft');
  });

  it("asks for confirmation of an amount above the project's remaining investment", async () => {
    const { database } = t();
    // 1,000万 in total, 900万 approved so far: 100万 remain.
    const { project, report } = await reportIn('draft', { total: 10_000_000 });
    const earlier = await insertPeriod(database);
    await insertReport(database, earlier, {
      projectId: project.id,
      responsibleUnitId: beiyuan,
      status: 'approved',
      ...FILLED,
      investmentYuan: 9_000_000,
    });
    const filled = (await clients.unit_staff.patch(url(report.id), { version: 1, investmentYuan: 2_000_000 })).json();
    const refused = await act(clients.unit_staff, 'submit', filled);
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused)).toMatchObject({
      code: 'large_amount_unconfirmed',
      details: [{ path: 'investmentYuan' }],
    });
    expect(errorOf(refused).message).toContain('2000000 元超过项目剩余投资 1000000 元');
    expect((await rowOf(report.id))?.status).toBe('draft');
    const english = await inEnglish(clients.unit_staff, () =>
      clients.unit_staff.post(url(report.id, '/submit'), { version: filled.version }),
    );
    expect(errorOf(english).details?.[0]?.message).toContain("exceeds the project's remaining investment of 1000000 yuan");
    // Exactly what remains goes through; more goes through only when confirmed.
    const confirmed = await act(clients.unit_staff, 'submit', filled, { confirmLarge: true });
    expect(confirmed.statusCode).toBe(200);
    expect((await lastAuditEvent(database, 'progress_reports.submit', report.id))?.after).toMatchObject({
      confirmedLarge: true,
      investmentYuan: 2_000_000,
    });
    const exact = await reportIn('draft', { total: 500_000 });
    expect((await act(clients.unit_staff, 'submit', exact.report)).statusCode).toBe(200);
    // A project without a total investment has nothing to compare with.
    const open = await reportIn('draft', { total: null });
    expect((await act(clients.unit_staff, 'submit', open.report)).statusCode).toBe(200);
  });

  it('marks a report late when first submitted after the deadline (China Standard Time dates); a resubmission keeps that', async () => {
    const today = todayInChina();
    const late = await reportIn('draft', { period: { deadline: addDays(today, -1) } });
    expect((await act(clients.unit_staff, 'submit', late.report)).json()).toMatchObject({ status: 'submitted', late: true });
    const dueToday = await reportIn('draft', { period: { deadline: today } });
    expect((await act(clients.unit_staff, 'submit', dueToday.report)).json()).toMatchObject({ late: false });
    // Submitted on time, returned after the deadline, submitted again: still on time; and the other way round.
    const onTime = await reportIn('returned', { period: { deadline: addDays(today, -3) } });
    const resubmitted = (await act(clients.unit_staff, 'submit', onTime.report)).json();
    expect(resubmitted).toMatchObject({ status: 'submitted', late: false });
    const wasLate = await reportIn('returned', { period: { deadline: addDays(today, 30) } });
    await t().database.db.update(progressReports).set({ late: true }).where(eq(progressReports.id, wasLate.report.id));
    expect((await act(clients.unit_staff, 'submit', wasLate.report)).json()).toMatchObject({ late: true });
    // The list filters by lateness.
    const lateOnes = (await clients.project_office.get(`/api/v1/progress-reports?periodId=${late.period.id}&late=true`)).json();
    expect(lateOnes.items.map((r: { id: string }) => r.id)).toEqual([late.report.id]);
  });

  it('runs the month: fill with a milestone, submit, return with a reason, correct, resubmit, approve — the plan shows the milestone', async () => {
    const { database } = t();
    const project = await insertProject(database, { leadUnitId: beiyuan, totalInvestmentYuan: 50_000_000, actualStart: '2025-01-01' });
    const tracks = await insertTracks(database, project.id);
    await database.db.update(milestones).set({ actualStart: '2025-01-01' }).where(eq(milestones.id, tracks.milestoneId));
    const period = await insertPeriod(database);
    const owed = await insertReport(database, period, { projectId: project.id, responsibleUnitId: beiyuan });
    const unit = clients.unit_staff;
    const office = clients.project_office;

    // Reached before the milestone's actual start: refused.
    const early = await unit.patch(url(owed.id), {
      version: 1,
      milestones: [{ milestoneId: tracks.milestoneId, reachedOn: '2024-12-31' }],
    });
    expect(errorOf(early).details).toEqual([
      { path: 'milestones.0.reachedOn', message: '节点达成日期不能早于该节点的实际开始日期 2025-01-01' },
    ]);

    const filled = await unit.patch(url(owed.id), {
      version: 1,
      investmentYuan: 3_000_000,
      progressText: '  桩基施工完成，开始承台施工  ',
      progressPercent: 12,
      milestones: [{ milestoneId: tracks.milestoneId, reachedOn: '2025-03-15' }],
      problems: '施工用电增容待协调',
    });
    expect(filled.statusCode).toBe(200);
    expect(filled.json()).toMatchObject({
      status: 'draft',
      investmentYuan: 3_000_000,
      progressText: '桩基施工完成，开始承台施工',
      progressPercent: 12,
      milestones: [{ milestoneId: tracks.milestoneId, reachedOn: '2025-03-15', name: '开工' }],
      problems: '施工用电增容待协调',
      projectName: project.name,
      responsibleUnitName: '北园街道办事处',
      abilities: { fill: true, submit: true, approve: false, return: false },
      version: 2,
    });
    expect((await lastAuditEvent(database, 'progress_reports.update', owed.id))?.after).toMatchObject({ investmentYuan: 3_000_000 });
    // A later edit keeps what it leaves out and clears what it sends as null.
    const edited = (await unit.patch(url(owed.id), { version: 2, problems: null })).json();
    expect(edited).toMatchObject({ investmentYuan: 3_000_000, problems: null, version: 3 });

    const submitted = (await act(unit, 'submit', edited)).json();
    expect(submitted).toMatchObject({ status: 'submitted', late: false });
    expect(submitted.submittedAt).not.toBeNull();
    expect((await office.get(url(owed.id))).json().abilities).toEqual({ fill: false, submit: false, approve: true, return: true });

    const returned = await act(office, 'return', submitted, { reason: '形象进度描述过于简单，请补充' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '形象进度描述过于简单，请补充' });
    expect((await lastAuditEvent(database, 'progress_reports.return', owed.id))?.after).toMatchObject({
      status: 'returned',
      returnReason: '形象进度描述过于简单，请补充',
    });
    // Nothing reaches the plan before approval.
    expect((await office.get(`/api/v1/projects/${project.id}/plan`)).json().milestones[0].actualFinish).toBeNull();

    const corrected = (await unit.patch(url(owed.id), { version: returned.json().version, progressText: '桩基完成，承台施工过半' })).json();
    expect(corrected.status).toBe('returned');
    const resubmitted = (await act(unit, 'submit', corrected)).json();
    expect(resubmitted.status).toBe('submitted');

    const planBefore = (await office.get(`/api/v1/projects/${project.id}/plan`)).json();
    const approved = await act(office, 'approve', resubmitted);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', abilities: { fill: false, submit: false, approve: false, return: false } });
    expect(approved.json().approvedAt).not.toBeNull();
    expect((await lastAuditEvent(database, 'progress_reports.approve', owed.id))?.after).toMatchObject({ status: 'approved' });

    // The plan (and its Gantt) shows the actual date; its version moved on, so a plan saved as it was is refused.
    const planAfter = (await office.get(`/api/v1/projects/${project.id}/plan`)).json();
    expect(planAfter.milestones[0]).toMatchObject({ id: tracks.milestoneId, actualFinish: '2025-03-15' });
    // The milestone is 开工: the project started that day (新开工 derived). Two writes, two versions: the plan's
    // milestones and the project's actual start.
    expect((await office.get(`/api/v1/projects/${project.id}`)).json().actualStart).toBe('2025-03-15');
    expect(planAfter.version).toBe(planBefore.version + 2);
    const milestonesEvent = await lastAuditEvent(database, 'plans.milestones_reached', project.id);
    expect(milestonesEvent).toMatchObject({ recordType: 'plan', actorName: 'office' });
    expect(milestonesEvent?.after).toMatchObject({
      progressReportId: owed.id,
      milestones: [{ id: tracks.milestoneId, name: '开工', actualFinish: '2025-03-15' }],
    });
    const staleSave = await office.request('PUT', `/api/v1/projects/${project.id}/plan`, {
      milestones: planBefore.milestones.map(
        (m: { id: string; name: string; kind: string; durationDays: number; predecessorIds: string[] }) => ({
          id: m.id,
          name: m.name,
          kind: m.kind,
          durationDays: m.durationDays,
          predecessorIds: m.predecessorIds,
        }),
      ),
      version: planBefore.version,
    });
    expect(errorOf(staleSave).code).toBe('version_conflict');

    // It counts: since-start completion reads it (the sums are tested in progress.test.ts).
    const progress = (await office.get(`/api/v1/projects/${project.id}/progress?asOf=2199-12-31`)).json();
    expect(progress).toMatchObject({ completedSource: 'approved_reports', completedSinceStartYuan: 3_000_000 });
  });

  it('lists the reports a reader may see, with filters', async () => {
    const { database } = t();
    const period = await insertPeriod(database);
    const mine = await insertProject(database, { leadUnitId: beiyuan });
    const theirs = await insertProject(database, { leadUnitId: await unitIdByName(database, '区住房和城乡建设局') });
    const a = await insertReport(database, period, { projectId: mine.id, responsibleUnitId: beiyuan, status: 'submitted', ...FILLED });
    const b = await insertReport(database, period, { projectId: theirs.id, responsibleUnitId: theirs.leadUnitId });
    const ids = async (client: Client, query: string) =>
      ((await client.get(`/api/v1/progress-reports?periodId=${period.id}${query}`)).json().items as { id: string }[])
        .map((r) => r.id)
        .sort();
    expect(await ids(clients.project_office, '')).toEqual([a.id, b.id].sort());
    expect(await ids(clients.unit_staff, '')).toEqual([a.id]);
    expect(await ids(clients.project_office, '&status=draft')).toEqual([b.id]);
    expect(await ids(clients.project_office, `&projectId=${mine.id}`)).toEqual([a.id]);
    expect(await ids(clients.project_office, `&responsibleUnitId=${theirs.leadUnitId}`)).toEqual([b.id]);
    expect(await ids(otherAdmin, '')).toEqual([]);
    const bad = await clients.project_office.get('/api/v1/progress-reports?status=lost&late=maybe&periodId=x');
    expect(
      errorOf(bad)
        .details?.map((d) => d.path)
        .sort(),
    ).toEqual(['query.late', 'query.periodId', 'query.status']);
  });
});
