import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { approvalItems, milestones, poolMoves, projects } from '../../db/schema';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { saveGateConfig } from './gate-repository';
import { buildProject, placeInPool, unitIdByName, userIdOf } from '../../test/factories';

describeEachDatabase('projects API: pools, gates and timeline', (t) => {
  let office: Client;
  let unitStaff: Client;
  let viewer: Client;
  let otherAdmin: Client;
  let leaderId: string;
  let beiyuanId: string;

  const move = (client: Client, id: string, body: Record<string, unknown>) => client.post(`/api/v1/projects/${id}/move`, body);
  const movesOf = (id: string) => t().database.db.select().from(poolMoves).where(eq(poolMoves.projectId, id));
  const gatesOf = async (client: Client, id: string) => (await client.get(`/api/v1/projects/${id}/gates`)).json();

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    viewer = await signInAs(t().app, 'viewer');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    leaderId = await userIdOf(t().database, 'leader');
    beiyuanId = await unitIdByName(t().database, '北园街道办事处');
  });

  it('lists the moves possible from planning, each with its conditions and whether the actor may make it', async () => {
    const project = await buildProject(office, t().database, { industryCode: '35' });
    expect(await gatesOf(office, project.id)).toEqual([
      {
        from: 'planning',
        to: 'advancing',
        allowed: false,
        conditions: [
          { key: 'owner', met: false, label: '明确项目业主' },
          { key: 'total_investment', met: false, label: '填写总投资' },
          { key: 'industry', met: true, label: '选择所属行业' },
          { key: 'lead_unit', met: true, label: '确定责任单位' },
          { key: 'leader', met: false, label: '明确包挂领导' },
        ],
      },
      { from: 'planning', to: 'withdrawn', allowed: true, conditions: [] },
    ]);
    const asViewer = await gatesOf(viewer, project.id);
    expect(asViewer.map((g: { allowed: boolean }) => g.allowed)).toEqual([false, false]);
  });

  it('refuses a move through an unmet gate with 422 listing exactly what is missing, and writes nothing', async () => {
    const project = await buildProject(office, t().database, { industryCode: '35' });
    const refused = await move(office, project.id, { to: 'advancing', version: 1 });
    expect(refused.statusCode).toBe(422);
    const error = errorOf(refused);
    expect(error.code).toBe('gate_refused');
    expect(error.details).toEqual([
      { path: 'owner', message: '明确项目业主' },
      { path: 'total_investment', message: '填写总投资' },
      { path: 'leader', message: '明确包挂领导' },
    ]);
    const [row] = await t().database.db.select().from(projects).where(eq(projects.id, project.id));
    expect(row).toMatchObject({ pool: 'planning', version: 1 });
    expect(await movesOf(project.id)).toEqual([]);
  });

  it('moves forward once the gate is met, recording the move, the audit event and the timeline', async () => {
    const project = await buildProject(office, t().database, {
      industryCode: '35',
      ownerName: '济南重工',
      totalInvestmentYuan: 300_000_000,
      leaderIds: [leaderId],
    });
    const moved = await move(office, project.id, { to: 'advancing', version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ pool: 'advancing', version: 2 });
    expect(await movesOf(project.id)).toMatchObject([
      { fromPool: 'planning', toPool: 'advancing', reason: null, actorName: '李明（重点项目办）' },
    ]);
    const event = await lastAuditEvent(t().database, 'projects.move', project.id);
    expect(event?.before).toMatchObject({ pool: 'planning' });
    expect(event?.after).toMatchObject({ pool: 'advancing' });
    const timeline = (await office.get(`/api/v1/projects/${project.id}/timeline`)).json();
    expect(timeline.items.map((i: { kind: string }) => i.kind)).toEqual(['pool_move', 'created']);
    expect(timeline.items[0]).toMatchObject({ from: 'planning', to: 'advancing', actorName: '李明（重点项目办）', reason: null });
  });

  it('asks for code, approvals, land and plan before construction, and the completion date before completion', async () => {
    const project = await buildProject(office, t().database, { approvalType: 'filing', needsLand: true });
    const version = await placeInPool(t().database, project.id, 'advancing');
    const refused = await move(office, project.id, { to: 'implementing', version });
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).details).toEqual([
      { path: 'project_code', message: '取得项目代码' },
      { path: 'approvals_done', message: '办结审批事项：项目备案、建设工程规划许可证、建筑工程施工许可证' },
      { path: 'land_secured', message: '落实项目用地' },
      { path: 'plan_start_and_completion', message: '制定推进方案（含开工和竣工节点）' },
    ]);
    // The plans module owns these records; the facts are written straight to the tables here.
    const db = t().database.db;
    await db.insert(approvalItems).values([
      { projectId: project.id, typeCode: 'filing', status: 'done' },
      { projectId: project.id, typeCode: 'proj_plan_permit', status: 'done' },
      { projectId: project.id, typeCode: 'construct_permit', status: 'in_progress' },
    ]);
    const [, completion] = await db
      .insert(milestones)
      .values([
        { projectId: project.id, name: '开工', kind: 'start' },
        { projectId: project.id, name: '竣工', kind: 'completion', sortOrder: 1 },
      ])
      .returning({ id: milestones.id });
    const patched = await office.patch(`/api/v1/projects/${project.id}`, {
      code: '2023-370105-35-03-987657',
      landSecured: true,
      version,
    });
    expect(patched.statusCode).toBe(200);
    const stillOne = await move(office, project.id, { to: 'implementing', version: version + 1 });
    expect(errorOf(stillOne).details).toEqual([{ path: 'approvals_done', message: '办结审批事项：建筑工程施工许可证' }]);
    await db.update(approvalItems).set({ status: 'not_required' }).where(eq(approvalItems.typeCode, 'construct_permit'));
    const gates = await gatesOf(office, project.id);
    expect(gates[0]).toMatchObject({ to: 'implementing', allowed: true });
    expect((await move(office, project.id, { to: 'implementing', version: version + 1 })).statusCode).toBe(200);

    const notDone = await move(office, project.id, { to: 'completed', version: version + 2 });
    expect(errorOf(notDone).details).toEqual([{ path: 'completion_actual', message: '填写竣工节点的实际完成日期' }]);
    await db
      .update(milestones)
      .set({ actualFinish: '2026-10-01' })
      .where(eq(milestones.id, completion?.id ?? ''));
    const done = await move(office, project.id, { to: 'completed', version: version + 2 });
    expect(done.json()).toMatchObject({ pool: 'completed', abilities: { move: false, moveBack: true } });
    const end = await move(office, project.id, { to: 'withdrawn', reason: '撤销', version: version + 3 });
    expect(end.statusCode).toBe(400);
    expect(errorOf(end).details?.[0]?.path).toBe('to');
  });

  it('moves back only with project.move_back and a reason', async () => {
    const project = await buildProject(office, t().database);
    const version = await placeInPool(t().database, project.id, 'implementing');
    const expiresAt = new Date(Date.now() + 86400_000).toISOString();
    const token = (
      await office.post('/api/v1/auth/tokens', { name: '只能前移', scopes: ['project.read', 'project.move'], expiresAt })
    ).json();
    const bearer = { authorization: `Bearer ${token.token}` };
    const noRight = await anonymous(t().app).request(
      'POST',
      `/api/v1/projects/${project.id}/move`,
      { to: 'advancing', reason: '手续不全', version },
      bearer,
    );
    expect(noRight.statusCode).toBe(403);
    const noReason = await move(office, project.id, { to: 'advancing', reason: '  ', version });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).details?.[0]?.path).toBe('reason');
    const back = await move(office, project.id, { to: 'advancing', reason: '施工许可被撤回', version });
    expect(back.statusCode).toBe(200);
    expect(await movesOf(project.id)).toMatchObject([{ fromPool: 'implementing', toPool: 'advancing', reason: '施工许可被撤回' }]);
    const skip = await move(office, project.id, { to: 'completed', version: version + 1 });
    expect(errorOf(skip).details?.[0]?.path).toBe('to');
    const same = await move(office, project.id, { to: 'advancing', version: version + 1 });
    expect(errorOf(same).details?.[0]).toEqual({ path: 'to', message: '项目已在该库中' });
  });

  it('withdraws only with a reason, keeps it, and reopens only by a move back', async () => {
    const project = await buildProject(office, t().database);
    const noReason = await move(office, project.id, { to: 'withdrawn', version: 1 });
    expect(errorOf(noReason).details?.[0]?.path).toBe('reason');
    const withdrawn = await move(office, project.id, { to: 'withdrawn', reason: '与其他项目合并', version: 1 });
    expect(withdrawn.json()).toMatchObject({
      pool: 'withdrawn',
      withdrawnReason: '与其他项目合并',
      abilities: { move: false, moveBack: true },
    });
    expect((await gatesOf(office, project.id)).map((g: { to: string }) => g.to)).toEqual(['planning', 'advancing', 'implementing']);
    expect((await move(office, project.id, { to: 'completed', reason: '恢复', version: 2 })).statusCode).toBe(400);
    const reopened = await move(office, project.id, { to: 'planning', reason: '合并取消，恢复', version: 2 });
    expect(reopened.json()).toMatchObject({ pool: 'planning', withdrawnReason: null });
    const timeline = (await office.get(`/api/v1/projects/${project.id}/timeline`)).json().items;
    expect(timeline.slice(0, 2)).toMatchObject([
      { kind: 'pool_move', from: 'withdrawn', to: 'planning', reason: '合并取消，恢复' },
      { kind: 'pool_move', from: 'planning', to: 'withdrawn', reason: '与其他项目合并' },
    ]);
  });

  it('answers 403 without a move permission, 404 out of scope and 409 on a stale version', async () => {
    const own = await buildProject(office, t().database, { leadUnitId: beiyuanId });
    const other = await buildProject(office, t().database);
    expect((await move(unitStaff, own.id, { to: 'withdrawn', reason: '不做了', version: 1 })).statusCode).toBe(403);
    expect((await move(viewer, other.id, { to: 'withdrawn', reason: '不做了', version: 1 })).statusCode).toBe(403);
    expect((await move(otherAdmin, other.id, { to: 'withdrawn', reason: '不做了', version: 1 })).statusCode).toBe(404);
    expect((await unitStaff.get(`/api/v1/projects/${other.id}/gates`)).statusCode).toBe(404);
    expect((await unitStaff.get(`/api/v1/projects/${other.id}/timeline`)).statusCode).toBe(404);
    const stale = await move(office, other.id, { to: 'withdrawn', reason: '不做了', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    expect(await movesOf(other.id)).toEqual([]);
  });

  it('reads and replaces the district’s gate configuration, which the gates then follow', async () => {
    // A district that has saved nothing reads the defaults, at version 0.
    const defaults = (await otherAdmin.get('/api/v1/project-gates')).json();
    expect(defaults).toMatchObject({ regionCode: OTHER_REGION.code, isDefault: true, version: 0, abilities: { update: true } });
    expect(defaults.gates['planning->advancing']).toEqual(['owner', 'total_investment', 'industry', 'lead_unit', 'leader']);
    const initial = (await office.get('/api/v1/project-gates')).json();
    expect(initial.regionCode).toBe('370105');
    // A street clerk reads his district's gates.
    expect((await unitStaff.get('/api/v1/project-gates')).json()).toMatchObject({ regionCode: '370105', abilities: { update: false } });
    const put = (client: Client, body: Record<string, unknown>) => client.request('PUT', '/api/v1/project-gates', body);
    const gatesBody = { 'planning->advancing': ['owner'], 'advancing->implementing': ['project_code'] };
    const body = { gates: gatesBody, requiredApprovals: { filing: ['filing'] }, version: initial.version };
    expect((await put(viewer, body)).statusCode).toBe(403);
    const badCondition = await put(office, { ...body, gates: { 'planning->advancing': ['charm'], 'planning->completed': [] } });
    expect(errorOf(badCondition).details?.map((d) => d.path)).toEqual(
      expect.arrayContaining(['gates.planning->advancing.0', 'gates.planning->completed']),
    );
    const badApproval = await put(office, { ...body, requiredApprovals: { filing: ['filing', 'blessing'] } });
    expect(errorOf(badApproval).details?.[0]?.path).toBe('requiredApprovals.filing.1');
    const twice = await put(office, { ...body, gates: { ...gatesBody, 'planning->advancing': ['owner', 'owner'] } });
    expect(errorOf(twice).details?.[0]?.path).toBe('gates.planning->advancing.1');
    // The 项目代码 stays a condition of entering implementing, whatever else a district drops.
    const withoutCode = await put(office, { ...body, gates: { 'planning->advancing': ['owner'] } });
    expect(withoutCode.statusCode).toBe(400);
    expect(errorOf(withoutCode).details?.[0]).toMatchObject({ path: 'gates.advancing->implementing' });
    expect(errorOf(withoutCode).details?.[0]?.message).toContain('项目代码');

    const saved = await put(office, body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, version: initial.version + 1, gates: gatesBody });
    const event = await lastAuditEvent(t().database, 'projects.gates_update', '370105');
    expect(event?.after).toEqual({ gates: gatesBody, requiredApprovals: { filing: ['filing'] } });
    expect((await put(office, body)).statusCode).toBe(409);

    const project = await buildProject(office, t().database, { ownerName: '业主' });
    const gates = await gatesOf(office, project.id);
    expect(gates[0]).toMatchObject({ to: 'advancing', allowed: true, conditions: [{ key: 'owner', met: true }] });
    expect((await move(office, project.id, { to: 'advancing', version: 1 })).statusCode).toBe(200);
    // A configuration stored before the rule, with no condition on entering implementing, still asks for the code.
    await saveGateConfig(t().database.db, '370105', initial.version + 1, {
      gates: { 'planning->advancing': ['owner'] },
      requiredApprovals: {},
    });
    const toImplementing = (await gatesOf(office, project.id)).find((g: { to: string }) => g.to === 'implementing');
    expect(toImplementing).toMatchObject({ allowed: false, conditions: [{ key: 'project_code', met: false }] });
    const refused = await move(office, project.id, { to: 'implementing', version: 2 });
    expect(refused.statusCode).toBe(422);
    // Another district keeps its own configuration.
    expect((await otherAdmin.get('/api/v1/project-gates')).json()).toMatchObject({ regionCode: OTHER_REGION.code, isDefault: true });
  });
});
