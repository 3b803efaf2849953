import type { Pool } from '../../../common/schemas/projects';
import type { Tx } from '../../db/client';
import { projectCodeHistory, projectCoUnits, projectLeaders } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { type AuditEntry, changedFields, recordAudits } from '../../lib/audit';
import { staleVersion } from '../../lib/errors';
import { auditSnapshot, orderedCustomValues } from './audit-snapshot';
import { assertDatesFromPlan, assertFieldRights } from './field-rights';
import { recordCodeChange } from './code-history-repository';
import { refreshDashboardFigures } from './dashboard-figures';
import { keepReportCounts } from './report-counts';
import { type ProjectDraft, columnsOf } from './draft';
import type { Placement } from './project-rules';
import { type ProjectDetailRow, insertProjectRows, replaceProjectLinks, updateProjectRows } from './repository';

// The one way projects are written, for the API (one at a time) and imports (thousands): the rows, their leaders
// and co-units, the 项目代码 history, the duplicate-code guard (a race on one code answers 409, never 500) and the
// audit events, and the field rights (a governed field changed without project.govern: 403 naming it). Callers
// check the drafts first (checkProjectDraft, custom values, permissions).

// Rows per statement: ~45 parameters a project keeps a statement well under PostgreSQL's 65,535.
const BATCH = 500;

const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/** A project as its audit event records it (the shape of `auditSnapshot`), from the checked draft being written. */
export const snapshotOf = (draft: ProjectDraft, placement: Placement) => ({
  ...draft,
  ...placement,
  leaderIds: [...draft.leaderIds].sort(),
  coUnitIds: [...draft.coUnitIds].sort(),
  customValues: orderedCustomValues(draft.customValues),
});

/** A checked new project: its draft, where it sits, and the pool it starts in (planning unless an import says). */
export type NewProject = { draft: ProjectDraft; placement: Placement; pool: Pool };

/**
 * Inserts checked projects in batches, each with its leaders, co-units and first 项目代码, audited as
 * `projects.create`. Answers the new ids in the order given. A project created beyond planning still needs its
 * pool move recorded by the caller (recordPoolMoves), with the reason only the caller knows.
 */
export async function insertProjects(tx: Tx, ctx: RequestContext, items: NewProject[]): Promise<string[]> {
  const ids: string[] = [];
  for (const batch of chunks(items)) {
    const inserted = await insertProjectRows(
      tx,
      batch.map((o) => ({ ...columnsOf(o.draft), ...o.placement, pool: o.pool, createdBy: ctx.actor.userId })),
    );
    const created = batch.map((o, i) => ({ ...o, id: inserted[i] as string }));
    const leaders = created.flatMap((o) => o.draft.leaderIds.map((userId) => ({ projectId: o.id, userId })));
    const coUnits = created.flatMap((o) => o.draft.coUnitIds.map((unitId) => ({ projectId: o.id, unitId })));
    const codes = created.flatMap((o) =>
      o.placement.code ? [{ projectId: o.id, previousCode: null, code: o.placement.code, reason: null, actorId: ctx.actor.userId }] : [],
    );
    if (leaders.length) await tx.insert(projectLeaders).values(leaders);
    if (coUnits.length) await tx.insert(projectCoUnits).values(coUnits);
    if (codes.length) await tx.insert(projectCodeHistory).values(codes);
    await recordAudits(
      tx,
      ctx,
      created.map((o) => ({
        action: 'projects.create',
        recordType: 'project',
        recordId: o.id,
        regionCode: o.placement.regionCode,
        after: snapshotOf(o.draft, o.placement),
      })),
    );
    ids.push(...created.map((o) => o.id));
  }
  // The dashboard's figures count the new projects in this transaction.
  await refreshDashboardFigures(tx, ids);
  return ids;
}

/** A checked change of a project read in this transaction: the row as read, the new draft, and why its code changed. */
export type ProjectChange = { current: ProjectDetailRow; draft: ProjectDraft; placement: Placement; codeChangeReason: string | null };

/** Whether a draft's ids are the ones a project holds now (then its links need no rewrite). */
const sameIds = (ids: string[], held: { id: string }[]) => ids.length === held.length && held.every((x) => ids.includes(x.id));

/**
 * Writes checked changes in batches, each only at the version it was checked against (else 409 and nothing of the
 * transaction stays), relinking leaders and co-units where they changed, keeping a changed 项目代码 in the history,
 * each audited as `projects.update` with the fields that changed.
 */
export async function writeProjectChanges(
  tx: Tx,
  ctx: RequestContext,
  changes: ProjectChange[],
  options: { fromPlan?: boolean } = {},
): Promise<void> {
  assertFieldRights(ctx.actor, changes);
  // The dates a plan decides are written by the plan (fromPlan) and by nothing else.
  if (!options.fromPlan) assertDatesFromPlan(ctx.actor, changes);
  // A project moved to another lead unit or district takes its reports' counts with it (who sees them follows it).
  const moved = changes
    .filter(({ current, draft, placement }) => current.leadUnitId !== draft.leadUnitId || current.regionCode !== placement.regionCode)
    .map(({ current }) => current.id);
  await keepReportCounts(tx, { projectIds: moved }, async () => {
    for (const batch of chunks(changes)) {
      const written = await updateProjectRows(
        tx,
        batch.map(({ current, draft, placement }) => ({
          id: current.id,
          version: current.version,
          values: { ...columnsOf(draft), ...placement },
        })),
      );
      if (written !== batch.length) throw staleVersion();
    }
  });
  const events: AuditEntry[] = [];
  for (const { current, draft, placement, codeChangeReason } of changes) {
    if (!sameIds(draft.leaderIds, current.leaders) || !sameIds(draft.coUnitIds, current.coUnits)) {
      await replaceProjectLinks(tx, current.id, draft);
    }
    if (placement.code !== current.code) {
      await recordCodeChange(tx, {
        projectId: current.id,
        previousCode: current.code,
        code: placement.code,
        reason: codeChangeReason,
        actorId: ctx.actor.userId,
      });
    }
    events.push({
      action: 'projects.update',
      recordType: 'project',
      recordId: current.id,
      regionCode: placement.regionCode,
      ...changedFields(auditSnapshot(current), snapshotOf(draft, placement)),
    });
  }
  await recordAudits(tx, ctx, events);
  // The dashboard's figures follow the changed unit, district, category, industry, nature, investment and dates.
  await refreshDashboardFigures(
    tx,
    changes.map((c) => c.current.id),
  );
}
