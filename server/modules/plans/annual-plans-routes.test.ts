import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { annualPlans, auditEvents } from '../../db/schema';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { buildProject } from './test-factory';

/** 120万元 spread over the year: 5万 a month in the first half, 15万 in the second. */
const MONTHLY = [...Array(6).fill(50_000), ...Array(6).fill(150_000)];
const PLANNED = 1_200_000;

describeEachDatabase('annual plans API', (t) => {
  let office: Client;
  let unitStaff: Client;
  let viewer: Client;
  let otherAdmin: Client;
  const url = (projectId: string, rest = '') => `/api/v1/projects/${projectId}/annual-plans${rest}`;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    viewer = await signInAs(t().app, 'viewer');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
  });

  it('answers 401 when signed out', async () => {
    const project = await buildProject(t().database);
    const guest = anonymous(t().app);
    expect((await guest.get(url(project.id, '?year=2025'))).statusCode).toBe(401);
    expect((await guest.post(url(project.id), { year: 2025, plannedYuan: PLANNED, monthlyYuan: MONTHLY })).statusCode).toBe(401);
    expect((await guest.post(url(project.id, `/${crypto.randomUUID()}/freeze`))).statusCode).toBe(401);
    expect((await guest.get(`/api/v1/projects/${project.id}/progress`)).statusCode).toBe(401);
  });

  it('answers 403 to users without the annual-plan rights (the unit clerk, the supervisor) and 404 outside the scope', async () => {
    const project = await buildProject(t().database);
    const body = { year: 2025, plannedYuan: PLANNED, monthlyYuan: MONTHLY };
    expect((await unitStaff.post(url(project.id), body)).statusCode).toBe(403);
    expect((await viewer.post(url(project.id), body)).statusCode).toBe(403);
    expect((await otherAdmin.post(url(project.id), body)).statusCode).toBe(404);
    expect((await otherAdmin.get(url(project.id, '?year=2025'))).statusCode).toBe(404);
    const created = (await office.post(url(project.id), body)).json();
    expect((await unitStaff.post(url(project.id, `/${created.id}/freeze`))).statusCode).toBe(403);
    expect((await otherAdmin.post(url(project.id, `/${created.id}/freeze`))).statusCode).toBe(404);
    // A version addressed under another project does not exist.
    const other = await buildProject(t().database);
    expect((await office.post(url(other.id, `/${created.id}/freeze`))).statusCode).toBe(404);
    const list = (await unitStaff.get(url(project.id, '?year=2025'))).json();
    expect(list.abilities).toEqual({ save: false, freeze: false });
  });

  it('answers 400 naming the field, with the difference when the months do not add up', async () => {
    const project = await buildProject(t().database);
    const mismatch = await office.post(url(project.id), { year: 2025, plannedYuan: PLANNED + 300, monthlyYuan: MONTHLY });
    expect(mismatch.statusCode).toBe(400);
    expect(errorOf(mismatch).details).toEqual([
      { path: 'monthlyYuan', message: '月度计划合计 1200000 元，与年度计划投资 1200300 元相差 300 元' },
    ]);
    const shape = await office.post(url(project.id), { year: 1999, plannedYuan: -1, monthlyYuan: [1, 2], note: 'x' });
    expect(errorOf(shape).details?.map((d) => d.path)).toEqual(expect.arrayContaining(['year', 'plannedYuan', 'monthlyYuan', 'note']));
    expect(await t().database.db.select().from(annualPlans).where(eq(annualPlans.projectId, project.id))).toHaveLength(0);
  });

  it('answers 422 for a project that is neither advancing nor implementing', async () => {
    const idea = await buildProject(t().database, { pool: 'planning' });
    const response = await office.post(url(idea.id), { year: 2025, plannedYuan: PLANNED, monthlyYuan: MONTHLY });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response).code).toBe('pool_not_eligible');
    const advancing = await buildProject(t().database, { pool: 'advancing' });
    expect((await office.post(url(advancing.id), { year: 2025, plannedYuan: PLANNED, monthlyYuan: MONTHLY })).statusCode).toBe(201);
  });

  it('creates version 1 as an editable draft, edits it in place, then freezes it as the baseline', async () => {
    const project = await buildProject(t().database);
    const created = await office.post(url(project.id), { year: 2025, plannedYuan: PLANNED, monthlyYuan: MONTHLY });
    expect(created.statusCode).toBe(201);
    const v1 = created.json();
    expect(v1).toMatchObject({ year: 2025, versionNo: 1, plannedYuan: PLANNED, monthlyYuan: MONTHLY, frozen: false, frozenAt: null });
    const createEvent = await lastAuditEvent(t().database, 'annual_plans.create', v1.id);
    expect(createEvent).toMatchObject({ recordType: 'annual_plan', actorName: 'office' });
    expect(createEvent?.after).toMatchObject({ projectId: project.id, year: 2025, versionNo: 1, plannedYuan: PLANNED });

    const edited = await office.post(url(project.id), { year: 2025, plannedYuan: PLANNED + 12, monthlyYuan: MONTHLY.map((m) => m + 1) });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: v1.id, versionNo: 1, plannedYuan: PLANNED + 12, version: 2 });
    const updateEvent = await lastAuditEvent(t().database, 'annual_plans.update', v1.id);
    expect(updateEvent?.before).toMatchObject({ plannedYuan: PLANNED });
    expect(updateEvent?.after).toMatchObject({ plannedYuan: PLANNED + 12 });

    const frozen = await office.post(url(project.id, `/${v1.id}/freeze`));
    expect(frozen.statusCode).toBe(200);
    expect(frozen.json()).toMatchObject({ id: v1.id, frozen: true });
    const [row] = await t().database.db.select().from(annualPlans).where(eq(annualPlans.id, v1.id));
    expect(row?.frozenAt).not.toBeNull();
    expect(row?.frozenBy).toBe(office.userId);
    expect((await lastAuditEvent(t().database, 'annual_plans.freeze', v1.id))?.after).toMatchObject({ versionNo: 1 });
    // Freezing again is a no-op: same answer, no second event.
    const again = await office.post(url(project.id, `/${v1.id}/freeze`));
    expect(again.statusCode).toBe(200);
    expect(again.json().frozenAt).toBe(frozen.json().frozenAt);
    const freezes = await t()
      .database.db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'annual_plans.freeze'), eq(auditEvents.recordId, v1.id)));
    expect(freezes).toHaveLength(1);
  });

  it('adjusts a frozen baseline only as a new version with a reason, leaving version 1 unchanged', async () => {
    const project = await buildProject(t().database);
    const v1 = (await office.post(url(project.id), { year: 2025, plannedYuan: PLANNED, monthlyYuan: MONTHLY })).json();
    await office.post(url(project.id, `/${v1.id}/freeze`));
    const [before] = await t().database.db.select().from(annualPlans).where(eq(annualPlans.id, v1.id));

    const adjusted = { year: 2025, plannedYuan: 600_000, monthlyYuan: Array(12).fill(50_000) };
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

  it('answers progress against time from the current annual plan, with completion not yet reported', async () => {
    const project = await buildProject(t().database);
    const progressUrl = `/api/v1/projects/${project.id}/progress`;
    const none = (await viewer.get(`${progressUrl}?year=2025&asOf=2025-07-02`)).json();
    expect(none).toMatchObject({ status: 'no_plan', plannedYuan: 0, annualPlanId: null, summary: '未下达年度计划' });

    const v1 = (await office.post(url(project.id), { year: 2025, plannedYuan: PLANNED, monthlyYuan: MONTHLY })).json();
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
      completedSource: 'reports_not_yet_available',
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
