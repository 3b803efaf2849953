import type { z } from 'zod';
import { compareDates, todayInChina } from '../../../common/domain/dates';
import { lastDayOfMonth } from '../../../common/domain/targets';
import type { Dashboard, DashboardDistricts } from '../../../common/schemas/dashboard';
import type { indicatorComparisonSchema } from '../../../common/schemas/targets';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, invalidField } from '../../lib/errors';
import { type ScoringRegion, linesOf, readMonthScores } from '../assessment';
import { buildDashboard, buildDistricts } from '../dashboard';
import { districtOf } from '../regions';
import { findPeriodOfMonth, missingByUnit } from '../reports';
import { actualsOfIndicators, compareIndicators, enteredActual, listIndicators, presentIndicator } from '../targets';
import { WARNINGS_LISTED } from './data';

/** How many red projects of each district the city's 通报 lists by name, with their reasons (the count is always whole). */
export const RED_LISTED_PER_DISTRICT = 20;

type DistrictLine = DashboardDistricts['districts'][number];

/** One district's part of the city's 通报 beyond the dashboard's line: its red projects and its reporting. */
export type CityDistrict = DistrictLine & {
  /** Its first red projects (most investment first) with their reasons; `red` on the line counts them all. */
  redListed: Dashboard['attention'];
  /** Its reporting period of the month: none, open or closed; the units and projects still owing reports. */
  period: 'none' | 'open' | 'closed';
  unitsNotReported: number;
  projectsNotReported: number;
};

/** Everything the month's 通报 of a city (or province) says over its districts, as of the month's last day. */
export type CityBriefing = {
  region: ScoringRegion;
  year: number;
  month: number;
  asOf: string;
  /** The headline totals over the reader's districts. */
  dashboard: Dashboard;
  /** The districts side by side (the dashboard's per-district figures), ranked by completion against time. */
  districts: CityDistrict[];
  /** The indicators by district (as GET /targets/indicators/by-district lays them), standing at the month. */
  indicators: z.infer<typeof indicatorComparisonSchema>;
  /** Every district's reporting period of the month is closed. */
  periodClosed: boolean;
  /** The month's ranking of the districts by the city's rule, as snapshotted, or no snapshot yet. */
  ranking: Awaited<ReturnType<typeof readMonthScores>>;
};

/** The year's indicators the reader sees, by district, each standing at the 通报's day (entered ones at its month). */
async function indicatorsAt(db: Executor, actor: Actor, year: number, month: number, asOf: string) {
  const rows = await listIndicators(db, actor, year);
  const { values, actuals } = await actualsOfIndicators(db, rows, asOf);
  const presented = rows.map((row, i) => {
    const value =
      row.source === 'entered'
        ? enteredActual(
            row,
            actuals.filter((a) => a.month <= month),
          )
        : values[i];
    return presentIndicator(actor, row, value ?? { value: null, month: null, asOf: null, unavailable: false });
  });
  // A city's own indicators (broken down to its districts) are no district's column.
  const codes = [...new Set(rows.filter((r) => r.regionLevel === 'district').map((r) => r.regionCode))].sort();
  const districts = await Promise.all(codes.map(async (code) => ({ code, name: (await districtOf(db, code))?.name ?? code })));
  return compareIndicators(districts, presented, year, actor.locale);
}

/**
 * Loads the month's 通报 of the reader's city or province over its districts, through the same faces as the
 * district's: the dashboard (headline totals, the per-district figures, each district's red projects), the targets'
 * comparison by district, the city's ranking snapshot, each district's reporting period. Refused: a month still to
 * come (400 on `month`); a month none of the districts has a reporting period for (404).
 */
export async function loadCityBriefing(
  db: Executor,
  actor: Actor,
  region: ScoringRegion,
  year: number,
  month: number,
  today = todayInChina(),
): Promise<CityBriefing> {
  const monthEnd = lastDayOfMonth(year, month);
  if (compareDates(`${year}-${String(month).padStart(2, '0')}-01`, today) > 0)
    throw invalidField('month', 'briefing.future_month', { year, month });
  const asOf = compareDates(monthEnd, today) < 0 ? monthEnd : today;

  const [dashboard, side, indicators, ranking] = await Promise.all([
    buildDashboard(db, actor, { year }, asOf, WARNINGS_LISTED),
    buildDistricts(db, actor, { year }, asOf),
    indicatorsAt(db, actor, year, month, asOf),
    readMonthScores(db, region.code, { year, month }, actor.locale, linesOf(region)),
  ]);
  const districts = await Promise.all(
    side.districts.map(async (line): Promise<CityDistrict> => {
      const [own, period] = await Promise.all([
        line.red > 0
          ? buildDashboard(db, actor, { year, regionCode: line.regionCode }, asOf, RED_LISTED_PER_DISTRICT)
          : Promise.resolve(null),
        findPeriodOfMonth(db, actor, line.regionCode, year, month),
      ]);
      const missing = period ? await missingByUnit(db, actor, period.id) : [];
      return {
        ...line,
        redListed: (own?.attention ?? []).filter((p) => p.colour === 'red'),
        period: period ? (period.status === 'closed' ? 'closed' : 'open') : 'none',
        unitsNotReported: missing.length,
        projectsNotReported: missing.reduce((sum, unit) => sum + unit.count, 0),
      };
    }),
  );
  if (!districts.some((d) => d.period !== 'none')) throw new AppError(404, 'not_found', 'briefing.no_period', { year, month });
  return {
    region,
    year,
    month,
    asOf,
    dashboard,
    districts,
    indicators,
    periodClosed: districts.every((d) => d.period !== 'open'),
    ranking,
  };
}
