import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import { MATTER_STATUSES, type MatterSource, type MatterStatus } from '../../../common/enums';
import type { Locale } from '../../../common/locale';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { matterEntries, matters } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { type MatterListQuery, matterListCondition, matterSetCondition, overdueOn } from './repository';

export type MatterStatsBy = 'unit' | 'category' | 'source';

/** One line of the statistics, before the rates are computed. */
export type MatterStatsCounts = {
  key: string;
  name: string | null;
  raised: number;
  resolved: number;
  resolvedOnTime: number;
  overdue: number;
  /** Days from 交办 to 销号, summed over the resolved matters. */
  resolvedDays: number;
};

const GROUP: Record<MatterStatsBy, SQL> = {
  unit: sql`m.lead_unit_id::text`,
  category: sql`m.category`,
  source: sql`m.source`,
};

/**
 * The numbers the officials report, computed from the matters' timelines (never typed): per lead unit, category or
 * source, the matters raised, resolved (销号 entry), resolved on time (销号 on or before the deadline, China Standard
 * Time), overdue (open past the deadline) and the days from 交办 to 销号 — over the matters the reader sees.
 */
export async function matterStats(
  db: Executor,
  actor: Actor,
  query: { by: MatterStatsBy; source?: MatterSource; projectId?: string },
  today: string,
  locale: Locale,
): Promise<MatterStatsCounts[]> {
  const filter = and(
    matterSetCondition(actor),
    query.source ? eq(matters.source, query.source) : undefined,
    query.projectId ? eq(matters.projectId, query.projectId) : undefined,
  );
  const name =
    query.by === 'unit'
      ? sql`(select u.name from units u where u.id = m.lead_unit_id)`
      : query.by === 'category'
        ? sql`(select ${locale === 'zh-CN' ? sql`d.name` : sql`d.name_en`} from dictionary_items d where d.type = 'problem_category' and d.code = m.category)`
        : sql`null::text`;
  const result = await db.execute(sql`
    with m as (
      select ${matters.id} as id, ${matters.leadUnitId} as lead_unit_id, ${matters.category} as category, ${matters.source} as source,
        ${matters.status} as status, ${matters.deadline} as deadline
      from ${matters} where ${filter}
    ), t as (
      select m.*,
        (select min(e.created_at) from ${matterEntries} e where e.matter_id = m.id and e.kind = 'assign') as assigned_at,
        (select max(e.created_at) from ${matterEntries} e where e.matter_id = m.id and e.kind = 'close') as closed_at
      from m
    )
    select ${GROUP[query.by]} as key, max(${name}) as name,
      count(*)::integer as raised,
      count(*) filter (where closed_at is not null)::integer as resolved,
      count(*) filter (where closed_at is not null and (closed_at at time zone 'Asia/Shanghai')::date <= deadline)::integer as "resolvedOnTime",
      count(*) filter (where status <> 'closed' and deadline < ${today}::date)::integer as overdue,
      coalesce(sum(extract(epoch from closed_at - assigned_at) / 86400) filter (where closed_at is not null), 0)::float8 as "resolvedDays"
    from t m group by 1 order by 3 desc, 1`);
  return rowsOf<MatterStatsCounts>(result).map((r) => ({ ...r, resolvedDays: Number(r.resolvedDays) }));
}

/** For the warnings: per project, how many of its open project-problem matters are past their deadline, and the most days. */
export type OverdueMatters = { projectId: string; count: number; maxDaysOverdue: number };

/**
 * The overdue matters of these projects as of a China Standard Time day (no scope: the warnings are the system's
 * computation): open matters whose source is a project problem and whose deadline is before that day.
 */
export async function overdueMattersByProject(db: Executor, projectIds: string[], asOf: string): Promise<Map<string, OverdueMatters>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .select({
      projectId: sql<string>`${matters.projectId}`,
      count: sql<number>`count(*)::integer`,
      maxDaysOverdue: sql<number>`max(${asOf}::date - ${matters.deadline})::integer`,
    })
    .from(matters)
    .where(
      and(
        inArray(matters.projectId, projectIds),
        eq(matters.source, 'project_problem'),
        sql`${matters.status} <> 'closed'`,
        sql`${matters.deadline} < ${asOf}::date`,
      ),
    )
    .groupBy(matters.projectId);
  return new Map(
    rows.map((r) => [r.projectId, { projectId: r.projectId, count: Number(r.count), maxDaysOverdue: Number(r.maxDaysOverdue) }]),
  );
}

/** A project problem as the warning function reads it: its deadline and the China Standard Time day it was closed. */
export type ProjectProblemDates = { deadline: string | null; closedOn: string | null };

// A project-problem matter past its deadline as of a China Standard Time day and not closed by then (closed later,
// or still open), and the day it was closed (销号), null while open.
const overdueProblemOn = (asOf: string) =>
  and(
    eq(matters.source, 'project_problem'),
    sql`${matters.deadline} < ${asOf}::date`,
    sql`(${matters.closedAt} is null or (${matters.closedAt} at time zone 'Asia/Shanghai')::date > ${asOf}::date)`,
  ) as SQL;
