import { eq, sql } from 'drizzle-orm';
import { WARNING_LEVEL, type Warning, projectWarning } from '../../../common/domain/warnings';
import type { WarningColour } from '../../../common/enums';
import type { Executor } from '../../db/client';
import { progressReports, projectLeaders, projectWarnings, projects, warningSnapshots } from '../../db/schema';
import { notify } from '../notifications';
import { refreshDashboardFigures } from '../projects';
import { type GatheredProject, gatherWarningInputs } from './inputs';

/** What a recompute changed: the projects whose colour is now different, with the colour before (null: none yet). */
export type ColourChange = { projectId: string; regionCode: string; from: WarningColour | null; to: WarningColour };

/** Projects a recompute reads and writes at a time (the nightly job batches all projects by this many). */
export const RECOMPUTE_BATCH = 1000;

/**
 * Recomputes and stores the colour of the projects as of `asOf` (a China Standard Time day): the level on the
 * project (the list's filter and order) and the colour with its reasons (project_warnings). Run in the transaction of
 * whatever changed the inputs, so the stored colour never disagrees with them. A withdrawn project carries no colour.
 * Inputs are read in one query per kind for the whole batch. Answers the projects whose colour changed.
 */
export async function recomputeWarnings(tx: Executor, projectIds: string[], asOf: string): Promise<ColourChange[]> {
  const unique = [...new Set(projectIds)];
  const changes: ColourChange[] = [];
  for (let i = 0; i < unique.length; i += RECOMPUTE_BATCH) {
    const gathered = await gatherWarningInputs(tx, unique.slice(i, i + RECOMPUTE_BATCH), asOf);
    changes.push(...(await store(tx, gathered, asOf)));
  }
  return changes;
}

async function store(tx: Executor, gathered: GatheredProject[], asOf: string): Promise<ColourChange[]> {
  const withdrawn = gathered.filter((p) => p.pool === 'withdrawn').map((p) => p.id);
  const live = gathered.filter((p) => p.pool !== 'withdrawn').map((p) => ({ project: p, warning: projectWarning(p.input) }));
  if (withdrawn.length > 0) {
    await tx.execute(
      sql`update ${projects} set warning_level = null where id = any(${sql.param(withdrawn)}::uuid[]) and warning_level is not null`,
    );
    await tx.execute(sql`delete from ${projectWarnings} where project_id = any(${sql.param(withdrawn)}::uuid[])`);
  }
  const changed = live.filter(({ project, warning }) => project.storedColour !== warning.colour);
  // The colours are figures of the dashboard: those that changed, in this transaction.
  const recoloured = [
    ...gathered.filter((p) => p.pool === 'withdrawn' && p.storedColour !== null).map((p) => p.id),
    ...changed.map(({ project }) => project.id),
  ];
  if (live.length === 0) {
    await refreshDashboardFigures(tx, recoloured);
    return [];
  }
  // One statement: each colour with its reasons, and the level on the projects whose colour changed. Plain SQL: a
  // colour is not an edit of the project, so its version and updated_at stay as they are.
  const rows = live.map(({ project, warning }) => ({
    project_id: project.id,
    colour: warning.colour,
    reasons: warning.reasons,
    level: project.storedColour === warning.colour ? null : WARNING_LEVEL[warning.colour],
  }));
  await tx.execute(sql`with v as (select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as v(project_id uuid, colour text, reasons jsonb, level smallint)),
      stored as (insert into ${projectWarnings} (project_id, colour, reasons, as_of) select project_id, colour, reasons, ${asOf}::date from v
        on conflict (project_id) do update set colour = excluded.colour, reasons = excluded.reasons, as_of = excluded.as_of,
          computed_at = now())
    update ${projects} p set warning_level = v.level from v where p.id = v.project_id and v.level is not null`);
  await refreshDashboardFigures(tx, recoloured);
  await tellLeadersOfRed(
    tx,
    changed.filter(
      ({ project, warning }) => warning.colour === 'red' && (project.storedColour === 'green' || project.storedColour === 'yellow'),
    ),
  );
  return changed.map(({ project, warning }) => ({
    projectId: project.id,
    regionCode: project.regionCode,
    from: project.storedColour,
    to: warning.colour,
  }));
}

