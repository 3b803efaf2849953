import { moveKind, possibleMoves } from '../../../../../common/domain/pools';
import type { MessageKey } from '../../../i18n';
import type { ErrorDetail } from '../../../lib/api-client';
import type { Pool } from '../../../lib/enums';
import type { GateCheck } from '../api/projects-api';

export type GateCondition = GateCheck['conditions'][number];

const BACK_LABELS: Partial<Record<Pool, MessageKey>> = {
  planning: 'move.back.planning',
  advancing: 'move.back.advancing',
  implementing: 'move.back.implementing',
};
const FORWARD_LABELS: Partial<Record<Pool, MessageKey>> = {
  advancing: 'move.to.advancing',
  implementing: 'move.to.implementing',
  completed: 'move.to.completed',
  withdrawn: 'move.to.withdrawn',
};

/** The button text of a move: 移入推进库, 标记竣工, 退回策划库, 退库 … */
export function moveLabel(from: Pool, to: Pool): MessageKey {
  const key = moveKind(from, to) === 'back' ? BACK_LABELS[to] : FORWARD_LABELS[to];
  return key ?? 'move.to.withdrawn';
}

/**
 * The checklist after the server refused a move (422 `gate_refused`): each detail names an unmet condition by key.
 * Conditions the page already showed are marked from the answer; ones it did not know are added, unmet.
 */
export function conditionsAfterRefusal(shown: GateCondition[], details: ErrorDetail[]): GateCondition[] {
  const unmet = new Map(details.map((d) => [d.path, d.message]));
  const merged = shown.map((c) => ({ ...c, met: !unmet.has(c.key), label: unmet.get(c.key) || c.label }));
  const known = new Set(shown.map((c) => c.key));
  for (const [key, label] of unmet) if (!known.has(key)) merged.push({ key, label, met: false });
  return merged;
}

/** Orders a project's possible moves for its buttons as the lifecycle offers them: forward first, then back, withdrawal last. */
export function orderGates(gates: GateCheck[]): GateCheck[] {
  const rank = (gate: GateCheck) => possibleMoves(gate.from).findIndex((move) => move.to === gate.to);
  return [...gates].sort((a, b) => rank(a) - rank(b));
}
