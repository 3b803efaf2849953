import { and, eq, gte } from 'drizzle-orm';
import { rankCarriers } from '../../../common/domain/carrier-match';
import { beforeAll, expect, it } from 'vitest';
import { createAccount } from '../../db/accounts';
import { buildings, landParcels, parks } from '../../db/schema';
import { insertProject, insertUnit, uniqueSuffix, unitIdByName } from '../../test/factories';
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

type ParcelJson = {
  id: string;
  code: string;
  status: string;
  version: number;
  areaMu: number;
  suppliedProject: { id: string; name: string } | null;
  standard: Record<string, number | null> | null;
};
type ParkJson = {
  id: string;
  name: string;
  version: number;
  buildings: { id: string; name: string; vacantAreaM2: number; version: number }[];
  totals: Record<string, number>;
};
type MatchJson = {
  items: { kind: string; id: string; name: string; score: number; reasons: { code: string; text: string }[] }[];
  considered: number;
};

describeEachDatabase('carriers API', (t) => {
  let invest: Client;
  let leader: Client;
  let unit: Client;
  let otherDistrict: Client;
  let projectId: string;

  const outline = {
    type: 'Polygon',
    coordinates: [
      [
        [116.95, 36.74],
        [116.951, 36.74],
        [116.951, 36.741],
        [116.95, 36.74],
      ],
    ],
  };
  async function newParcel(extra: Record<string, unknown> = {}) {
    const response = await invest.post('/api/v1/parcels', {
      code: `T-${uniqueSuffix()}`,
      name: `测试地块${uniqueSuffix()}`,
      areaMu: 30,
      plannedUse: 'industrial',
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as ParcelJson;
  }
  const step = (parcel: ParcelJson, body: Record<string, unknown>) =>
    invest.post(`/api/v1/parcels/${parcel.id}/status`, { version: parcel.version, ...body });

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
    // The project that receives the land: one the investment centre sees (led by its own unit, as a signed lead's is).
    projectId = (await insertProject(t().database, { leadUnitId: await unitIdByName(t().database, '区投资促进中心') })).id;
  });

  it('answers 401 signed out, 403 without the permission, and lets a leader read but not edit', async () => {
    expect((await anonymous(t().app).get('/api/v1/parks')).statusCode).toBe(401);
    expect((await unit.get('/api/v1/parcels')).statusCode).toBe(403);
    expect((await unit.get('/api/v1/carriers/match?landMu=10')).statusCode).toBe(403);
    expect((await leader.post('/api/v1/parks', { name: '园' })).statusCode).toBe(403);
    const parks = await leader.get('/api/v1/parks');
    expect(parks.statusCode).toBe(200);
    expect(parks.json().abilities).toEqual({ create: false });
  });

  it('lists the demo parks with their buildings and totals, and the parcels by status and 标准地', async () => {
    const parks = (await leader.get('/api/v1/parks')).json().items as ParkJson[];
    const materials = parks.find((p) => p.name === '新材料产业园');
    expect(materials?.buildings.map((b) => b.name)).toEqual(['新材料中试基地1号厂房', '新材料中试基地2号厂房', '新材料研发中心']);
    expect(materials?.totals).toEqual({ buildings: 3, totalAreaM2: 55_000, vacantAreaM2: 10_000, parcels: 5 });
    const all = (await leader.get('/api/v1/parcels?pageSize=100')).json() as { items: ParcelJson[]; total: number };
    expect(all.total).toBe(18);
    expect(new Set(all.items.map((p) => p.status))).toEqual(new Set(['reserve', 'available', 'supplied']));
    const supplied = (await leader.get('/api/v1/parcels?status=supplied')).json().items as ParcelJson[];
    expect(supplied.length).toBe(4);
    expect(supplied.every((p) => p.suppliedProject?.name)).toBe(true);
    const standard = (await leader.get('/api/v1/parcels?standard=true&status=available')).json().items as ParcelJson[];
    expect(standard.map((p) => p.code)).toEqual(['TQ-2024-01', 'TQ-2024-02', 'TQ-2024-06', 'TQ-2024-07', 'TQ-2024-11']);
    expect(standard[0]?.standard).toEqual({
      investmentIntensityWan: 350,
      outputPerMuWan: 600,
      taxPerMuWan: 30,
      plotRatio: 1.2,
      energyPerUnit: 0.35,
    });
  });

  it('adds a park and buildings; refuses a vacant area larger than the total, naming the field, and writes nothing', async () => {
    const created = await invest.post('/api/v1/parks', {
      name: `检验检测产业园${uniqueSuffix()}`,
      clusterCode: 'innovation',
      areaMu: 900,
      leadingIndustries: ['testing'],
      outline,
    });
    expect(created.statusCode, created.body).toBe(201);
    const park = created.json() as ParkJson & { clusterName: string };
    expect(park.clusterName).toBe('高科创新组团');
    expect(await lastAuditEvent(t().database, 'parks.create', park.id)).not.toBeNull();
    const building = { name: '检测大楼', use: 'research', floors: 10, totalAreaM2: 12_000, vacantAreaM2: 3000, rentYuanPerM2Day: 1.3 };
    const tooVacant = await invest.post(`/api/v1/parks/${park.id}/buildings`, { ...building, vacantAreaM2: 12_001 });
    expect(tooVacant.statusCode).toBe(400);
    expect(errorOf(tooVacant).details).toEqual([
      { path: 'vacantAreaM2', message: '空置面积（12001 平方米）不能大于总面积（12000 平方米）' },
    ]);
    expect((await t().database.db.select().from(buildings).where(eq(buildings.parkId, park.id))).length).toBe(0);
    const added = await invest.post(`/api/v1/parks/${park.id}/buildings`, building);
    expect(added.statusCode, added.body).toBe(201);
    const b = added.json() as { id: string; version: number };
    // An edit that would leave more vacant than the (new) total is refused too.
    const shrink = await invest.patch(`/api/v1/buildings/${b.id}`, { totalAreaM2: 2000, version: b.version });
    expect(errorOf(shrink).details?.[0]?.path).toBe('vacantAreaM2');
    const read = (await leader.get(`/api/v1/parks/${park.id}`)).json() as ParkJson;
    expect(read.totals).toMatchObject({ buildings: 1, totalAreaM2: 12_000, vacantAreaM2: 3000 });
    const badPark = await invest.post('/api/v1/parks', { name: `园${uniqueSuffix()}`, clusterCode: 'nosuch', leadingIndustries: ['x1'] });
    expect(
      errorOf(badPark)
        .details?.map((d) => d.path)
        .sort(),
    ).toEqual(['clusterCode', 'leadingIndustries.0']);
    const openRing = await invest.post('/api/v1/parks', {
      name: `园${uniqueSuffix()}`,
      outline: {
        type: 'Polygon',
        coordinates: [
          [
            [116.9, 36.7],
            [117, 36.7],
            [117, 36.8],
          ],
        ],
      },
    });
    expect(openRing.statusCode).toBe(400);
    expect(errorOf(openRing).details?.[0]?.path).toMatch(/^outline/);
  });

  it('moves a parcel reserve → available → supplied to a project; supplied twice is a 409 and out of order a 409', async () => {
    const parcel = await newParcel({ standard: { investmentIntensityWan: 300 } });
    expect(parcel).toMatchObject({ status: 'reserve', standard: { investmentIntensityWan: 300, plotRatio: null } });
    const skip = await step(parcel, { status: 'supplied', projectId });
    expect(skip.statusCode).toBe(409);
    expect(errorOf(skip)).toMatchObject({ code: 'parcel_wrong_status', message: expect.stringContaining('储备') });
    const available = await step(parcel, { status: 'available' });
    expect(available.statusCode, available.body).toBe(200);
    const open = available.json() as ParcelJson;
    const back = await step(open, { status: 'reserve' });
    expect(errorOf(back)).toMatchObject({ code: 'parcel_wrong_status' });
    const noProject = await step(open, { status: 'supplied' });
    expect(errorOf(noProject).details?.[0]?.path).toBe('projectId');
    const supplied = await step(open, { status: 'supplied', projectId, suppliedOn: '2026-11-30' });
    expect(supplied.statusCode, supplied.body).toBe(200);
    const done = supplied.json() as ParcelJson & { suppliedOn: string };
    expect(done).toMatchObject({ status: 'supplied', suppliedOn: '2026-11-30', suppliedProject: { id: projectId } });
    const event = await lastAuditEvent(t().database, 'parcels.supply', parcel.id);
    expect(event?.after).toMatchObject({ status: 'supplied', suppliedProjectId: projectId });
    const twice = await step(done, { status: 'supplied', projectId });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice)).toMatchObject({
      code: 'parcel_already_supplied',
      message: expect.stringContaining(done.suppliedProject?.name ?? ''),
    });
    const [row] = await t().database.db.select().from(landParcels).where(eq(landParcels.id, parcel.id));
    expect(row?.version).toBe(done.version);
    // A supplied parcel keeps its area.
    const grow = await invest.patch(`/api/v1/parcels/${parcel.id}`, { areaMu: 99, version: done.version });
    expect(errorOf(grow).details?.[0]?.path).toBe('areaMu');
  });

  it('answers two people supplying the same parcel at once with one success and one 409', async () => {
    const parcel = await newParcel({ status: 'available' });
    const answers = await Promise.all([step(parcel, { status: 'supplied', projectId }), step(parcel, { status: 'supplied', projectId })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
  });

  it('refuses a duplicate parcel number, an unknown park and bad measures by name', async () => {
    const parcel = await newParcel();
    const again = await invest.post('/api/v1/parcels', { code: parcel.code, name: 'x', areaMu: 1, plannedUse: 'industrial' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).details?.[0]?.path).toBe('code');
    const bad = await invest.post('/api/v1/parcels', { code: `B-${uniqueSuffix()}`, name: 'x', areaMu: -1, plannedUse: 'farm' });
    expect(
      errorOf(bad)
        .details?.map((d) => d.path)
        .sort(),
    ).toEqual(['areaMu', 'plannedUse']);
    const theirPark = (await otherDistrict.post('/api/v1/parks', { name: `历下园${uniqueSuffix()}` })).json() as ParkJson;
    const foreignPark = await invest.post('/api/v1/parcels', {
      code: `C-${uniqueSuffix()}`,
      name: 'x',
      areaMu: 1,
      plannedUse: 'industrial',
      parkId: theirPark.id,
    });
    expect(errorOf(foreignPark).details).toEqual([{ path: 'parkId', message: expect.any(String) }]);
  });

  it('matches a need to the free parcels and buildings that fit, best first, with the reasons in words', async () => {
    const land = await leader.get('/api/v1/carriers/match?landMu=40&use=industrial&industry=smart_equip&investmentWan=18000');
    expect(land.statusCode, land.body).toBe(200);
    const result = land.json() as MatchJson;
    expect(result.items.every((i) => i.kind === 'parcel')).toBe(true);
    expect(result.items[0]?.name).toBe('智造园东区06地块');
    expect(result.items[0]?.reasons.map((r) => r.text)).toEqual([
      '面积满足：需 40 亩，地块 45 亩',
      '用途相符',
      '产业方向相符',
      '标准地',
      '投资强度达标：450 万元/亩，标准 400 万元/亩',
    ]);
    // Supplied and reserve parcels are never offered.
    const names = result.items.map((i) => i.name);
    expect(names).not.toContain('智造园西区08地块');
    expect(names).not.toContain('智造园西区09地块');
    const space = (await leader.get('/api/v1/carriers/match?floorAreaM2=5000&use=industrial&maxRentYuan=0.8')).json() as MatchJson;
    expect(space.items.map((i) => i.name)).toEqual(['新材料中试基地1号厂房', '智造标准厂房A座', 'GMP洁净厂房']);
    expect(space.items.map((i) => i.reasons.map((r) => r.code).includes('rent_over'))).toEqual([false, false, true]);
    const none = await leader.get('/api/v1/carriers/match?use=industrial');
    expect(none.statusCode).toBe(400);
    expect(errorOf(none).details?.[0]?.path).toBe('landMu');
    expect((await leader.get('/api/v1/carriers/match?landMu=-3')).statusCode).toBe(400);
    // Another district's people are offered nothing of this one.
    expect(((await otherDistrict.get('/api/v1/carriers/match?landMu=1')).json() as MatchJson).items).toEqual([]);
  });

  it('reads many parcels tightest first in windows and ranks them exactly as reading them all would', async () => {
    // 700 more available parcels in the district (more than a window), 20–89 亩, some 标准地, some for 智能制造装备.
    const { regionCode } =
      (
        await t()
          .database.db.select()
          .from(landParcels)
          .where(eq(landParcels.id, (await newParcel()).id))
      )[0] ?? {};
    const suffix = uniqueSuffix();
    await t()
      .database.db.insert(landParcels)
      .values(
        Array.from({ length: 700 }, (_, i) => ({
          regionCode: regionCode ?? '',
          code: `W-${suffix}-${i}`,
          name: `窗口测试地块${suffix}-${String(i).padStart(3, '0')}`,
          areaMu: 20 + (i % 70),
          plannedUse: i % 4 === 0 ? ('mixed' as const) : ('industrial' as const),
          industries: i % 7 === 0 ? ['smart_equip'] : ['new_materials'],
          status: 'available' as const,
          stdInvestmentWanPerMu: i % 3 === 0 ? 300 + (i % 5) * 50 : null,
        })),
      );
    const need = { landMu: 20, use: 'industrial' as const, industry: 'smart_equip', investmentWan: 9000 };
    const answer = (
      await leader.get('/api/v1/carriers/match?landMu=20&use=industrial&industry=smart_equip&investmentWan=9000&limit=25')
    ).json() as MatchJson;
    // Every available parcel of the district large enough, with its park's industries, ranked by the pure ranker.
    const all = await t()
      .database.db.select({ parcel: landParcels, parkIndustries: parks.leadingIndustries })
      .from(landParcels)
      .leftJoin(parks, eq(parks.id, landParcels.parkId))
      .where(and(eq(landParcels.regionCode, regionCode ?? ''), eq(landParcels.status, 'available'), gte(landParcels.areaMu, 20)));
    const expected = rankCarriers(
      need,
      all.map(({ parcel: p, parkIndustries }) => ({
        kind: 'parcel' as const,
        id: p.id,
        name: p.name,
        areaMu: p.areaMu,
        use: p.plannedUse,
        available: true,
        industries: [...new Set([...p.industries, ...(parkIndustries ?? [])])],
        standard:
          p.stdInvestmentWanPerMu === null
            ? null
            : {
                investmentIntensityWan: p.stdInvestmentWanPerMu,
                outputPerMuWan: null,
                taxPerMuWan: null,
                plotRatio: null,
                energyPerUnit: null,
              },
      })),
      25,
    );
    expect(answer.items.map((i) => [i.id, i.score])).toEqual(expected.map((m) => [m.candidate.id, m.score]));
    // The count says how many free parcels are large enough, of any use.
    expect(answer.considered).toBe(all.length);
  });

  it('keeps each district’s carriers to itself', async () => {
    const parcel = await newParcel();
    expect((await otherDistrict.get(`/api/v1/parcels/${parcel.id}`)).statusCode).toBe(404);
    expect(((await otherDistrict.get('/api/v1/parcels')).json().items as ParcelJson[]).length).toBe(0);
    expect(
      (await otherDistrict.post(`/api/v1/parcels/${parcel.id}/status`, { status: 'available', version: parcel.version })).statusCode,
    ).toBe(404);
    expect((await otherDistrict.delete(`/api/v1/parcels/${parcel.id}`)).statusCode).toBe(404);
    expect((await invest.delete(`/api/v1/parcels/${parcel.id}`)).statusCode).toBe(200);
    expect(await lastAuditEvent(t().database, 'parcels.delete', parcel.id)).not.toBeNull();
  });
});
