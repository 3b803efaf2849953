import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import { PIPELINE } from '../../../common/domain/leads';
import { LEAD_STAGES } from '../../../common/enums';
import { createAccount } from '../../db/accounts';
import { enterprises, leadClockReminders, notifications, projectLeaders, projects } from '../../db/schema';
import { insertUnit, uniqueSuffix, unitIdByName, userIdOf } from '../../test/factories';
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
import { remindOverdueLeads } from './reminders';

type LeadJson = {
  id: string;
  name: string;
  stage: string;
  version: number;
  owner: { id: string };
  unit: { id: string; name: string };
  project: { id: string; name: string; pool: string } | null;
  overdue: { clock: string; dueOn: string; daysOverdue: number }[];
  nextStages: string[];
  abilities: Record<string, boolean>;
};

describeEachDatabase('leads API', (t) => {
  let office: Client;
  let invest: Client;
  let leader: Client;
  let unit: Client;
  let otherDistrict: Client;
  let enterprise: { id: string; name: string };
  let leaderId: string;
  const today = todayInChina();

  const body = (extra: Record<string, unknown> = {}) => ({
    name: `新型功能材料产业园项目${uniqueSuffix()}`,
    enterpriseId: enterprise.id,
    method: 'via_business',
    referrer: '济南大桥新材料股份有限公司',
    leaderId,
    estimatedInvestmentYuan: 1_500_000_000,
    outOfCityPercent: 80,
    outOfProvincePercent: 60,
    foreignPercent: 0,
    landMu: 120,
    spaceM2: 20000,
    industryCode: 'C',
    chainCode: 'new_materials',
    chainNode: '高性能膜材料',
    ...extra,
  });

  async function create(extra: Record<string, unknown> = {}, client: Client = invest): Promise<LeadJson> {
    const response = await client.post('/api/v1/leads', body(extra));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  async function move(lead: LeadJson, to: string, client: Client = invest, extra: Record<string, unknown> = {}): Promise<LeadJson> {
    const response = await client.post(`/api/v1/leads/${lead.id}/stage`, { to, version: lead.version, ...extra });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  async function negotiating(extra: Record<string, unknown> = {}, client: Client = invest) {
    let lead = await create(extra, client);
    for (const to of ['assessed', 'site_visit', 'negotiating']) lead = await move(lead, to, client);
    return lead;
  }

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    invest = await signInAs(t().app, 'invest');
    leader = await signInAs(t().app, 'leader');
    unit = await signInAs(t().app, 'unit');
    leaderId = await userIdOf(t().database, 'leader');
    const [row] = await t()
      .database.db.select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(eq(enterprises.regionCode, testConfig().regionCode))
      .limit(1);
    if (!row) throw new Error('the test district has no enterprise');
    enterprise = row;
    const foreignUnit = await insertUnit(t().database, { regionCode: OTHER_REGION.code, name: `历下区投资促进局${uniqueSuffix()}` });
    const username = `invest_${uniqueSuffix()}`;
    await createAccount(
      t().database.db,
      { ip: null, requestId: null },
      { username, displayName: username, unitId: foreignUnit.id, roleCode: 'investment_staff', password: TEST_PASSWORD },
    );
    otherDistrict = await signInAs(t().app, username);
  });

  it('the demo district holds leads in every stage, some overdue, some signed into its projects', async () => {
    const all = (await office.get('/api/v1/leads?pageSize=200')).json();
    for (const stage of LEAD_STAGES) expect(all.stageCounts[stage], stage).toBeGreaterThanOrEqual(1);
    expect(all.total).toBeGreaterThanOrEqual(20);
    expect(all.items.filter((l: LeadJson) => l.overdue.length).length).toBeGreaterThanOrEqual(3);
    expect(all.items.filter((l: LeadJson) => l.project).length).toBeGreaterThanOrEqual(2);
    const events = (await office.get('/api/v1/lead-events')).json();
    expect(events.items.map((e: { kind: string }) => e.kind).sort()).toEqual(['fair', 'trip']);
    // Every demo lead has its history: the moves up to its stage, and its follow-up log.
    const sample = all.items.find((l: LeadJson) => l.stage === 'in_production');
    const detail = (await office.get(`/api/v1/leads/${sample.id}`)).json();
    expect(detail.moves.map((m: { to: string }) => m.to)).toEqual(PIPELINE);
    expect(detail.followUps.length).toBeGreaterThanOrEqual(3);
  });

  it('answers 401 signed out and 403 without the permission', async () => {
    expect((await anonymous(t().app).get('/api/v1/leads')).statusCode).toBe(401);
    expect((await unit.get('/api/v1/leads')).statusCode).toBe(403);
    expect((await leader.post('/api/v1/leads', body())).statusCode).toBe(403);
    expect((await leader.get('/api/v1/leads')).statusCode).toBe(200);
  });

  it('records a lead owned by the reader in his unit, at its first stage, audited, listed with the stage counts', async () => {
    const lead = await create();
    const investId = await userIdOf(t().database, 'invest');
    expect(lead).toMatchObject({ stage: 'lead', owner: { id: investId }, overdue: [], nextStages: ['assessed', 'dropped'] });
    expect(lead.abilities).toMatchObject({ update: true, move: true, followUp: true, sign: true });
    const event = await lastAuditEvent(t().database, 'leads.create', lead.id);
    expect(event?.after).toMatchObject({ name: lead.name, estimatedInvestmentYuan: 1_500_000_000, stage: 'lead' });
    const list = (await invest.get(`/api/v1/leads?q=${encodeURIComponent(lead.name)}`)).json();
    expect(list.items.map((l: LeadJson) => l.id)).toEqual([lead.id]);
    expect(list.stageCounts).toEqual({ lead: 1 });
    const detail = (await leader.get(`/api/v1/leads/${lead.id}`)).json();
    expect(detail).toMatchObject({
      id: lead.id,
      enterprise,
      moves: [{ from: null, to: 'lead', on: today }],
      followUps: [],
      nextStages: [],
    });
    expect(detail.abilities).toMatchObject({ update: false, move: false });
  });

  it('names every field at fault, in Chinese and English, and writes nothing', async () => {
    const bad = body({ enterpriseId: crypto.randomUUID(), outOfProvincePercent: 90, chainCode: 'nope', receivedOn: addDays(today, 1) });
    const zh = await invest.post('/api/v1/leads', bad);
    expect(zh.statusCode).toBe(400);
    expect(errorOf(zh).details).toEqual([
      { path: 'enterpriseId', message: '企业不存在或不在本区企业库中' },
      { path: 'chainCode', message: '产业链“nope”不在产业链字典中或已停用' },
      { path: 'outOfProvincePercent', message: '投资来源比例应满足：境外 ≤ 省外 ≤ 市外 ≤ 100%' },
      { path: 'receivedOn', message: '日期不能晚于今天' },
    ]);
    const shape = await invest.post('/api/v1/leads', body({ foreignPercent: 120, method: 'cold_call' }));
    expect(shape.statusCode).toBe(400);
    expect(
      errorOf(shape)
        .details?.map((d) => d.path)
        .sort(),
    ).toEqual(['foreignPercent', 'method']);
    expect((await invest.patch('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
    try {
      const en = await invest.post('/api/v1/leads', body({ leaderId: await userIdOf(t().database, 'office') }));
      expect(errorOf(en).details).toEqual([
        { path: 'leaderId', message: 'The leader does not exist, is disabled or is not a leader of this district' },
      ]);
    } finally {
      await invest.patch('/api/v1/auth/preferences', { locale: 'zh-CN' });
    }
    const names = (await invest.get(`/api/v1/leads?q=${encodeURIComponent('新型功能材料产业园项目')}&pageSize=200`)).json();
    expect(names.items.every((l: LeadJson) => l.stage)).toBe(true);
  });

  it('moves one stage at a time: out of order is a 422 naming the stages, dropping needs a reason', async () => {
    const lead = await create();
    const skip = await invest.post(`/api/v1/leads/${lead.id}/stage`, { to: 'negotiating', version: lead.version });
    expect(skip.statusCode).toBe(422);
    expect(errorOf(skip)).toMatchObject({
      code: 'lead_wrong_stage',
      message: '线索当前为“线索”，不能转为“洽谈”（只能转为：已研判、已终止）',
    });
    const signing = await invest.post(`/api/v1/leads/${lead.id}/stage`, { to: 'signed', version: lead.version });
    expect(signing.statusCode).toBe(422);
    const assessed = await move(lead, 'assessed');
    expect(assessed).toMatchObject({ stage: 'assessed', nextStages: ['site_visit', 'dropped'] });
    const audit = await lastAuditEvent(t().database, 'leads.move', lead.id);
    expect(audit).toMatchObject({ before: { stage: 'lead' }, after: { stage: 'assessed', on: today } });
    const stale = await invest.post(`/api/v1/leads/${lead.id}/stage`, { to: 'site_visit', version: lead.version });
    expect(stale.statusCode).toBe(409);
    const noReason = await invest.post(`/api/v1/leads/${lead.id}/stage`, { to: 'dropped', reason: ' ', version: assessed.version });
    expect(errorOf(noReason).details).toEqual([{ path: 'reason', message: '终止线索须填写原因' }]);
    const dropped = await move(assessed, 'dropped', invest, { reason: '企业投资计划调整' });
    expect(dropped).toMatchObject({ stage: 'dropped', nextStages: [] });
    const after = await invest.post(`/api/v1/leads/${lead.id}/stage`, { to: 'lead', version: dropped.version });
    expect(errorOf(after)).toMatchObject({ code: 'lead_wrong_stage', message: '线索当前为“已终止”，已不能再转阶段' });
  });

  it('signing needs the contract and creates the project, carrying the lead’s data and keeping the link, audited', async () => {
    const lead = await negotiating();
    const missing = await invest.post(`/api/v1/leads/${lead.id}/sign`, {
      contractValueYuan: null,
      contractDate: null,
      version: lead.version,
    });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).details).toEqual([
      { path: 'contractValueYuan', message: '签约须填写合同金额（元，大于 0）' },
      { path: 'contractDate', message: '签约须填写签约日期' },
    ]);
    // Investment staff may create projects, not move them: straight into advancing is refused.
    const advancing = await invest.post(`/api/v1/leads/${lead.id}/sign`, {
      contractValueYuan: 1_200_000_000,
      contractDate: today,
      pool: 'advancing',
      version: lead.version,
    });
    expect(errorOf(advancing).details).toEqual([{ path: 'pool', message: expect.stringContaining('先签入策划库') }]);
    const response = await invest.post(`/api/v1/leads/${lead.id}/sign`, {
      contractValueYuan: 1_200_000_000,
      contractDate: today,
      version: lead.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    const signed = response.json() as LeadJson & { contractValueYuan: number };
    expect(signed).toMatchObject({ stage: 'signed', contractValueYuan: 1_200_000_000, project: { name: lead.name, pool: 'planning' } });
    const projectId = signed.project?.id as string;
    const [project] = await t().database.db.select().from(projects).where(eq(projects.id, projectId));
    expect(project).toMatchObject({
      name: lead.name,
      ownerName: enterprise.name,
      industryCode: 'C',
      totalInvestmentYuan: 1_500_000_000,
      needsLand: true,
      landAreaMu: 120,
      floorAreaM2: 20000,
      chainCode: 'new_materials',
      chainNode: '高性能膜材料',
      leadUnitId: signed.unit.id,
      pool: 'planning',
    });
    const leaders = await t().database.db.select().from(projectLeaders).where(eq(projectLeaders.projectId, projectId));
    expect(leaders.map((l) => l.userId)).toEqual([leaderId]);
    expect(await lastAuditEvent(t().database, 'projects.create', projectId)).toMatchObject({ after: { name: lead.name } });
    expect(await lastAuditEvent(t().database, 'leads.move', lead.id)).toMatchObject({
      after: { stage: 'signed', projectId, projectCreated: true, contractValueYuan: 1_200_000_000 },
    });
    // The project's attraction track lists its lead.
    const linked = (await office.get(`/api/v1/leads?projectId=${projectId}`)).json();
    expect(linked.items.map((l: LeadJson) => l.id)).toEqual([lead.id]);
    // After signing, the lead moves on through the stages the conversion figures count.
    let later = await move(signed, 'registered');
    later = await move(later, 'started');
    expect(later.nextStages).toEqual(['funds_in', 'dropped']);
  });

  it('the project office signs into advancing through its gate, or links an existing project', async () => {
    const full = await negotiating({}, office);
    const signed = await office.post(`/api/v1/leads/${full.id}/sign`, {
      contractValueYuan: 800_000_000,
      contractDate: today,
      pool: 'advancing',
      version: full.version,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().project).toMatchObject({ pool: 'advancing' });
    // Without a leader the gate of the advancing pool is not met: nothing is written.
    const thin = await negotiating({ leaderId: null }, office);
    const before = (await t().database.db.select({ id: projects.id }).from(projects)).length;
    const refused = await office.post(`/api/v1/leads/${thin.id}/sign`, {
      contractValueYuan: 800_000_000,
      contractDate: today,
      pool: 'advancing',
      version: thin.version,
    });
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused)).toMatchObject({ code: 'gate_refused', details: [{ path: 'leader', message: expect.any(String) }] });
    expect((await t().database.db.select({ id: projects.id }).from(projects)).length).toBe(before);
    const existing = signed.json().project.id as string;
    const link = await office.post(`/api/v1/leads/${thin.id}/sign`, {
      contractValueYuan: 300_000_000,
      contractDate: today,
      projectId: existing,
      version: thin.version,
    });
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json().project.id).toBe(existing);
    expect((await t().database.db.select({ id: projects.id }).from(projects)).length).toBe(before);
    const both = (await leader.get(`/api/v1/leads?projectId=${existing}`)).json();
    expect(both.total).toBe(2);
  });

  it('follow-ups answer the lead and restart its clock; overdue clocks are flagged and filtered', async () => {
    const old = await create({ receivedOn: addDays(today, -10) });
    expect(old.overdue.map((c) => c.clock)).toEqual(['answer', 'assess', 'feedback']);
    expect(old.overdue[0]).toEqual({ clock: 'answer', dueOn: addDays(today, -9), daysOverdue: 9 });
    const overdue = (await invest.get(`/api/v1/leads?overdue=true&q=${encodeURIComponent(old.name)}`)).json();
    expect(overdue.total).toBe(1);
    const future = await invest.post(`/api/v1/leads/${old.id}/follow-ups`, { on: addDays(today, 1), way: 'phone', text: '电话沟通' });
    expect(errorOf(future).details).toEqual([{ path: 'on', message: '日期不能晚于今天' }]);
    const logged = await invest.post(`/api/v1/leads/${old.id}/follow-ups`, {
      on: addDays(today, -2),
      way: 'visit',
      text: '上门拜访企业董事长，介绍新材料产业园载体',
      nextStep: '安排考察',
      toReferrer: true,
    });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json().overdue.map((c: { clock: string }) => c.clock)).toEqual(['assess']);
    expect(await lastAuditEvent(t().database, 'leads.follow_up', old.id)).toMatchObject({ after: { way: 'visit', toReferrer: true } });
    const detail = (await invest.get(`/api/v1/leads/${old.id}`)).json();
    expect(detail.followUps).toMatchObject([{ way: 'visit', nextStep: '安排考察', authorName: expect.any(String) }]);
    const assessed = await move(logged.json(), 'assessed');
    expect(assessed.overdue).toEqual([]);
    const none = (await invest.get(`/api/v1/leads?overdue=true&q=${encodeURIComponent(old.name)}`)).json();
    expect(none.total).toBe(0);
  });

  it('the daily job reminds the owner once per clock run out', async () => {
    const lead = await create({ receivedOn: addDays(today, -20), referrer: null });
    const now = new Date();
    await remindOverdueLeads(t().database.db, now);
    const sent = await t().database.db.select().from(leadClockReminders).where(eq(leadClockReminders.leadId, lead.id));
    expect(sent.map((s) => s.clock).sort()).toEqual(['answer', 'assess', 'follow_up']);
    const told = await t()
      .database.db.select()
      .from(notifications)
      .where(and(eq(notifications.link, `/leads/${lead.id}`), eq(notifications.recipientId, lead.owner.id)));
    expect(told.map((n) => n.messageKey).sort()).toEqual([
      'lead.clock_overdue.answer',
      'lead.clock_overdue.assess',
      'lead.clock_overdue.follow_up',
    ]);
    await remindOverdueLeads(t().database.db, now);
    expect(
      (
        await t()
          .database.db.select()
          .from(notifications)
          .where(eq(notifications.link, `/leads/${lead.id}`))
      ).length,
    ).toBe(3);
  });

  it('keeps a lead to its district, and its changes to the owner’s side', async () => {
    const lead = await create();
    expect((await otherDistrict.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
    const theirs = (await otherDistrict.get(`/api/v1/leads?q=${encodeURIComponent(lead.name)}`)).json();
    expect(theirs.total).toBe(0);
    expect((await otherDistrict.post(`/api/v1/leads/${lead.id}/stage`, { to: 'assessed', version: lead.version })).statusCode).toBe(404);
    // A lead of a street, recorded by the project office: the investment centre (its own unit tree) reads it, cannot change it.
    const street = await unitIdByName(t().database, '北园街道办事处');
    const streetLead = await create({ unitId: street, ownerId: await userIdOf(t().database, 'unit') }, office);
    expect(streetLead.unit.id).toBe(street);
    const seen = (await invest.get(`/api/v1/leads/${streetLead.id}`)).json();
    expect(seen.abilities).toMatchObject({ update: false });
    expect((await invest.post(`/api/v1/leads/${streetLead.id}/stage`, { to: 'assessed', version: streetLead.version })).statusCode).toBe(
      403,
    );
    expect((await office.patch(`/api/v1/leads/${streetLead.id}`, { notes: '区长关注', version: streetLead.version })).statusCode).toBe(200);
    expect(await lastAuditEvent(t().database, 'leads.update', streetLead.id)).toMatchObject({ after: { notes: '区长关注' } });
  });

  it('records trips and fairs and counts the leads they produced', async () => {
    const created = await invest.post('/api/v1/lead-events', {
      kind: 'fair',
      name: `中国国际中小企业博览会${uniqueSuffix()}`,
      startsOn: '2026-06-27',
      endsOn: '2026-06-30',
      places: ['广州'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json();
    const backwards = await invest.post('/api/v1/lead-events', {
      kind: 'trip',
      name: '长三角招商',
      startsOn: '2026-06-27',
      endsOn: '2026-06-20',
    });
    expect(errorOf(backwards).details).toEqual([{ path: 'endsOn', message: '结束日期不能早于开始日期' }]);
    const lead = await create({ eventId: event.id, method: 'fair' });
    expect((await invest.get(`/api/v1/lead-events/${event.id}`)).json().leadCount).toBe(1);
    expect((await invest.get(`/api/v1/leads?eventId=${event.id}`)).json().items.map((l: LeadJson) => l.id)).toEqual([lead.id]);
    expect((await otherDistrict.get(`/api/v1/lead-events/${event.id}`)).statusCode).toBe(404);
  });

  it('counts the conversion: signed → registered → started, rates, median days, out-of-city money', async () => {
    const lead = await negotiating({
      method: 'hometown',
      estimatedInvestmentYuan: 1_000_000_000,
      outOfCityPercent: 50,
      outOfProvincePercent: 30,
    });
    const signed = (
      await invest.post(`/api/v1/leads/${lead.id}/sign`, { contractValueYuan: 900_000_000, contractDate: today, version: lead.version })
    ).json();
    await move(signed, 'registered');
    const stats = (await leader.get(`/api/v1/leads/stats?by=method&from=${today}&to=${today}`)).json();
    const hometown = stats.lines.find((l: { key: string }) => l.key === 'hometown');
    expect(hometown).toMatchObject({
      label: '乡情招商',
      signed: 1,
      registered: 1,
      started: 0,
      rates: { registered: 1, started: 0 },
      medianDays: { registered: 0, started: null },
      contractValueYuan: 900_000_000,
      investmentYuan: 1_000_000_000,
      outOfCityYuan: 500_000_000,
      outOfCityShare: 0.5,
    });
    expect(stats.total.signed).toBeGreaterThanOrEqual(1);
    expect((await otherDistrict.get('/api/v1/leads/stats?by=method')).json().total.signed).toBe(0);
  });
});
