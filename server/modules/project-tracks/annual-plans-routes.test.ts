import { and, count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { annualPlans, auditEvents } from '../../db/schema';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { insertProject } from '../../test/factories';

/** 120万元 spread over the year: 5万 a month in the first half, 15万 in the second. */
const MONTHLY = [...Array(6).fill(50_000), ...Array(6).fill(150_000)];
const PLANNED = 1_200_000;
/** The first plan of a year: based on no version. */
const FIRST = { year: 2025, plannedYuan: PLANNED, monthlyYuan: MONTHLY, basedOn: null };
/** What a save names as its basis: the version as read. */
const basedOn = (plan: { id: string; version: number }) => ({ id: plan.id, version: plan.version });

describeEachDatabase('annual plans API', (t) => {
  let office: Client;
  let unitStaff: Client;
  let viewer: Client;
  let otherAdmin: Client;
  const url = (projectId: string, rest = '') => `/api/v1/projects/${projectId}/annual-plans${rest}`;
  const rowOf = async (id: string) => (await t().database.db.select().from(annualPlans).where(eq(annualPlans.id, id)))[0];
  const rowsOf = (projectId: string) => t().database.db.select().from(annualPlans).where(eq(annualPlans.projectId, projectId));
  const eventCount = async (recordId: string) =>
    (await t().database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.recordId, recordId)))[0]?.n;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    viewer = await signInAs(t().app, 'viewer');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
  });

  it('answers 401 when signed out', async () => {
    const project = await insertProject(t().database);
    const guest = anonymous(t().app);
    expect((await guest.get(url(project.id, '?year=2025'))).statusCode).toBe(401);
    expect((await guest.post(url(project.id), FIRST)).statusCode).toBe(401);
    expect((await guest.post(url(project.id, `/${crypto.randomUUID()}/freeze`), { version: 1 })).statusCode).toBe(401);
    expect((await guest.get(`/api/v1/projects/${project.id}/progress`)).statusCode).toBe(401);
  });

  it('answers 403 to users without the annual-plan rights (the unit clerk, the supervisor) and 404 outside the scope', async () => {
    const project = await insertProject(t().database);
    const body = FIRST;
    expect((await unitStaff.post(url(project.id), body)).statusCode).toBe(403);
    expect((await viewer.post(url(project.id), body)).statusCode).toBe(403);
    expect((await otherAdmin.post(url(project.id), body)).statusCode).toBe(404);
    expect((await otherAdmin.get(url(project.id, '?year=2025'))).statusCode).toBe(404);
    const created = (await office.post(url(project.id), body)).json();
    const freezeBody = { version: created.version };
    expect((await unitStaff.post(url(project.id, `/${created.id}/freeze`), freezeBody)).statusCode).toBe(403);
    expect((await otherAdmin.post(url(project.id, `/${created.id}/freeze`), freezeBody)).statusCode).toBe(404);
    // A version addressed under another project does not exist.
    const other = await insertProject(t().database);
    expect((await office.post(url(other.id, `/${created.id}/freeze`), freezeBody)).statusCode).toBe(404);
    const list = (await unitStaff.get(url(project.id, '?year=2025'))).json();
    expect(list.abilities).toEqual({ save: false, freeze: false });
  });

  it('answers 400 naming the field, with the difference when the months do not add up', async () => {
    const project = await insertProject(t().database);
    const mismatch = await office.post(url(project.id), { ...FIRST, plannedYuan: PLANNED + 300 });
    expect(mismatch.statusCode).toBe(400);
    expect(errorOf(mismatch).details).toEqual([
      { path: 'monthlyYuan', message: '月度计划合计 1200000 元，与年度计划投资 1200300 元相差 300 元' },
    ]);
    const shape = await office.post(url(project.id), {
      year: 1999,
      plannedYuan: -1,
      monthlyYuan: [1, 2],
      note: 'x',
      basedOn: { id: 'x', version: 0 },
    });
    expect(errorOf(shape).details?.map((d) => d.path)).toEqual(
      expect.arrayContaining(['year', 'plannedYuan', 'monthlyYuan', 'note', 'basedOn.id', 'basedOn.version']),
    );
    // basedOn is required: null says the year has no version yet.
    const { basedOn: _, ...unbased } = FIRST;
    expect(errorOf(await office.post(url(project.id), unbased)).details?.map((d) => d.path)).toEqual(['basedOn']);
    expect(await t().database.db.select().from(annualPlans).where(eq(annualPlans.projectId, project.id))).toHaveLength(0);
  });

  it('answers 422 for a project that is neither advancing nor implementing', async () => {
    const idea = await insertProject(t().database, { pool: 'planning' });
    const response = await office.post(url(idea.id), FIRST);
    expect(response.statusCode).toBe(422);
    expect(errorOf(response).code).toBe('pool_not_eligible');
    const advancing = await insertProject(t().database, { pool: 'advancing' });
    expect((await office.post(url(advancing.id), FIRST)).statusCode).toBe(201);
  });

  it('creates version 1 as an editable draft, edits it in place, then freezes it as the baseline', async () => {
    const project = await insertProject(t().database);
    const created = await office.post(url(project.id), FIRST);
    expect(created.statusCode).toBe(201);
    const v1 = created.json();
    expect(v1).toMatchObject({ year: 2025, versionNo: 1, plannedYuan: PLANNED, monthlyYuan: MONTHLY, frozen: false, frozenAt: null });
    const createEvent = await lastAuditEvent(t().database, 'annual_plans.create', v1.id);
    expect(createEvent).toMatchObject({ recordType: 'annual_plan', actorName: 'office' });
    expect(createEvent?.after).toMatchObject({ projectId: project.id, year: 2025, versionNo: 1, plannedYuan: PLANNED });

    const edited = await office.post(url(project.id), {
      ...FIRST,
      plannedYuan: PLANNED + 12,
      monthlyYuan: MONTHLY.map((m) => m + 1),
      basedOn: basedOn(v1),
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: v1.id, versionNo: 1, plannedYuan: PLANNED + 12, version: 2 });
    const updateEvent = await lastAuditEvent(t().database, 'annual_plans.update', v1.id);
    expect(updateEvent?.before).toMatchObject({ plannedYuan: PLANNED });
    expect(updateEvent?.after).toMatchObject({ plannedYuan: PLANNED + 12 });

    const frozen = await office.post(url(project.id, `/${v1.id}/freeze`), { version: 2 }, { 'if-match': '"2"' });
    expect(frozen.statusCode).toBe(200);
    expect(frozen.json()).toMatchObject({ id: v1.id, frozen: true, version: 3 });
    const [row] = await t().database.db.select().from(annualPlans).where(eq(annualPlans.id, v1.id));
    expect(row?.frozenAt).not.toBeNull();
    expect(row?.frozenBy).toBe(office.userId);
    expect((await lastAuditEvent(t().database, 'annual_plans.freeze', v1.id))?.after).toMatchObject({ versionNo: 1 });
    // Freezing again is a no-op, whether sent with the frozen version or retried with the draft's: same answer, no
    // second event.
    for (const version of [3, 2]) {
      const again = await office.post(url(project.id, `/${v1.id}/freeze`), { version });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(frozen.json());
    }
    const freezes = await t()
      .database.db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'annual_plans.freeze'), eq(auditEvents.recordId, v1.id)));
    expect(freezes).toHaveLength(1);
  });

  it('adjusts a frozen baseline only as a new version with a reason, leaving version 1 unchanged', async () => {
    const project = await insertProject(t().database);
    const v1 = (await office.post(url(project.id), FIRST)).json();
    const frozen = (await office.post(url(project.id, `/${v1.id}/freeze`), { version: v1.version })).json();
    const [before] = await t().database.db.select().from(annualPlans).where(eq(annualPlans.id, v1.id));

    const adjusted = { year: 2025, plannedYuan: 600_000, monthlyYuan: Array(12).fill(50_000), basedOn: basedOn(frozen) };
    const noReason = await office.post(url(project.id), adjusted);
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).details).toEqual([{ path: 'reason', message: '年度计划已冻结，调整（新版本）须填写调整原因' }]);
    expect(errorOf(await office.post(url(project.id), { ...adjusted, reason: '   ' })).details?.[0]?.path).toBe('reason');

    const v2 = await office.post(url(project.id), { ...adjusted, reason: '年中调整：设备采购推迟' });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ versionNo: 2, plannedYuan: 600_000, reason: '年中调整：设备采购推迟', frozen: false });
    const [after] = await t().database.db.select().from(annualPlans).where(eq(annualPlans.id, v1.id));
    expect(after).toEqual(before);

    const list = await viewer.get(url(project.id, '?year=2025'));
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.items.map((v: { versionNo: number }) => v.versionNo)).toEqual([2, 1]);
    expect(body.current).toMatchObject({ versionNo: 2, plannedYuan: 600_000 });
    expect(body.baseline).toMatchObject({ id: v1.id, versionNo: 1, plannedYuan: PLANNED, frozen: true });
    expect((await office.get(url(project.id, '?year=2025'))).json().abilities).toEqual({ save: true, freeze: true });
    expect((await office.get(url(project.id, '?year=2026'))).json()).toMatchObject({
      year: 2026,
      items: [],
      current: null,
      baseline: null,
    });
  });

  it('answers 409 to a save based on a version that is no longer current, and writes nothing', async () => {
    const project = await insertProject(t().database);
    const read = (await office.post(url(project.id), FIRST)).json();
    // Someone else saves the draft first.
    expect(
      (await office.post(url(project.id), { ...FIRST, plannedYuan: 0, monthlyYuan: Array(12).fill(0), basedOn: basedOn(read) })).statusCode,
    ).toBe(200);
    const before = await rowOf(read.id);
    const events = await eventCount(read.id);

    const stale = await office.post(url(project.id), {
      ...FIRST,
      plannedYuan: PLANNED + 1200,
      monthlyYuan: MONTHLY.map((m) => m + 100),
      basedOn: basedOn(read),
    });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale)).toMatchObject({ code: 'version_conflict', message: '该记录已被他人修改，请刷新后再保存' });
    // The current version number of another record, or a basis when the year has none, is just as stale.
    const other = await insertProject(t().database);
    const elsewhere = (await office.post(url(other.id), FIRST)).json();
    const wrongRecord = { ...FIRST, basedOn: { id: elsewhere.id, version: before?.version as number } };
    expect(errorOf(await office.post(url(project.id), wrongRecord)).code).toBe('version_conflict');
    const empty = await insertProject(t().database);
    expect(errorOf(await office.post(url(empty.id), { ...FIRST, basedOn: basedOn(read) })).code).toBe('version_conflict');
    expect(await rowsOf(empty.id)).toHaveLength(0);
    // An If-Match that disagrees with the basis is refused too.
    const current = { ...FIRST, basedOn: { id: read.id, version: before?.version as number } };
    const ifMatch = await office.post(url(project.id), current, { 'if-match': '"1"' });
    expect(errorOf(ifMatch)).toMatchObject({ code: 'version_conflict', details: [{ path: 'version' }] });

    expect(await rowOf(read.id)).toEqual(before);
    expect(await rowsOf(project.id)).toHaveLength(1);
    expect(await eventCount(read.id)).toBe(events);
    expect((await office.post(url(project.id), current, { 'if-match': `"${before?.version}"` })).statusCode).toBe(200);
  });

  it('answers 409 to a save based on no version when the year has one, draft or frozen, and writes nothing', async () => {
    const project = await insertProject(t().database);
    const v1 = (await office.post(url(project.id), FIRST)).json();
    const again = await office.post(url(project.id), { ...FIRST, plannedYuan: 0, monthlyYuan: Array(12).fill(0) });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('version_conflict');
    expect(await rowOf(v1.id)).toMatchObject({ plannedYuan: PLANNED, version: 1 });

    await office.post(url(project.id, `/${v1.id}/freeze`), { version: 1 });
    const before = await rowOf(v1.id);
    const events = await eventCount(v1.id);
    const adjustment = await office.post(url(project.id), { ...FIRST, plannedYuan: 0, monthlyYuan: Array(12).fill(0), reason: '年中调整' });
    expect(errorOf(adjustment).code).toBe('version_conflict');
    // Based on the draft as it was before the freeze: the frozen figures were never seen, so it is stale too.
    const fromDraft = await office.post(url(project.id), { ...FIRST, reason: '年中调整', basedOn: basedOn(v1) });
    expect(errorOf(fromDraft).code).toBe('version_conflict');
    expect(await rowsOf(project.id)).toEqual([before]);
    expect(await eventCount(v1.id)).toBe(events);
  });

  it('answers 409 to a freeze at a stale version and leaves the draft unfrozen', async () => {
    const project = await insertProject(t().database);
    const v1 = (await office.post(url(project.id), FIRST)).json();
    const edited = (
      await office.post(url(project.id), { ...FIRST, plannedYuan: 0, monthlyYuan: Array(12).fill(0), basedOn: basedOn(v1) })
    ).json();
    const before = await rowOf(v1.id);
    const events = await eventCount(v1.id);

    // The person freezing saw version 1 (120万); the draft now holds 0: freezing it would freeze figures unseen.
    const stale = await office.post(url(project.id, `/${v1.id}/freeze`), { version: v1.version });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    const ifMatch = await office.post(url(project.id, `/${v1.id}/freeze`), { version: edited.version }, { 'if-match': '"1"' });
    expect(errorOf(ifMatch)).toMatchObject({ code: 'version_conflict', details: [{ path: 'version' }] });
    const missing = await office.post(url(project.id, `/${v1.id}/freeze`), {});
    expect(errorOf(missing).details?.map((d) => d.path)).toEqual(['version']);
    expect(await rowOf(v1.id)).toEqual(before);
    expect(before?.frozenAt).toBeNull();
    expect(await eventCount(v1.id)).toBe(events);
    expect(await lastAuditEvent(t().database, 'annual_plans.freeze', v1.id)).toBeNull();

    // Once frozen at the version read, an older one still answers 409 and the frozen version stays as it is.
    const frozen = await office.post(url(project.id, `/${v1.id}/freeze`), { version: edited.version });
    expect(frozen.json()).toMatchObject({ frozen: true, plannedYuan: 0, version: edited.version + 1 });
    const after = await rowOf(v1.id);
    expect(errorOf(await office.post(url(project.id, `/${v1.id}/freeze`), { version: v1.version })).code).toBe('version_conflict');
    expect(await rowOf(v1.id)).toEqual(after);
  });

  it('answers progress against time from the current annual plan, with nothing approved yet completed', async () => {
    const project = await insertProject(t().database);
    const progressUrl = `/api/v1/projects/${project.id}/progress`;
    const none = (await viewer.get(`${progressUrl}?year=2025&asOf=2025-07-02`)).json();
    expect(none).toMatchObject({ status: 'no_plan', plannedYuan: 0, annualPlanId: null, summary: '未下达年度计划' });

    const v1 = (await office.post(url(project.id), FIRST)).json();
    const response = await viewer.get(`${progressUrl}?year=2025&asOf=2025-07-02`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      projectId: project.id,
      year: 2025,
      asOf: '2025-07-02',
      basis: 'calendar',
      annualPlanId: v1.id,
      annualPlanVersionNo: 1,
      completedYuan: 0,
      plannedYuan: PLANNED,
      completionRate: 0,
      timeElapsedRate: 183 / 365,
      gapPoints: -50.1,
      status: 'behind',
      completedSource: 'approved_reports',
      completedSinceStartYuan: 0,
      openingCompletedYuan: null,
      openingCompletedAsOf: null,
      summary: '完成年度计划的0.0%，慢于时间进度50.1个百分点',
    });
    // Against the monthly plan: January to July is 30万 + 15万 of 120万.
    const monthly = (await viewer.get(`${progressUrl}?year=2025&asOf=2025-07-02&basis=monthly`)).json();
    expect(monthly.timeElapsedRate).toBe(450_000 / PLANNED);

    expect((await otherAdmin.get(progressUrl)).statusCode).toBe(404);
    const bad = await viewer.get(`${progressUrl}?asOf=2025-02-30&basis=weekly`);
    expect(errorOf(bad).details?.map((d) => d.path)).toEqual(expect.arrayContaining(['query.asOf', 'query.basis']));
    expect(errorOf(await viewer.get(`${progressUrl}?asOf=0000-01-01`)).details?.[0]?.path).toBe('query.asOf');
  });
});
