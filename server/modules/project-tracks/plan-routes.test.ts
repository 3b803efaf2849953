import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addDays, compareDates, todayInChina } from '../../../common/domain/dates';
import { milestones, projects } from '../../db/schema';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { insertProject, unitIdByName } from '../../test/factories';

type Milestone = { id: string; name: string; kind: string; durationDays: number; predecessorIds: string[] };
type ScheduledMilestone = Milestone & { latestFinish: string; earliestStart: string; floatDays: number; critical: boolean };

const id = () => crypto.randomUUID();
const milestone = (name: string, kind: string, durationDays: number, predecessorIds: string[] = [], mid: string = id()): Milestone => ({
  id: mid,
  name,
  kind,
  durationDays,
  predecessorIds,
});

/** 签约 → 开工 → (主体封顶 10 days | 配套 5 days) → 竣工: a diamond whose long branch is the critical path. */
function diamond() {
  const sign = milestone('签约', 'other', 0);
  const start = milestone('开工', 'start', 0, [sign.id]);
  const frame = milestone('主体封顶', 'other', 10, [start.id]);
  const utilities = milestone('配套', 'other', 5, [start.id]);
  const done = milestone('竣工', 'completion', 0, [frame.id, utilities.id]);
  return [sign, start, frame, utilities, done];
}

