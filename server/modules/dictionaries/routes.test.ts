import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { dictionaryItems } from '../../db/schema';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

type Item = { id: string; code: string; parentCode: string | null; enabled: boolean; version: number };

describeEachDatabase('dictionaries API', (t) => {
  let admin: Client;
  let unitStaff: Client;
  let otherAdmin: Client;

  const itemByCode = async (type: string, code: string): Promise<Item> => {
    const list = (await admin.get(`/api/v1/dictionaries/${type}/items?q=${encodeURIComponent(code)}&pageSize=200`)).json();
    return list.items.find((i: Item) => i.code === code);
  };

  beforeAll(async () => {
    admin = await signInAs(t().app, 'admin');
    unitStaff = await signInAs(t().app, 'unit');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
  });

  it('answers 401 to every endpoint when signed out', async () => {
    const client = anonymous(t().app);
    const id = crypto.randomUUID();
    for (const response of [
      await client.get('/api/v1/dictionaries'),
      await client.get('/api/v1/dictionaries/industry/items'),
      await client.post('/api/v1/dictionaries/industry/items', { code: 'X1', name: '某', nameEn: 'X' }),
      await client.patch(`/api/v1/dictionaries/industry/items/${id}`, { enabled: false, version: 1 }),
    ]) {
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).code).toBe('unauthenticated');
    }
  });

  it('lists every dictionary type with its item count', async () => {
    const body = (await unitStaff.get('/api/v1/dictionaries')).json();
    expect(body.items.map((i: { type: string }) => i.type)).toEqual([
      'industry',
      'project_category',
      'leading_industry',
      'problem_category',
      'funding_source',
      'enterprise_tag',
      'approval_item_type',
      'cluster',
      'park',
      'industry_chain',
    ]);
    expect(body.items[0]).toEqual({ type: 'industry', count: 117 });
    expect(body.items.every((i: { count: number }) => i.count > 0)).toBe(true);
  });

  it('pages the 117 industries in sort order and filters by search, parent and state', async () => {
    const all = (await unitStaff.get('/api/v1/dictionaries/industry/items?pageSize=200')).json();
    expect(all.total).toBe(117);
    expect(all.items).toHaveLength(117);
    expect(all.items[0]).toMatchObject({ code: 'A', parentCode: null, enabled: true, abilities: { update: false } });
    expect(all.abilities.create).toBe(false);
    const page = (await unitStaff.get('/api/v1/dictionaries/industry/items?pageSize=20&page=6')).json();
    expect(page.items).toHaveLength(17);
    const manufacturing = (await unitStaff.get('/api/v1/dictionaries/industry/items?parentCode=C&pageSize=200')).json();
    expect(manufacturing.total).toBe(31);
    expect(manufacturing.items.every((i: Item) => i.parentCode === 'C')).toBe(true);
    expect(
      (await unitStaff.get(`/api/v1/dictionaries/industry/items?q=${encodeURIComponent('制造')}`)).json().items.map((i: Item) => i.code),
    ).toContain('C');
    expect((await unitStaff.get('/api/v1/dictionaries/industry/items?enabled=false')).json().total).toBe(0);
    const sorted = (await unitStaff.get('/api/v1/dictionaries/industry/items?sort=-code&pageSize=1')).json();
    expect(sorted.items[0].code).toBe('T');
  });

  it('answers 400 for an unknown type, a page too large and an unknown sort', async () => {
    const type = await admin.get('/api/v1/dictionaries/castles/items');
    expect(type.statusCode).toBe(400);
    expect(errorOf(type).details?.[0]?.path).toBe('params.type');
    const size = await admin.get('/api/v1/dictionaries/industry/items?pageSize=201');
    expect(errorOf(size).details?.[0]?.path).toBe('query.pageSize');
    const sort = await admin.get('/api/v1/dictionaries/industry/items?sort=nameEn');
    expect(errorOf(sort).details?.[0]?.path).toBe('query.sort');
  });

  it('answers 403 to a user without dictionary.manage', async () => {
    const item = await itemByCode('project_category', 'industrial');
    expect((await unitStaff.post('/api/v1/dictionaries/project_category/items', { code: 'x', name: '某', nameEn: 'X' })).statusCode).toBe(
      403,
    );
    expect(
      (await unitStaff.patch(`/api/v1/dictionaries/project_category/items/${item.id}`, { enabled: false, version: item.version }))
        .statusCode,
    ).toBe(403);
  });

  it('answers 400 naming the field for bad input, and writes nothing', async () => {
    const before = await t().database.db.select().from(dictionaryItems);
    const response = await admin.post('/api/v1/dictionaries/project_category/items', {
      code: 'has space',
      name: '',
      nameEn: 'x'.repeat(201),
      surplus: true,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details?.map((d) => d.path)).toEqual(expect.arrayContaining(['code', 'name', 'nameEn', 'surplus']));
    const changeCode = await admin.patch(`/api/v1/dictionaries/project_category/items/${crypto.randomUUID()}`, { code: 'new', version: 1 });
    expect(errorOf(changeCode).details?.map((d) => d.path)).toEqual(['code']);
    expect(await t().database.db.select().from(dictionaryItems)).toHaveLength(before.length);
  });

  it('refuses a parent code that does not exist in the same dictionary', async () => {
    const unknown = await admin.post('/api/v1/dictionaries/industry/items', { code: 'Z1', name: '某', nameEn: 'Z', parentCode: 'Z' });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).details?.[0]?.path).toBe('parentCode');
    const otherType = await admin.post('/api/v1/dictionaries/project_category/items', {
      code: 'sub',
      name: '某',
      nameEn: 'Sub',
      parentCode: 'A',
    });
    expect(errorOf(otherType).details?.[0]?.path).toBe('parentCode');
  });

  it('creates an item under a parent, stores it and audits it', async () => {
    const response = await admin.post('/api/v1/dictionaries/industry/items', {
      code: 'C99',
      name: '其他制造',
      nameEn: 'Other manufacturing',
      parentCode: 'C',
      sortOrder: 500,
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      type: 'industry',
      code: 'C99',
      parentCode: 'C',
      enabled: true,
      version: 1,
      abilities: { update: true },
    });
    const [row] = await t().database.db.select().from(dictionaryItems).where(eq(dictionaryItems.id, created.id));
    expect(row).toMatchObject({ type: 'industry', code: 'C99', name: '其他制造', sortOrder: 500 });
    const event = await lastAuditEvent(t().database, 'dictionaries.create', created.id);
    expect(event).toMatchObject({ recordType: 'dictionary_item', actorName: 'admin' });
    expect(event?.after).toMatchObject({ type: 'industry', code: 'C99', parentCode: 'C' });
  });

  it('keeps codes unique per dictionary (409 on code) but allows the same code in another dictionary', async () => {
    const duplicate = await admin.post('/api/v1/dictionaries/project_category/items', {
      code: 'industrial',
      name: '重复',
      nameEn: 'Duplicate',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(errorOf(duplicate).details?.[0]?.path).toBe('code');
    const elsewhere = await admin.post('/api/v1/dictionaries/funding_source/items', {
      code: 'industrial',
      name: '产业基金',
      nameEn: 'Industrial fund',
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('is global: another district’s administrator sees and edits the same items', async () => {
    const created = await itemByCode('industry', 'C99');
    const seen = (await otherAdmin.get('/api/v1/dictionaries/industry/items?parentCode=C&pageSize=200')).json();
    expect(seen.items.map((i: Item) => i.id)).toContain(created.id);
  });

  it('disables an item with the current version, answers 409 to a stale one, and audits only the change', async () => {
    const item = await itemByCode('project_category', 'industrial');
    const ok = await admin.patch(
      `/api/v1/dictionaries/project_category/items/${item.id}`,
      { enabled: false, version: item.version },
      { 'if-match': `"${item.version}"` },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ enabled: false, version: item.version + 1 });
    const stale = await admin.patch(`/api/v1/dictionaries/project_category/items/${item.id}`, { enabled: true, version: item.version });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    const [row] = await t()
      .database.db.select()
      .from(dictionaryItems)
      .where(and(eq(dictionaryItems.type, 'project_category'), eq(dictionaryItems.code, 'industrial')));
    expect(row).toMatchObject({ enabled: false, version: item.version + 1 });
    const event = await lastAuditEvent(t().database, 'dictionaries.update', item.id);
    expect(event).toMatchObject({ recordType: 'dictionary_item', before: { enabled: true }, after: { enabled: false } });
    const disabled = (await admin.get('/api/v1/dictionaries/project_category/items?enabled=false')).json();
    expect(disabled.items.map((i: Item) => i.code)).toEqual(['industrial']);
  });

  it('answers 404 for an item of another dictionary or none, and refuses a parent below the item', async () => {
    const item = await itemByCode('industry', 'C');
    expect(
      (await admin.patch(`/api/v1/dictionaries/project_category/items/${item.id}`, { name: '改', version: item.version })).statusCode,
    ).toBe(404);
    expect((await admin.patch(`/api/v1/dictionaries/industry/items/${crypto.randomUUID()}`, { name: '改', version: 1 })).statusCode).toBe(
      404,
    );
    const cycle = await admin.patch(`/api/v1/dictionaries/industry/items/${item.id}`, { parentCode: 'C99', version: item.version });
    expect(cycle.statusCode).toBe(400);
    expect(errorOf(cycle).details?.[0]?.path).toBe('parentCode');
    const self = await admin.patch(`/api/v1/dictionaries/industry/items/${item.id}`, { parentCode: 'C', version: item.version });
    expect(self.statusCode).toBe(400);
  });
});
