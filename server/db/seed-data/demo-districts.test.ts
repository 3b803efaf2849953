import { readFileSync } from 'node:fs';
import { todayInChina } from '../../../common/domain/dates';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../migrate';
import { describeEachDatabase, signInAs } from '../../test/harness';
import { units, users } from '../schema';
import { DEMO_CITY_CODE, DEMO_CITY_USER, DEMO_PROVINCE_CODE, DEMO_PROVINCE_USER, DEMO_SMALL_DISTRICTS } from './demo-districts';
import { buildDemoProjects, TIANQIAO, YI } from './demo-projects';
import { buildDemoReports } from './demo-reports';
import { DEMO_DISTRICT_CODE, DEMO_UNITS } from './demo-units';

const TODAY = '2026-06-15';
const fakeIds = (keys: string[], prefix: string) =>
  new Map(keys.map((k, i) => [k, `00000000-0000-4000-${prefix}-${String(i).padStart(12, '0')}`]));
const OFFICE_ID = '00000000-0000-4000-a000-000000000001';

type Ring = [number, number][];
const BOUNDARIES = new Map(
  (
    JSON.parse(readFileSync(new URL('./jinan-districts.geojson', import.meta.url), 'utf8')) as {
      features: { id: string; geometry: { type: string; coordinates: unknown } }[];
    }
  ).features.map((f) => [String(f.id), (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][]]),
);
/** Ray casting over every ring (holes count against). */
function inside(code: string, lon: number, lat: number): boolean {
  let within = false;
  for (const polygon of BOUNDARIES.get(code) ?? [])
    for (const ring of polygon)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] ?? [0, 0];
        const [xj, yj] = ring[j] ?? [0, 0];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) within = !within;
      }
  return within;
}

const buildOf = (d: (typeof DEMO_SMALL_DISTRICTS)[number], today = TODAY) =>
  buildDemoProjects(
    {
      year: Number(today.slice(0, 4)),
      today,
      unitIds: fakeIds(
        d.profile.units.map((u) => u.key),
        'b000',
      ),
      leaderIds: ['00000000-0000-4000-9000-000000000001'],
      officeUserId: OFFICE_ID,
    },
    d.profile,
  );
const tianqiao = buildDemoProjects(
  {
    year: 2026,
    today: TODAY,
    unitIds: fakeIds(
      DEMO_UNITS.map((u) => u.key),
      '8000',
    ),
    leaderIds: ['00000000-0000-4000-9000-000000000002'],
    officeUserId: OFFICE_ID,
  },
  TIANQIAO,
);

describe.each(DEMO_SMALL_DISTRICTS)('the smaller demo district $name', (district) => {
  const { profile } = district;
  const rows = buildOf(district);
  const groupsYi = Object.values(profile.groupTotalsYi).reduce((a, b) => a + b, 0);

  it('has its modest list, its total exactly, smaller than 天桥区, and annual plans of its own total', () => {
    const expected = profile.code === '370104' ? { n: 24, yi: 360 } : { n: 30, yi: 520 };
    expect(rows.projects).toHaveLength(expected.n);
    expect(groupsYi).toBe(expected.yi);
    const total = rows.projects.reduce((a, p) => a + (p.totalInvestmentYuan ?? 0), 0);
    expect(total).toBe(expected.yi * YI);
    expect(total).toBeLessThan((1200 * YI) / 2);
    const plans = rows.annualPlans.reduce((a, p) => a + p.plannedYuan, 0);
    expect(plans).toBe(profile.annualPlanTotalYuan);
    // Its main indicators name what the list holds.
    const target = (name: string) => Number(district.indicators.find((i) => i.name === name)?.target);
    expect(target('实施重点项目')).toBe(expected.n);
    expect(target('重点项目总投资')).toBe(expected.yi);
  });

  it('places every project inside its own boundary, in one of its streets, under its own code', () => {
    const streets = new Set(profile.units.filter((u) => u.kind === 'street').map((u) => u.regionCode));
    for (const p of rows.projects) {
      expect(p.regionCode).toBe(profile.code);
      expect(inside(profile.code, p.longitude ?? 0, p.latitude ?? 0), `${p.name} ${p.longitude},${p.latitude}`).toBe(true);
      expect(inside(DEMO_DISTRICT_CODE, p.longitude ?? 0, p.latitude ?? 0), p.name).toBe(false);
      expect(streets.has(p.streetCode ?? '')).toBe(true);
      if (p.code) expect(p.code).toContain(`-${profile.code}-`);
    }
    for (const code of streets) expect(code.startsWith(profile.code)).toBe(true);
    for (const u of profile.units.filter((x) => x.kind !== 'street')) expect(u.regionCode).toBe(profile.code);
  });

  it('shares no row id with 天桥区, nor its periods', () => {
    const ours = new Set([...rows.projects.map((p) => p.id), ...rows.annualPlans.map((p) => p.id), ...rows.milestones.map((m) => m.id)]);
    for (const id of [...tianqiao.projects.map((p) => p.id), ...tianqiao.annualPlans.map((p) => p.id)]) expect(ours.has(id)).toBe(false);
    const ledger = (regionCode: string, projects: typeof rows) =>
      buildDemoReports({ year: 2026, today: TODAY, regionCode, officeUserId: OFFICE_ID, submitters: new Map(), projects });
    const theirs = new Set(ledger(DEMO_DISTRICT_CODE, tianqiao).periods.map((p) => p.id));
    const ourLedger = ledger(profile.code, rows);
    expect(ourLedger.periods).toHaveLength(6);
    for (const p of ourLedger.periods) expect(theirs.has(p.id)).toBe(false);
    expect(ourLedger.reports.length).toBeGreaterThan(50);
  });

  it('builds the same rows twice and keeps what a project is whatever the day', () => {
    expect(buildOf(district)).toEqual(rows);
    const later = buildOf(district, '2026-11-23');
    const pick = (list: typeof rows.projects) => list.map((p) => [p.id, p.name, p.totalInvestmentYuan, p.longitude, p.latitude, p.pool]);
    expect(pick(later.projects)).toEqual(pick(rows.projects));
  });
});

