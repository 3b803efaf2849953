import { POOLS, type Pool } from '../enums';
import { FORWARD_MOVES } from './gates';

/** How a move changes the lifecycle: forward through a gate, back to an earlier pool, or out; in the order the page offers them. */
export const MOVE_KINDS = ['forward', 'back', 'withdraw'] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

/** The pools a project passes through, in order; withdrawn stands beside them. */
const ORDER: readonly Pool[] = ['planning', 'advancing', 'implementing', 'completed'];

/** Completed (竣工/投产) and withdrawn (退库) end the lifecycle: no gate leads on from them, and nothing withdraws them. */
export const isEndPool = (pool: Pool) => pool === 'completed' || pool === 'withdrawn';
export const isForwardMove = (from: Pool, to: Pool) => FORWARD_MOVES.includes(`${from}->${to}`);

/**
 * The kind of a move, or null when the lifecycle forbids it: forward one pool at a time through its gate;
 * withdrawal from any pool that is not an end state; back to any earlier pool, which is also the only way to reopen
 * a completed or withdrawn project (a withdrawn one returns to planning, advancing or implementing). The API enforces
 * exactly this, and the page names and orders its buttons by it.
 */
export function moveKind(from: Pool, to: Pool): MoveKind | null {
  if (from === to) return null;
  if (to === 'withdrawn') return isEndPool(from) ? null : 'withdraw';
  if (isForwardMove(from, to)) return 'forward';
  if (from === 'withdrawn') return to === 'completed' ? null : 'back';
  return ORDER.indexOf(to) < ORDER.indexOf(from) ? 'back' : null;
}

type Move = { readonly to: Pool; readonly kind: MoveKind };

/** The moves out of each pool, worked out once: every list row asks which of its buttons to offer. */
const MOVES_FROM = new Map<Pool, readonly Move[]>(
  POOLS.map((from) => [
    from,
    POOLS.flatMap((to) => {
      const kind = moveKind(from, to);
      return kind ? [{ to, kind }] : [];
    }).sort((a, b) => MOVE_KINDS.indexOf(a.kind) - MOVE_KINDS.indexOf(b.kind)),
  ]),
);

/** Every move the lifecycle allows from a pool, forward moves first and withdrawal last: the choices the project page offers. */
export const possibleMoves = (from: Pool): readonly Move[] => MOVES_FROM.get(from) ?? [];

/** Withdrawing and moving back must say why; a forward move is justified by its gate. */
export const needsReason = (kind: MoveKind) => kind !== 'forward';
