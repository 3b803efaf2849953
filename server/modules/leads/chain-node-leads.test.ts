import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { leads } from '../../db/schema';
import { insertOtherDistrictInvestor, uniqueSuffix } from '../../test/factories';
import { type Client, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

type NodeJson = { id: string; name: string; gap: boolean };
type LeadJson = { id: string; name: string; chainNodeId: string | null; chainNode: string | null; version: number };

// A chain map's node leads to its leads (产业链环节 → 招商线索): `GET /leads?chainNodeId=` and a lead placed on a node.
describeEachDatabase('leads on a chain node', (t) => {
  let invest: Client;
  let unit: Client;
  let otherDistrict: Client;
  let robots: NodeJson;
  let software: NodeJson;

  const nodeOf = async (chainName: string, nodeName: string): Promise<NodeJson> => {
    const chains = (await invest.get('/api/v1/chains')).json() as { items: { id: string; name: string }[] };
    const chain = chains.items.find((c) => c.name === chainName);
    if (!chain) throw new Error(`no demo chain ${chainName}`);
    const whole = (await invest.get(`/api/v1/chains/${chain.id}`)).json() as { nodes: NodeJson[] };
    const node = whole.nodes.find((n) => n.name === nodeName);
    if (!node) throw new Error(`no node ${nodeName}`);
    return node;
  };
  const leadsOn = async (client: Client, nodeId: string) => {
    const response = await client.get(`/api/v1/leads?chainNodeId=${nodeId}&pageSize=100`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: LeadJson[]; total: number };
  };

  beforeAll(async () => {
    invest = await signInAs(t().app, 'invest');
    unit = await signInAs(t().app, 'unit');
    otherDistrict = await signInAs(t().app, await insertOtherDistrictInvestor(t().database));
    robots = await nodeOf('智能制造装备产业链', '工业机器人');
    software = await nodeOf('智能制造装备产业链', '工业软件');
  });

  it('lists the demo leads placed on a node, and only them', async () => {
    const onRobots = await leadsOn(invest, robots.id);
    expect(onRobots.total).toBeGreaterThanOrEqual(1);
    expect(onRobots.items.every((l) => l.chainNodeId === robots.id && l.chainNode === '工业机器人')).toBe(true);
    const onSoftware = await leadsOn(invest, software.id);
    expect(onSoftware.items.map((l) => l.id)).not.toContain(onRobots.items[0]?.id);
    expect((await leadsOn(invest, crypto.randomUUID())).total).toBe(0);
  });

  it('places a new lead on a picked node, named after it, audited, and moves it with an edit', async () => {
    const name = `工业机器人关节模组项目${uniqueSuffix()}`;
    const created = await invest.post('/api/v1/leads', { name, method: 'project', chainCode: 'smart_equip', chainNodeId: robots.id });
    expect(created.statusCode, created.body).toBe(201);
    const lead = created.json() as LeadJson;
    expect(lead).toMatchObject({ chainNodeId: robots.id, chainNode: '工业机器人' });
    expect(await lastAuditEvent(t().database, 'leads.create', lead.id)).toMatchObject({ after: { chainNodeId: robots.id } });
    expect((await leadsOn(invest, robots.id)).items.map((l) => l.id)).toContain(lead.id);
    const moved = await invest.patch(`/api/v1/leads/${lead.id}`, { chainNodeId: software.id, version: lead.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ chainNodeId: software.id, chainNode: '工业软件' });
    expect((await leadsOn(invest, robots.id)).items.map((l) => l.id)).not.toContain(lead.id);
    expect((await leadsOn(invest, software.id)).items.map((l) => l.id)).toContain(lead.id);
  });

  it('refuses a node that is not a uuid or not on a chain of the district, and writes nothing', async () => {
    const shape = await invest.get('/api/v1/leads?chainNodeId=robots');
    expect(shape.statusCode).toBe(400);
    expect(errorOf(shape).details?.map((d) => d.path)).toEqual(['query.chainNodeId']);
    const name = `未知环节项目${uniqueSuffix()}`;
    const unknown = await invest.post('/api/v1/leads', { name, method: 'project', chainNodeId: crypto.randomUUID() });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).details).toEqual([{ path: 'chainNodeId', message: '产业链环节不存在或不属于本区的产业链图谱' }]);
    // Another district's reader neither sees this district's node's leads nor places his leads on its node.
    expect((await leadsOn(otherDistrict, robots.id)).total).toBe(0);
    const foreign = await otherDistrict.post('/api/v1/leads', { name, method: 'project', chainNodeId: robots.id });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).details?.map((d) => d.path)).toEqual(['chainNodeId']);
    expect(await t().database.db.select({ id: leads.id }).from(leads).where(eq(leads.name, name))).toEqual([]);
  });

  it('a node removed from its map does not block later edits of the leads placed on it', async () => {
    const chains = (await invest.get('/api/v1/chains')).json() as { items: { id: string; name: string }[] };
    const chain = chains.items.find((c) => c.name === '智能制造装备产业链');
    const nodeName = `协作机器人${uniqueSuffix()}`;
    const added = await invest.post(`/api/v1/chains/${chain?.id}/nodes`, { segment: 'midstream', name: nodeName });
    expect(added.statusCode, added.body).toBe(201);
    const node = (added.json() as { nodes: NodeJson[] }).nodes.find((n) => n.name === nodeName);
    const created = await invest.post('/api/v1/leads', { name: `${nodeName}项目`, method: 'project', chainNodeId: node?.id });
    expect(created.statusCode, created.body).toBe(201);
    const lead = created.json() as LeadJson;
    expect((await invest.delete(`/api/v1/chains/${chain?.id}/nodes/${node?.id}`)).statusCode).toBe(200);
    const edited = await invest.patch(`/api/v1/leads/${lead.id}`, { notes: '已电话联系', version: lead.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ chainNodeId: node?.id, chainNode: nodeName });
  });

  it('answers 401 signed out and 403 to a reader without lead.read', async () => {
    expect((await anonymous(t().app).get(`/api/v1/leads?chainNodeId=${robots.id}`)).statusCode).toBe(401);
    expect((await unit.get(`/api/v1/leads?chainNodeId=${robots.id}`)).statusCode).toBe(403);
  });
});
