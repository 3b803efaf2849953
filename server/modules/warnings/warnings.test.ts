import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import { matters, milestones, projectWarnings, projects, warningSnapshots } from '../../db/schema';
import { recomputeWarningsJob } from '../../jobs/recompute-warnings';
import { notifications } from '../../db/schema/notifications';
import { DEMO_DISTRICT_CODE } from '../../db/seed-data/demo-units';
import { FILLED, insertPeriod, insertProject, insertReport, unitIdByName, userIdOf } from '../../test/factories';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { lastDayOf, previousMonth, recomputeWarnings } from './index';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
type Item = { id: string; warning: 'red' | 'yellow' | 'green' | null };

describeEachDatabase('warnings', (t) => {
  let office: Client;
  let unitStaff: Client;
  let admin: Client;
  let otherAdmin: Client;
  let beiyuan: string;
  const today = todayInChina();

  const db = () => t().database.db;
  const recompute = (ids: string[], asOf = today) => db().transaction((tx) => recomputeWarnings(tx, ids, asOf));
  const levelOf = async (id: string) =>
    (await db().select({ level: projects.warningLevel }).from(projects).where(eq(projects.id, id)))[0]?.level;
  const storedOf = async (id: string) => (await db().select().from(projectWarnings).where(eq(projectWarnings.projectId, id)))[0];

  /** An implementing project led by 北园街道 whose plan's one milestone was due by 2020-06-30 and is not done: red. */
  async function overdueProject() {
    const project = await insertProject(t().database, { leadUnitId: beiyuan, plannedStart: '2020-01-01', plannedCompletion: '2020-06-30' });
    const [milestone] = await db().insert(milestones).values({ projectId: project.id, name: '主体封顶', durationDays: 10 }).returning();
    if (!milestone) throw new Error('milestone insert returned nothing');
    return { project, milestoneId: milestone.id };
  }
  /** A project of 北园街道 with nothing late: green. */
  const onTimeProject = () => insertProject(t().database, { leadUnitId: beiyuan });

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    admin = await signInAs(t().app, 'admin');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
  });

  it('gives the demo district a mix of colours that follow from its reports and plans, with a snapshot of each past month', async () => {
    // Before any test here recomputes: the demo as seeded.
    const counts = (await db().execute(sql`select warning_level as level, count(*)::int as n from projects
      where region_code = ${DEMO_DISTRICT_CODE} and pool <> 'withdrawn' group by 1`)) as unknown as {
      rows: { level: number | null; n: number }[];
    };
    const byLevel = new Map(counts.rows.map((r) => [r.level, r.n]));
    expect(byLevel.get(null) ?? 0).toBe(0);
    for (const level of [1, 2, 3]) expect(byLevel.get(level) ?? 0, `level ${level}`).toBeGreaterThan(0);
    const month = Number(today.slice(5, 7));
    const months = (await db().execute(sql`select distinct month from warning_snapshots s join projects p on p.id = s.project_id
      where p.region_code = ${DEMO_DISTRICT_CODE} and s.year = ${Number(today.slice(0, 4))} order by month`)) as unknown as {
      rows: { month: number }[];
    };
    expect(months.rows.map((r) => r.month)).toEqual(Array.from({ length: month - 1 }, (_, i) => i + 1));
  });

  it('stores the colour with its reasons, and shows them in words on the project to whoever sees it', async () => {
    const { project } = await overdueProject();
    const green = await onTimeProject();
    const changes = await recompute([project.id, green.id]);
    expect(changes.map((c) => [c.projectId, c.from, c.to]).sort()).toEqual(
      [
        [project.id, null, 'red'],
        [green.id, null, 'green'],
      ].sort(),
    );
    expect(await levelOf(project.id)).toBe(3);
    expect(await levelOf(green.id)).toBe(1);
    expect((await storedOf(project.id))?.reasons).toMatchObject([
      { code: 'milestone_overdue', colour: 'red', milestoneName: '主体封顶', dueBy: '2020-06-30' },
    ]);
    // A colour is not an edit: the project's version stays.
    expect((await db().select({ v: projects.version }).from(projects).where(eq(projects.id, project.id)))[0]?.v).toBe(project.version);

    const shown = await office.get(`/api/v1/projects/${project.id}/warning`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ projectId: project.id, colour: 'red', asOf: today, history: [] });
    expect(shown.json().reasons[0].text).toMatch(/主体封顶.*2020-06-30/);
    const english = await unitStaff.get(`/api/v1/projects/${project.id}/warning`, { 'accept-language': 'en-US' });
    expect(english.statusCode).toBe(200);
    expect((await office.get(`/api/v1/projects/${green.id}/warning`)).json()).toMatchObject({ colour: 'green', reasons: [] });
    expect((await otherAdmin.get(`/api/v1/projects/${project.id}/warning`)).statusCode).toBe(404);
    expect((await anonymous(t().app).get(`/api/v1/projects/${project.id}/warning`)).statusCode).toBe(401);
  });

  it('recomputes in the same transaction as the approval of a report that reaches the overdue milestone', async () => {
    const { project, milestoneId } = await overdueProject();
    await recompute([project.id]);
    expect(await levelOf(project.id)).toBe(3);
    const period = await insertPeriod(t().database);
    const report = await insertReport(t().database, period, {
      projectId: project.id,
      responsibleUnitId: beiyuan,
      status: 'submitted',
      ...FILLED,
      milestones: [{ milestoneId, reachedOn: today }],
      firstSubmittedAt: new Date(),
      submittedAt: new Date(),
    });
    // A refused approval (stale version) changes nothing, the colour included.
    expect((await office.post(`/api/v1/progress-reports/${report.id}/approve`, { version: report.version + 5 })).statusCode).toBe(409);
    expect(await levelOf(project.id)).toBe(3);

    const approved = await office.post(`/api/v1/progress-reports/${report.id}/approve`, { version: report.version });
    expect(approved.statusCode).toBe(200);
    expect(await levelOf(project.id)).toBe(1);
    expect(await storedOf(project.id)).toMatchObject({ colour: 'green', reasons: [], asOf: today });
  });

  it('tells the leaders in charge when their project turns red from another colour, not on its first colour', async () => {
    const leaderId = await userIdOf(t().database, 'leader');
    const project = await insertProject(t().database, {
      leadUnitId: beiyuan,
      plannedStart: '2020-01-01',
      plannedCompletion: '2020-06-30',
      leaderIds: [leaderId],
    });
    await db().insert(milestones).values({ projectId: project.id, name: '主体封顶', durationDays: 10 });
    const told = async () =>
      (
        await db()
          .select()
          .from(notifications)
          .where(and(eq(notifications.recipientId, leaderId), eq(notifications.link, `/projects/${project.id}`)))
      ).length;
    // As of a day before the milestone was due: green, a first colour, nobody told.
    await recompute([project.id], '2020-05-01');
    expect(await levelOf(project.id)).toBe(1);
    expect(await told()).toBe(0);
    await recompute([project.id]);
    expect(await levelOf(project.id)).toBe(3);
    expect(await told()).toBe(1);
    const [message] = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.link, `/projects/${project.id}`));
    expect(message).toMatchObject({ kind: 'warning_red', messageKey: 'warning.turned_red', params: { name: project.name } });
    // Still red: nobody is told again.
    await recompute([project.id]);
    expect(await told()).toBe(1);
  });

  it('turns a project red for a problem past its deadline, until the problem is closed', async () => {
    const project = await onTimeProject();
    const officeId = await userIdOf(t().database, 'office');
    const [matter] = await db()
      .insert(matters)
      .values({
        regionCode: project.regionCode,
        source: 'project_problem',
        projectId: project.id,
        title: '征地拆迁未完成',
        description: '二期用地仍有三户未签约',
        category: 'land',
        leadUnitId: beiyuan,
        raisingUnitId: beiyuan,
        raisedBy: officeId,
        deadline: addDays(today, -3),
      })
      .returning();
    if (!matter) throw new Error('matter insert returned nothing');
    await recompute([project.id]);
    expect(await storedOf(project.id)).toMatchObject({ colour: 'red', reasons: [{ code: 'matter_overdue', count: 1, maxDaysOverdue: 3 }] });
    await db().update(matters).set({ status: 'closed', closedAt: new Date() }).where(eq(matters.id, matter.id));
    await recompute([project.id]);
    expect(await storedOf(project.id)).toMatchObject({ colour: 'green', reasons: [] });
  });

  it('keeps a project that was red last month and has caught up yellow, saying so', async () => {
    const project = await onTimeProject();
    const last = previousMonth(today);
    await db().insert(warningSnapshots).values({ projectId: project.id, year: last.year, month: last.month, colour: 'red', reasons: [] });
    await recompute([project.id]);
    expect(await storedOf(project.id)).toMatchObject({ colour: 'yellow', reasons: [{ code: 'recovered_from_red', colour: 'yellow' }] });
    const shown = (await office.get(`/api/v1/projects/${project.id}/warning`)).json();
    expect(shown.history).toEqual([{ year: last.year, month: last.month, colour: 'red', reasons: [] }]);
    expect(shown.reasons[0].text).toMatch(/.+/);
  });

  it('filters and sorts the project list by colour', async () => {
    const { project: red } = await overdueProject();
    const green = await onTimeProject();
    await recompute([red.id, green.id]);
    const list = async (query: string) => {
      const response = await office.get(`/api/v1/projects?pageSize=200&${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { items: Item[]; total: number };
    };
    const reds = await list('warning=red');
    expect(reds.items.every((i) => i.warning === 'red')).toBe(true);
    expect(reds.items.map((i) => i.id)).toContain(red.id);
    expect(reds.items.map((i) => i.id)).not.toContain(green.id);
    const notGreen = await list('warning=red,yellow');
    expect(notGreen.items.every((i) => i.warning === 'red' || i.warning === 'yellow')).toBe(true);
    const greens = await list('warning=green');
    expect(greens.items.map((i) => i.id)).toContain(green.id);
    const rank = { red: 3, yellow: 2, green: 1 } as const;
    const sorted = (await list('sort=-warning')).items.map((i) => (i.warning ? rank[i.warning] : 0));
    expect(sorted[0]).toBe(3);
    expect(sorted.filter((r) => r > 0)).toEqual([...sorted.filter((r) => r > 0)].sort((a, b) => b - a));
    const bad = await office.get('/api/v1/projects?warning=purple');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]?.path).toMatch(/warning/);
  });

  it('counts colours by unit, category, leader and street within the reader’s scope', async () => {
    const { project } = await overdueProject();
    await recompute([project.id]);
    const pools = 'pool=planning,advancing,implementing,completed&pageSize=1';
    for (const [client, name] of [
      [office, 'office'],
      [unitStaff, 'unit'],
    ] as const) {
      const visible = (await client.get(`/api/v1/projects?${pools}`)).json().total as number;
      const redVisible = (await client.get(`/api/v1/projects?${pools}&warning=red`)).json().total as number;
      for (const by of ['unit', 'category', 'street', 'leader']) {
        const response = await client.get(`/api/v1/warnings/summary?by=${by}`);
        expect(response.statusCode, `${name} ${by}`).toBe(200);
        const summary = response.json();
        expect(summary.totals.total, `${name} ${by}`).toBe(visible);
        expect(summary.totals.red, `${name} ${by}`).toBe(redVisible);
        if (by !== 'leader') expect(summary.groups.reduce((n: number, g: { total: number }) => n + g.total, 0)).toBe(visible);
      }
    }
    // The unit's clerk sees his unit's projects only.
    const mine = (await unitStaff.get('/api/v1/warnings/summary?by=unit')).json();
    expect(mine.groups.map((g: { key: string }) => g.key)).toEqual([beiyuan]);
    expect((await office.get('/api/v1/warnings/summary?by=unit')).json().groups.length).toBeGreaterThan(1);
    expect((await office.get('/api/v1/warnings/summary?by=nothing')).statusCode).toBe(400);
    expect((await anonymous(t().app).get('/api/v1/warnings/summary?by=unit')).statusCode).toBe(401);
  });

  it('runs nightly: takes last month’s snapshot once, recomputes every project, and a second run changes nothing', async () => {
    const { project } = await overdueProject();
    const now = new Date();
    const first = await recomputeWarningsJob.run({ db: db(), now, log: silent });
    const ended = previousMonth(today);
    expect(first).toMatchObject({ asOf: today, snapshotMonth: `${ended.year}-${String(ended.month).padStart(2, '0')}` });
    expect(first.snapshots).toBeGreaterThan(0);
    const [snapshot] = await db()
      .select()
      .from(warningSnapshots)
      .where(
        and(eq(warningSnapshots.projectId, project.id), eq(warningSnapshots.year, ended.year), eq(warningSnapshots.month, ended.month)),
      );
    // Its colour at the end of last month: the milestone was overdue then too.
    expect(snapshot).toMatchObject({ colour: 'red' });
    expect(await levelOf(project.id)).toBe(3);
    const withoutColour = await db().execute(
      sql`select count(*)::int as n from projects where pool <> 'withdrawn' and warning_level is null`,
    );
    expect((withoutColour as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);

    const again = await recomputeWarningsJob.run({ db: db(), now, log: silent });
    expect(again).toMatchObject({ snapshots: 0, changed: 0, recomputed: first.recomputed });

    // A month on (a controllable clock), this month's snapshot is taken, as of its last day.
    const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    const nextMonth = new Date(`${addDays(lastDayOf(y, m), 1)}T02:00:00Z`);
    const later = await recomputeWarningsJob.run({ db: db(), now: nextMonth, log: silent });
    expect(later.snapshotMonth).toBe(`${y}-${String(m).padStart(2, '0')}`);
    const live = await db().execute(sql`select count(*)::int as n from projects where pool <> 'withdrawn'`);
    expect(later.snapshots).toBe((live as unknown as { rows: { n: number }[] }).rows[0]?.n);
    expect((await recomputeWarningsJob.run({ db: db(), now: nextMonth, log: silent })).snapshots).toBe(0);
    await recomputeWarningsJob.run({ db: db(), now, log: silent });
  });

  it('keeps a district’s thresholds: defaults first, the administrator changes them (field errors in both languages), colours follow', async () => {
    const { project } = await overdueProject();
    await recompute([project.id]);
    const put = (client: Client, body: unknown, headers: Record<string, string> = {}) =>
      client.request('PUT', '/api/v1/warnings/settings', body, headers);
    const defaults = await office.get('/api/v1/warnings/settings');
    expect(defaults.statusCode).toBe(200);
    expect(defaults.json()).toMatchObject({
      isDefault: true,
      version: 0,
      thresholds: { redMilestoneOverdueDays: 30, yellowBehindPoints: 15 },
    });
    const thresholds = { ...defaults.json().thresholds };

    expect((await put(office, { thresholds, version: 0 })).statusCode).toBe(403);
    const bad = await put(admin, { thresholds: { ...thresholds, yellowBehindPoints: 40 }, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details).toContainEqual({ path: 'thresholds.yellowBehindPoints', message: '黄灯阈值不能高于红灯阈值' });
    const badEn = await put(
      admin,
      { thresholds: { ...thresholds, redMilestoneOverdueDays: -1 }, version: 0 },
      { 'accept-language': 'en-US' },
    );
    expect(badEn.statusCode).toBe(400);
    expect(errorOf(badEn).details?.map((d) => d.path)).toContain('thresholds.redMilestoneOverdueDays');
    expect((await office.get('/api/v1/warnings/settings')).json().version).toBe(0);

    // Milestones red only after ten years overdue: the project turns yellow in the same request.
    const saved = await put(admin, { thresholds: { ...thresholds, redMilestoneOverdueDays: 3650 }, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1, thresholds: { redMilestoneOverdueDays: 3650 } });
    expect(await levelOf(project.id)).toBe(2);
    expect(await lastAuditEvent(t().database, 'warning_settings.update')).toMatchObject({
      before: { redMilestoneOverdueDays: 30 },
      after: { redMilestoneOverdueDays: 3650 },
    });
    expect((await put(admin, { thresholds, version: 0 })).statusCode).toBe(409);
    // Another district keeps its own (the defaults).
    expect((await otherAdmin.get('/api/v1/warnings/settings')).json()).toMatchObject({ isDefault: true, version: 0 });
    const restored = await put(admin, { thresholds, version: 1 });
    expect(restored.statusCode).toBe(200);
    expect(await levelOf(project.id)).toBe(3);
  });
});
