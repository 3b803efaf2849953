import { beforeAll, expect, it } from 'vitest';
import { insertPeriod, insertProject, insertReport, insertUnit } from '../../test/factories';
import { describeEachDatabase } from '../../test/harness';
import { computeIndicator } from './index';

// Each computed indicator against a hand-built data set, in a district of its own (长清区, 370113) so that nothing of
// the demo districts counts: which projects are key projects of the year, which started in it, which reports count.
const REGION = '370113';
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

  it('answers no value for the computations that wait for the attraction module', async () => {
    const db = t().database.db;
    for (const key of ['land_supplied', 'projects_signed', 'contract_value', 'out_of_city_funds'] as const)
      expect(await computeIndicator(db, key, input())).toBeNull();
  });
});