describeEachDatabase('the city and its smaller districts in the seeded database', (t) => {
  const countsBy = async () =>
    new Map(
      rowsOf<{ region: string; n: number; total: string }>(
        await t().database.db.execute(
          sql`select region_code as region, count(*)::int as n, sum(total_investment_yuan)::text as total from projects group by 1`,
        ),
      ).map((r) => [r.region, { n: r.n, total: Number(r.total) }]),
    );

  it('loads each district with its projects, reports, warnings and indicators, and the city user at the city', async () => {
    const { db } = t().database;
    const counts = await countsBy();
    expect(counts.get('370104')).toEqual({ n: 24, total: 360 * YI });
    expect(counts.get('370112')).toEqual({ n: 30, total: 520 * YI });
    expect(counts.get(DEMO_DISTRICT_CODE)).toEqual({ n: 133, total: 1200 * YI });
    for (const d of DEMO_SMALL_DISTRICTS) {
      const [facts] = rowsOf<{ periods: number; approved: number; coloured: number; indicators: number }>(
        await db.execute(sql`select
          (select count(*)::int from reporting_periods where region_code = ${d.profile.code}) as periods,
          (select count(*)::int from progress_reports r join projects p on p.id = r.project_id
             where p.region_code = ${d.profile.code} and r.status = 'approved') as approved,
          (select count(*)::int from projects where region_code = ${d.profile.code} and warning_level is not null) as coloured,
          (select count(*)::int from indicators where region_code = ${d.profile.code}) as indicators`),
      );
      expect(facts?.periods).toBeGreaterThan(0);
      expect(facts?.coloured).toBe(d.profile.code === '370104' ? 24 : 30);
      expect(facts?.indicators).toBe(d.indicators.length);
    }
    const [city] = await db
      .select({ role: users.roleCode, scope: users.dataScope, region: units.regionCode, unit: units.name })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(users.username, DEMO_CITY_USER.username));
    expect(city).toEqual({ role: 'supervisor', scope: 'region', region: DEMO_CITY_CODE, unit: '济南市重点项目服务中心' });
    // The province user reads across 山东省 from its development and reform commission.
    const [province] = await db
      .select({ role: users.roleCode, scope: users.dataScope, region: units.regionCode, unit: units.name })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(users.username, DEMO_PROVINCE_USER.username));
    expect(province).toEqual({ role: 'supervisor', scope: 'region', region: DEMO_PROVINCE_CODE, unit: '山东省发展和改革委员会' });
  });

  it('keeps each district to its own: a 天桥区 user never sees 槐荫区 or 历城区 records; the city and province users see all three', async () => {
    const { app } = t();
    const year = Number(todayInChina().slice(0, 4));
    const seen = async (username: string) => {
      const client = await signInAs(app, username);
      const count = async (query: string) =>
        ((await client.get(`/api/v1/projects/totals?year=${year}${query}`)).json() as { count: number }).count;
      const regionsOf = async (url: string) => {
        const body = (await client.get(url)).json() as { items: { regionCode: string }[] };
        return [...new Set(body.items.map((r) => r.regionCode.slice(0, 6)))].sort();
      };
      return {
        projects: await count(''),
        huaiyin: await count('&regionCode=370104'),
        licheng: await count('&regionCode=370112'),
        indicators: await regionsOf(`/api/v1/targets/indicators?year=${year}`),
        periods: await regionsOf(`/api/v1/reporting-periods?year=${year}`),
        units: await regionsOf('/api/v1/units?pageSize=100'),
      };
    };
    for (const username of ['office', 'viewer', 'admin']) {
      expect(await seen(username), username).toEqual({
        projects: 133,
        huaiyin: 0,
        licheng: 0,
        // Its own, and the city's broken down to it (its own share only).
        indicators: [DEMO_CITY_CODE, DEMO_DISTRICT_CODE],
        periods: [DEMO_DISTRICT_CODE],
        units: [DEMO_DISTRICT_CODE],
      });
    }
    const huaiyin = await seen('huaiyin');
    expect(huaiyin).toMatchObject({ projects: 24, huaiyin: 24, licheng: 0, indicators: [DEMO_CITY_CODE, '370104'], periods: ['370104'] });
    const city = await seen('city');
    expect(city).toMatchObject({ projects: 187, huaiyin: 24, licheng: 30 });
    // Its districts' and its own, and the province's broken down to it (its own share only).
    expect(city.indicators).toEqual([DEMO_PROVINCE_CODE, DEMO_CITY_CODE, '370104', DEMO_DISTRICT_CODE, '370112']);
    const province = await seen('province');
    expect(province).toMatchObject({ projects: 187, huaiyin: 24, licheng: 30 });
    expect(province.indicators).toEqual([DEMO_PROVINCE_CODE, DEMO_CITY_CODE, '370104', DEMO_DISTRICT_CODE, '370112']);
    // The city's list of periods holds the three districts' months: each period names its district.
    const cityClient = await signInAs(app, 'city');
    const periods = (await cityClient.get(`/api/v1/reporting-periods?year=${year}&pageSize=100`)).json() as {
      items: { regionCode: string; regionName: string }[];
    };
    expect(Object.fromEntries(periods.items.map((p) => [p.regionCode, p.regionName]))).toEqual({
      '370104': '槐荫区',
      [DEMO_DISTRICT_CODE]: '天桥区',
      '370112': '历城区',
    });
  }, 120_000);
});
