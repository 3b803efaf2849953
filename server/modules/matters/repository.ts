import { type SQL, and, asc, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MatterSource, MatterStatus } from '../../../common/enums';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import {
  attachments,
  matterCoUnits,
  matterEntries,
  matters,
  progressReports,
  projectLeaders,
  projects,
  units,
  users,
} from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { visibleWhen } from '../../lib/scope';
import { projectScopeCondition } from '../projects';

// Who sees a matter (lib/scope.ts): the people of its district in reach whose data scope holds its raising unit, its
// lead unit or one of its co-units, the person who raised it (the `own` scope: a leader's 批示), and whoever sees its
// project. Out of scope is not found, and absent from every list, count and statistic.

export type MatterRecord = typeof matters.$inferSelect;

/** A matter as the services and the presenter use it, with the reader's relations to it (see common/domain/matters.ts). */
export type MatterRow = MatterRecord & {
  projectName: string | null;
  /** The period of the monthly report it was raised from (null when it was not). */
  sourceReportYear: number | null;
  sourceReportMonth: number | null;
  leadUnitName: string;
  raisingUnitName: string;
  coUnits: { id: string; name: string }[];
  /** The lead unit lies in the reader's data scope. */
  isLead: boolean;
  /** A co-unit lies in the reader's data scope. */
  isCo: boolean;
  /** The raising unit lies in the reader's data scope, or he raised it. */
  isRaiser: boolean;
};

const leadUnits = alias(units, 'lead_unit');
const raisingUnits = alias(units, 'raising_unit');

const coUnitsOf = sql`select ${matterCoUnits.unitId} as unit_id from ${matterCoUnits} where ${matterCoUnits.matterId} = ${matters.id}`;

/** SQL: the matter is visible to the actor. */
export const matterScopeCondition = (actor: Actor): SQL => {
  const projectVisible = sql`(${matters.projectId} is not null and exists (select 1 from ${projects} where ${projects.id} = ${matters.projectId} and ${projectScopeCondition(actor)}))`;
  return visibleWhen(actor, {
    district: matters.regionCode,
    units: [matters.raisingUnitId, matters.leadUnitId],
    unitSets: [coUnitsOf],
    owner: matters.raisedBy,
    also: [projectVisible],
  });
};

/**
 * SQL: the ids of a set of matters that holds every matter the actor sees, each read through an index — or null when
 * his data scope reaches whole districts' units (region, unit tree, custom), whose matters are most of the district's.
 * A reader whose scope is one unit or his own records (a leader) sees few matters, for a few reasons: tested one by one
 * over every matter of the district (`matterScopeCondition`'s OR, which no index serves), they cost a scan of the
 * district's matters with two probes each (20,000 at the generated province, ≈ 350 ms). Each reason of the rule
 * (lib/scope.ts `visibleWhen` over the columns above) is here one index path: the matters of his unit (lead, raising,
 * co-unit) or that he raised, and those of the projects he may see for the project's own reasons (their lead unit or
 * creator, his being in charge of them). The set is a superset: `matterSetCondition` still applies the rule to each.
 */
const matterCandidates = (actor: Actor): SQL | null => {
  const paths: SQL[] = [];
  const ofProjects = (projectIds: SQL) => sql`select cm.id from ${matters} cm where cm.project_id in (${projectIds})`;
  if (actor.dataScope === 'unit') {
    paths.push(sql`select cm.id from ${matters} cm where cm.lead_unit_id = ${actor.unitId}`);
    paths.push(sql`select cm.id from ${matters} cm where cm.raising_unit_id = ${actor.unitId}`);
    paths.push(sql`select cu.matter_id from ${matterCoUnits} cu where cu.unit_id = ${actor.unitId}`);
    paths.push(ofProjects(sql`select cp.id from ${projects} cp where cp.lead_unit_id = ${actor.unitId}`));
  } else if (actor.dataScope === 'own') {
    paths.push(sql`select cm.id from ${matters} cm where cm.raised_by = ${actor.userId}`);
    paths.push(ofProjects(sql`select cp.id from ${projects} cp where cp.created_by = ${actor.userId}`));
  } else return null;
  if (actor.leadsProjects) paths.push(ofProjects(sql`select cl.project_id from ${projectLeaders} cl where cl.user_id = ${actor.userId}`));
  return sql.join(paths, sql` union all `);
};

