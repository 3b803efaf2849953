import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { translate } from '../../lib/messages';
import { insertProjects, recordPoolMoves, writeProjectChanges } from '../projects';
import type { ProjectOperation } from './project-rows';

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
 * Writes checked projects inside the caller's transaction through the project library's one writer: new projects
 * each in the pool its row named (with the move that took it there), updates each at its checked version, a
 * replaced 项目代码 kept in the history with the file named as the reason.
 */
export async function writeProjectOperations(tx: Tx, ctx: RequestContext, operations: ProjectOperation[], fileName: string) {
  const creates = operations.filter((o) => o.kind === 'create');
  const ids = await insertProjects(tx, ctx, creates);
  await recordImportMoves(
    tx,
    ctx,
    creates.map((o, i) => ({ ...o, id: ids[i] as string })),
    fileName,
  );
  const updates = operations.filter((o) => o.kind === 'update');
  const codeChangeReason = `Excel 导入：${fileName}`;
  await writeProjectChanges(
    tx,
    ctx,
    updates.map((o) => ({ ...o, codeChangeReason: o.current.code ? codeChangeReason : null })),
  );
  return { create: creates.length, update: updates.length };
}
