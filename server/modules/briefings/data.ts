import { compareDates, todayInChina } from '../../../common/domain/dates';
import { type IndicatorStanding, indicatorStanding, lastDayOfMonth } from '../../../common/domain/targets';
import type { Dashboard } from '../../../common/schemas/dashboard';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, invalidField } from '../../lib/errors';
import { translate } from '../../lib/messages';
import { readMonthScores } from '../assessment';
import { buildDashboard } from '../dashboard';
import { type MatterRow, listMatters } from '../matters';
import { type District, actorDistrict } from '../regions';
import { findPeriodOfMonth, missingReports } from '../reports';
import { type IndicatorRow, actualsOfIndicators, decimalOut, enteredActual, listIndicators } from '../targets';

/** How many overdue matters the 通报 lists by name (the count is always whole). */
export const OVERDUE_LISTED = 50;
/** How many red and yellow projects the 通报 lists by name, with their reasons. */
export const WARNINGS_LISTED = 200;

export type BriefingIndicator = { row: IndicatorRow; actual: string | null; standing: IndicatorStanding };
export type UnitNotReported = { unitName: string; projects: string[] };

/** Everything the month's 通报 of a district says, read in the reader's scope as of the month's last day. */
export type MonthlyBriefing = {
  district: District;
  year: number;
  month: number;
  /** The day the figures stand at: the month's last day, or today within the current month. */
  asOf: string;
  dashboard: Dashboard;
  indicators: BriefingIndicator[];
  overdue: { rows: MatterRow[]; total: number };
  notReported: UnitNotReported[];
  periodClosed: boolean;
  /** The month's ranking as snapshotted (考核排名), or no snapshot yet. */
  ranking: Awaited<ReturnType<typeof readMonthScores>>;
};

/** The units still owing reports of the period (draft or returned), each with the projects owed, in the units' order. */
function byUnit(rows: { unitName: string; projectName: string }[]): UnitNotReported[] {
  const units = new Map<string, string[]>();
  for (const row of rows) units.set(row.unitName, [...(units.get(row.unitName) ?? []), row.projectName]);
  return [...units].map(([unitName, projects]) => ({ unitName, projects }));
}

/**
 * Loads the month's 通报 of the reader's district. Refused: a reader above district level (422), a month still to
 * come (400 on `month`), a month with no reporting period (404: nothing was reported, so there is nothing to send round).
 */
export async function loadMonthlyBriefing(
  db: Executor,
  actor: Actor,
  year: number,
  month: number,
  today = todayInChina(),
): Promise<MonthlyBriefing> {
  const district = await actorDistrict(db, actor);
  if (!district) throw new AppError(422, 'no_district', 'briefing.no_district');
  const monthEnd = lastDayOfMonth(year, month);
  if (compareDates(`${year}-${String(month).padStart(2, '0')}-01`, today) > 0)
    throw invalidField('month', 'briefing.future_month', { year, month });
  const period = await findPeriodOfMonth(db, actor, district.code, year, month);
  if (!period) throw new AppError(404, 'not_found', 'briefing.no_period', { year, month });
  const asOf = compareDates(monthEnd, today) < 0 ? monthEnd : today;

  const [dashboard, indicatorRows, overdue, missing, ranking] = await Promise.all([
    buildDashboard(db, actor, { year, regionCode: district.code }, asOf, WARNINGS_LISTED),
    listIndicators(db, actor, year).then((rows) => rows.filter((r) => r.regionCode === district.code)),
    listMatters(db, actor, { overdue: true, regionCode: district.code, page: 1, pageSize: OVERDUE_LISTED }, asOf),
    missingReports(db, actor, period.id),
    readMonthScores(db, district.code, { year, month }, actor.locale),
  ]);
  const { values, actuals } = await actualsOfIndicators(db, indicatorRows, asOf);
  const indicators = indicatorRows.map((row, i) => {
    // An entered indicator stands at its latest month up to the 通报's month, not at a later month entered since.
    const actual =
      row.source === 'entered'
        ? enteredActual(
            row,
            actuals.filter((a) => a.month <= month),
          )
        : values[i];
    const value = actual?.value == null ? null : decimalOut(actual.value);
    const standing = actual?.unavailable
      ? { progress: null, wording: translate(actor.locale, 'target.not_computable') }
      : indicatorStanding(
          { kind: row.kind, direction: row.direction, target: Number(row.targetValue), year: row.year },
          value === null ? null : Number(value),
          actual?.asOf ?? asOf,
          actor.locale,
        );
    return { row, actual: value, standing };
  });
  return {
    district,
    year,
    month,
    asOf,
    dashboard,
    indicators,
    overdue,
    notReported: byUnit(missing),
    periodClosed: period.status === 'closed',
    ranking,
  };
}
