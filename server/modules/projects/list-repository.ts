import { type AnyColumn, type SQL, and, eq, exists, ilike, inArray, like, or, sql } from 'drizzle-orm';
import { normaliseProjectCode } from '../../../common/domain/project-code';
import { WARNING_LEVEL } from '../../../common/domain/warnings';
import type { ProjectListQuery } from '../../../common/schemas/projects';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { dictionaryItems, projectLeaders, projects, regions, units, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { containsPattern, pageWindow } from '../../lib/list';
import { likePrefix } from '../../lib/scope';
import { customValuesCondition } from '../custom-fields';
import type { NamedRef } from './repository';
import { manageableFlag, projectSetCondition } from './scope';
import { projectOfYear, startedInYear } from './year-condition';

/** A project as the list query reads it: the list columns and the names joined in. */
export type ProjectListRow = Pick<
  typeof projects.$inferSelect,
  | 'id'
  | 'name'
  | 'code'
  | 'pool'
  | 'nature'
  | 'categoryCode'
  | 'industryCode'
  | 'isProvincialKey'
  | 'isCityKey'
  | 'totalInvestmentYuan'
  | 'leadUnitId'
  | 'plannedStart'
  | 'plannedCompletion'
  | 'updatedAt'
  | 'version'
  | 'customValues'
  | 'warningLevel'
> & { leadUnitName: string; streetName: string | null; leaders: NamedRef[]; manageable: boolean };

/**
 * `q` finds a project by a piece of its name, by the initials of its name's pinyin (天桥广场 → tqgc) when the text
 * is plain letters and digits, and by the start of its 项目代码 (full-width digits and dashes accepted).
 */
function searchCondition(q: string): SQL | undefined {
  const text = q.trim();
  const initials = /^[A-Za-z0-9]+$/.test(text) ? text.toLowerCase() : '';
  const code = normaliseProjectCode(text);
  return or(
    ilike(projects.name, containsPattern(text)),
    initials ? like(projects.namePinyin, containsPattern(initials)) : undefined,
    /^\d[\d-]*$/.test(code) ? like(projects.code, likePrefix(code)) : undefined,
  );
}

const LEVEL_COLUMNS = { provincial: projects.isProvincialKey, city: projects.isCityKey, district: projects.isDistrictKey } as const;
const some = <T>(values: T[] | undefined): values is T[] => !!values && values.length > 0;

/** Every filter of the list, inside the actor's scope (the exports read the same rows). */
export function listCondition(db: Executor, actor: Actor, query: Omit<ProjectListQuery, 'page' | 'pageSize'>): SQL {
  const industrySections = some(query.industryCode)
    ? db
        .select({ code: dictionaryItems.code })
        .from(dictionaryItems)
        .where(and(eq(dictionaryItems.type, 'industry'), inArray(dictionaryItems.parentCode, query.industryCode)))
    : null;
  return and(
    projectSetCondition(actor),
    query.q ? searchCondition(query.q) : undefined,
    some(query.pool) ? inArray(projects.pool, query.pool) : undefined,
    some(query.nature) ? inArray(projects.nature, query.nature) : undefined,
    some(query.level) ? or(...query.level.map((level) => eq(LEVEL_COLUMNS[level], true))) : undefined,
    some(query.categoryCode) ? inArray(projects.categoryCode, query.categoryCode) : undefined,
    // A section letter ('C') also finds the projects filed under its divisions ('13'…'43').
    some(query.industryCode) && industrySections
      ? or(inArray(projects.industryCode, query.industryCode), inArray(projects.industryCode, industrySections))
      : undefined,
    some(query.leadUnitId) ? inArray(projects.leadUnitId, query.leadUnitId) : undefined,
    query.leaderId
      ? exists(sql`(select 1 from ${projectLeaders} fl where fl.project_id = ${projects.id} and fl.user_id = ${query.leaderId})`)
      : undefined,
    some(query.streetCode) ? inArray(projects.streetCode, query.streetCode) : undefined,
    some(query.regionCode) ? inArray(projects.regionCode, query.regionCode) : undefined,
    some(query.clusterCode) ? inArray(projects.clusterCode, query.clusterCode) : undefined,
    some(query.parkCode) ? inArray(projects.parkCode, query.parkCode) : undefined,
    query.year ? projectOfYear(query.year) : undefined,
    query.startedIn ? startedInYear(query.startedIn) : undefined,
    query.custom ? customValuesCondition(query.custom) : undefined,
    some(query.warning)
      ? inArray(
          projects.warningLevel,
          query.warning.map((colour) => WARNING_LEVEL[colour]),
        )
      : undefined,
  ) as SQL;
}

const SORTS: Record<string, AnyColumn[]> = {
  // Names sort by their pinyin, the order officials expect, not by code point.
  name: [projects.namePinyin, projects.name],
  code: [projects.code],
  totalInvestmentYuan: [projects.totalInvestmentYuan],
  plannedStart: [projects.plannedStart],
  plannedCompletion: [projects.plannedCompletion],
  updatedAt: [projects.updatedAt],
  // By colour as a rank: -warning lists red first.
  warning: [projects.warningLevel],
};

/** The columns `sort` orders by (default newest change first), before the tie-break by id; exports page by them. */
export function projectSortKeys(sort: string | undefined): { column: AnyColumn; descending: boolean }[] {
  const wanted = sort ?? '-updatedAt';
  const descending = wanted.startsWith('-');
  const field = descending ? wanted.slice(1) : wanted;
  const columns = SORTS[field];
  if (!columns) {
    throw new AppError(400, 'validation_failed', 'error.validation_failed', {}, [
      { path: 'query.sort', messageKey: 'list.unknown_sort', params: { field, allowed: Object.keys(SORTS).join(', ') } },
    ]);
  }
  return columns.map((column) => ({ column, descending }));
}

/** ORDER BY for `sort`; empty values sort last either way, ties by id. */
function projectOrder(sort: string | undefined): SQL[] {
  const keys = projectSortKeys(sort).map(
    ({ column, descending }) => sql`${column} ${descending ? sql`desc nulls last` : sql`asc nulls last`}`,
  );
  return [...keys, sql`${projects.id} asc`];
}

/**
 * How many matching projects the list counts exactly. Counting 60,000 matches of 100,000 projects costs more than
 * the 50 ms a list may take; past this many the list answers `total` = this number and `totalCapped` (the page says
 * "more than 10,000"), and a district — hundreds of projects — always sees its exact count.
 */
export const PROJECT_LIST_EXACT_TOTAL = 10_000;

/**
 * The leaders in charge of each of the projects (by name), in one query keyed by project id. Each id is looked up
 * through the leaders' primary key (a lateral join over the ids), whatever the planner would guess for a short list.
 */
async function leadersOf(db: Executor, projectIds: string[]): Promise<Map<string, NamedRef[]>> {
  const byProject = new Map<string, NamedRef[]>();
  if (projectIds.length === 0) return byProject;
  const result = await db.execute(sql`select page.id as "projectId", l.id, l.name
    from unnest(${sql.param(projectIds)}::uuid[]) as page(id)
    cross join lateral (select lu.id, lu.display_name as name from ${projectLeaders} pl join ${users} lu on lu.id = pl.user_id
      where pl.project_id = page.id) l
    order by l.name, l.id`);
  for (const { projectId, ...leader } of rowsOf<NamedRef & { projectId: string }>(result)) {
    const list = byProject.get(projectId);
    if (list) list.push(leader);
    else byProject.set(projectId, [leader]);
  }
  return byProject;
}

/** A list row as the database answers a raw statement: timestamps as text, 64-bit integers as text or bigint. */
type ProjectListRecord = Omit<ProjectListRow, 'leaders' | 'updatedAt' | 'totalInvestmentYuan'> & {
  updatedAt: string | Date;
  totalInvestmentYuan: string | number | bigint | null;
};

/**
 * A page's row as the list shows it. The page is read as a raw statement and converted here, field by field into one
 * object literal: for fifty rows, Drizzle's general result mapping and object spreads cost more CPU than the
 * statement's own driver work (bench/list-ceiling.ts).
 */
const fromListRecord = (r: ProjectListRecord, leaders: NamedRef[]): ProjectListRow => ({
  id: r.id,
  name: r.name,
  code: r.code,
  pool: r.pool,
  nature: r.nature,
  categoryCode: r.categoryCode,
  industryCode: r.industryCode,
  isProvincialKey: r.isProvincialKey,
  isCityKey: r.isCityKey,
  totalInvestmentYuan: r.totalInvestmentYuan === null ? null : Number(r.totalInvestmentYuan),
  leadUnitId: r.leadUnitId,
  plannedStart: r.plannedStart,
  plannedCompletion: r.plannedCompletion,
  updatedAt: r.updatedAt instanceof Date ? r.updatedAt : new Date(r.updatedAt),
  version: r.version,
  customValues: r.customValues,
  warningLevel: r.warningLevel,
  leadUnitName: r.leadUnitName,
  streetName: r.streetName,
  leaders,
  manageable: !!r.manageable,
});

/**
 * One page of the projects the actor may see, with lead unit, street and leaders. The page's ids are chosen first
 * (filter, order, offset on the projects table alone); only those rows are then joined to their names, so a filter
 * that matches tens of thousands of projects joins fifty, and their leaders are read in one query after the page.
 */
export async function listProjects(db: Executor, actor: Actor, query: ProjectListQuery, exactTotalUpTo = PROJECT_LIST_EXACT_TOTAL) {
  const where = listCondition(db, actor, query);
  const window = pageWindow(query);
  const page = db
    .select({ id: projects.id })
    .from(projects)
    .where(where)
    .orderBy(...projectOrder(query.sort))
    .limit(window.limit)
    .offset(window.offset);
  const counted = db
    .select({ one: sql`1` })
    .from(projects)
    .where(where)
    .limit(exactTotalUpTo + 1);
  const pageRows = async () => {
    const rows = rowsOf<ProjectListRecord>(
      await db.execute(sql`select ${projects.id} as id, ${projects.name} as name, ${projects.code} as code, ${projects.pool} as pool,
          ${projects.nature} as nature, ${projects.categoryCode} as "categoryCode", ${projects.industryCode} as "industryCode",
          ${projects.isProvincialKey} as "isProvincialKey", ${projects.isCityKey} as "isCityKey",
          ${projects.totalInvestmentYuan} as "totalInvestmentYuan", ${projects.leadUnitId} as "leadUnitId",
          ${projects.plannedStart} as "plannedStart", ${projects.plannedCompletion} as "plannedCompletion",
          ${projects.updatedAt} as "updatedAt", ${projects.version} as version, ${projects.customValues} as "customValues",
          ${projects.warningLevel} as "warningLevel", ${units.name} as "leadUnitName", street.name as "streetName",
          ${manageableFlag(actor)} as manageable
        from (${page}) page
        inner join ${projects} on ${projects.id} = page.id
        inner join ${units} on ${units.id} = ${projects.leadUnitId}
        left join ${regions} street on street.code = ${projects.streetCode}
        order by ${sql.join(projectOrder(query.sort), sql`, `)}`),
    );
    return {
      rows,
      leaders: await leadersOf(
        db,
        rows.map((r) => r.id),
      ),
    };
  };
  // The page and then its leaders, while another connection counts.
  const [{ rows, leaders }, matched] = await Promise.all([
    pageRows(),
    db.execute(sql`select count(*)::integer as n from (${counted}) counted`),
  ]);
  const n = rowsOf<{ n: number }>(matched)[0]?.n ?? 0;
  return {
    rows: rows.map((r) => fromListRecord(r, leaders.get(r.id) ?? [])),
    total: Math.min(n, exactTotalUpTo),
    totalCapped: n > exactTotalUpTo,
  };
}
