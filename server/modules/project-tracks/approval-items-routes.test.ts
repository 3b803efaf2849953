import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { approvalItems, users } from '../../db/schema';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { insertProject, unitIdByName } from '../../test/factories';

describeEachDatabase('approval items API', (t) => {
  let office: Client;
  let unitStaff: Client;
  let viewer: Client;
  let otherAdmin: Client;
  let own: string;
  let othersProject: string;
  let inCharge: string;
  const url = (projectId: string, itemId?: string) => `/api/v1/projects/${projectId}/approval-items${itemId ? `/${itemId}` : ''}`;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    viewer = await signInAs(t().app, 'viewer');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    const drc = await unitIdByName(t().database, '区发展和改革局');
    own = (await insertProject(t().database)).id;
    othersProject = (await insertProject(t().database, { leadUnitId: drc })).id;
    // The street clerk is (unusually) in charge of a project of another unit: he sees it but may not edit it.
    inCharge = (await insertProject(t().database, { leadUnitId: drc, leaderIds: [unitStaff.userId ?? ''] })).id;
  });

  it('answers 401 when signed out', async () => {
    expect((await anonymous(t().app).get(url(own))).statusCode).toBe(401);
    const response = await anonymous(t().app).post(url(own), { typeCode: 'filing' });
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).code).toBe('unauthenticated');
  });

  it('answers 404 for a project outside the actor’s scope, reading or writing', async () => {
    expect((await otherAdmin.get(url(own))).statusCode).toBe(404);
    expect((await otherAdmin.post(url(own), { typeCode: 'filing' })).statusCode).toBe(404);
    expect((await unitStaff.get(url(othersProject))).statusCode).toBe(404);
    expect((await unitStaff.post(url(othersProject), { typeCode: 'filing' })).statusCode).toBe(404);
  });

  it('answers 403 to a read-only user, and to a leader-in-charge view of another unit’s project', async () => {
    expect((await viewer.post(url(own), { typeCode: 'filing' })).statusCode).toBe(403);
    const list = await unitStaff.get(url(inCharge));
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ create: false, update: false, delete: false });
    const refused = await unitStaff.post(url(inCharge), { typeCode: 'filing' });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('forbidden');
  });

  it('answers 400 naming the field, and writes nothing', async () => {
    const shape = await unitStaff.post(url(own), { typeCode: 'filing', status: 'lost', appliedOn: '2025-02-30', surplus: 1 });
    expect(shape.statusCode).toBe(400);
    expect(errorOf(shape).details?.map((d) => d.path)).toEqual(expect.arrayContaining(['status', 'appliedOn', 'surplus']));
    const unknown = await unitStaff.post(url(own), { typeCode: 'no_such_type' });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).details).toEqual([{ path: 'typeCode', message: '审批事项类型不存在或已停用' }]);
    const early = await unitStaff.post(url(own), { typeCode: 'eia', appliedOn: '2025-05-01', approvedOn: '2025-04-30' });
    expect(errorOf(early).details).toEqual([{ path: 'approvedOn', message: '批复日期不能早于申报日期' }]);
    const yearZero = await unitStaff.post(url(own), { typeCode: 'eia', appliedOn: '0000-01-01' });
    expect(errorOf(yearZero).details).toEqual([{ path: 'appliedOn', message: '日期应在 1900-01-01 至 2199-12-31 之间' }]);
    const undated = await unitStaff.post(url(own), { typeCode: 'eia', status: 'done' });
    expect(undated.statusCode).toBe(400);
    expect(errorOf(undated).details?.[0]?.path).toBe('approvedOn');
    expect(await t().database.db.select().from(approvalItems).where(eq(approvalItems.projectId, own))).toHaveLength(0);
  });

  it('creates an item for the clerk of the lead unit, named from the dictionary, stored and audited', async () => {
    const response = await unitStaff.post(url(own), {
      typeCode: 'filing',
      status: 'done',
      appliedOn: '2025-01-10',
      approvedOn: '2025-01-20',
      documentNumber: '天发改备〔2025〕3号',
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ typeCode: 'filing', typeName: '项目备案', status: 'done', version: 1 });
    const [row] = await t().database.db.select().from(approvalItems).where(eq(approvalItems.id, created.id));
    expect(row).toMatchObject({ projectId: own, typeCode: 'filing', approvedOn: '2025-01-20', documentNumber: '天发改备〔2025〕3号' });
    const event = await lastAuditEvent(t().database, 'approval_items.create', created.id);
    expect(event).toMatchObject({ recordType: 'approval_item', actorName: 'unit', regionCode: '370105' });
    expect(event?.after).toMatchObject({ projectId: own, typeCode: 'filing', status: 'done' });
  });

  it('refuses a second item of the same type with 409', async () => {
    await unitStaff.post(url(own), { typeCode: 'eia' });
    const again = await unitStaff.post(url(own), { typeCode: 'eia' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).details?.[0]?.path).toBe('typeCode');
  });

  it('lists the items in dictionary order, named in the reader’s language', async () => {
    const zh = (await office.get(url(own))).json();
    expect(zh.items.map((i: { typeCode: string }) => i.typeCode)).toEqual(['filing', 'eia']);
    expect(zh.abilities).toEqual({ create: true, update: true, delete: true });
    await t().database.db.update(users).set({ locale: 'en-US' }).where(eq(users.username, 'office'));
    try {
      const en = (await office.get(url(own))).json();
      expect(en.items[0].typeName).toBe('Project filing');
    } finally {
      await t().database.db.update(users).set({ locale: 'zh-CN' }).where(eq(users.username, 'office'));
    }
  });

  it('updates with the current version, answers 409 to a stale one, and audits only what changed', async () => {
    const created = (await unitStaff.post(url(own), { typeCode: 'construct_permit', appliedOn: '2025-03-01' })).json();
    const bad = await unitStaff.patch(url(own, created.id), { status: 'done', version: 1 });
    expect(errorOf(bad).details?.[0]?.path).toBe('approvedOn');
    const ok = await unitStaff.patch(url(own, created.id), { status: 'done', approvedOn: '2025-03-15', version: 1 }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'done', approvedOn: '2025-03-15', version: 2 });
    const stale = await unitStaff.patch(url(own, created.id), { note: '旧的', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    const event = await lastAuditEvent(t().database, 'approval_items.update', created.id);
    expect(event?.before).toEqual({ status: 'pending', approvedOn: null });
    expect(event?.after).toEqual({ status: 'done', approvedOn: '2025-03-15' });
    // The item belongs to its project: addressed under another project it does not exist.
    expect((await office.patch(url(othersProject, created.id), { note: 'x', version: 2 })).statusCode).toBe(404);
  });

  it('deletes an item, audited with what it held; a read-only user cannot', async () => {
    const created = (await unitStaff.post(url(own), { typeCode: 'energy_review' })).json();
    expect((await viewer.delete(url(own, created.id))).statusCode).toBe(403);
    expect((await otherAdmin.delete(url(own, created.id))).statusCode).toBe(404);
    expect((await unitStaff.delete(url(own, created.id))).statusCode).toBe(200);
    expect(await t().database.db.select().from(approvalItems).where(eq(approvalItems.id, created.id))).toHaveLength(0);
    const event = await lastAuditEvent(t().database, 'approval_items.delete', created.id);
    expect(event?.before).toMatchObject({ typeCode: 'energy_review', projectId: own });
    expect((await unitStaff.delete(url(own, created.id))).statusCode).toBe(404);
  });
});
