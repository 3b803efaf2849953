import { FORWARD_MOVES, type GateCondition, type GateConfig, type GateFacts, evaluateGate } from '../../../common/domain/gates';
import type { Pool } from '../../../common/schemas/projects';
import { type Actor, can } from '../../lib/actor';
import type { ProjectField } from './columns/projects';
import type { ProjectDraft } from '../projects';
import type { StoredProblem } from './problems';

// The 所属库 column (`pool-column.ts`): where a row's new project is created, checked as the gates on the way would.

type Where = { row: number; columnOf: (field: string) => number | null };

/**
 * The field of the sheet each gate condition reads; null for the conditions a sheet cannot tell (approval items,
 * the plan's milestones), which an import waives: the project then meets them on its own tracks.
 */
const CONDITION_FIELDS: Record<GateCondition, ProjectField | null> = {
  owner: 'ownerName',
  total_investment: 'totalInvestmentYuan',
  industry: 'industryCode',
  lead_unit: 'leadUnitId',
  leader: 'leaderIds',
  project_code: 'code',
  land_secured: 'landSecured',
  feasibility_study: 'feasibilityStatus',
  chain_position: 'chainCode',
  approvals_done: null,
  plan_start_and_completion: null,
  completion_actual: null,
};

/** A problem of the row on the 所属库 column, or on the column of the field it names when the sheet has it. */
function problemAt({ row, columnOf }: Where, field: string, code: string, params: Record<string, string>): StoredProblem {
  const column = field === 'pool' ? null : columnOf(field);
  return column === null ? { row, column: columnOf('pool'), field: 'pool', code, params } : { row, column, field, code, params };
}

/** Who may create a project in the pool a row names: anyone who may create, into planning; only the project office further. */
export function newProjectPoolProblems(actor: Actor, pool: Pool, where: Where): StoredProblem[] {
  if (pool === 'withdrawn') return [problemAt(where, 'pool', 'import.pool_withdrawn', {})];
  if (pool !== 'planning' && !can(actor, 'project.move_back')) return [problemAt(where, 'pool', 'import.pool_needs_office', { pool })];
  return [];
}

/** What the gates can know of a new project from its row alone. */
const factsOf = (draft: ProjectDraft): GateFacts => ({
  ownerName: draft.ownerName,
  totalInvestmentYuan: draft.totalInvestmentYuan,
  industryCode: draft.industryCode,
  leadUnitId: draft.leadUnitId,
  leaderCount: draft.leaderIds.length,
  code: draft.code,
  approvalType: draft.approvalType,
  approvalsSettled: [],
  needsLand: draft.needsLand,
  landSecured: draft.landSecured,
  milestoneKinds: [],
  completionActual: false,
  feasibilityStatus: draft.feasibilityStatus,
  chainCode: draft.chainCode,
});

/** The forward moves from planning to a pool, in order: the gates a project created there has passed. */
export function gatesTo(pool: Pool): typeof FORWARD_MOVES {
  const last = FORWARD_MOVES.findIndex((move) => move.endsWith(`->${pool}`));
  return last < 0 ? [] : FORWARD_MOVES.slice(0, last + 1);
}

/**
 * Every condition a sheet can tell of every gate between planning and the pool, with the district's configuration:
 * each unmet one is a problem naming it (once, at the first gate that asks for it) on the column of its field.
 */
export function gateProblems(config: GateConfig, pool: Pool, draft: ProjectDraft, where: Where): StoredProblem[] {
  const facts = factsOf(draft);
  const named = new Set<GateCondition>();
  const problems: StoredProblem[] = [];
  for (const transition of gatesTo(pool)) {
    const to = transition.split('->')[1] as Pool;
    for (const { key, met } of evaluateGate(transition, facts, config)) {
      const field = CONDITION_FIELDS[key];
      if (met || !field || named.has(key)) continue;
      named.add(key);
      // Land not secured because the row never says whether it needs land: the cell to fill is 是否需要用地.
      const unstated = key === 'land_secured' && facts.needsLand === null;
      problems.push(
        unstated
          ? problemAt(where, 'needsLand', 'import.pool_gate', { pool: to, condition: 'land_need_missing' })
          : problemAt(where, field, 'import.pool_gate', { pool: to, condition: key }),
      );
    }
  }
  return problems;
}

/** An existing project keeps its pool: a row naming another one is a problem (empty or equal is fine). */
export function existingPoolProblems(current: Pool, pool: Pool | undefined, where: Where): StoredProblem[] {
  if (pool === undefined || pool === current) return [];
  return [problemAt(where, 'pool', 'import.pool_of_existing', { pool: current })];
}