/**
 * SQL: the matter is visible to the actor, for a statement over many matters (lists, counts, statistics): the rule
 * (`matterScopeCondition`) over the few candidates read through indexes when his scope is narrow (`matterCandidates`).
 */
export const matterSetCondition = (actor: Actor): SQL => {
  const candidates = matterCandidates(actor);
  return candidates ? sql`(${matters.id} in (${candidates}) and ${matterScopeCondition(actor)})` : matterScopeCondition(actor);
};

const flag = (condition: SQL) => sql<boolean>`(${condition}) is true`;

const matterSelection = (actor: Actor) => ({
  ...getTableColumns(matters),
  projectName: projects.name,
  sourceReportYear: progressReports.year,
  sourceReportMonth: progressReports.month,
  leadUnitName: leadUnits.name,
  raisingUnitName: raisingUnits.name,
  coUnits: sql<
    { id: string; name: string }[]
  >`coalesce((select json_agg(json_build_object('id', cu.id, 'name', cu.name) order by cu.sort_order, cu.name) from ${matterCoUnits} mcu join ${units} cu on cu.id = mcu.unit_id where mcu.matter_id = ${matters.id}), '[]'::json)`,
  isLead: flag(visibleWhen(actor, { units: [matters.leadUnitId] })),
  isCo: flag(visibleWhen(actor, { units: [], unitSets: [coUnitsOf] })),
  isRaiser: flag(visibleWhen(actor, { units: [matters.raisingUnitId], owner: matters.raisedBy })),
});

const scopedMatters = (db: Executor, actor: Actor) =>
  db
    .select(matterSelection(actor))
    .from(matters)
    .leftJoin(projects, eq(projects.id, matters.projectId))
    // The report is named only to a reader who sees it (its project in scope): a co-unit sees the matter, not the report.
    .leftJoin(progressReports, and(eq(progressReports.id, matters.sourceReportId), projectScopeCondition(actor)))
    .innerJoin(leadUnits, eq(leadUnits.id, matters.leadUnitId))
    .innerJoin(raisingUnits, eq(raisingUnits.id, matters.raisingUnitId));

const asRow = <T extends { isLead: unknown; isCo: unknown; isRaiser: unknown }>(row: T) => ({
  ...row,
  isLead: !!row.isLead,
  isCo: !!row.isCo,
  isRaiser: !!row.isRaiser,
});

/** One matter the actor may see, or null. */
export async function findMatter(db: Executor, actor: Actor, id: string): Promise<MatterRow | null> {
  const [row] = await scopedMatters(db, actor).where(and(eq(matters.id, id), matterScopeCondition(actor)));
  return row ? asRow(row) : null;
}

/** Locks a matter's row for the rest of the transaction (steps and the escalation job queue up on it). */
export async function lockMatter(tx: Executor, id: string) {
  await tx.execute(sql`select 1 from ${matters} where ${matters.id} = ${id} for update`);
}

export type MatterListQuery = {
  status?: MatterStatus;
  open?: boolean;
  source?: MatterSource;
  category?: string;
  unitId?: string;
  projectId?: string;
  sourceReportId?: string;
  overdue?: boolean;
  /** The district the matter belongs to (a city or province reader's drill-down). */
  regionCode?: string;
  page: number;
  pageSize: number;
};

/** SQL: the matter is open past its deadline on the given China Standard Time day. */
export const overdueOn = (today: string): SQL => sql`(${matters.status} <> 'closed' and ${matters.deadline} < ${today}::date)`;

/** The board's filters inside the actor's scope: the one condition the board, its counts and the dashboard share. */
export function matterListCondition(actor: Actor, query: Omit<MatterListQuery, 'page' | 'pageSize'>, today: string): SQL {
  return and(
    matterSetCondition(actor),
    query.status ? eq(matters.status, query.status) : undefined,
    query.open === undefined ? undefined : query.open ? sql`${matters.status} <> 'closed'` : eq(matters.status, 'closed'),
    query.source ? eq(matters.source, query.source) : undefined,
    query.category ? eq(matters.category, query.category) : undefined,
    query.unitId
      ? sql`(${matters.leadUnitId} = ${query.unitId} or exists (select 1 from ${matterCoUnits} where ${matterCoUnits.matterId} = ${matters.id} and ${matterCoUnits.unitId} = ${query.unitId}))`
      : undefined,
    query.projectId ? eq(matters.projectId, query.projectId) : undefined,
    query.sourceReportId ? eq(matters.sourceReportId, query.sourceReportId) : undefined,
    query.regionCode ? eq(matters.regionCode, query.regionCode) : undefined,
    query.overdue === undefined ? undefined : query.overdue ? overdueOn(today) : sql`not ${overdueOn(today)}`,
  ) as SQL;
}

