import { todayInChina } from '../../../common/domain/dates';
import { completionAgainstTime, describeTimeProgress } from '../../../common/domain/time-progress';
import { colourOfLevel } from '../../../common/domain/warnings';
import { MATTER_STATUSES, POOLS } from '../../../common/enums';
import type { Dashboard, DashboardDistricts, DashboardQuery } from '../../../common/schemas/dashboard';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { invalidField } from '../../lib/errors';
import { matterCountsByDistrict, matterStateCounts } from '../matters';
import { presentReason } from '../warnings';
import {
  type FigureRow,
  type ProjectFilter,
  attentionProjects,
  figuresServe,
  keptFigures,
  monthlyFigures,
  projectFigures,
  unitInReach,
} from './repository';

/**
 * Where the project figures come from: `auto` the kept figures (dashboard_figures) whenever they can scope the reader
 * and the filter (`figuresServe`), else the live statements over the projects; `live` always the latter (the tests
 * compare the two).
 */
export type FigureSource = 'auto' | 'live';

/** How many red and yellow projects the dashboard lists (the rest are one click away). */
export const ATTENTION_LIMIT = 10;

/** The year's day the figures are as of, and the last month whose investment counts: today, or the whole of a past year. */
export function asOfFor(year: number, today: string): { asOf: string; throughMonth: number } {
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return { asOf: `${year}-12-31`, throughMonth: 12 };
  if (year > thisYear) return { asOf: today, throughMonth: 0 };
  return { asOf: today, throughMonth: Number(today.slice(5, 7)) };
}

/** A web path with its query: the list a figure drills into. */
const link = (path: string, params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
};

function progressOf(actor: Actor, row: Pick<FigureRow, 'plannedYuan' | 'completedYuan'>, year: number, asOf: string) {
  const progress = completionAgainstTime({ completedYuan: row.completedYuan, plannedYuan: row.plannedYuan, year, asOf });
  return { ...progress, words: describeTimeProgress(progress, actor.locale) };
}

/** Behind time first (the units that lag), no plan last. */
const byGap = (a: { gapPoints: number | null }, b: { gapPoints: number | null }) =>
  (a.gapPoints ?? Number.POSITIVE_INFINITY) - (b.gapPoints ?? Number.POSITIVE_INFINITY);

/** The grouped figures and the months from the live statements over the projects (side by side). */
async function liveFigures(db: Executor, actor: Actor, filter: ProjectFilter, year: number, asOf: string, throughMonth: number) {
  const [figures, monthly] = await Promise.all([
    projectFigures(db, actor, filter, year, asOf, throughMonth, actor.locale),
    monthlyFigures(db, actor, filter, year),
  ]);
  return { figures, monthly };
}

/**
 * The dashboard (驾驶舱) of the reader's scope, narrowed as asked: every figure from the project list's condition
 * (so each equals the total of the list it drills into), the warnings summary and the matters board's counts; the first
 * `attentionLimit` red and yellow projects (the monthly 通报 asks for them all).
 */