const closedOn = sql`((${matters.closedAt} at time zone 'Asia/Shanghai')::date)::text`;

/**
 * The warnings' input (common/domain/warnings.ts `matters`): per project, its project-problem matters past their
 * deadline as of a China Standard Time day and not closed by then (closed later, or still open), with their deadline
 * and the day each was closed (null while open). Batched: one query for every project asked about; no scope.
 */
export async function projectProblemsOverdueOn(
  db: Executor,
  projectIds: string[],
  asOf: string,
): Promise<Map<string, ProjectProblemDates[]>> {
  const result = new Map<string, ProjectProblemDates[]>();
  if (projectIds.length === 0) return result;
  const rows = await db
    .select({
      projectId: sql<string>`${matters.projectId}`,
      deadline: sql<string>`${matters.deadline}::text`,
      closedOn: sql<string | null>`${closedOn}`,
    })
    .from(matters)
    .where(and(inArray(matters.projectId, projectIds), overdueProblemOn(asOf)));
  for (const row of rows) {
    const list = result.get(row.projectId) ?? [];
    list.push({ deadline: row.deadline, closedOn: row.closedOn });
    result.set(row.projectId, list);
  }
  return result;
}

/**
 * The same as a column of another module's query (the warnings' inputs read in one statement): the matters of the
 * project whose id is `projectId` (an SQL expression of that query), as a JSON array of `ProjectProblemDates`, null
 * when there are none.
 */
export function projectProblemsOverdueColumn(projectId: SQL, asOf: string): SQL<ProjectProblemDates[] | null> {
  return sql`(select json_agg(json_build_object('deadline', ${matters.deadline}::text, 'closedOn', ${closedOn}))
    from ${matters} where ${matters.projectId} = ${projectId} and ${overdueProblemOn(asOf)})`;
}

/** The board's filters' matters counted by state, with how many are open past their deadline: the dashboard's figures. */
export type MatterStateCounts = { byStatus: { status: MatterStatus; count: number }[]; open: number; overdue: number };

/**
 * The matters of the board's filters in the actor's scope counted by state, open and overdue (open past the deadline on
 * a China Standard Time day): the same condition as the board, so each count equals the board's total behind it.
 */
export async function matterStateCounts(
  db: Executor,
  actor: Actor,
  query: Omit<MatterListQuery, 'page' | 'pageSize'>,
  today: string,
): Promise<MatterStateCounts> {
  const rows = await db
    .select({
      status: matters.status,
      count: sql<number>`count(*)::integer`,
      overdue: sql<number>`(count(*) filter (where ${overdueOn(today)}))::integer`,
    })
    .from(matters)
    .where(matterListCondition(actor, query, today))
    .groupBy(matters.status);
  const byStatus = MATTER_STATUSES.map((status) => ({ status, count: Number(rows.find((r) => r.status === status)?.count ?? 0) }));
  return {
    byStatus,
    open: byStatus.filter((s) => s.status !== 'closed').reduce((n, s) => n + s.count, 0),
    overdue: rows.reduce((n, r) => n + Number(r.overdue), 0),
  };
}

/** Open and overdue matters of the actor's scope per district (the city and province comparison). */
export async function matterCountsByDistrict(
  db: Executor,
  actor: Actor,
  today: string,
): Promise<Map<string, { open: number; overdue: number }>> {
  const rows = await db
    .select({
      regionCode: matters.regionCode,
      open: sql<number>`(count(*) filter (where ${matters.status} <> 'closed'))::integer`,
      overdue: sql<number>`(count(*) filter (where ${overdueOn(today)}))::integer`,
    })
    .from(matters)
    .where(matterListCondition(actor, {}, today))
    .groupBy(matters.regionCode);
  return new Map(rows.map((r) => [r.regionCode, { open: Number(r.open), overdue: Number(r.overdue) }]));
}

/** Where a matter stands, as a record that raised it (a visit's demand) shows it. */
export type MatterOutcome = {
  id: string;
  title: string;
  status: MatterStatus;
  leadUnitName: string;
  deadline: string;
  /** The China Standard Time day it was closed (销号), or null while open. */
  closedOn: string | null;
  overdue: boolean;
};

/**
 * The state of the matters a record raised (a visit's demands), by id, whoever reads them: the record that raised
 * them is the reader's, so he sees where its demands stand even when a matter's units are outside his scope.
 */
export async function matterOutcomes(db: Executor, ids: string[], today: string): Promise<Map<string, MatterOutcome>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: matters.id,
      title: matters.title,
      status: matters.status,
      leadUnitName: sql<string>`(select u.name from units u where u.id = ${matters.leadUnitId})`,
      deadline: sql<string>`${matters.deadline}::text`,
      closedOn: sql<string | null>`((${matters.closedAt} at time zone 'Asia/Shanghai')::date)::text`,
      overdue: sql<boolean>`${overdueOn(today)}`,
    })
    .from(matters)
    .where(inArray(matters.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}
