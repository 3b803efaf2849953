import fc from 'fast-check';
import { and, count, eq, lte, ne, or, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { yuanToDecimal } from '../../../common/domain/decimal';
import type { Executor } from '../../db/client';
import { annualPlans, projectMonthInvestment, projects } from '../../db/schema';
import { checkDashboardFigures, projectOfYear, refreshDashboardFigures, startedInYear } from '../projects';
import { inRegionTree } from '../regions';
import { insertProject, insertUnit } from '../../test/factories';
import { describeEachDatabase } from '../../test/harness';
import { type ComputationInput, computeIndicator } from './index';

// The projects' computed indicators are read from the kept figures (projects module `indicatorFigures`). This test
// holds them to their definitions, written out below as the straight queries over the projects and their month
// figures that answered them before (the oracle): on hand-built projects in three districts of 济南市 — key and not,
// withdrawn, started and completed across years, month figures of years the project is not one of, a start dated
// after its completion — and after any sequence of the changes the services make (each refreshing the project's
// figures in its transaction, as they do), every district, the city and the province answer exactly the oracle's
// figure for last year, this year and next, as of mid-year and of the next year.

const YEAR = 2031;
const YI = 100_000_000;
const DISTRICTS = ['370113', '370104', '370112'] as const;
const REGIONS = [...DISTRICTS, '370100', '370000'];
const PROJECTED = ['key_projects_count', 'key_projects_total_investment', 'new_starts', 'investment_completed'] as const;
type Projected = (typeof PROJECTED)[number];

const inRegion = (regionCode: string) => inRegionTree(projects.regionCode, regionCode);
const keyProjectsOfYear = ({ regionCode, year }: ComputationInput) =>
  and(
    inRegion(regionCode),
    ne(projects.pool, 'withdrawn'),
    or(projects.isDistrictKey, projects.isCityKey, projects.isProvincialKey),
    projectOfYear(year),
  );

/** The definitions, as straight queries over the projects and their month figures. */
const ORACLE: Record<Projected, (db: Executor, input: ComputationInput) => Promise<string>> = {
  key_projects_count: async (db, input) => {
    const [row] = await db.select({ n: count() }).from(projects).where(keyProjectsOfYear(input));
    return String(row?.n ?? 0);
  },
  key_projects_total_investment: async (db, input) => {
    const [row] = await db
      .select({ total: sql<string | null>`sum(${projects.totalInvestmentYuan})` })
      .from(projects)
      .where(keyProjectsOfYear(input));
    return yuanToDecimal(BigInt(row?.total ?? 0), 'yi');
  },
  new_starts: async (db, { regionCode, year, asOf }) => {
    const [row] = await db
      .select({ n: count() })
      .from(projects)
      .where(and(inRegion(regionCode), ne(projects.pool, 'withdrawn'), startedInYear(year, asOf)));
    return String(row?.n ?? 0);
  },
  investment_completed: async (db, { regionCode, year, asOf }) => {
    const throughMonth = Number(asOf.slice(0, 4)) > year ? 12 : Number(asOf.slice(5, 7));
    const [row] = await db
      .select({ total: sql<string | null>`sum(${projectMonthInvestment.completedYuan})` })
      .from(projectMonthInvestment)
      .innerJoin(projects, eq(projects.id, projectMonthInvestment.projectId))
      .where(and(inRegion(regionCode), eq(projectMonthInvestment.year, year), lte(projectMonthInvestment.month, throughMonth)));
    return yuanToDecimal(BigInt(row?.total ?? 0), 'yi');
  },
};

/** Each region, year and day: [answered, oracle] side by side under one key, so a difference names its place. */
async function bothAnswers(db: Executor) {
  const answered: Record<string, string | null> = {};
  const expected: Record<string, string | null> = {};
  for (const regionCode of REGIONS)
    for (const year of [YEAR - 1, YEAR, YEAR + 1])
      for (const asOf of [`${year}-06-15`, `${year + 1}-03-01`]) {
        const memo = new Map();
        for (const computation of PROJECTED) {
          const key = `${regionCode} ${year} ${asOf} ${computation}`;
          answered[key] = await computeIndicator(db, computation, { regionCode, year, asOf }, memo);
          expected[key] = await ORACLE[computation](db, { regionCode, year, asOf });
        }
      }
  return { answered, expected };
}

type Change =
  | { kind: 'withdraw' | 'restore' | 'key' | 'unkey'; project: number }
  | { kind: 'move'; project: number; district: number }
  | { kind: 'start' | 'complete'; project: number; day: number | null }
  | { kind: 'month'; project: number; year: number; month: number; yuan: number }
  | { kind: 'plan'; project: number; year: number };

const day = fc.option(fc.integer({ min: 0, max: 3 * 365 }), { nil: null });
const changeArb = (projectCount: number): fc.Arbitrary<Change> => {
  const project = fc.nat({ max: projectCount - 1 });
  return fc.oneof(
    fc.record({ kind: fc.constantFrom('withdraw' as const, 'restore' as const, 'key' as const, 'unkey' as const), project }),
    fc.record({ kind: fc.constant('move' as const), project, district: fc.nat({ max: DISTRICTS.length - 1 }) }),
    fc.record({ kind: fc.constantFrom('start' as const, 'complete' as const), project, day }),
    fc.record({
      kind: fc.constant('month' as const),
      project,
      year: fc.integer({ min: YEAR - 1, max: YEAR + 1 }),
      month: fc.integer({ min: 1, max: 12 }),
      yuan: fc.integer({ min: 0, max: 9 * YI }),
    }),
    fc.record({ kind: fc.constant('plan' as const), project, year: fc.integer({ min: YEAR - 1, max: YEAR + 1 }) }),
  );
};

/** A day from 1 January of last year on. */
const dayOf = (n: number) => new Date(Date.UTC(YEAR - 1, 0, 1 + n)).toISOString().slice(0, 10);

describeEachDatabase('computed indicators from the kept figures', (t) => {
  const ids: string[] = [];
  const units: string[] = [];

  const monthFigure = (projectId: string, year: number, month: number, yuan: number) =>
    t()
      .database.db.insert(projectMonthInvestment)
      .values({ projectId, year, month, completedYuan: yuan })
      .onConflictDoUpdate({
        target: [projectMonthInvestment.projectId, projectMonthInvestment.year, projectMonthInvestment.month],
        set: { completedYuan: yuan },
      });

  beforeAll(async () => {
    const database = t().database;
    for (const regionCode of DISTRICTS) units.push((await insertUnit(database, { regionCode, name: `指标测试单位${regionCode}` })).id);
    const project = async (district: number, fields: Parameters<typeof insertProject>[1]) => {
      const row = await insertProject(database, { regionCode: DISTRICTS[district], leadUnitId: units[district], ...fields });
      ids.push(row.id);
      return row.id;
    };
    const a = await project(0, { totalInvestmentYuan: 10 * YI, actualStart: `${YEAR}-03-15`, plannedStart: `${YEAR}-03-01` });
    await project(0, {
      totalInvestmentYuan: 25 * YI,
      isDistrictKey: false,
      isProvincialKey: true,
      actualStart: `${YEAR - 2}-05-01`,
      actualCompletion: `${YEAR}-02-01`,
    });
    await project(0, { totalInvestmentYuan: 1 * YI, pool: 'planning', plannedStart: `${YEAR}-09-01`, plannedCompletion: null });
    const withdrawn = await project(1, { totalInvestmentYuan: 99 * YI, pool: 'withdrawn', actualStart: `${YEAR}-02-01` });
    // Completed last year, a month figure of this year all the same (a late report): not of the year, its money counts.
    const late = await project(1, {
      totalInvestmentYuan: 7 * YI,
      pool: 'completed',
      plannedStart: `${YEAR - 3}-01-01`,
      plannedCompletion: `${YEAR - 1}-06-30`,
      actualStart: `${YEAR - 3}-02-01`,
      actualCompletion: `${YEAR - 1}-12-31`,
    });
    const notKey = await project(1, { totalInvestmentYuan: 3 * YI, isDistrictKey: false, actualStart: `${YEAR}-07-10` });
    // A start dated after the completion (as typed): a new start of the year though not a project of it.
    await project(2, {
      totalInvestmentYuan: 4 * YI,
      plannedStart: '2020-01-01',
      plannedCompletion: '2021-01-01',
      actualStart: `${YEAR}-05-01`,
      actualCompletion: `${YEAR - 1}-06-30`,
    });
    // Reporting money before its planned start next year: not of this year's list, its money counts.
    const early = await project(2, {
      totalInvestmentYuan: 6 * YI,
      isCityKey: true,
      plannedStart: `${YEAR + 1}-02-01`,
      plannedCompletion: `${YEAR + 2}-12-31`,
    });
    await project(2, { totalInvestmentYuan: null, isCityKey: true, pool: 'advancing', plannedStart: null, plannedCompletion: null });
    for (const [id, year, month, yuan] of [
      [a, YEAR, 3, 2 * YI],
      [a, YEAR, 7, 3 * YI],
      [a, YEAR - 1, 12, 9 * YI],
      [withdrawn, YEAR, 4, 5 * YI],
      [late, YEAR, 1, 1 * YI],
      [notKey, YEAR, 8, 2 * YI],
      [early, YEAR, 5, 1 * YI],
    ] as const)
      await monthFigure(id, year, month, yuan);
    await database.db.transaction((tx) => refreshDashboardFigures(tx, ids));
  });

  /** One change as the services make it: the rows written, then the project's figures refreshed in the transaction. */
  async function apply(change: Change) {
    const db = t().database.db;
    const id = ids[change.project] ?? '';
    const set = (fields: Partial<typeof projects.$inferInsert>) => db.update(projects).set(fields).where(eq(projects.id, id));
    if (change.kind === 'withdraw') await set({ pool: 'withdrawn' });
    if (change.kind === 'restore') await set({ pool: 'implementing' });
    if (change.kind === 'key') await set({ isDistrictKey: true });
    if (change.kind === 'unkey') await set({ isDistrictKey: false, isCityKey: false, isProvincialKey: false });
    if (change.kind === 'move') await set({ regionCode: DISTRICTS[change.district], leadUnitId: units[change.district] });
    if (change.kind === 'start') await set({ actualStart: change.day === null ? null : dayOf(change.day) });
    if (change.kind === 'complete') await set({ actualCompletion: change.day === null ? null : dayOf(change.day) });
    if (change.kind === 'month') await monthFigure(id, change.year, change.month, change.yuan);
    if (change.kind === 'plan') {
      const [last] = await db
        .select({ version: sql<number>`coalesce(max(${annualPlans.versionNo}), 0)::integer` })
        .from(annualPlans)
        .where(and(eq(annualPlans.projectId, id), eq(annualPlans.year, change.year)));
      await db.insert(annualPlans).values({
        projectId: id,
        year: change.year,
        versionNo: (last?.version ?? 0) + 1,
        plannedYuan: 12 * YI,
        monthlyYuan: Array(12).fill(YI),
      });
    }
    await db.transaction((tx) => refreshDashboardFigures(tx, [id]));
  }

  it('answers each definition exactly for the hand-built projects', async () => {
    const db = t().database.db;
    const { answered, expected } = await bothAnswers(db);
    expect(answered).toEqual(expected);
    // The figures a reader relies on, by hand: 长清区's key projects of the year (a, the provincial one completed in
    // February, the one in planning) and their investment; this year's money through June and through the year.
    const at = (computation: Projected, regionCode: string, asOf: string) => answered[`${regionCode} ${YEAR} ${asOf} ${computation}`];
    expect(at('key_projects_count', '370113', `${YEAR}-06-15`)).toBe('3');
    expect(at('key_projects_total_investment', '370113', `${YEAR}-06-15`)).toBe('36');
    // 槐荫区: the withdrawn project's April money and the completed one's late January money count, the not-key
    // project's August money only after June.
    expect(at('investment_completed', '370104', `${YEAR}-06-15`)).toBe('6');
    expect(at('investment_completed', '370104', `${YEAR + 1}-03-01`)).toBe('8');
    // 历城区: the start dated after its completion is a new start of the year; the early project's money counts.
    expect(at('new_starts', '370112', `${YEAR}-06-15`)).toBe('1');
    expect(at('investment_completed', '370112', `${YEAR}-06-15`)).toBe('1');
  }, 120_000);

  it('answers each definition exactly after any sequence of changes, and the kept figures equal a recomputation', async () => {
    const db = t().database.db;
    await fc.assert(
      fc.asyncProperty(fc.array(changeArb(ids.length), { minLength: 1, maxLength: 6 }), async (changes) => {
        for (const change of changes) await apply(change);
        const { answered, expected } = await bothAnswers(db);
        expect(answered).toEqual(expected);
        expect(await checkDashboardFigures(db)).toEqual([]);
      }),
      { numRuns: 5 },
    );
  }, 900_000);
});
