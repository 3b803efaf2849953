import { todayInChina } from '../../../common/domain/dates';
import type { DashboardHighlights, DashboardHighlightsQuery } from '../../../common/schemas/dashboard-highlights';
import type { Executor } from '../../db/client';
import { type Actor, can } from '../../lib/actor';
import { translate } from '../../lib/messages';
import { leadStats } from '../leads';
import { actorHomeRegion, districtOf } from '../regions';
import { type IndicatorRow, actualsOfIndicators, compareIndicators, listIndicators, presentIndicator } from '../targets';

// The dashboard's two highlights beside its project figures (issue 16): the year's new starts against the target of
// the `new_starts` indicator, and the attraction funnel. Neither is computed here: the figures are the targets page's
// (the indicator as GET /targets/indicators presents it, or the districts' sum as GET /targets/indicators/by-district
// adds it up) and the conversion page's (GET /leads/stats of the leads signed in the year), so they cannot disagree.

type NewStartsTarget = NonNullable<DashboardHighlights['newStartsTarget']>;

const isNewStarts = (row: IndicatorRow) => row.source === 'computed' && row.computation === 'new_starts';

async function presented(db: Executor, actor: Actor, rows: IndicatorRow[], today: string) {
  const { values } = await actualsOfIndicators(db, rows, today);
  return rows.map((row, i) => presentIndicator(actor, row, values[i] ?? { value: null, month: null, asOf: null, unavailable: false }));
}

/**
 * New starts against target, for a reader who may read targets: the `new_starts` indicator of the district opened
 * (`regionCode`), else of the reader's own level (his district's, or his city's own), else — a city or province reader
 * whose region sets none — the districts' sum where the comparison of districts adds them up; otherwise why there is
 * none. The indicators are the ones the reader sees (the targets page's scope).
 */
async function newStartsTarget(
  db: Executor,
  actor: Actor,
  year: number,
  regionCode: string | undefined,
  today: string,
): Promise<NewStartsTarget | null> {
  if (!can(actor, 'target.read')) return null;
  const drill = `/targets?year=${year}`;
  const none = (key: 'dashboard.no_new_starts_target' | 'dashboard.new_starts_targets_apart'): NewStartsTarget => ({
    basis: 'none',
    regionName: null,
    indicatorName: null,
    targetValue: null,
    actual: null,
    asOf: null,
    progress: null,
    standing: translate(actor.locale, key),
    drill,
  });
  const rows = (await listIndicators(db, actor, year)).filter(isNewStarts);
  const regions = new Set(rows.map((r) => r.regionCode));
  const chosen = regionCode
    ? rows.find((r) => r.regionCode === regionCode)
    : (rows.find((r) => r.isHome) ?? (regions.size === 1 ? rows[0] : undefined));
  if (chosen) {
    const [indicator] = await presented(db, actor, [chosen], today);
    if (!indicator) return none('dashboard.no_new_starts_target');
    return {
      basis: 'indicator',
      regionName: indicator.regionName,
      indicatorName: indicator.name,
      targetValue: indicator.targetValue,
      actual: indicator.actual,
      asOf: indicator.asOf,
      progress: indicator.progress,
      standing: indicator.standing,
      drill,
    };
  }
  const districtRows = rows.filter((r) => r.regionLevel === 'district');
  if (regionCode || districtRows.length < 2) return none('dashboard.no_new_starts_target');
  // The comparison of districts' own sum rule: every district's indicator, a level ≥, standing at the same day.
  const codes = [...new Set(districtRows.map((r) => r.regionCode))].sort();
  const districts = await Promise.all(codes.map(async (code) => ({ code, name: (await districtOf(db, code))?.name ?? code })));
  const comparison = compareIndicators(districts, await presented(db, actor, districtRows, today), year, actor.locale);
  const row = comparison.rows.find((r) => r.computation === 'new_starts');
  if (!row?.total) return none('dashboard.new_starts_targets_apart');
  return {
    basis: 'districts_sum',
    regionName: (await actorHomeRegion(db, actor)).name,
    indicatorName: row.name,
    targetValue: row.total.targetValue,
    actual: row.total.actual,
    asOf: row.total.asOf,
    progress: row.total.progress,
    standing: row.total.standing,
    drill,
  };
}

/** The dashboard's highlights of the year: new starts against target and the attraction funnel, each as its own page shows it. */
export async function buildHighlights(
  db: Executor,
  actor: Actor,
  query: DashboardHighlightsQuery,
  today = todayInChina(),
): Promise<DashboardHighlights> {
  const year = query.year ?? Number(today.slice(0, 4));
  // The funnel is the reader's whole scope (the conversion page has no district filter): not shown on one district's dashboard.
  const funnel = can(actor, 'lead.read') && !query.regionCode;
  const [target, stats] = await Promise.all([
    newStartsTarget(db, actor, year, query.regionCode, today),
    funnel ? leadStats(db, actor, { by: 'month', from: `${year}-01-01`, to: `${year}-12-31` }) : null,
  ]);
  return {
    year,
    newStartsTarget: target,
    attraction: stats ? { total: stats.total, drill: `/leads/stats?year=${year}` } : null,
  };
}
