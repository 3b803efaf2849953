import type { Pool } from '../../../common/schemas/projects';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { recordAudits } from '../../lib/audit';
import { insertPoolMoves } from './pool-repository';

/** A project's move between pools as it is kept: from, to, why, and its withdrawal reason before and after. */
export type RecordedMove = {
  projectId: string;
  regionCode: string;
  from: Pool;
  to: Pool;
  reason: string | null;
  withdrawnReason: { before: string | null; after: string | null };
};

/**
 * Records moves the actor made, in the caller's transaction: the move records the timeline shows (who, when, from,
 * to, why) and one `projects.move` audit event each — the same for a move on the project page and for an import.
 */
export async function recordPoolMoves(tx: Executor, ctx: RequestContext, moves: RecordedMove[]) {
  if (!moves.length) return;
  const { userId, displayName } = ctx.actor;
  await insertPoolMoves(
    tx,
    moves.map((m) => ({
      projectId: m.projectId,
      fromPool: m.from,
      toPool: m.to,
      reason: m.reason,
      actorId: userId,
      actorName: displayName,
    })),
  );
  await recordAudits(
    tx,
    ctx,
    moves.map((m) => ({
      action: 'projects.move',
      recordType: 'project',
      recordId: m.projectId,
      regionCode: m.regionCode,
      before: { pool: m.from, withdrawnReason: m.withdrawnReason.before },
      after: { pool: m.to, withdrawnReason: m.withdrawnReason.after, reason: m.reason },
    })),
  );
}
