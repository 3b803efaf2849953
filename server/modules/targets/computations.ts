import { and, count, eq, lte, ne, or, sql } from 'drizzle-orm';
import { yuanToDecimal } from '../../../common/domain/decimal';
import { COMPUTATIONS } from '../../../common/domain/targets';
import type { TargetComputation } from '../../../common/enums';
import type { Executor } from '../../db/client';
import { projectMonthInvestment, projects } from '../../db/schema';
import { landSuppliedMu } from '../carriers';
import { attractionFigures } from '../leads';
import { projectOfYear, startedInYear } from '../projects';
import { inRegionTree } from '../regions';

// The named computations of computed indicators: each reads Lantu's own data for one district and year, as of a day,
// and answers the value in its computation's unit of measure (common/domain/targets.ts `COMPUTATIONS`), exactly.
// Reading the projects' tables here (projects, their month figures) is the registry's job: it is the one place that
// says what each published figure counts. The attraction figures are the leads' and the carriers' own, asked through
// their faces (`attractionFigures`, `landSuppliedMu`), which say exactly what they count. The office sees the same
// words in GET /targets/computations.

export type ComputationInput = { regionCode: string; year: number; asOf: string };
type Compute = (db: Executor, input: ComputationInput) => Promise<string>;

/**
 * The region's projects: a district's own, or — for a city's indicator — every district's under it (a city's computed
 * figure is the sum of its districts', the figure its shares are broken down from). Projects sit at district level.
 */
const inRegion = (regionCode: string) => inRegionTree(projects.regionCode, regionCode);

/**
 * Key projects of the year: the district's projects on a key list (province, city or district), not withdrawn, of
 * the year's list by the one definition the project list's year filter and the dashboard use (`projectOfYear`).
 */
const keyProjectsOfYear = ({ regionCode, year }: ComputationInput) =>
  and(
    inRegion(regionCode),
    ne(projects.pool, 'withdrawn'),
    or(projects.isDistrictKey, projects.isCityKey, projects.isProvincialKey),
    projectOfYear(year),
  );

const REGISTRY: Record<TargetComputation, Compute | null> = {
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
  // 新开工 is derived, not typed (DOMAIN.md): a project whose actual start — the day its 开工 milestone was reached,
  // kept in projects.actual_start by project-tracks/project-dates.ts — falls in the year, up to the day asked.
  new_starts: async (db, { regionCode, year, asOf }) => {
    const [row] = await db
      .select({ n: count() })
      .from(projects)
      .where(and(inRegion(regionCode), ne(projects.pool, 'withdrawn'), startedInYear(year, asOf)));
    return String(row?.n ?? 0);
  },
  // Investment completed: the year's approved monthly reports of the district's projects, through asOf's month — read
  // from their month figures (project_month_investment, kept with the reports in the same transaction), never the
  // reports themselves.
  investment_completed: async (db, { regionCode, year, asOf }) => {
    const throughMonth = Number(asOf.slice(0, 4)) > year ? 12 : Number(asOf.slice(5, 7));
    const [row] = await db
      .select({ total: sql<string | null>`sum(${projectMonthInvestment.completedYuan})` })
      .from(projectMonthInvestment)
      .innerJoin(projects, eq(projects.id, projectMonthInvestment.projectId))
      .where(and(inRegion(regionCode), eq(projectMonthInvestment.year, year), lte(projectMonthInvestment.month, throughMonth)));
    return yuanToDecimal(BigInt(row?.total ?? 0), 'yi');
  },
  // 供地面积: the 亩 of the region's parcels supplied in the year (carriers module; a city: its districts').
  land_supplied: (db, input) => landSuppliedMu(db, input),
  // 签约项目, 签约合同额, 到位市外资金: the region's leads (leads module; dropped ones left out; a city: its districts').
  projects_signed: async (db, input) => String((await attractionFigures(db, input)).signed),
  contract_value: async (db, input) => yuanToDecimal((await attractionFigures(db, input)).contractValueYuan, 'yi'),
  out_of_city_funds: async (db, input) => yuanToDecimal((await attractionFigures(db, input)).outOfCityFundsYuan, 'yi'),
};

/** The computation's value for the district (or a city: its districts') and year as of the day, or null when Lantu cannot compute it yet. */
export async function computeIndicator(db: Executor, computation: TargetComputation, input: ComputationInput): Promise<string | null> {
  const compute = REGISTRY[computation];
  if (!compute || !COMPUTATIONS[computation].available) return null;
  return compute(db, input);
}
