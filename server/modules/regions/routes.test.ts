import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { regions } from '../../db/schema';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

type Item = { code: string; name: string; level: string; hasChildren: boolean; abilities: Record<string, boolean> };
const codes = (body: { items: Item[] }) => body.items.map((r) => r.code);

describeEachDatabase('regions API', (t) => {
  let admin: Client;
  let unitStaff: Client;
  let otherAdmin: Client;

  beforeAll(async () => {
    admin = await signInAs(t().app, 'admin');
    unitStaff = await signInAs(t().app, 'unit');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
  });

  it('answers 401 to every endpoint when signed out', async () => {
    const client = anonymous(t().app);
    for (const response of [
      await client.get('/api/v1/regions'),
      await client.get('/api/v1/regions/370105'),
      await client.post('/api/v1/regions', { code: '370105099', name: '某街道', parentCode: '370105' }),
      await client.patch('/api/v1/regions/370105001', { name: '某街道', version: 1 }),
    ]) {
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).code).toBe('unauthenticated');
    }
  });

  it('answers the own region by default, with abilities by permission', async () => {
    const own = (await admin.get('/api/v1/regions')).json();
    expect(own.items).toEqual([
      expect.objectContaining({ code: '370105', name: '天桥区', level: 'district', parentCode: '370100', hasChildren: true }),
    ]);
    expect(own.items[0].abilities).toEqual({ update: true, createChild: true });
    expect(own.abilities.create).toBe(true);
    const staff = (await unitStaff.get('/api/v1/regions')).json();
    expect(staff.items[0].abilities).toEqual({ update: false, createChild: false });
    expect(staff.abilities.create).toBe(false);
  });

  it('lists the children of a region, and of an ancestor only the branch leading to the jurisdiction', async () => {
    const streets = (await admin.get('/api/v1/regions?parentCode=370105&pageSize=100')).json();
    expect(streets.total).toBeGreaterThanOrEqual(15);
    expect(codes(streets)).toContain('370105014');
    expect(streets.items.every((r: Item) => r.level === 'street' && !r.hasChildren && r.abilities.update && !r.abilities.createChild)).toBe(
      true,
    );
    const city = (await admin.get('/api/v1/regions?parentCode=370100')).json();
    expect(codes(city)).toEqual(['370105']);
    expect((await admin.get('/api/v1/regions?parentCode=370102')).json().items).toEqual([]);
  });

  it('searches names and codes within what the actor may see', async () => {
    expect(codes((await admin.get('/api/v1/regions?q=无影山')).json())).toEqual(['370105001']);
    expect(codes((await admin.get('/api/v1/regions?q=370105014')).json())).toEqual(['370105014']);
    expect((await admin.get(`/api/v1/regions?q=${encodeURIComponent('历下')}`)).json().items).toEqual([]);
    expect(codes((await otherAdmin.get('/api/v1/regions?q=无影山')).json())).toEqual([]);
  });

  it('shows ancestors read-only and hides every other region as not found', async () => {
    const city = await admin.get('/api/v1/regions/370100');
    expect(city.statusCode).toBe(200);
    expect(city.json()).toMatchObject({ name: '济南市', level: 'city', abilities: { update: false, createChild: false } });
    expect((await admin.get('/api/v1/regions/370000')).json().level).toBe('province');
    expect((await admin.get('/api/v1/regions/370102')).statusCode).toBe(404);
    expect((await otherAdmin.get('/api/v1/regions/370105001')).statusCode).toBe(404);
    const patch = await otherAdmin.patch('/api/v1/regions/370105001', { name: '越权改名', version: 1 });
    expect(patch.statusCode).toBe(404);
    expect(errorOf(patch).code).toBe('not_found');
  });

  it('answers 403 to a user without region.manage, and to renaming an ancestor', async () => {
    expect((await unitStaff.post('/api/v1/regions', { code: '370105099', name: '某街道', parentCode: '370105' })).statusCode).toBe(403);
    expect((await unitStaff.patch('/api/v1/regions/370105001', { name: '某街道', version: 1 })).statusCode).toBe(403);
    const ancestor = await admin.patch('/api/v1/regions/370100', { name: '济南', version: 1 });
    expect(ancestor.statusCode).toBe(403);
    expect(errorOf(ancestor).code).toBe('forbidden');
  });

  it('answers 400 naming the field for bad input, and writes nothing', async () => {
    const bad = await admin.post('/api/v1/regions', { code: '37010', name: '', parentCode: 'x', surplus: 1 });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.map((d) => d.path)).toEqual(expect.arrayContaining(['code', 'name', 'parentCode', 'surplus']));
    const param = await admin.get('/api/v1/regions/12');
    expect(param.statusCode).toBe(400);
    expect(errorOf(param).details?.[0]?.path).toBe('params.code');
    expect(await t().database.db.select().from(regions).where(eq(regions.code, '37010'))).toHaveLength(0);
  });

  it('refuses a code that does not extend its parent, a parent outside the jurisdiction, and a street as parent', async () => {
    const foreign = await admin.post('/api/v1/regions', { code: '370102099', name: '错位街道', parentCode: '370105' });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).details?.[0]?.path).toBe('code');
    const zero = await admin.post('/api/v1/regions', { code: '370105000', name: '零号街道', parentCode: '370105' });
    expect(errorOf(zero).details?.[0]?.path).toBe('code');
    for (const parentCode of ['370102', '370100']) {
      const outside = await admin.post('/api/v1/regions', { code: '370106', name: '新区', parentCode });
      expect(outside.statusCode).toBe(400);
      expect(errorOf(outside).details?.[0]?.path).toBe('parentCode');
    }
    const street = await admin.post('/api/v1/regions', { code: '370105001', name: '下级', parentCode: '370105001' });
    expect(street.statusCode).toBe(400);
    expect(errorOf(street).details?.[0]).toMatchObject({ path: 'parentCode' });
  });

  it('creates a street under the district, stores its path and level, and audits it', async () => {
    const response = await admin.post('/api/v1/regions', { code: '370105099', name: '新城街道', parentCode: '370105' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: '370105099', level: 'street', parentCode: '370105', hasChildren: false, version: 1 });
    const [row] = await t().database.db.select().from(regions).where(eq(regions.code, '370105099'));
    expect(row).toMatchObject({ name: '新城街道', level: 'street', path: '370000/370100/370105/370105099/' });
    const event = await lastAuditEvent(t().database, 'regions.create', '370105099');
    expect(event).toMatchObject({ regionCode: '370105099', recordType: 'region', actorName: 'admin' });
    expect(event?.after).toMatchObject({ name: '新城街道', level: 'street', parentCode: '370105' });
    expect((await otherAdmin.get('/api/v1/regions/370105099')).statusCode).toBe(404);
  });

  it('refuses a duplicate code with 409 on the code field', async () => {
    const response = await admin.post('/api/v1/regions', { code: '370105001', name: '无影山街道', parentCode: '370105' });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).details?.[0]?.path).toBe('code');
  });

  it('renames with the current version, answers 409 to a stale one, and audits the change', async () => {
    const ok = await admin.patch('/api/v1/regions/370105017', { name: '大桥街道（新）', version: 1 }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '大桥街道（新）', version: 2 });
    const stale = await admin.patch('/api/v1/regions/370105017', { name: '旧名', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    const [row] = await t().database.db.select().from(regions).where(eq(regions.code, '370105017'));
    expect(row).toMatchObject({ name: '大桥街道（新）', version: 2 });
    const event = await lastAuditEvent(t().database, 'regions.update', '370105017');
    expect(event).toMatchObject({ regionCode: '370105017', before: { name: '大桥街道' }, after: { name: '大桥街道（新）' } });
  });
});
