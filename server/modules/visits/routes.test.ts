import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import { composeUscc } from '../../../common/domain/uscc';
import { createAccount } from '../../db/accounts';
import { matters, visits } from '../../db/schema';
import { insertUnit, thisYear, uniqueSuffix, unitOfUser } from '../../test/factories';
import {
  type Client,
  OTHER_REGION,
  TEST_PASSWORD,
  anonymous,
  describeEachDatabase,
  errorOf,
  lastAuditEvent,
  signInAs,
} from '../../test/harness';

type VisitJson = {
  id: string;
  enterpriseId: string;
  unitId: string;
  version: number;
  visitors: { userId: string | null; name: string }[];
  demands: { matterId: string; title: string; status: string; closedOn: string | null }[];
  abilities: { update: boolean; delete: boolean };
};

let serial = 0;
const newUscc = () =>
  composeUscc(
    '91',
    '370105',
    `MW${(2000 + serial++).toString()}${uniqueSuffix()
      .slice(-2)
      .toUpperCase()
      .replace(/[IOZSV]/g, '1')}`,
  );

describeEachDatabase('visits API', (t) => {
  let office: Client;
  let invest: Client;
  let unit: Client;
  let leader: Client;
  let otherUnitStaff: Client;
  let enterpriseId: string;
  let unitId: string;
  let officeUnitId: string;
  const today = todayInChina();

  const demand = (extra: Record<string, unknown> = {}) => ({
    title: '厂区周边道路破损，货车通行困难',
    description: '企业反映厂区东侧道路破损严重，请协调修复。',
    category: 'other',
    leadUnitId: officeUnitId,
    deadline: addDays(today, 20),
    ...extra,
  });
  const body = (extra: Record<string, unknown> = {}) => ({
    enterpriseId,
    visitDate: today,
    visitorNames: ['张主任'],
    purpose: '了解企业生产经营情况和诉求',
    notes: '企业订单饱满，计划扩产。',
    demands: [demand()],
    ...extra,
  });
  const visitCount = async () => (await t().database.db.select({ id: visits.id }).from(visits)).length;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    invest = await signInAs(t().app, 'invest');
    unit = await signInAs(t().app, 'unit');
    leader = await signInAs(t().app, 'leader');
    unitId = (await unitOfUser(t().database, unit.userId ?? '')).id;
    officeUnitId = (await unitOfUser(t().database, office.userId ?? '')).id;
    const created = await office.post('/api/v1/enterprises', {
      name: `济南天桥走访测试企业${uniqueSuffix()}有限公司`,
      uscc: newUscc(),
      kind: 'local',
      tags: ['srdi'],
    });
    expect(created.statusCode, created.body).toBe(201);
    enterpriseId = created.json().id;
    // A clerk of another unit of the district: he sees his own unit's visits only.
    const district = (await unitOfUser(t().database, unit.userId ?? '')).regionCode;
    const otherUnit = await insertUnit(t().database, { regionCode: district, name: `走访测试其他单位${uniqueSuffix()}` });
    const username = `visit_clerk_${uniqueSuffix()}`;
    await createAccount(
      t().database.db,
      { ip: null, requestId: null },
      { username, displayName: username, unitId: otherUnit.id, roleCode: 'unit_staff', password: TEST_PASSWORD },
    );
    otherUnitStaff = await signInAs(t().app, username);
  });

  it('answers 401 signed out and 403 without the permission', async () => {
    expect((await anonymous(t().app).get('/api/v1/visits')).statusCode).toBe(401);
    expect((await leader.post('/api/v1/visits', body())).statusCode).toBe(403);
    expect((await leader.get('/api/v1/visits')).statusCode).toBe(200);
  });

  it('records a unit’s visit, raising its demand as an enterprise_demand matter on the loop; audited', async () => {
    const response = await unit.post('/api/v1/visits', body({ visitorUserIds: [unit.userId] }));
    expect(response.statusCode, response.body).toBe(201);
    const visit = response.json() as VisitJson;
    expect(visit).toMatchObject({ enterpriseId, unitId, abilities: { update: true, delete: true } });
    expect(visit.visitors.map((v) => v.userId === null)).toEqual([false, true]);
    expect(visit.demands).toHaveLength(1);
    const [matter] = await t()
      .database.db.select()
      .from(matters)
      .where(eq(matters.id, visit.demands[0]?.matterId ?? ''));
    expect(matter).toMatchObject({ source: 'enterprise_demand', status: 'assigned', leadUnitId: officeUnitId, raisingUnitId: unitId });
    expect(matter?.title).toMatch(/^济南天桥走访测试企业.*：厂区周边道路破损/);
    const event = await lastAuditEvent(t().database, 'visits.create', visit.id);
    expect(event?.after).toMatchObject({ enterpriseId, demandMatterIds: [matter?.id] });
    expect(await lastAuditEvent(t().database, 'matters.create', matter?.id)).not.toBeNull();
    // The lead unit finds it on its board, as any matter.
    const board = (await office.get('/api/v1/matters?source=enterprise_demand&pageSize=200')).json();
    expect(board.items.map((m: { id: string }) => m.id)).toContain(matter?.id);
  });

  it('names the visit on the page of a demand’s matter: linked for a reader who sees the visit, only the words for another', async () => {
    // The demand goes to the other unit: its clerk handles the matter but does not see the unit's visit.
    const otherUnitId = (await unitOfUser(t().database, otherUnitStaff.userId ?? '')).id;
    const visit = (await unit.post('/api/v1/visits', body({ demands: [demand({ leadUnitId: otherUnitId })] }))).json() as VisitJson;
    const matterId = visit.demands[0]?.matterId ?? '';
    const enterpriseName = (await unit.get(`/api/v1/enterprises/${enterpriseId}`)).json().name;
    for (const reader of [unit, office]) {
      const page = await reader.get(`/api/v1/matters/${matterId}`);
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json().sourceVisit).toEqual({ visitId: visit.id, enterpriseId, enterpriseName, visitDate: today });
    }
    const handler = await otherUnitStaff.get(`/api/v1/matters/${matterId}`);
    expect(handler.statusCode, handler.body).toBe(200);
    expect(handler.json().sourceVisit).toEqual({ visitId: null, enterpriseId: null, enterpriseName, visitDate: today });
    expect((await otherUnitStaff.get(`/api/v1/visits/${visit.id}`)).statusCode).toBe(404);
    // A step's answer names it too; a matter raised on the board names none.
    const accepted = await otherUnitStaff.post(`/api/v1/matters/${matterId}/accept`, { version: handler.json().version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().sourceVisit).toMatchObject({ enterpriseName, visitId: null });
    const hotline = await office.post('/api/v1/matters', { ...demand({ title: '12345热线：企业反映道路破损' }), source: 'hotline_12345' });
    expect(hotline.statusCode, hotline.body).toBe(201);
    expect(hotline.json().sourceVisit).toBeNull();
  });

  it('shows a unit its own visits, the register keepers every visit of the district, another unit nothing', async () => {
    const visit = (await unit.post('/api/v1/visits', body({ demands: [] }))).json() as VisitJson;
    for (const reader of [unit, invest, office]) {
      const list = (await reader.get(`/api/v1/visits?enterpriseId=${enterpriseId}&pageSize=200`)).json();
      expect(list.items.map((v: VisitJson) => v.id)).toContain(visit.id);
    }
    // The keepers read it but it is not theirs to correct.
    expect((await invest.get(`/api/v1/visits/${visit.id}`)).json().abilities).toEqual({ update: false, delete: false });
    expect((await otherUnitStaff.get(`/api/v1/visits/${visit.id}`)).statusCode).toBe(404);
    const theirs = (await otherUnitStaff.get(`/api/v1/visits?enterpriseId=${enterpriseId}`)).json();
    expect(theirs.total).toBe(0);
    expect((await otherUnitStaff.patch(`/api/v1/visits/${visit.id}`, { purpose: 'x', version: visit.version })).statusCode).toBe(404);
  });

  it('names what is wrong — a day to come, no visitor, another district’s enterprise, a demand’s past deadline — and writes nothing', async () => {
    const before = await visitCount();
    const future = await unit.post('/api/v1/visits', body({ visitDate: addDays(today, 2) }));
    expect(errorOf(future).details).toEqual([{ path: 'visitDate', message: '走访日期不能晚于今天' }]);
    const nobody = await unit.post('/api/v1/visits', body({ visitorNames: [] }));
    expect(errorOf(nobody).details?.[0]).toEqual({ path: 'visitorNames', message: '请至少填写一名走访人员' });
    const late = await unit.post('/api/v1/visits', body({ demands: [demand(), demand({ deadline: addDays(today, -1) })] }));
    expect(late.statusCode).toBe(400);
    expect(errorOf(late).details).toEqual([{ path: 'demands.1.deadline', message: expect.stringContaining('办理期限') }]);
    const outside = await unit.post(
      '/api/v1/visits',
      body({ unitId: (await insertUnit(t().database, { regionCode: OTHER_REGION.code })).id }),
    );
    expect(errorOf(outside).details?.map((d) => d.path)).toEqual(['unitId']);
    const missing = await unit.post('/api/v1/visits', body({ enterpriseId: crypto.randomUUID() }));
    expect(errorOf(missing).details?.map((d) => d.path)).toEqual(['enterpriseId']);
    expect(await visitCount()).toBe(before);
    // Nor a matter of the refused demand.
    const stray = await t()
      .database.db.select()
      .from(matters)
      .where(eq(matters.deadline, addDays(today, -1)));
    expect(stray.filter((m) => m.source === 'enterprise_demand')).toEqual([]);
  });

  it('corrects a visit at the version read, removes one without demands, refuses to remove one with demands', async () => {
    const plain = (await unit.post('/api/v1/visits', body({ demands: [] }))).json() as VisitJson;
    const edited = await unit.patch(`/api/v1/visits/${plain.id}`, { purpose: '回访：政策兑现情况', version: plain.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await lastAuditEvent(t().database, 'visits.update', plain.id))?.after).toEqual({ purpose: '回访：政策兑现情况' });
    expect((await unit.patch(`/api/v1/visits/${plain.id}`, { purpose: 'x', version: plain.version })).statusCode).toBe(409);
    expect((await unit.delete(`/api/v1/visits/${plain.id}`)).statusCode).toBe(200);
    expect(await lastAuditEvent(t().database, 'visits.delete', plain.id)).not.toBeNull();
    const withDemand = (await unit.post('/api/v1/visits', body())).json() as VisitJson;
    const refused = await unit.delete(`/api/v1/visits/${withDemand.id}`);
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).message).toContain('不能删除');
  });

  it('counts visits, demands, resolved and on time by unit and month, from the matters’ own state', async () => {
    const visit = (await unit.post('/api/v1/visits', body({ demands: [demand(), demand({ title: '用工招聘难' })] }))).json() as VisitJson;
    // One demand closed before its deadline; the other still open.
    await t()
      .database.db.update(matters)
      .set({ status: 'closed', closedAt: new Date() })
      .where(eq(matters.id, visit.demands[0]?.matterId ?? ''));
    const read = (await unit.get(`/api/v1/visits/${visit.id}`)).json() as VisitJson;
    expect(read.demands.map((d) => [d.status, d.closedOn])).toEqual([
      ['closed', today],
      ['assigned', null],
    ]);
    const stats = (await unit.get(`/api/v1/visits/stats?by=unit&enterpriseId=${enterpriseId}`)).json();
    expect(stats.year).toBe(thisYear());
    const mine = stats.lines.find((l: { key: string }) => l.key === unitId);
    expect(mine).toMatchObject({ resolved: 1, onTime: 1 });
    expect(mine.demands - mine.resolved).toBeGreaterThanOrEqual(1);
    expect(stats.total.visits).toBe(mine.visits);
    const byMonth = (await unit.get(`/api/v1/visits/stats?by=month&enterpriseId=${enterpriseId}`)).json();
    expect(byMonth.lines.map((l: { key: string }) => l.key)).toEqual([today.slice(0, 7)]);
    expect((await unit.get('/api/v1/visits/stats?by=street')).statusCode).toBe(400);
  });
});