export async function buildDashboard(
  db: Executor,
  actor: Actor,
  query: DashboardQuery,
  today = todayInChina(),
  attentionLimit = ATTENTION_LIMIT,
  source: FigureSource = 'auto',
): Promise<Dashboard> {
  const year = query.year ?? Number(today.slice(0, 4));
  const { asOf, throughMonth } = asOfFor(year, today);
  // A drill-down to a unit the reader cannot reach is refused by name (one answer whether it exists or not).
  if (query.unitId && !(await unitInReach(db, actor, query.unitId))) throw invalidField('query.unitId', 'dashboard.unit_outside_scope');
  const filter: ProjectFilter = {
    year,
    leadUnitId: query.unitId ? [query.unitId] : undefined,
    leaderId: query.leader === 'me' ? actor.userId : undefined,
    regionCode: query.regionCode ? [query.regionCode] : undefined,
  };
  const base = { year, leadUnitId: query.unitId, leaderId: filter.leaderId, regionCode: query.regionCode };
  const projectsLink = (extra: Record<string, string | number | undefined> = {}) => link('/projects', { ...base, ...extra });
  const matterFilter = { unitId: query.unitId, regionCode: query.regionCode };
  const mattersLink = (extra: Record<string, string | undefined>) => link('/matters', { ...matterFilter, ...extra });

  const kept = source === 'auto' && figuresServe(actor, filter, year);
  const [{ figures, monthly }, matterCounts, attention] = await Promise.all([
    kept
      ? keptFigures(db, actor, filter, year, asOf, throughMonth, actor.locale)
      : liveFigures(db, actor, filter, year, asOf, throughMonth),
    matterStateCounts(db, actor, matterFilter, today),
    attentionProjects(db, actor, filter, attentionLimit),
  ]);
  const of = (dim: FigureRow['dim']) => figures.filter((f) => f.dim === dim);
  const all = of('all')[0] ?? { count: 0, investmentYuan: 0, plannedYuan: 0, completedYuan: 0, started: 0, red: 0, yellow: 0, green: 0 };
  // Colours by lead unit, as the warnings summary words them (GET /warnings/summary?by=unit): units with projects not
  // withdrawn, most red first, then most yellow, then by name.
  const warningGroups = of('unit')
    .filter((f) => f.live > 0)
    .map((f) => ({ key: f.key, name: f.name, red: f.red, yellow: f.yellow, green: f.green, total: f.live }))
    .sort((a, b) => b.red - a.red || b.yellow - a.yellow || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'));
  const progressLines = (dim: 'unit' | 'category', param: 'leadUnitId' | 'categoryCode') =>
    of(dim)
      .map((f) => ({
        key: f.key,
        name: f.name,
        count: f.count,
        ...progressOf(actor, f, year, asOf),
        drill: projectsLink(f.key ? { [param]: f.key } : {}),
      }))
      .sort((a, b) => byGap(a, b) || b.plannedYuan - a.plannedYuan);

  let plannedSoFar = 0;
  let completedSoFar = 0;
  return {
    year,
    asOf,
    kpis: {
      projects: { count: all.count, totalInvestmentYuan: all.investmentYuan, drill: projectsLink() },
      annual: { ...progressOf(actor, all, year, asOf), drill: projectsLink() },
      newStarts: {
        count: all.started,
        drill: projectsLink({ startedIn: year }),
        planned: of('nature').find((f) => f.key === 'new_start')?.count ?? 0,
        plannedDrill: projectsLink({ nature: 'new_start' }),
      },
      warnings: {
        red: { count: all.red, drill: projectsLink({ warning: 'red' }) },
        yellow: { count: all.yellow, drill: projectsLink({ warning: 'yellow' }) },
        green: { count: all.green, drill: projectsLink({ warning: 'green' }) },
      },
      matters: {
        open: matterCounts.open,
        overdue: matterCounts.overdue,
        openDrill: mattersLink({ open: 'true' }),
        overdueDrill: mattersLink({ overdue: 'true' }),
      },
    },
    monthly: monthly.map((m) => {
      plannedSoFar += m.plannedYuan;
      completedSoFar += m.completedYuan;
      return { ...m, cumulativePlannedYuan: plannedSoFar, cumulativeCompletedYuan: completedSoFar };
    }),
    byUnit: progressLines('unit', 'leadUnitId'),
    byCategory: progressLines('category', 'categoryCode'),
    industries: of('industry')
      .map((f) => ({
        key: f.key,
        name: f.name,
        count: f.count,
        totalInvestmentYuan: f.investmentYuan,
        drill: projectsLink(f.key ? { industryCode: f.key } : {}),
      }))
      .sort((a, b) => b.totalInvestmentYuan - a.totalInvestmentYuan),
    pools: POOLS.map((pool) => ({
      pool,
      count: of('pool').find((f) => f.key === pool)?.count ?? 0,
      drill: projectsLink({ pool }),
    })),
    warningsByUnit: warningGroups.map((g) => ({ ...g, drill: projectsLink({ leadUnitId: g.key ?? undefined, warning: 'red,yellow' }) })),
    mattersByState: MATTER_STATUSES.map((status) => ({
      status,
      count: matterCounts.byStatus.find((s) => s.status === status)?.count ?? 0,
      drill: mattersLink({ status }),
    })),
    attention: attention.map((p) => ({
      id: p.id,
      name: p.name,
      colour: colourOfLevel(p.level) ?? 'yellow',
      leadUnitName: p.leadUnitName,
      totalInvestmentYuan: p.totalInvestmentYuan,
      reasons: (p.reasons ?? []).map((r) => presentReason(r, actor.locale).text),
    })),
    attentionDrill: projectsLink({ warning: 'red,yellow', sort: '-warning' }),
  };
}

/**
 * The districts of the reader's scope side by side (a city or province; a district reader sees his own row): projects,
 * investment, completion against time, red and yellow, open and overdue matters, ranked by completion against time.
 */
export async function buildDistricts(
  db: Executor,
  actor: Actor,
  query: { year?: number },
  today = todayInChina(),
  source: FigureSource = 'auto',
): Promise<DashboardDistricts> {
  const year = query.year ?? Number(today.slice(0, 4));
  const { asOf, throughMonth } = asOfFor(year, today);
  const kept = source === 'auto' && figuresServe(actor, { year }, year);
  const [figures, matters] = await Promise.all([
    kept
      ? keptFigures(db, actor, { year }, year, asOf, throughMonth, actor.locale).then((k) => k.figures)
      : projectFigures(db, actor, { year }, year, asOf, throughMonth, actor.locale),
    matterCountsByDistrict(db, actor, today),
  ]);
  const rows = figures
    .filter((f) => f.dim === 'district' && f.key)
    .map((f) => {
      const code = f.key as string;
      return {
        regionCode: code,
        name: f.name ?? code,
        projects: f.count,
        totalInvestmentYuan: f.investmentYuan,
        red: f.red,
        yellow: f.yellow,
        openMatters: matters.get(code)?.open ?? 0,
        overdueMatters: matters.get(code)?.overdue ?? 0,
        ...progressOf(actor, f, year, asOf),
        drill: link('/', { year, regionCode: code }),
        projectsDrill: link('/projects', { year, regionCode: code }),
      };
    });
  // Ranked furthest ahead first; a district without a plan has no gap and comes last.
  rows.sort(
    (a, b) =>
      (b.gapPoints ?? Number.NEGATIVE_INFINITY) - (a.gapPoints ?? Number.NEGATIVE_INFINITY) || a.regionCode.localeCompare(b.regionCode),
  );
  return { year, asOf, districts: rows.map((r, i) => ({ ...r, rank: i + 1 })) };
}
