import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { composeUscc } from '../../../common/domain/uscc';
import { createAccount } from '../../db/accounts';
import { enterprises } from '../../db/schema';
import { insertUnit, uniqueSuffix } from '../../test/factories';
import {
  type Client,
  OTHER_REGION,
  TEST_PASSWORD,
  anonymous,
  describeEachDatabase,
  errorOf,
  lastAuditEvent,
  signInAs,
  testConfig,
} from '../../test/harness';

type EnterpriseJson = { id: string; name: string; uscc: string | null; version: number; regionCode: string; tags: string[] };

let serial = 0;
/** A valid invented USCC of the test district (a new organisation code each time). */
const newUscc = (division = '370105') =>
  composeUscc(
    '91',
    division,
    `MA${(1000 + serial++).toString().padStart(4, '0')}${uniqueSuffix()
      .slice(-2)
      .toUpperCase()
      .replace(/[IOZSV]/g, '1')}`,
  );

describeEachDatabase('enterprises API', (t) => {
  let office: Client;
  let leader: Client;
  let unit: Client;
  let otherDistrict: Client;

  const body = (extra: Record<string, unknown> = {}) => ({
    name: `济南天桥新材料科技有限公司${uniqueSuffix()}`,
    uscc: newUscc(),
    kind: 'local',
    tags: ['srdi'],
    industryCode: 'C',
    contacts: [{ name: '王经理', phone: '0531-88886666', role: '联系人' }],
    ...extra,
  });

  async function create(extra: Record<string, unknown> = {}, client: Client = office) {
    const response = await client.post('/api/v1/enterprises', body(extra));
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as EnterpriseJson & { warnings: { similarTo: { id: string; name: string } }[] };
  }
  const count = async () => (await t().database.db.select({ id: enterprises.id }).from(enterprises)).length;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    leader = await signInAs(t().app, 'leader');
    unit = await signInAs(t().app, 'unit');
    // An investment officer of another district: he keeps that district's register and sees nothing of this one.
    const foreignUnit = await insertUnit(t().database, { regionCode: OTHER_REGION.code, name: `历下区投资促进局${uniqueSuffix()}` });
    const username = `invest_${uniqueSuffix()}`;
    await createAccount(
      t().database.db,
      { ip: null, requestId: null },
      { username, displayName: username, unitId: foreignUnit.id, roleCode: 'investment_staff', password: TEST_PASSWORD },
    );
    otherDistrict = await signInAs(t().app, username);
  });

  it('answers 401 signed out and 403 without the permission', async () => {
    expect((await anonymous(t().app).get('/api/v1/enterprises')).statusCode).toBe(401);
    // Units read the register (to record their visits) but do not keep it.
    expect((await unit.get('/api/v1/enterprises')).statusCode).toBe(200);
    expect((await unit.post('/api/v1/enterprises', body())).statusCode).toBe(403);
    expect((await leader.post('/api/v1/enterprises', body())).statusCode).toBe(403);
  });

  it('adds an enterprise in the reader’s district: stored with its canonical USCC, audited, read back, listed', async () => {
    const uscc = newUscc();
    const created = await create({ uscc: ` ${uscc.toLowerCase()} `, tags: ['fortune500', 'srdi'] });
    expect(created).toMatchObject({ uscc, regionCode: testConfig().regionCode, tags: ['fortune500', 'srdi'], warnings: [] });
    const event = await lastAuditEvent(t().database, 'enterprises.create', created.id);
    expect(event?.after).toMatchObject({ uscc, kind: 'local' });
    const read = await leader.get(`/api/v1/enterprises/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ name: created.name, industryName: '制造业', abilities: { update: false } });
    const listed = await office.get(`/api/v1/enterprises?q=${uscc.slice(0, 12)}&tag=fortune500`);
    expect(listed.json().items.map((e: EnterpriseJson) => e.id)).toEqual([created.id]);
    expect(listed.json().abilities).toEqual({ create: true });
  });

  it('lists the demo register by tag, kind, industry and pinyin initials', async () => {
    const fortune = (await office.get('/api/v1/enterprises?tag=fortune500&kind=target')).json();
    expect(fortune.total).toBeGreaterThanOrEqual(2);
    const srdiMachinery = (await office.get('/api/v1/enterprises?tag=srdi,little_giant&industryCode=34&kind=local')).json();
    expect(srdiMachinery.items.map((e: EnterpriseJson) => e.name)).toEqual(['济南北园智能装备有限公司', '济南泺口精密传动股份有限公司']);
    const byInitials = (await leader.get('/api/v1/enterprises?q=jnbyzn')).json();
    expect(byInitials.items.map((e: EnterpriseJson) => e.name)).toEqual(['济南北园智能装备有限公司']);
    expect((await office.get('/api/v1/enterprises?sort=nosuch')).statusCode).toBe(400);
  });

  it('refuses a USCC the district already has, naming the enterprise that has it, and writes nothing', async () => {
    const first = await create();
    const before = await count();
    const again = await office.post('/api/v1/enterprises', body({ uscc: first.uscc, name: '另一家公司' }));
    expect(again.statusCode).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'enterprise_duplicate_uscc' });
    expect(errorOf(again).message).toContain(first.name);
    expect(await count()).toBe(before);
    // Another district may hold the same enterprise in its own register.
    const elsewhere = await otherDistrict.post('/api/v1/enterprises', body({ uscc: first.uscc, name: first.name }));
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    // Editing another enterprise onto the code is refused the same way.
    const second = await create();
    const edit = await office.patch(`/api/v1/enterprises/${second.id}`, { uscc: first.uscc, version: second.version });
    expect(edit.statusCode).toBe(409);
    expect(errorOf(edit).message).toContain(first.name);
  });

  it('answers two people adding the same USCC at once with one 201 and one 409', async () => {
    const uscc = newUscc();
    const answers = await Promise.all([
      office.post('/api/v1/enterprises', body({ uscc })),
      office.post('/api/v1/enterprises', body({ uscc })),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
  });

  it('warns of a similar name without refusing it', async () => {
    const original = await create({ name: `天桥精工机械${uniqueSuffix()}有限公司` });
    const samePlainName = original.name.replace('有限公司', '（集团）股份有限公司');
    const second = await create({ name: samePlainName });
    expect(second.warnings).toEqual([{ similarTo: { id: original.id, name: original.name } }]);
    const unrelated = await create({ name: `北园生物医药研究院${uniqueSuffix()}` });
    expect(unrelated.warnings).toEqual([]);
  });

  it('names the USCC position at fault, in Chinese and English, and writes nothing', async () => {
    const before = await count();
    const good = newUscc();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const zh = await office.post('/api/v1/enterprises', body({ uscc: wrongCheck }));
    expect(zh.statusCode).toBe(400);
    expect(errorOf(zh).details).toEqual([{ path: 'uscc', message: expect.stringContaining('第 18 位') }]);
    const bad = await office.post('/api/v1/enterprises', body({ uscc: `91370105${good.slice(8, 12)}I${good.slice(13)}` }));
    expect(errorOf(bad).details).toEqual([{ path: 'uscc', message: expect.stringContaining('第 13 位“I”') }]);
    expect((await office.patch('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
    try {
      const english = await office.post('/api/v1/enterprises', body({ uscc: '9437010500000000X0' }));
      expect(errorOf(english).details?.[0]?.message).toMatch(/^Character 2 of the unified social credit code/);
    } finally {
      await office.patch('/api/v1/auth/preferences', { locale: 'zh-CN' });
    }
    // Positions 3–8 must name a region: 99 is no province.
    const region = await office.post('/api/v1/enterprises', body({ uscc: composeUscc('91', '990105', 'MA000001') }));
    expect(errorOf(region).details?.[0]?.message).toContain('第 3 位');
    // Required unless a target enterprise abroad.
    const missing = await office.post('/api/v1/enterprises', body({ uscc: null }));
    expect(errorOf(missing).details).toEqual([{ path: 'uscc', message: expect.stringContaining('境外目标企业') }]);
    expect(await count()).toBe(before);
    const abroad = await create({ uscc: null, kind: 'target', abroad: true, name: `Siemens AG ${uniqueSuffix()}`, tags: ['fortune500'] });
    expect(abroad.uscc).toBeNull();
  });

  it('names every other field at fault: tags, listing stage, industry, headquarters', async () => {
    const response = await office.post(
      '/api/v1/enterprises',
      body({ tags: ['srdi', 'nosuchtag'], listingStage: 'filed', industryCode: 'Q99', hqRegionCode: '999999' }),
    );
    expect(response.statusCode).toBe(400);
    expect(
      errorOf(response)
        .details?.map((d) => d.path)
        .sort(),
    ).toEqual(['hqRegionCode', 'industryCode', 'listingStage', 'tags.1']);
    const listing = await create({ tags: ['pre_listing'], listingStage: 'filed', hqRegionCode: '370105', size: 'medium' });
    expect(listing).toMatchObject({ tags: ['pre_listing'], listingStage: 'filed', hqRegionName: '天桥区', size: 'medium' });
    expect((await office.post('/api/v1/enterprises', body({ size: 'huge' }))).statusCode).toBe(400);
  });

  it('edits at the version read, audits the change, and removes', async () => {
    const created = await create();
    const edited = await office.patch(`/api/v1/enterprises/${created.id}`, { name: `${created.name}（更名）`, version: created.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(created.version + 1);
    const event = await lastAuditEvent(t().database, 'enterprises.update', created.id);
    expect(event?.after).toEqual({ name: `${created.name}（更名）` });
    const stale = await office.patch(`/api/v1/enterprises/${created.id}`, { name: 'x', version: created.version });
    expect(stale.statusCode).toBe(409);
    expect((await office.delete(`/api/v1/enterprises/${created.id}`)).statusCode).toBe(200);
    expect((await t().database.db.select().from(enterprises).where(eq(enterprises.id, created.id))).length).toBe(0);
    expect(await lastAuditEvent(t().database, 'enterprises.delete', created.id)).not.toBeNull();
  });

  it('keeps each district’s register to itself: another district’s people see nothing of it', async () => {
    const created = await create();
    expect((await otherDistrict.get(`/api/v1/enterprises/${created.id}`)).statusCode).toBe(404);
    const theirs = (await otherDistrict.get('/api/v1/enterprises?pageSize=200')).json().items as EnterpriseJson[];
    expect(theirs.every((e) => e.regionCode === OTHER_REGION.code)).toBe(true);
    expect((await otherDistrict.patch(`/api/v1/enterprises/${created.id}`, { name: 'x', version: created.version })).statusCode).toBe(404);
    expect((await otherDistrict.delete(`/api/v1/enterprises/${created.id}`)).statusCode).toBe(404);
    // Nor may one file into a district out of reach.
    const foreign = await otherDistrict.post('/api/v1/enterprises', body({ regionCode: testConfig().regionCode }));
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).details?.[0]?.path).toBe('regionCode');
  });
});
