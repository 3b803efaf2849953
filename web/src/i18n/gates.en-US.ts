import type { gatesZhCN } from './gates.zh-CN';

/** English for gates.zh-CN.ts, merged into en-US.ts. */
export const gatesEnUS: Record<keyof typeof gatesZhCN, string> = {
  'recordType.gate_config': 'Pool gates',
  'auditAction.projects.gates_update': 'Change the pool gates',

  'gates.intro':
    'Set the conditions a project must meet to move forward (planning → advancing → implementing → completed), and the approval items each approval type must complete before construction. Every move is checked against these conditions; moves back and withdrawals are not.',
  'gates.default': 'Defaults',
  'gates.defaultHint': 'Your district has not set its own pool gates, so the defaults apply; change them and save to make them your own.',
  'gates.moves': 'Conditions of each move',
  'gates.fixed': 'Fixed',
  'gates.fixedNote':
    '"Obtain the project code" is fixed and cannot be removed: a project is approved and built under its project code, so it needs one to enter implementing.',
  'gates.approvals': 'Approval items required before construction',
  'gates.approvalsHint':
    'The condition "Complete the approval items the approval type needs" checks that each item below, by the project\'s approval type, is done or not required.',
  'gates.noApprovals': 'No approval items required',
  'gates.restoreDefaults': 'Restore defaults',
  'gates.defaultsFilled': 'The defaults are filled in; save to apply them',
};
