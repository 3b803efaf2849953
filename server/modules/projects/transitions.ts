import { isEndPool, isForwardMove } from '../../../common/domain/gates';
import { POOLS, type Pool } from '../../../common/schemas/projects';

/** How a move changes the lifecycle: forward through a gate, back to an earlier pool, or out (withdrawn). */
export type MoveKind = 'forward' | 'back' | 'withdraw';

const ORDER: readonly Pool[] = ['planning', 'advancing', 'implementing', 'completed'];

/**
 * The kind of a move, or null when the lifecycle forbids it: forward one pool at a time; withdrawal from any pool
 * that is not an end state; back to any earlier pool, which is also the only way to reopen a completed or
 * withdrawn project (a withdrawn one returns to planning, advancing or implementing).
 */
export function moveKind(from: Pool, to: Pool): MoveKind | null {
  if (from === to) return null;
  if (to === 'withdrawn') return isEndPool(from) ? null : 'withdraw';
  if (isForwardMove(from, to)) return 'forward';
  if (from === 'withdrawn') return to === 'completed' ? null : 'back';
  return ORDER.indexOf(to) < ORDER.indexOf(from) ? 'back' : null;
}

/** Every move the lifecycle allows from a pool, forward moves first: the choices the project page offers. */
export function possibleMoves(from: Pool): { to: Pool; kind: MoveKind }[] {
  const rank: Record<MoveKind, number> = { forward: 0, back: 1, withdraw: 2 };
  return POOLS.flatMap((to) => {
    const kind = moveKind(from, to);
    return kind ? [{ to, kind }] : [];
  }).sort((a, b) => rank[a.kind] - rank[b.kind]);
}

/** Withdrawing and moving back must say why; a forward move is justified by its gate. */
export const needsReason = (kind: MoveKind) => kind !== 'forward';
