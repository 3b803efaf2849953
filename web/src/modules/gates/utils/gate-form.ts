import {
  FIXED_GATE_CONDITIONS,
  FORWARD_MOVES,
  GATE_CONDITIONS,
  type GateCondition,
  type GateConfig,
  type Transition,
} from '../../../../../common/domain/gates';
import { APPROVAL_TYPES } from '../../../lib/enums';
import type { GateConfigBody } from '../api/gates-api';

/** Whether a condition is fixed on a move's gate (shown ticked; it cannot be taken off). */
export const isFixedCondition = (move: Transition, condition: GateCondition) => FIXED_GATE_CONDITIONS[move]?.includes(condition) ?? false;

/**
 * A configuration as the form holds it: a list for every forward move and every approval type (empty: nothing
 * required), conditions in the order of the checkboxes, and the fixed conditions always ticked.
 */
export function toFormValues(config: GateConfig): GateConfig {
  const gates: GateConfig['gates'] = {};
  for (const move of FORWARD_MOVES) {
    const chosen = new Set([...(FIXED_GATE_CONDITIONS[move] ?? []), ...(config.gates[move] ?? [])]);
    gates[move] = GATE_CONDITIONS.filter((condition) => chosen.has(condition));
  }
  const requiredApprovals: GateConfig['requiredApprovals'] = {};
  for (const type of APPROVAL_TYPES) requiredApprovals[type] = [...new Set(config.requiredApprovals[type] ?? [])];
  return { gates, requiredApprovals };
}

/** The whole configuration to send, with the version read: the server replaces all of it, or answers 409 if stale. */
export function toBody(values: GateConfig, version: number): GateConfigBody {
  return { ...toFormValues(values), version };
}
