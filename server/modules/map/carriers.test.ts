import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { MapCarriers } from '../../../common/schemas/map';
import { createAccount, ensureRootUnit } from '../../db/accounts';
import { landParcels, parks, users } from '../../db/schema';
import { type Client, OTHER_REGION, TEST_PASSWORD, anonymous, describeEachDatabase, errorOf, signInAs } from '../../test/harness';
import { outlineCentre, roundedRings } from './carriers';

const box = (lon: number, lat: number): { type: 'Polygon'; coordinates: [number, number][][] } => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 0.01, lat],
      [lon + 0.01, lat + 0.008],
      [lon, lat + 0.008],
      [lon, lat],
    ],
  ],
});

describeEachDatabase('map carriers layer (GET /map/carriers)', (t) => {
  let office: Client;
  let unitClerk: Client;
  let otherAdmin: Client;
  let city: Client;
  let lixiaParkId: string;
  let lixiaParcelId: string;
  const carriersOf = async (client: Client, query = '') => {
    const response = await client.get(`/api/v1/map/carriers${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as MapCarriers;
  };

  beforeAll(async () => {
    const db = t().database.db;
    office = await signInAs(t().app, 'office');
    unitClerk = await signInAs(t().app, 'unit');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    // 历下区's own park and parcel (with outlines, the second without), seen by its people and the city only.
    const [park] = await db
      .insert(parks)
      .values({ regionCode: OTHER_REGION.code, name: '历下测试园', areaMu: 500, outline: box(117.05, 36.66) })
      .returning({ id: parks.id });
    const [parcel] = await db
      .insert(landParcels)
      .values({
        regionCode: OTHER_REGION.code,
        parkId: park?.id,
        code: 'LX-01',
        name: '历下测试地块',
        areaMu: 40.5,
        plannedUse: 'industrial',
        status: 'available',
        outline: box(117.051234567, 36.661),
      })
      .returning({ id: landParcels.id });
    await db.insert(landParcels).values({
      regionCode: OTHER_REGION.code,
      code: 'LX-02',
      name: '历下未标注地块',
      areaMu: 12,
      plannedUse: 'commercial',
      status: 'reserve',
    });
    lixiaParkId = park?.id ?? '';
    lixiaParcelId = parcel?.id ?? '';
    const cityUnit = await db.transaction((tx) => ensureRootUnit(tx, '370100', '济南市发展和改革委员会'));
    await createAccount(
      db,
      { ip: null, requestId: null },
      { username: 'jinan_map', displayName: '济南市项目办', unitId: cityUnit, roleCode: 'project_office', password: TEST_PASSWORD },
    );
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.username, 'jinan_map'));
    city = await signInAs(t().app, 'jinan_map');
  });

  it('answers the district’s demo parks and parcels with outline, centre, status, 亩 and park', async () => {
    const answer = await carriersOf(office);
    expect(answer.regionCode).toBe('370105');
    const stored = await t().database.db.select({ id: parks.id }).from(parks).where(eq(parks.regionCode, '370105'));
    expect(answer.parks.map((p) => p.id).sort()).toEqual(stored.map((p) => p.id).sort());
    expect(answer.parks.map((p) => p.name)).toContain('新材料产业园');
    for (const park of answer.parks) {
      expect(park.outline?.[0]?.length).toBeGreaterThanOrEqual(4);
      expect(park.centre?.[0]).toBeGreaterThan(116.8);
    }
    const parcel = answer.parcels.find((p) => p.code === 'TQ-2024-01');
    expect(parcel).toMatchObject({ name: '新材料园北区01地块', status: 'available', areaMu: 86, parkName: '新材料产业园' });
    expect(parcel?.centre).toEqual([116.952, 36.748]);
    expect(new Set(answer.parcels.map((p) => p.status))).toEqual(new Set(['reserve', 'available', 'supplied']));
    expect(answer.truncated).toEqual({ parks: false, parcels: false });
    // Nothing of another district.
    expect(answer.parks.map((p) => p.id)).not.toContain(lixiaParkId);
    expect(answer.parcels.map((p) => p.id)).not.toContain(lixiaParcelId);
  });

  it('narrows by layer and by parcel status', async () => {
    const onlyParks = await carriersOf(office, '?layers=parks');
    expect(onlyParks.parks.length).toBeGreaterThan(0);
    expect(onlyParks.parcels).toEqual([]);
    const supplied = await carriersOf(office, '?layers=parcels&parcelStatus=supplied,reserve');
    expect(supplied.parks).toEqual([]);
    expect(supplied.parcels.length).toBeGreaterThan(0);
    expect(supplied.parcels.every((p) => p.status === 'supplied' || p.status === 'reserve')).toBe(true);
    const all = await carriersOf(office, '?layers=parcels');
    expect(all.parcels.length).toBeGreaterThan(supplied.parcels.length);
  });

  it('keeps to the reader’s reach: another district’s people see only theirs, a city reader both', async () => {
    const lixia = await carriersOf(otherAdmin);
    expect(lixia.regionCode).toBe(OTHER_REGION.code);
    expect(lixia.parks.map((p) => p.id)).toEqual([lixiaParkId]);
    expect(lixia.parcels.map((p) => p.code)).toEqual(['LX-01', 'LX-02']);
    // Six decimals at most; an outline-less parcel is answered without outline or centre.
    const drawn = lixia.parcels[0];
    expect(drawn?.outline?.[0]?.[0]).toEqual([117.051235, 36.661]);
    expect(lixia.parcels[1]).toMatchObject({ outline: null, centre: null, parkName: null, status: 'reserve' });
    // Asking for the city above them, each district still sees only its own.
    const lixiaCity = await carriersOf(otherAdmin, '?regionCode=370100');
    expect(lixiaCity.parks.map((p) => p.id)).toEqual([lixiaParkId]);
    const officeCity = await carriersOf(office, '?regionCode=370100');
    expect(officeCity.parks.map((p) => p.id)).not.toContain(lixiaParkId);
    expect(officeCity.parcels.map((p) => p.id)).not.toContain(lixiaParcelId);
    // Naming the other district: not in reach, not found.
    expect((await office.get(`/api/v1/map/carriers?regionCode=${OTHER_REGION.code}`)).statusCode).toBe(404);
    expect((await otherAdmin.get('/api/v1/map/carriers?regionCode=370105')).statusCode).toBe(404);
    // The city reader: both districts, or one when he names it.
    const whole = await carriersOf(city);
    expect(whole.regionCode).toBe('370100');
    expect(whole.parks.map((p) => p.id)).toContain(lixiaParkId);
    expect(whole.parks.length).toBe(officeCity.parks.length + 1);
    const tianqiao = await carriersOf(city, '?regionCode=370105');
    expect(tianqiao.parks.map((p) => p.id).sort()).toEqual(officeCity.parks.map((p) => p.id).sort());
  });

  it('refuses bad parameters naming them, and those without the permission', async () => {
    const cases: [string, string][] = [
      ['?layers=parks,roads', 'layers'],
      ['?parcelStatus=sold', 'parcelStatus'],
      ['?regionCode=37', 'regionCode'],
      ['?bbox=1,2,3,4', 'bbox'],
    ];
    for (const [query, field] of cases) {
      const response = await office.get(`/api/v1/map/carriers${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(
        errorOf(response)
          .details?.map((d) => d.path)
          .join(' '),
        query,
      ).toContain(field);
    }
    // The street's clerk reads projects, not carriers.
    expect((await unitClerk.get('/api/v1/map/carriers')).statusCode).toBe(403);
    expect((await anonymous(t().app).get('/api/v1/map/carriers')).statusCode).toBe(401);
  });
});

it('rounds outlines to six decimals and centres them on their extent', () => {
  const rings = roundedRings({
    type: 'Polygon',
    coordinates: [
      [
        [117.0000004, 36.1],
        [117.2, 36.1],
        [117.2, 36.3],
        [117.0000004, 36.1],
      ],
    ],
  });
  expect(rings?.[0]?.[0]).toEqual([117, 36.1]);
  expect(outlineCentre(rings)).toEqual([117.1, 36.2]);
  expect(outlineCentre(null)).toBeNull();
});