describeEachDatabase('plans API', (t) => {
  let office: Client;
  let unitStaff: Client;
  let viewer: Client;
  let otherAdmin: Client;
  let drc: string;
  const planUrl = (projectId: string) => `/api/v1/projects/${projectId}/plan`;
  const put = (client: Client, projectId: string, body: unknown) => client.request('PUT', planUrl(projectId), body);

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    viewer = await signInAs(t().app, 'viewer');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    drc = await unitIdByName(t().database, '区发展和改革局');
  });

  it('answers 401 when signed out', async () => {
    const project = await insertProject(t().database);
    expect((await anonymous(t().app).get(planUrl(project.id))).statusCode).toBe(401);
    expect((await put(anonymous(t().app), project.id, { milestones: [], version: 1 })).statusCode).toBe(401);
    expect((await anonymous(t().app).get('/api/v1/plan-templates')).statusCode).toBe(401);
    expect((await anonymous(t().app).post(`${planUrl(project.id)}/apply-template`, { templateId: id(), version: 1 })).statusCode).toBe(401);
  });

  it('answers 404 outside the actor’s scope, 403 to read-only users and to a leader’s view of another unit’s project', async () => {
    const own = await insertProject(t().database);
    const others = await insertProject(t().database, { leadUnitId: drc });
    const inCharge = await insertProject(t().database, { leadUnitId: drc, leaderIds: [unitStaff.userId ?? ''] });
    expect((await otherAdmin.get(planUrl(own.id))).statusCode).toBe(404);
    expect((await put(otherAdmin, own.id, { milestones: diamond(), version: 1 })).statusCode).toBe(404);
    expect((await unitStaff.get(planUrl(others.id))).statusCode).toBe(404);
    expect((await put(unitStaff, others.id, { milestones: diamond(), version: 1 })).statusCode).toBe(404);
    expect((await put(viewer, own.id, { milestones: diamond(), version: 1 })).statusCode).toBe(403);
    expect((await unitStaff.get(planUrl(inCharge.id))).statusCode).toBe(200);
    expect((await put(unitStaff, inCharge.id, { milestones: diamond(), version: 1 })).statusCode).toBe(403);
    expect(await t().database.db.select().from(milestones).where(eq(milestones.projectId, inCharge.id))).toHaveLength(0);
  });

  it('lets the clerk of the lead unit save the plan: stored, scheduled, audited, and the project’s version bumped', async () => {
    // Nothing is done yet, so the plan runs forward from today.
    const today = todayInChina();
    const project = await insertProject(t().database, { plannedStart: today, plannedCompletion: addDays(today, 20) });
    const plan = diamond();
    const response = await put(unitStaff, project.id, { milestones: plan, version: 1 });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ projectId: project.id, startDate: today, deadline: addDays(today, 20), version: 2, feasible: true });
    expect(body.earliestCompletion).toBe(addDays(today, 10));
    const byName = new Map<string, ScheduledMilestone>(body.milestones.map((m: ScheduledMilestone) => [m.name, m]));
    expect(byName.get('主体封顶')).toMatchObject({
      earliestStart: today,
      latestFinish: addDays(today, 20),
      floatDays: 10,
      critical: false,
    });
    expect(byName.get('配套')).toMatchObject({ floatDays: 15, critical: false });

    const rows = await t().database.db.select().from(milestones).where(eq(milestones.projectId, project.id));
    expect(rows.map((r) => r.name).sort()).toEqual(['主体封顶', '竣工', '签约', '配套', '开工'].sort());
    const [stored] = await t().database.db.select().from(projects).where(eq(projects.id, project.id));
    expect(stored?.version).toBe(2);
    const event = await lastAuditEvent(t().database, 'plans.update', project.id);
    expect(event).toMatchObject({ recordType: 'plan', actorName: 'unit' });
    expect(event?.before).toEqual({ milestones: [] });
    expect((event?.after as { milestones: unknown[] } | undefined)?.milestones).toContainEqual({
      id: plan[4]?.id,
      name: '竣工',
      kind: 'completion',
      durationDays: 0,
      predecessors: ['主体封顶', '配套'],
    });
  });

  it('updates existing milestones, deletes missing ones and inserts new ones; a stale version answers 409', async () => {
    const project = await insertProject(t().database, { plannedStart: '2025-03-01', plannedCompletion: '2025-12-31' });
    const [sign, start, frame, utilities, done] = diamond() as [Milestone, Milestone, Milestone, Milestone, Milestone];
    await put(office, project.id, { milestones: [sign, start, frame, utilities, done], version: 1 });
    const fitOut = milestone('装修', 'other', 30, [frame.id]);
    const next = [sign, start, { ...frame, durationDays: 20 }, fitOut, { ...done, predecessorIds: [fitOut.id] }];
    const response = await put(office, project.id, { milestones: next, version: 2 });
    expect(response.statusCode).toBe(200);
    const rows = await t().database.db.select().from(milestones).where(eq(milestones.projectId, project.id));
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect([...byName.keys()].sort()).toEqual(['主体封顶', '竣工', '签约', '装修', '开工'].sort());
    expect(byName.get('签约')).toMatchObject({ id: sign.id, version: 1, sortOrder: 0 });
    expect(byName.get('主体封顶')).toMatchObject({ id: frame.id, durationDays: 20, version: 2 });
    expect(byName.get('装修')).toMatchObject({ id: fitOut.id, sortOrder: 3 });
    expect(byName.get('竣工')?.predecessorIds).toEqual([fitOut.id]);

    const stale = await put(office, project.id, { milestones: next, version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    expect((await unitStaff.get(planUrl(project.id))).json().version).toBe(3);
  });

  it('gives the project the actual start and completion its 开工 and 竣工 milestones were reached on, audited', async () => {
    const project = await insertProject(t().database, { actualStart: '2025-02-20' });
    const [sign, start, frame, utilities, done] = diamond() as [Milestone, Milestone, Milestone, Milestone, Milestone];
    // A plan without dates leaves the date typed before it alone.
    const plain = await put(office, project.id, { milestones: [sign, start, frame, utilities, done], version: 1 });
    expect(plain.statusCode).toBe(200);
    const stored = async () => (await t().database.db.select().from(projects).where(eq(projects.id, project.id)))[0];
    expect((await stored())?.actualStart).toBe('2025-02-20');
    // 开工 reached on 3 March: the project started then (新开工 is derived, not typed twice).
    const reached = [sign, { ...start, actualStart: '2025-03-03', actualFinish: '2025-03-03' }, frame, utilities, done];
    const response = await put(office, project.id, { milestones: reached, version: plain.json().version });
    expect(response.statusCode).toBe(200);
    expect(await stored()).toMatchObject({ actualStart: '2025-03-03', actualCompletion: null });
    const event = await lastAuditEvent(t().database, 'projects.update');
    expect(event).toMatchObject({ recordId: project.id, before: { actualStart: '2025-02-20' }, after: { actualStart: '2025-03-03' } });
    // The plan answers the project's version after both writes, so the next save is not refused as stale.
    const finished = reached.map((m) => (m.id === done.id ? { ...m, actualStart: '2025-11-30', actualFinish: '2025-11-30' } : m));
    const last = await put(office, project.id, { milestones: finished, version: response.json().version });
    expect(last.statusCode).toBe(200);
    expect(await stored()).toMatchObject({ actualStart: '2025-03-03', actualCompletion: '2025-11-30' });
  });

  it('answers 400 naming the milestone field: unknown predecessor, duplicate id, a second start, bad values', async () => {
    const project = await insertProject(t().database);
    const [sign, start] = diamond() as [Milestone, Milestone];
    const unknown = await put(office, project.id, { milestones: [sign, { ...start, predecessorIds: [id()] }], version: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).details).toEqual([{ path: 'milestones.1.predecessorIds', message: '前置节点不在本计划中' }]);
    const twice = await put(office, project.id, {
      milestones: [sign, start, { ...sign, name: '再签约' }, milestone('又开工', 'start', 0)],
      version: 1,
    });
    expect(errorOf(twice).details).toEqual([
      { path: 'milestones.2.id', message: '节点编号重复' },
      { path: 'milestones.3.kind', message: '计划中只能有一个开工节点' },
    ]);
    const shape = await put(office, project.id, {
      milestones: [
        { ...sign, durationDays: -1, kind: 'party', extra: true },
        { ...start, actualStart: '2025-05-02', actualFinish: '2025-05-01' },
      ],
      version: 1,
    });
    expect(errorOf(shape).details?.map((d) => d.path)).toEqual(
      expect.arrayContaining(['milestones.0.durationDays', 'milestones.0.kind', 'milestones.0.extra']),
    );
    const backwards = await put(office, project.id, {
      milestones: [sign, { ...start, actualStart: '2025-05-02', actualFinish: '2025-05-01' }],
      version: 1,
    });
    expect(errorOf(backwards).details).toEqual([{ path: 'milestones.1.actualFinish', message: '实际完成日期不能早于实际开始日期' }]);
    const yearZero = await put(office, project.id, { milestones: [{ ...sign, actualStart: '0000-01-01' }], version: 1 });
    expect(errorOf(yearZero).details?.[0]?.path).toBe('milestones.0.actualStart');
    const other = await insertProject(t().database);
    await put(office, other.id, { milestones: [sign], version: 1 });
    const taken = await put(office, project.id, { milestones: [sign], version: 1 });
    expect(errorOf(taken).details).toEqual([{ path: 'milestones.0.id', message: '节点编号已被其他项目使用，请换一个' }]);
    expect(await t().database.db.select().from(milestones).where(eq(milestones.projectId, project.id))).toHaveLength(0);
  });

  it('answers 422 plan_cycle naming the cycle by milestone names, and saves nothing', async () => {
    const project = await insertProject(t().database);
    const sign = milestone('签约', 'other', 0);
    const start = milestone('开工', 'start', 0);
    const frame = milestone('主体封顶', 'other', 240, [start.id]);
    const done = milestone('竣工', 'completion', 120, [frame.id]);
    start.predecessorIds = [sign.id, done.id];
    const response = await put(office, project.id, { milestones: [sign, start, frame, done], version: 1 });
    expect(response.statusCode).toBe(422);
    const error = errorOf(response);
    expect(error.code).toBe('plan_cycle');
    expect(error.message).toBe('计划中存在循环：开工 → 主体封顶 → 竣工 → 开工');
    expect(error.details?.[0]?.path).toBe('milestones.1.predecessorIds');
    const self = await put(office, project.id, {
      milestones: [milestone('开工', 'start', 0, [], sign.id)].map((m) => ({ ...m, predecessorIds: [m.id] })),
      version: 1,
    });
    expect(errorOf(self).message).toBe('计划中存在循环：开工 → 开工');
    expect(await t().database.db.select().from(milestones).where(eq(milestones.projectId, project.id))).toHaveLength(0);
  });

  it('lists plan templates, filtered by project category', async () => {
    const all = await viewer.get('/api/v1/plan-templates');
    expect(all.statusCode).toBe(200);
    expect(
      all
        .json()
        .items.map((i: { categoryCode: string }) => i.categoryCode)
        .sort(),
    ).toEqual(['agri_rural', 'eco_env', 'industrial', 'infrastructure', 'livelihood', 'modern_service', 'sci_innovation', 'urban_renewal']);
    const industrial = (await viewer.get('/api/v1/plan-templates?categoryCode=industrial')).json().items;
    expect(industrial).toHaveLength(1);
    expect(industrial[0]).toMatchObject({ name: '产业项目标准计划', categoryCode: 'industrial' });
    expect(industrial[0].items).toHaveLength(9);
    const bad = await viewer.get('/api/v1/plan-templates?categoryCode=no%20such&x=1');
    expect(errorOf(bad).details?.map((d) => d.path)).toEqual(expect.arrayContaining(['query.categoryCode', 'query.x']));
  });

  it('applies the industrial template: 9 milestones due by the planned completion, on a critical path, audited', async () => {
    // The template's chain takes 615 days; with exactly that much time every milestone is critical.
    const today = todayInChina();
    const project = await insertProject(t().database, { plannedStart: today, plannedCompletion: addDays(today, 615) });
    await put(office, project.id, { milestones: diamond(), version: 1 });
    const [template] = (await unitStaff.get('/api/v1/plan-templates?categoryCode=industrial')).json().items;
    const url = `${planUrl(project.id)}/apply-template`;
    expect((await viewer.post(url, { templateId: template.id, version: 2 })).statusCode).toBe(403);
    expect((await otherAdmin.post(url, { templateId: template.id, version: 2 })).statusCode).toBe(404);
    expect(errorOf(await unitStaff.post(url, { templateId: id(), version: 2 })).details?.[0]?.path).toBe('templateId');
    expect((await unitStaff.post(url, { templateId: template.id, version: 1 })).statusCode).toBe(409);
    const applied = await unitStaff.post(url, { templateId: template.id, version: 2 });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().version).toBe(3);

    const plan = (await unitStaff.get(planUrl(project.id))).json();
    expect(plan.milestones).toHaveLength(9);
    expect(plan.milestones.map((m: ScheduledMilestone) => m.name)).toEqual([
      '签约',
      '立项备案',
      '供地',
      '规划许可',
      '施工许可',
      '开工',
      '主体封顶',
      '竣工',
      '投产',
    ]);
    for (const m of plan.milestones as ScheduledMilestone[])
      expect(compareDates(m.latestFinish, project.plannedCompletion ?? '')).toBeLessThanOrEqual(0);
    expect(plan.milestones.filter((m: ScheduledMilestone) => m.critical)).toHaveLength(9);
    expect(plan.feasible).toBe(true);
    expect(plan.milestones[8].latestFinish).toBe(project.plannedCompletion);
    // Fresh ids, and each step's predecessor is the step before it.
    const ids = plan.milestones.map((m: ScheduledMilestone) => m.id);
    expect(plan.milestones.map((m: ScheduledMilestone) => m.predecessorIds)).toEqual([[], ...ids.slice(0, 8).map((p: string) => [p])]);
    expect(await t().database.db.select().from(milestones).where(eq(milestones.projectId, project.id))).toHaveLength(9);
    const event = await lastAuditEvent(t().database, 'plans.apply_template', project.id);
    expect(event?.after).toMatchObject({ templateId: template.id, templateName: '产业项目标准计划' });
    expect((event?.before as { milestones: unknown[] } | undefined)?.milestones).toHaveLength(5);
  });
});
