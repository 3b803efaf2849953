import { and, eq, like } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { sumDecimals } from '../../../common/domain/decimal';
import { regions } from '../../db/schema';
import { refreshProjectMonths } from '../reports';
import {
  insertLead,
  insertParcel,
  insertPeriod,
  insertProject,
  insertReport,
  insertUnit,
  insertUser,
  uniqueSuffix,
  unitIdByName,
} from '../../test/factories';
import { describeEachDatabase, errorOf, signInAs, testConfig } from '../../test/harness';
import { computeIndicator } from './index';

// Each computed indicator against a hand-built data set, in a district of its own (长清区, 370113) so that nothing of
// the demo districts counts: which projects are key projects of the year, which started in it, which reports count,
// which leads were signed and brought funds in, which parcels were supplied.
const REGION = '370113';
const CITY = '370100';
const YEAR = 2031;
const YI = 100_000_000;

describeEachDatabase('computed indicators', (t) => {
  const input = (asOf = `${YEAR}-06-30`) => ({ regionCode: REGION, year: YEAR, asOf });

  beforeAll(async () => {
    const database = t().database;
    const unit = await insertUnit(database, { regionCode: REGION, name: '长清区测试单位' });
    const project = (fields: Parameters<typeof insertProject>[1]) =>
      insertProject(database, { regionCode: REGION, leadUnitId: unit.id, ...fields });
    // Key projects of the year: a district key project, a city one (not on the district list), a provincial one
    // completed this year, and one in planning.
    const a = await project({ totalInvestmentYuan: 10 * YI, actualStart: `${YEAR}-03-15` });
    const b = await project({ totalInvestmentYuan: 25 * YI, isDistrictKey: false, isCityKey: true, actualStart: `${YEAR - 1}-05-01` });
    await project({
      totalInvestmentYuan: 5 * YI + 50_000,
      isProvincialKey: true,
      actualCompletion: `${YEAR}-02-01`,
      actualStart: `${YEAR - 2}-01-01`,
    });
    await project({ totalInvestmentYuan: 1 * YI, pool: 'planning', plannedStart: `${YEAR}-09-01` });
    // Not key projects of the year: withdrawn; completed last year; on no key list.
    await project({ totalInvestmentYuan: 99 * YI, pool: 'withdrawn', actualStart: `${YEAR}-02-01` });
    await project({ totalInvestmentYuan: 99 * YI, pool: 'completed', actualCompletion: `${YEAR - 1}-12-31` });
    await project({ totalInvestmentYuan: 99 * YI, isDistrictKey: false, actualStart: `${YEAR}-07-10` });
    // Investment: approved reports count, through the month asked; submitted ones and last year's do not.
    const march = await insertPeriod(database, { regionCode: REGION, year: YEAR, month: 3 });
    const july = await insertPeriod(database, { regionCode: REGION, year: YEAR, month: 7 });
    const lastYear = await insertPeriod(database, { regionCode: REGION, year: YEAR - 1, month: 12 });
    const report = (period: typeof march, projectId: string, investmentYuan: number, status: 'approved' | 'submitted') =>
      insertReport(database, period, { projectId, responsibleUnitId: unit.id, investmentYuan, status });
    await report(march, a.id, 2 * YI, 'approved');
    await report(march, b.id, 1.5 * YI, 'approved');
    await report(july, a.id, 3 * YI, 'approved');
    await report(july, b.id, 7 * YI, 'submitted');
    await report(lastYear, a.id, 9 * YI, 'approved');
    // Written straight into the table, as a data load would: their month figures made from them as the services do.
    await database.db.transaction((tx) => refreshProjectMonths(tx, [a.id, b.id]));

    // Leads of the district (A–E, F) and one of the demo district, each with its stage history.
    const owner = await insertUser(database, { unitId: unit.id, roleCode: 'investment_staff' });
    const lead = (fields: Partial<Parameters<typeof insertLead>[1]>, moves: Parameters<typeof insertLead>[2]) =>
      insertLead(database, { regionCode: REGION, unitId: unit.id, ownerId: owner.id, ...fields }, moves);
    const courted = (received: string): Parameters<typeof insertLead>[2] => [
      ['lead', received],
      ['assessed', received],
      ['site_visit', received],
      ['negotiating', received],
    ];
    // A: signed this year (12亿), funds in on 05-20 — 15亿 estimated, 60% from outside the city.
    await lead({ contractValueYuan: 12 * YI, estimatedInvestmentYuan: 15 * YI, outOfCityPercent: 60 }, [
      ...courted(`${YEAR}-01-05`),
      ['signed', `${YEAR}-03-10`],
      ['registered', `${YEAR}-04-01`],
      ['started', `${YEAR}-04-15`],
      ['funds_in', `${YEAR}-05-20`],
    ]);
    // B: signed last year (5亿): not a signing of this year; its funds (8亿, all from outside the city) came in this year.
    await lead({ contractValueYuan: 5 * YI, estimatedInvestmentYuan: 8 * YI, outOfCityPercent: 100, outOfProvincePercent: 50 }, [
      ...courted(`${YEAR - 1}-06-01`),
      ['signed', `${YEAR - 1}-11-01`],
      ['registered', `${YEAR - 1}-12-01`],
      ['started', `${YEAR}-01-10`],
      ['funds_in', `${YEAR}-02-01`],
    ]);
    // C: signed 04-01 (3亿), dropped 05-01.
    await lead({ contractValueYuan: 3 * YI, estimatedInvestmentYuan: 4 * YI, outOfCityPercent: 100, droppedReason: '企业总部否决' }, [
      ...courted(`${YEAR}-02-01`),
      ['signed', `${YEAR}-04-01`],
      ['dropped', `${YEAR}-05-01`],
    ]);
    // E: signed 08-01 (2亿), dropped in January of the next year.
    await lead({ contractValueYuan: 2 * YI, estimatedInvestmentYuan: 2 * YI }, [
      ...courted(`${YEAR}-05-01`),
      ['signed', `${YEAR}-08-01`],
      ['dropped', `${YEAR + 1}-01-15`],
    ]);
    // F: still negotiating, never signed.
    await lead({ estimatedInvestmentYuan: 30 * YI, outOfCityPercent: 100 }, courted(`${YEAR}-03-01`));
    // Another district's lead signed this year (7亿) with its funds in: not this district's.
    const demoUnit = await insertUnit(database, { regionCode: testConfig().regionCode, name: `天桥区测试单位${uniqueSuffix()}` });
    await insertLead(
      database,
      {
        regionCode: testConfig().regionCode,
        unitId: demoUnit.id,
        ownerId: owner.id,
        contractValueYuan: 7 * YI,
        estimatedInvestmentYuan: 7 * YI,
        outOfCityPercent: 100,
      },
      [
        ...courted(`${YEAR}-01-02`),
        ['signed', `${YEAR}-03-01`],
        ['registered', `${YEAR}-03-02`],
        ['started', `${YEAR}-03-03`],
        ['funds_in', `${YEAR}-03-04`],
      ],
    );

    // Parcels: supplied this year (30.5亩 in February, 12.25亩 in September), last year (50亩), one still available,
    // and one of the demo district supplied this year.
    const parcel = (fields: Partial<Parameters<typeof insertParcel>[1]> & { areaMu: number }) =>
      insertParcel(database, { regionCode: REGION, ...fields });
    await parcel({ areaMu: 30.5, status: 'supplied', suppliedProjectId: a.id, suppliedOn: `${YEAR}-02-10` });
    await parcel({ areaMu: 12.25, status: 'supplied', suppliedProjectId: b.id, suppliedOn: `${YEAR}-09-01` });
    await parcel({ areaMu: 50, status: 'supplied', suppliedProjectId: a.id, suppliedOn: `${YEAR - 1}-12-20` });
    await parcel({ areaMu: 40, status: 'available' });
    await insertParcel(database, {
      regionCode: testConfig().regionCode,
      areaMu: 100,
      status: 'supplied',
      suppliedProjectId: a.id,
      suppliedOn: `${YEAR}-03-01`,
    });
  });

  it('counts the key projects of the year and their total investment (亿元, exact)', async () => {
    const db = t().database.db;
    expect(await computeIndicator(db, 'key_projects_count', input())).toBe('4');
    expect(await computeIndicator(db, 'key_projects_total_investment', input())).toBe('41.0005');
  });

  it('counts the new starts whose actual start falls in the year, up to the day asked', async () => {
    const db = t().database.db;
    // 03-15 (a) and 07-10 (not key, still a new start); the withdrawn one's start does not count.
    expect(await computeIndicator(db, 'new_starts', input(`${YEAR}-06-30`))).toBe('1');
    expect(await computeIndicator(db, 'new_starts', input(`${YEAR}-12-31`))).toBe('2');
    expect(await computeIndicator(db, 'new_starts', input(`${YEAR + 1}-03-01`))).toBe('2');
  });

  it("sums the year's approved reports through the month asked", async () => {
    const db = t().database.db;
    expect(await computeIndicator(db, 'investment_completed', input(`${YEAR}-06-30`))).toBe('3.5');
    expect(await computeIndicator(db, 'investment_completed', input(`${YEAR}-07-31`))).toBe('6.5');
    expect(await computeIndicator(db, 'investment_completed', input(`${YEAR + 1}-01-10`))).toBe('6.5');
  });

  it("counts the leads signed in the year and their contract value, leaving out last year's, dropped ones and other districts'", async () => {
    const db = t().database.db;
    const figures = async (asOf: string, year = YEAR) => {
      const value = async (key: 'projects_signed' | 'contract_value' | 'out_of_city_funds') =>
        computeIndicator(db, key, { regionCode: REGION, year, asOf });
      return [await value('projects_signed'), await value('contract_value'), await value('out_of_city_funds')];
    };
    // [signed, contract value 亿元, out-of-city funds 亿元]. By 04-30: A and C signed (C not yet dropped); B's funds
    // came in (B was signed last year, so only its funds count); A's funds came in on 05-20.
    expect(await figures(`${YEAR}-04-30`)).toEqual(['2', '15', '8']);
    // By 06-30 C is dropped: it counts for nothing. A's funds: 15亿 × 60%.
    expect(await figures(`${YEAR}-06-30`)).toEqual(['1', '12', '17']);
    // By the year's end E is signed too.
    expect(await figures(`${YEAR}-12-31`)).toEqual(['2', '14', '17']);
    // A past year stands at its 31 December: E dropped in January after does not change it.
    expect(await figures(`${YEAR + 1}-02-01`)).toEqual(['2', '14', '17']);
    expect(await figures(`${YEAR + 1}-02-01`, YEAR + 1)).toEqual(['0', '0', '0']);
    expect(await figures(`${YEAR - 1}-12-31`, YEAR)).toEqual(['0', '0', '0']);
  });

  it('sums the 亩 of the parcels supplied in the year, up to the day asked', async () => {
    const db = t().database.db;
    expect(await computeIndicator(db, 'land_supplied', input(`${YEAR}-06-30`))).toBe('30.5');
    expect(await computeIndicator(db, 'land_supplied', input(`${YEAR}-12-31`))).toBe('42.75');
    expect(await computeIndicator(db, 'land_supplied', input(`${YEAR + 1}-05-01`))).toBe('42.75');
    expect(await computeIndicator(db, 'land_supplied', { regionCode: REGION, year: YEAR - 1, asOf: `${YEAR}-06-30` })).toBe('50');
  });

  it("reads a city's attraction figures over its districts: the city's figure is the sum of its districts'", async () => {
    const db = t().database.db;
    const [city] = await db.select({ path: regions.path }).from(regions).where(eq(regions.code, CITY));
    const districts = await db
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.level, 'district'), like(regions.path, `${city?.path}%`)));
    expect(districts.map((d) => d.code)).toEqual(expect.arrayContaining([REGION, testConfig().regionCode]));
    const attraction = ['projects_signed', 'contract_value', 'out_of_city_funds', 'land_supplied'] as const;
    for (const asOf of [`${YEAR}-06-30`, `${YEAR}-12-31`]) {
      for (const computation of attraction) {
        const cityFigure = await computeIndicator(db, computation, { regionCode: CITY, year: YEAR, asOf });
        const perDistrict = await Promise.all(
          districts.map(async (d) => (await computeIndicator(db, computation, { regionCode: d.code, year: YEAR, asOf })) ?? '0'),
        );
        expect(cityFigure, `${computation} ${asOf}`).toBe(sumDecimals(perDistrict));
      }
    }
    // By the year's end: 长清区's two signings (14亿, 17亿 of funds) and 42.75亩, and 天桥区's test lead (7亿, 7亿) and
    // 100亩 parcel — not 0, as when the figures read the city's own rows only.
    const yearEnd = async (computation: (typeof attraction)[number]) =>
      computeIndicator(db, computation, { regionCode: CITY, year: YEAR, asOf: `${YEAR}-12-31` });
    expect(await yearEnd('projects_signed')).toBe('3');
    expect(await yearEnd('contract_value')).toBe('21');
    expect(await yearEnd('out_of_city_funds')).toBe('24');
    expect(await yearEnd('land_supplied')).toBe('142.75');
    // A district's figure is its own still: 长清区 reads none of 天桥区's.
    expect(await computeIndicator(db, 'contract_value', { regionCode: REGION, year: YEAR, asOf: `${YEAR}-12-31` })).toBe('14');
  });

  it('counts a parcel once: a second supply is refused by the carriers API and changes nothing', async () => {
    const { app, database } = t();
    const invest = await signInAs(app, 'invest');
    const region = testConfig().regionCode;
    const year = 2019; // no demo parcel was supplied then
    const before = await computeIndicator(database.db, 'land_supplied', { regionCode: region, year, asOf: `${year}-12-31` });
    const projectId = (await insertProject(database, { leadUnitId: await unitIdByName(database, '区投资促进中心') })).id;
    const created = await invest.post('/api/v1/parcels', {
      code: `S-${uniqueSuffix()}`,
      name: '供地测试地块',
      areaMu: 26.5,
      plannedUse: 'industrial',
    });
    expect(created.statusCode, created.body).toBe(201);
    const step = (body: Record<string, unknown>) => invest.post(`/api/v1/parcels/${created.json().id}/status`, body);
    const available = await step({ status: 'available', version: created.json().version });
    expect(available.statusCode, available.body).toBe(200);
    const supplied = await step({ status: 'supplied', projectId, suppliedOn: `${year}-05-01`, version: available.json().version });
    expect(supplied.statusCode, supplied.body).toBe(200);
    const again = await step({ status: 'supplied', projectId, suppliedOn: `${year}-08-01`, version: supplied.json().version });
    expect(errorOf(again).code).toBe('parcel_already_supplied');
    expect(before).toBe('0');
    expect(await computeIndicator(database.db, 'land_supplied', { regionCode: region, year, asOf: `${year}-12-31` })).toBe('26.5');
    expect(await computeIndicator(database.db, 'land_supplied', { regionCode: region, year, asOf: `${year}-04-30` })).toBe('0');
  });
});
