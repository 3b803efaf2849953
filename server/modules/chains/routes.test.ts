import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createAccount } from '../../db/accounts';
import { chainNodes, enterprises } from '../../db/schema';
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

type NodeJson = {
  id: string;
  name: string;
  segment: string;
  gap: boolean;
  localCount: number;
  targetCount: number;
  placements: { id: string; enterpriseName: string; role: string }[];
};
type ChainJson = {
  id: string;
  name: string;
  version: number;
  counts: Record<string, number>;
  nodes: NodeJson[];
  abilities: Record<string, boolean>;
};

describeEachDatabase('industry chains API', (t) => {
  let invest: Client;
  let leader: Client;
  let unit: Client;
  let otherDistrict: Client;

  const enterpriseNamed = async (name: string) => {
    const [row] = await t().database.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.name, name));
    if (!row) throw new Error(`demo enterprise ${name} missing`);
    return row.id;
  };
  async function newChain(client: Client = invest) {
    const response = await client.post('/api/v1/chains', { name: `氢能产业链${uniqueSuffix()}`, description: '测试' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as ChainJson;
  }

  beforeAll(async () => {
    invest = await signInAs(t().app, 'invest');
    leader = await signInAs(t().app, 'leader');
    unit = await signInAs(t().app, 'unit');
    const foreignUnit = await insertUnit(t().database, { regionCode: OTHER_REGION.code, name: `历下区投资促进局${uniqueSuffix()}` });
    const username = `invest_${uniqueSuffix()}`;
    await createAccount(
      t().database.db,
      { ip: null, requestId: null },
      { username, displayName: username, unitId: foreignUnit.id, roleCode: 'investment_staff', password: TEST_PASSWORD },
    );
    otherDistrict = await signInAs(t().app, username);
  });

  it('answers 401 signed out, 403 without the permission, and lets a leader read but not edit', async () => {
    expect((await anonymous(t().app).get('/api/v1/chains')).statusCode).toBe(401);
    expect((await unit.get('/api/v1/chains')).statusCode).toBe(403);
    expect((await leader.post('/api/v1/chains', { name: '测试链' })).statusCode).toBe(403);
    const list = await leader.get('/api/v1/chains');
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ create: false });
  });

  it('reads the demo’s leading chains whole: nodes by segment, enterprises as local or target, gaps flagged and counted', async () => {
    const list = (await leader.get('/api/v1/chains')).json().items as ChainJson[];
    const names = list.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['新型功能材料产业链', '智能制造装备产业链', '医疗器械产业链']));
    const equipment = list.find((c) => c.name === '智能制造装备产业链');
    expect(equipment?.counts).toEqual({ nodes: 8, gaps: 4, local: 4, target: 3 });
    const whole = (await leader.get(`/api/v1/chains/${equipment?.id}`)).json() as ChainJson & { codeName: string };
    expect(whole.codeName).toBe('智能制造装备');
    expect(whole.nodes.map((n) => n.segment)).toEqual([
      'upstream',
      'upstream',
      'upstream',
      'midstream',
      'midstream',
      'midstream',
      'downstream',
      'downstream',
    ]);
    const robots = whole.nodes.find((n) => n.name === '工业机器人');
    expect(robots).toMatchObject({
      gap: true,
      localCount: 0,
      targetCount: 1,
      placements: [{ enterpriseName: '南粤智造机器人有限公司', role: 'target' }],
    });
    expect(whole.nodes.find((n) => n.name === '数控机床')).toMatchObject({ gap: false, localCount: 1 });
    expect(whole.nodes.filter((n) => n.gap).length).toBe(whole.counts.gaps);
    expect(whole.abilities).toEqual({ update: false, delete: false });
  });

  it('builds a chain: nodes, enterprises placed (their own kind by default), the gap closing when a local one arrives; audited', async () => {
    const chain = await newChain();
    expect(await lastAuditEvent(t().database, 'chains.create', chain.id)).not.toBeNull();
    const withNode = await invest.post(`/api/v1/chains/${chain.id}/nodes`, { segment: 'midstream', name: '燃料电池电堆' });
    expect(withNode.statusCode, withNode.body).toBe(201);
    const node = (withNode.json() as ChainJson).nodes[0] as NodeJson;
    expect(node).toMatchObject({ gap: true, localCount: 0 });
    const target = await enterpriseNamed('东海动力电池科技有限公司');
    const placedTarget = await invest.post(`/api/v1/chains/${chain.id}/nodes/${node.id}/placements`, { enterpriseId: target });
    expect(placedTarget.statusCode, placedTarget.body).toBe(201);
    expect((placedTarget.json() as ChainJson).nodes[0]).toMatchObject({ gap: true, targetCount: 1 });
    const local = await enterpriseNamed('济南药山新能源电气有限公司');
    const placedLocal = (
      await invest.post(`/api/v1/chains/${chain.id}/nodes/${node.id}/placements`, { enterpriseId: local })
    ).json() as ChainJson;
    expect(placedLocal.nodes[0]).toMatchObject({ gap: false, localCount: 1, targetCount: 1 });
    expect(placedLocal.counts).toEqual({ nodes: 1, gaps: 0, local: 1, target: 1 });
    const event = await lastAuditEvent(t().database, 'chains.place', chain.id);
    expect(event?.after).toMatchObject({ node: '燃料电池电堆', enterprise: '济南药山新能源电气有限公司', role: 'local' });
    // Taking the local one off opens the gap again.
    const localPlacement = placedLocal.nodes[0]?.placements.find((p) => p.role === 'local');
    const removed = (await invest.delete(`/api/v1/chains/${chain.id}/placements/${localPlacement?.id}`)).json() as ChainJson;
    expect(removed.nodes[0]).toMatchObject({ gap: true, localCount: 0 });
    // Editing and removing a node.
    const moved = await invest.patch(`/api/v1/chains/${chain.id}/nodes/${node.id}`, { segment: 'upstream', name: '膜电极' });
    expect((moved.json() as ChainJson).nodes[0]).toMatchObject({ segment: 'upstream', name: '膜电极' });
    expect(((await invest.delete(`/api/v1/chains/${chain.id}/nodes/${node.id}`)).json() as ChainJson).nodes).toEqual([]);
    expect((await t().database.db.select().from(chainNodes).where(eq(chainNodes.chainId, chain.id))).length).toBe(0);
  });

  it('refuses bad input by name: a target enterprise as local, the same enterprise twice, duplicate names, unknown codes', async () => {
    const chain = await newChain();
    const node = ((await invest.post(`/api/v1/chains/${chain.id}/nodes`, { segment: 'upstream', name: '储氢材料' })).json() as ChainJson)
      .nodes[0] as NodeJson;
    const target = await enterpriseNamed('西岭航空材料有限公司');
    const asLocal = await invest.post(`/api/v1/chains/${chain.id}/nodes/${node.id}/placements`, { enterpriseId: target, role: 'local' });
    expect(asLocal.statusCode).toBe(400);
    expect(errorOf(asLocal).details).toEqual([{ path: 'role', message: expect.stringContaining('西岭航空材料有限公司') }]);
    expect((await invest.post(`/api/v1/chains/${chain.id}/nodes/${node.id}/placements`, { enterpriseId: target })).statusCode).toBe(201);
    const twice = await invest.post(`/api/v1/chains/${chain.id}/nodes/${node.id}/placements`, { enterpriseId: target });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice)).toMatchObject({ code: 'chain_placement_duplicate' });
    const sameNode = await invest.post(`/api/v1/chains/${chain.id}/nodes`, { segment: 'downstream', name: '储氢材料' });
    expect(errorOf(sameNode)).toMatchObject({ code: 'chain_node_duplicate' });
    const sameChain = await invest.post('/api/v1/chains', { name: chain.name });
    expect(sameChain.statusCode).toBe(409);
    expect(errorOf(sameChain).message).toContain(chain.name);
    const badCode = await invest.post('/api/v1/chains', { name: `链${uniqueSuffix()}`, code: 'nosuch' });
    expect(errorOf(badCode).details).toEqual([{ path: 'code', message: expect.stringContaining('nosuch') }]);
    const badSegment = await invest.post(`/api/v1/chains/${chain.id}/nodes`, { segment: 'sideways', name: 'x' });
    expect(badSegment.statusCode).toBe(400);
    expect(errorOf(badSegment).details?.[0]?.path).toBe('segment');
    const stale = await invest.patch(`/api/v1/chains/${chain.id}`, { name: 'x', version: chain.version });
    expect(stale.statusCode).toBe(409);
  });

  it('keeps each district’s chains to itself, and places only the district’s own enterprises', async () => {
    const chain = await newChain();
    expect((await otherDistrict.get(`/api/v1/chains/${chain.id}`)).statusCode).toBe(404);
    expect(((await otherDistrict.get('/api/v1/chains')).json().items as ChainJson[]).some((c) => c.id === chain.id)).toBe(false);
    expect((await otherDistrict.post(`/api/v1/chains/${chain.id}/nodes`, { segment: 'upstream', name: 'x' })).statusCode).toBe(404);
    expect((await otherDistrict.delete(`/api/v1/chains/${chain.id}`)).statusCode).toBe(404);
    // An enterprise of another district's register cannot be placed here.
    const theirs = await otherDistrict.post('/api/v1/chains', { name: '历下链' });
    expect(theirs.statusCode).toBe(201);
    const node = ((await invest.post(`/api/v1/chains/${chain.id}/nodes`, { segment: 'upstream', name: '原料' })).json() as ChainJson)
      .nodes[0] as NodeJson;
    const [foreign] = await t()
      .database.db.insert(enterprises)
      .values({
        regionCode: OTHER_REGION.code,
        name: '历下某公司',
        namePinyin: 'lxmgs',
        nameKey: '历下某',
        uscc: null,
        kind: 'target',
        abroad: true,
      })
      .returning();
    const placed = await invest.post(`/api/v1/chains/${chain.id}/nodes/${node.id}/placements`, { enterpriseId: foreign?.id });
    expect(placed.statusCode).toBe(400);
    expect(errorOf(placed).details?.[0]?.path).toBe('enterpriseId');
    expect((await invest.delete(`/api/v1/chains/${chain.id}`)).statusCode).toBe(200);
    expect(await lastAuditEvent(t().database, 'chains.delete', chain.id)).not.toBeNull();
    expect(testConfig().regionCode).not.toBe(OTHER_REGION.code);
  });
});
