import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { units } from '../../db/schema';
import { insertMatter, userIdOf } from '../../test/factories';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

describeEachDatabase('units API', (t) => {
  let admin: Client;
  let unitStaff: Client;
  let otherAdmin: Client;
  let govId: string;

  beforeAll(async () => {
    admin = await signInAs(t().app, 'admin');
    unitStaff = await signInAs(t().app, 'unit');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    const list = await admin.get('/api/v1/units?q=天桥区人民政府');
    govId = list.json().items[0].id;
  });

  it('answers 401 when signed out', async () => {
    const response = await anonymous(t().app).get('/api/v1/units');
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).code).toBe('unauthenticated');
  });

  it('lists only the units of the actor’s scope: the admin sees the district, a street clerk only his street', async () => {
    const all = (await admin.get('/api/v1/units?pageSize=200')).json();
    expect(all.total).toBeGreaterThanOrEqual(30);
    expect(all.abilities.create).toBe(true);
    const own = (await unitStaff.get('/api/v1/units?pageSize=200')).json();
    expect(own.items.map((u: { name: string }) => u.name)).toEqual(['北园街道办事处']);
    expect(own.abilities.create).toBe(false);
    expect(own.items[0].abilities).toEqual({ update: false, delete: false });
  });

  it('answers 404 for a unit of another region, and never lists it', async () => {
    expect((await otherAdmin.get(`/api/v1/units/${govId}`)).statusCode).toBe(404);
    const listed = (await otherAdmin.get('/api/v1/units?pageSize=200')).json();
    expect(listed.items.map((u: { id: string }) => u.id)).not.toContain(govId);
  });

  it('answers 403 to a user without unit.create', async () => {
    const response = await unitStaff.post('/api/v1/units', { name: '某单位', kind: 'bureau', regionCode: '370105' });
    expect(response.statusCode).toBe(403);
  });

  it('answers 400 naming the field for bad input, and writes nothing', async () => {
    const before = await t().database.db.select().from(units);
    const response = await admin.post('/api/v1/units', { name: 'x'.repeat(101), kind: 'castle', regionCode: '12', surplus: 1 });
    expect(response.statusCode).toBe(400);
    const paths = errorOf(response).details?.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'kind', 'regionCode', 'surplus']));
    expect(await t().database.db.select().from(units)).toHaveLength(before.length);
  });

  it('refuses a region outside the jurisdiction and a region outside the parent’s', async () => {
    const foreign = await admin.post('/api/v1/units', { name: '外区单位', kind: 'bureau', regionCode: '110101' });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).details?.[0]?.path).toBe('regionCode');
  });

  it('creates a unit, stores it and audits it in the same transaction', async () => {
    const response = await admin.post('/api/v1/units', { name: '区应急管理局', kind: 'bureau', regionCode: '370105', parentId: govId });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    const [row] = await t().database.db.select().from(units).where(eq(units.id, created.id));
    expect(row).toMatchObject({ name: '区应急管理局', kind: 'bureau', parentId: govId, version: 1 });
    expect(row?.path.endsWith(`${govId}/${created.id}/`)).toBe(true);
    const event = await lastAuditEvent(t().database, 'units.create', created.id);
    expect(event?.after).toMatchObject({ name: '区应急管理局', parentId: govId });
    expect(event?.actorName).toBe('admin');
  });

  it('refuses a duplicate name under the same parent with 409', async () => {
    await admin.post('/api/v1/units', { name: '重名测试', kind: 'bureau', regionCode: '370105', parentId: govId });
    const again = await admin.post('/api/v1/units', { name: '重名测试', kind: 'bureau', regionCode: '370105', parentId: govId });
    expect(again.statusCode).toBe(409);
  });

  it('updates with the current version, answers 409 to a stale one, and audits only changed fields', async () => {
    const created = (await admin.post('/api/v1/units', { name: '区审计局', kind: 'bureau', regionCode: '370105', parentId: govId })).json();
    const ok = await admin.patch(`/api/v1/units/${created.id}`, { shortName: '审计局', version: 1 }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await admin.patch(`/api/v1/units/${created.id}`, { shortName: '旧的', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    const event = await lastAuditEvent(t().database, 'units.update', created.id);
    expect(event?.before).toEqual({ shortName: null });
    expect(event?.after).toEqual({ shortName: '审计局' });
  });

  it('moves a subtree and refuses to move a unit under its own descendant', async () => {
    const parent = (await admin.post('/api/v1/units', { name: '移动上级', kind: 'bureau', regionCode: '370105', parentId: govId })).json();
    const child = (
      await admin.post('/api/v1/units', { name: '移动下级', kind: 'bureau', regionCode: '370105', parentId: parent.id })
    ).json();
    const cycle = await admin.patch(`/api/v1/units/${parent.id}`, { parentId: child.id, version: 1 });
    expect(cycle.statusCode).toBe(400);
    expect(errorOf(cycle).details?.[0]?.path).toBe('parentId');
    const drc = (await admin.get('/api/v1/units?q=发展和改革局')).json().items[0];
    expect((await admin.patch(`/api/v1/units/${parent.id}`, { parentId: drc.id, version: 1 })).statusCode).toBe(200);
    const [moved] = await t().database.db.select().from(units).where(eq(units.id, child.id));
    expect(moved?.path).toContain(`${drc.id}/${parent.id}/${child.id}/`);
  });

  it('deletes an empty unit and refuses one with users', async () => {
    const empty = (await admin.post('/api/v1/units', { name: '待撤销单位', kind: 'other', regionCode: '370105', parentId: govId })).json();
    expect((await admin.delete(`/api/v1/units/${empty.id}`)).statusCode).toBe(200);
    expect(await t().database.db.select().from(units).where(eq(units.id, empty.id))).toHaveLength(0);
    expect((await lastAuditEvent(t().database, 'units.delete', empty.id))?.before).toMatchObject({ name: '待撤销单位' });
    const beiyuan = (await admin.get('/api/v1/units?q=北园街道')).json().items[0];
    const refused = await admin.delete(`/api/v1/units/${beiyuan.id}`);
    expect(refused.statusCode).toBe(409);
    // A unit that leads projects stays: a new unit made lead of a project cannot be deleted.
    const lead = (
      await admin.post('/api/v1/units', { name: '项目牵头单位', kind: 'bureau', regionCode: '370105', parentId: govId })
    ).json();
    const project = await admin.post('/api/v1/projects', { name: '单位删除测试项目', leadUnitId: lead.id });
    expect(project.statusCode).toBe(201);
    const inUse = await admin.delete(`/api/v1/units/${lead.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(errorOf(inUse).message).toBe('该单位还是项目的责任单位或配合单位，不能删除');
    // A unit a matter still names (no users, projects or reports of its own) stays too: 409, not a server error.
    const named = (
      await admin.post('/api/v1/units', { name: '事项牵头单位', kind: 'bureau', regionCode: '370105', parentId: govId })
    ).json();
    await insertMatter(t().database, { leadUnitId: named.id, raisedBy: await userIdOf(t().database, 'office') });
    const stillNamed = await admin.delete(`/api/v1/units/${named.id}`);
    expect(stillNamed.statusCode).toBe(409);
    expect(errorOf(stillNamed).message).toBe('该单位仍被事项、线索、走访、指标等记录引用，不能删除');
    expect(await t().database.db.select().from(units).where(eq(units.id, named.id))).toHaveLength(1);
  });

  it('rejects a write without the CSRF token', async () => {
    const response = await t().app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie: admin.cookie ?? '' },
      payload: { name: '无令牌', kind: 'other', regionCode: '370105' },
    });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe('csrf_failed');
  });
});
