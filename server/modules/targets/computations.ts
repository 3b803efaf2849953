import { yuanToDecimal } from '../../../common/domain/decimal';
import { COMPUTATIONS } from '../../../common/domain/targets';
import type { TargetComputation } from '../../../common/enums';
import type { Executor } from '../../db/client';
import { landSuppliedMu } from '../carriers';
import { attractionFigures } from '../leads';
import { type IndicatorFigures, indicatorFigures } from '../projects';

// The named computations of computed indicators: each reads Lantu's own data for one district and year, as of a day,
// and answers the value in its computation's unit of measure (common/domain/targets.ts `COMPUTATIONS`), exactly.
// A city's (a province's) computed figure is the sum of its districts' — the figure its shares are broken down from.
// The projects' figures are read from what the projects module keeps of them (`indicatorFigures`, the dashboard's kept
// rows, written in the transaction of every change that moves them), by these definitions:
// - 重点项目个数 / 总投资: the region's projects on a key list (province, city or district), not withdrawn, of the
//   year's list by the one definition the project list's year filter and the dashboard use (`projectOfYear`);
// - 新开工 is derived, not typed (DOMAIN.md): a project not withdrawn whose actual start — the day its 开工 milestone
//   was reached, kept in projects.actual_start — falls in the year, up to the day asked;
// - 完成投资: the month figures of the year's approved monthly reports of the region's projects (withdrawn or not, of
//   the year's list or not), through the day's month (all twelve after the year).
// The attraction figures are the leads' and the carriers' own, asked through their faces (`attractionFigures`,
// `landSuppliedMu`), which say exactly what they count. The office sees the same words in GET /targets/computations.

export type ComputationInput = { regionCode: string; year: number; asOf: string };
type Figures = IndicatorFigures | Awaited<ReturnType<typeof attractionFigures>>;
/**
 * Within one request (never kept past it): the projects' figures and the leads' read once per region, year and day,
 * however many computations ask.
 */
export type ComputationMemo = Map<string, Promise<Figures>>;
type Compute = (db: Executor, input: ComputationInput, memo: ComputationMemo) => Promise<string>;

/** `read`'s figures for the input, once per `memo` (keyed by what is read and the input). */
function once<T extends Figures>(memo: ComputationMemo, what: string, input: ComputationInput, read: () => Promise<T>): Promise<T> {
  const key = `${what}/${input.regionCode}/${input.year}/${input.asOf}`;
  const kept = memo.get(key) as Promise<T> | undefined;
  if (kept) return kept;
  const figures = read();
  memo.set(key, figures);
  return figures;
}
const projectFigures = (db: Executor, input: ComputationInput, memo: ComputationMemo) =>
  once(memo, 'projects', input, () => indicatorFigures(db, input));
const leadFigures = (db: Executor, input: ComputationInput, memo: ComputationMemo) =>
  once(memo, 'leads', input, () => attractionFigures(db, input));

const REGISTRY: Record<TargetComputation, Compute | null> = {
  key_projects_count: async (db, input, memo) => String((await projectFigures(db, input, memo)).keyProjects),
  key_projects_total_investment: async (db, input, memo) =>
    yuanToDecimal((await projectFigures(db, input, memo)).keyProjectsInvestmentYuan, 'yi'),
  new_starts: async (db, input, memo) => String((await projectFigures(db, input, memo)).newStarts),
  investment_completed: async (db, input, memo) => yuanToDecimal((await projectFigures(db, input, memo)).completedYuan, 'yi'),
  // 供地面积: the 亩 of the region's parcels supplied in the year (carriers module; a city: its districts').
  land_supplied: (db, input) => landSuppliedMu(db, input),
  // 签约项目, 签约合同额, 到位市外资金: the region's leads (leads module; dropped ones left out; a city: its districts').
  projects_signed: async (db, input, memo) => String((await leadFigures(db, input, memo)).signed),
  contract_value: async (db, input, memo) => yuanToDecimal((await leadFigures(db, input, memo)).contractValueYuan, 'yi'),
  out_of_city_funds: async (db, input, memo) => yuanToDecimal((await leadFigures(db, input, memo)).outOfCityFundsYuan, 'yi'),
};

/** The computation's value for the district (or a city: its districts') and year as of the day, or null when Lantu cannot compute it yet. */
export async function computeIndicator(
  db: Executor,
  computation: TargetComputation,
  input: ComputationInput,
  memo: ComputationMemo = new Map(),
): Promise<string | null> {
  const compute = REGISTRY[computation];
  if (!compute || !COMPUTATIONS[computation].available) return null;
  return compute(db, input, memo);
}