/** The last day of a calendar month, `YYYY-MM-DD`. */
export function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Takes the month's snapshot of the projects that have none yet: each one's colour as of the month's last day (the
 * recovery rule reading the month before's snapshot). A snapshot once taken is never changed, so running it again
 * writes nothing. Answers how many were taken.
 */
export async function takeMonthSnapshot(tx: Executor, projectIds: string[], year: number, month: number): Promise<number> {
  const asOf = lastDayOf(year, month);
  let taken = 0;
  for (let i = 0; i < projectIds.length; i += RECOMPUTE_BATCH) {
    const gathered = (await gatherWarningInputs(tx, projectIds.slice(i, i + RECOMPUTE_BATCH), asOf)).filter((p) => p.pool !== 'withdrawn');
    if (gathered.length === 0) continue;
    const rows = gathered.map((p) => {
      const warning: Warning = projectWarning(p.input);
      return { projectId: p.id, year, month, colour: warning.colour, reasons: warning.reasons };
    });
    const inserted = await tx
      .insert(warningSnapshots)
      .values(rows)
      .onConflictDoNothing()
      .returning({ projectId: warningSnapshots.projectId });
    taken += inserted.length;
  }
  return taken;
}

/** Recomputes the colours of the projects that owe a report of the period (its opening or closing changes what they owe). */
export async function recomputePeriodWarnings(tx: Executor, periodId: string, asOf: string): Promise<ColourChange[]> {
  const rows = await tx
    .select({ projectId: progressReports.projectId })
    .from(progressReports)
    .where(eq(progressReports.periodId, periodId));
  return recomputeWarnings(
    tx,
    rows.map((r) => r.projectId),
    asOf,
  );
}

/**
 * Tells the leaders in charge (包挂领导) of each project that has just turned red from yellow or green, in the
 * recompute's transaction (the notifications module sends later, with retries). A first colour is nobody's news:
 * projects coloured for the first time (an upgrade, the demo) tell no one.
 */
async function tellLeadersOfRed(tx: Executor, turned: { project: GatheredProject }[]) {
  if (turned.length === 0) return;
  const rows = await tx
    .select({ projectId: projectLeaders.projectId, userId: projectLeaders.userId, name: projects.name })
    .from(projectLeaders)
    .innerJoin(projects, eq(projects.id, projectLeaders.projectId))
    .where(sql`${projectLeaders.projectId} = any(${sql.param(turned.map((t) => t.project.id))}::uuid[])`);
  const byProject = new Map<string, { name: string; userIds: string[] }>();
  for (const row of rows) {
    const entry = byProject.get(row.projectId) ?? { name: row.name, userIds: [] };
    entry.userIds.push(row.userId);
    byProject.set(row.projectId, entry);
  }
  for (const [projectId, { name, userIds }] of byProject) {
    await notify(tx, {
      recipients: { userIds },
      kind: 'warning_red',
      messageKey: 'warning.turned_red',
      params: { name },
      link: `/projects/${projectId}`,
    });
  }
}

/**
 * The colours of a district's projects as a fresh installation shows them (the demo): a snapshot of each past month
 * of the year in order (each reading the month before's for the recovery rule), then today's colour. Nobody is told.
 */
export async function seedWarnings(tx: Executor, regionCode: string, today: string): Promise<void> {
  const rows = await tx.select({ id: projects.id }).from(projects).where(eq(projects.regionCode, regionCode));
  const ids = rows.map((r) => r.id);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  for (let m = 1; m < month; m++) await takeMonthSnapshot(tx, ids, year, m);
  await recomputeWarnings(tx, ids, today);
}