/** The board: a page of the matters the actor may see, overdue and nearest deadline first. */
export async function listMatters(
  db: Executor,
  actor: Actor,
  query: MatterListQuery,
  today: string,
): Promise<{ rows: MatterRow[]; total: number }> {
  const where = matterListCondition(actor, query, today);
  const [rows, [total]] = await Promise.all([
    scopedMatters(db, actor)
      .where(where)
      .orderBy(sql`(${matters.status} = 'closed')`, asc(matters.deadline), desc(matters.createdAt), asc(matters.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(matters).where(where),
  ]);
  return { rows: rows.map(asRow), total: total?.n ?? 0 };
}

/**
 * The matters raised from a monthly report's problems that the actor sees, oldest first (the caller has checked the
 * report is visible): the report lists them so its problem is not raised twice.
 */
export async function mattersFromReport(db: Executor, actor: Actor, reportId: string) {
  return db
    .select({ id: matters.id, title: matters.title, status: matters.status })
    .from(matters)
    .where(and(eq(matters.sourceReportId, reportId), matterScopeCondition(actor)))
    .orderBy(asc(matters.createdAt), asc(matters.id));
}

export type MatterEntryRow = typeof matterEntries.$inferSelect & { authorName: string | null; unitName: string | null };

/** A matter's timeline, oldest first (the caller has checked the matter is visible). */
export async function listEntries(db: Executor, matterId: string): Promise<MatterEntryRow[]> {
  return db
    .select({ ...getTableColumns(matterEntries), authorName: users.displayName, unitName: units.name })
    .from(matterEntries)
    .leftJoin(users, eq(users.id, matterEntries.authorId))
    .leftJoin(units, eq(units.id, matterEntries.unitId))
    .where(eq(matterEntries.matterId, matterId))
    .orderBy(asc(matterEntries.seq));
}

/** Adds an entry to a matter's timeline, next in its order. */
export async function insertEntry(
  tx: Executor,
  entry: Omit<typeof matterEntries.$inferInsert, 'seq' | 'id'>,
): Promise<typeof matterEntries.$inferSelect> {
  const [row] = await tx
    .insert(matterEntries)
    .values({
      ...entry,
      seq: sql`(select coalesce(max(${matterEntries.seq}), 0) + 1 from ${matterEntries} where ${matterEntries.matterId} = ${entry.matterId})`,
    })
    .returning();
  if (!row) throw new Error('matter entry not written');
  return row;
}

/**
 * Which of the ids are files attached to the matter (a step cites them as its evidence). The one read of the
 * attachments table outside its module: the attachments module asks this module who may see a matter, so it cannot be
 * asked back; nothing here writes to it.
 */
export async function matterFilesAmong(db: Executor, matterId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.recordType, 'matter'), eq(attachments.recordId, matterId), inArray(attachments.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Units of a district (its own and its streets') among the ids: the ones a matter may be assigned to. */
export async function unitsOfDistrict(db: Executor, districtPath: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.execute(
    sql`select u.id from ${units} u join regions r on r.code = u.region_code where u.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and r.path like ${`${districtPath}%`}`,
  );
  return new Set(rowsOf<{ id: string }>(rows).map((r) => r.id));
}

/** Inserts a matter and its co-units. */
export async function insertMatter(tx: Executor, values: typeof matters.$inferInsert, coUnitIds: string[]): Promise<MatterRecord> {
  const [row] = await tx.insert(matters).values(values).returning();
  if (!row) throw new Error('matter not written');
  if (coUnitIds.length) await tx.insert(matterCoUnits).values(coUnitIds.map((unitId) => ({ matterId: row.id, unitId })));
  return row;
}
