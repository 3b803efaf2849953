import type { z } from 'zod';
import type { poolMoveBody } from '../../../common/schemas/projects';
import type { Tx } from '../../db/client';
import { type RequestContext, can } from '../../lib/actor';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../lib/errors';
import { refreshDashboardFigures } from './dashboard-figures';
import { checkMove } from './gate-checks';
import { canManageProject, movePermission } from './policy';
import { recordPoolMoves } from './pool-moves';
import { setPool } from './pool-repository';
import { type ProjectDetailRow, findProjectDetail } from './repository';
import { lockProject } from './scope';
import { moveKind, needsReason } from '../../../common/domain/pools';

type MoveInput = z.infer<typeof poolMoveBody>;

/**
 * Moves a project between pools (三大库): forward only through its gate (422 listing every unmet condition),
 * back or out only with a reason; the pool, the move record and the audit event are written together or not at all.
 */
export async function moveProject({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: MoveInput;
}): Promise<ProjectDetailRow> {
  const { actor } = ctx;
  if (!can(actor, 'project.move') && !can(actor, 'project.move_back')) throw forbidden();
  await lockProject(tx, id);
  const project = await findProjectDetail(tx, actor, id);
  if (!project) throw notFound();
  // A stale version first: whoever moved the project meanwhile may already have taken it where this user wanted.
  if (project.version !== input.version) throw staleVersion();
  const kind = moveKind(project.pool, input.to);
  if (!kind) throw invalidField('to', project.pool === input.to ? 'project.move_same_pool' : 'project.move_not_allowed');
  if (!canManageProject(actor, project, movePermission(kind))) throw forbidden();
  const reason = input.reason?.trim() || null;
  if (needsReason(kind) && !reason) throw invalidField('reason', 'project.reason_required');
  const check = await checkMove(tx, actor, project, input.to);
  const unmet = check?.conditions.filter((c) => !c.met) ?? [];
  if (unmet.length) {
    const details = unmet.map((c) => ({ path: c.key, messageKey: c.messageKey, params: c.params }));
    throw new AppError(422, 'gate_refused', 'project.gate_refused', {}, details);
  }
  // Leaving the withdrawn pool clears the withdrawal reason; the move record keeps it.
  const withdrawnReason = input.to === 'withdrawn' ? reason : null;
  if (!(await setPool(tx, id, input.version, input.to, withdrawnReason))) throw staleVersion();
  // The pool is a dimension of the dashboard's figures, and a withdrawn project carries no colour there.
  await refreshDashboardFigures(tx, [id]);
  await recordPoolMoves(tx, ctx, [
    {
      projectId: id,
      regionCode: project.regionCode,
      from: project.pool,
      to: input.to,
      reason,
      withdrawnReason: { before: project.withdrawnReason, after: withdrawnReason },
    },
  ]);
  const moved = await findProjectDetail(tx, actor, id);
  if (!moved) throw notFound();
  return moved;
}
