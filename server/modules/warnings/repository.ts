import { type SQL, and, desc, eq, sql } from 'drizzle-orm';
import type { WarningReason, WarningSettings } from '../../../common/domain/warnings';
import type { WarningColour } from '../../../common/enums';
import type { WarningSummaryQuery } from '../../../common/schemas/warnings';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import {
  dictionaryItems,
  projectLeaders,
  projectWarnings,
  projects,
  regions,
  units,
  users,
  warningSettings,
  warningSnapshots,
} from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { listCondition } from '../projects';

export type StoredWarning = { colour: WarningColour; reasons: WarningReason[]; asOf: string; computedAt: Date };
export type SnapshotRow = { year: number; month: number; colour: WarningColour; reasons: WarningReason[] };

/** A project's stored colour with its reasons (the caller has checked the project is in scope); null before the first recompute. */
export async function findProjectWarning(db: Executor, projectId: string): Promise<StoredWarning | null> {
  const [row] = await db
    .select({
      colour: projectWarnings.colour,
      reasons: projectWarnings.reasons,
      asOf: projectWarnings.asOf,
      computedAt: projectWarnings.computedAt,
    })
    .from(projectWarnings)
    .where(eq(projectWarnings.projectId, projectId));
  return row ?? null;
}

/** The stored colours of many projects (the exports), keyed by project id. */
export async function projectWarningsOf(db: Executor, projectIds: string[]): Promise<Map<string, StoredWarning>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .select({
      projectId: projectWarnings.projectId,
      colour: projectWarnings.colour,
      reasons: projectWarnings.reasons,
      asOf: projectWarnings.asOf,
      computedAt: projectWarnings.computedAt,
    })
    .from(projectWarnings)
    .where(sql`${projectWarnings.projectId} = any(${sql.param(projectIds)}::uuid[])`);
  return new Map(rows.map(({ projectId, ...w }) => [projectId, w]));
}

/** A project's monthly snapshots, newest month first, at most `months` of them. */
export async function projectHistory(db: Executor, projectId: string, months = 24): Promise<SnapshotRow[]> {
  return db
    .select({
      year: warningSnapshots.year,
      month: warningSnapshots.month,
      colour: warningSnapshots.colour,
      reasons: warningSnapshots.reasons,
    })
    .from(warningSnapshots)
    .where(eq(warningSnapshots.projectId, projectId))
    .orderBy(desc(warningSnapshots.year), desc(warningSnapshots.month))
    .limit(months);
}

export type SummaryRow = { key: string | null; name: string | null; red: number; yellow: number; green: number; total: number };

const GROUPS: Record<WarningSummaryQuery['by'], { key: SQL; name: SQL; from: SQL }> = {
  unit: { key: sql`p.lead_unit_id::text`, name: sql`u.name`, from: sql`left join ${units} u on u.id = p.lead_unit_id` },
  category: {
    key: sql`p.category_code`,
    name: sql`d.name`,
    from: sql`left join ${dictionaryItems} d on d.type = 'project_category' and d.code = p.category_code`,
  },
  leader: {
    key: sql`pl.user_id::text`,
    name: sql`lu.display_name`,
    from: sql`join ${projectLeaders} pl on pl.project_id = p.id join ${users} lu on lu.id = pl.user_id`,
  },
  street: { key: sql`p.street_code`, name: sql`r.name`, from: sql`left join ${regions} r on r.code = p.street_code` },
};

/**
 * The projects of the list's filters in the actor's scope (withdrawn ones carry no colour) counted by colour per group: a project with two
 * leaders in charge counts under each; a project without a street or category under the empty group. Most red first.
 */
export async function warningSummary(db: Executor, actor: Actor, query: WarningSummaryQuery): Promise<SummaryRow[]> {
  const { by, ...filters } = query;
  const g = GROUPS[by];
  // The project list's filters inside the actor's scope (listCondition), withdrawn projects left out.
  const scoped = db
    .select({ id: projects.id })
    .from(projects)
    .where(and(listCondition(db, actor, filters), sql`${projects.pool} <> 'withdrawn'`));
  const rows = rowsOf<{ key: string | null; name: string | null; red: string; yellow: string; green: string; total: string }>(
    await db.execute(sql`select ${g.key} as key, ${g.name} as name,
        count(*) filter (where p.warning_level = 3) as red,
        count(*) filter (where p.warning_level = 2) as yellow,
        count(*) filter (where p.warning_level = 1) as green,
        count(*) as total
      from ${projects} p ${g.from}
      where p.id in (${scoped})
      group by 1, 2
      order by 3 desc, 4 desc, 2 asc nulls last, 1 asc nulls last`),
  );
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    red: Number(r.red),
    yellow: Number(r.yellow),
    green: Number(r.green),
    total: Number(r.total),
  }));
}

export type WarningSettingsRow = { regionCode: string; thresholds: WarningSettings; version: number };

/** A district's own thresholds, null while it uses the defaults. */
export async function findWarningSettings(db: Executor, regionCode: string): Promise<WarningSettingsRow | null> {
  const [row] = await db
    .select({ regionCode: warningSettings.regionCode, thresholds: warningSettings.thresholds, version: warningSettings.version })
    .from(warningSettings)
    .where(eq(warningSettings.regionCode, regionCode));
  return row ?? null;
}

/** Writes a district's thresholds: the first time a new row at version 1, then at the version read (false: stale). */
export async function saveWarningSettings(
  db: Executor,
  row: { regionCode: string; thresholds: WarningSettings; version: number; updatedBy: string | null },
): Promise<WarningSettingsRow | null> {
  if (row.version === 0) {
    const [inserted] = await db
      .insert(warningSettings)
      .values({ regionCode: row.regionCode, thresholds: row.thresholds, updatedBy: row.updatedBy })
      .onConflictDoNothing()
      .returning({ regionCode: warningSettings.regionCode, thresholds: warningSettings.thresholds, version: warningSettings.version });
    return inserted ?? null;
  }
  const [updated] = await db
    .update(warningSettings)
    .set({ thresholds: row.thresholds, updatedBy: row.updatedBy, version: sql`${warningSettings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(warningSettings.regionCode, row.regionCode), eq(warningSettings.version, row.version)))
    .returning({ regionCode: warningSettings.regionCode, thresholds: warningSettings.thresholds, version: warningSettings.version });
  return updated ?? null;
}

/** The ids of a district's projects (a change of its thresholds recomputes them). */
export async function districtProjectIds(db: Executor, regionCode: string): Promise<string[]> {
  const rows = await db.select({ id: projects.id }).from(projects).where(eq(projects.regionCode, regionCode));
  return rows.map((r) => r.id);
}
