import type { Tx } from '../../db/client';
import { projectCodeHistory, projectCoUnits, projectLeaders, projects } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { type AuditEntry, changedFields, recordAudits } from '../../lib/audit';
import { staleVersion } from '../../lib/errors';
import { translate } from '../../lib/messages';
import { auditSnapshot, orderedCustomValues } from '../projects/audit-snapshot';
import { recordCodeChange } from '../projects/code-history-repository';
import { type ProjectDraft, columnsOf } from '../projects/draft';
import { recordPoolMoves } from '../projects/pool-moves';
import type { Placement } from '../projects/project-rules';
import { replaceProjectLinks, updateProjectRows } from '../projects/repository';
import type { ProjectOperation } from './project-rows';

// Rows per insert statement: ~45 parameters a project keeps a statement well under PostgreSQL's 65,535.
const BATCH = 500;

const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/** A project as its audit event records it (the shape of `auditSnapshot`), from the draft that was written. */
export const snapshotOf = (draft: ProjectDraft, placement: Placement) => ({
  ...draft,
  ...placement,
  leaderIds: [...draft.leaderIds].sort(),
  coUnitIds: [...draft.coUnitIds].sort(),
  customValues: orderedCustomValues(draft.customValues),
});

/** Whether a draft's ids are the ones a project holds now (then its links need no rewrite). */
const sameIds = (ids: string[], held: { id: string }[]) => ids.length === held.length && held.every((x) => ids.includes(x.id));

type Created = Extract<ProjectOperation, { kind: 'create' }> & { id: string };

/**
 * A project created beyond planning is recorded as having passed its gates: one move planning → its pool, with
 * the importer and the file's row as the reason, audited as a move on the project page is.
 */
async function recordImportMoves(tx: Tx, ctx: RequestContext, created: Created[], fileName: string) {
  await recordPoolMoves(
    tx,
    ctx,
    created
      .filter((o) => o.pool !== 'planning')
      .map((o) => ({
        projectId: o.id,
        regionCode: o.placement.regionCode,
        from: 'planning' as const,
        to: o.pool,
        reason: translate(ctx.actor.locale, 'import.pool_move_reason', { file: fileName, row: o.row }),
        withdrawnReason: { before: null, after: null },
      })),
  );
}

/**
 * Writes checked projects inside the caller's transaction: new projects inserted in batches, each in the pool its
 * row named (with the move that took it there), with their leaders, co-units and first 项目代码; updates in
 * batches too, each at its checked version, a changed code kept in the history; every project audited as the API
 * audits it.
 */
export async function writeProjectOperations(tx: Tx, ctx: RequestContext, operations: ProjectOperation[], fileName: string) {
  const codeChangeReason = `Excel 导入：${fileName}`;
  const creates = operations.filter((o) => o.kind === 'create');
  for (const batch of chunks(creates)) {
    const inserted = await tx
      .insert(projects)
      .values(batch.map((o) => ({ ...columnsOf(o.draft), ...o.placement, pool: o.pool, createdBy: ctx.actor.userId })))
      .returning({ id: projects.id });
    const created = batch.map((o, i) => ({ ...o, id: inserted[i]?.id as string }));
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
    await recordImportMoves(tx, ctx, created, fileName);
  }
  const updates = operations.filter((o) => o.kind === 'update');
  for (const batch of chunks(updates)) {
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
  const updateEvents: AuditEntry[] = [];
  for (const { current, draft, placement } of updates) {
    if (!sameIds(draft.leaderIds, current.leaders) || !sameIds(draft.coUnitIds, current.coUnits)) {
      await replaceProjectLinks(tx, current.id, draft);
    }
    if (placement.code !== current.code) {
      const reason = current.code ? codeChangeReason : null;
      await recordCodeChange(tx, {
        projectId: current.id,
        previousCode: current.code,
        code: placement.code,
        reason,
        actorId: ctx.actor.userId,
      });
    }
    updateEvents.push({
      action: 'projects.update',
      recordType: 'project',
      recordId: current.id,
      regionCode: placement.regionCode,
      ...changedFields(auditSnapshot(current), snapshotOf(draft, placement)),
    });
  }
  await recordAudits(tx, ctx, updateEvents);
  return { create: creates.length, update: updates.length };
}
