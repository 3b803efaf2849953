import type { Pool } from '../schemas/projects';

/** The conditions a pool gate can require; each region chooses which apply to which move. */
export const GATE_CONDITIONS = [
  'owner',
  'total_investment',
  'industry',
  'lead_unit',
  'leader',
  'project_code',
  'approvals_done',
  'land_secured',
  'plan_start_and_completion',
  'completion_actual',
  // Not in the defaults; a district may ask for them before a project leaves planning.
  'feasibility_study',
  'chain_position',
] as const;
export type GateCondition = (typeof GATE_CONDITIONS)[number];

export type Transition = `${Pool}->${Pool}`;
export type GateConfig = {
  gates: Partial<Record<Transition, GateCondition[]>>;
  requiredApprovals: Partial<Record<'approval' | 'ratification' | 'filing', string[]>>;
};

/** The forward moves, one pool at a time, each through its gate; the rest of the lifecycle is in pools.ts. */
export const FORWARD_MOVES: Transition[] = ['planning->advancing', 'advancing->implementing', 'implementing->completed'];

/** DOMAIN.md's default gates; a region overrides them in `gate_configs`. */
export const DEFAULT_GATE_CONFIG: GateConfig = {
  gates: {
    'planning->advancing': ['owner', 'total_investment', 'industry', 'lead_unit', 'leader'],
    'advancing->implementing': ['project_code', 'approvals_done', 'land_secured', 'plan_start_and_completion'],
    'implementing->completed': ['completion_actual'],
  },
  // Approval item type codes (dictionary `approval_item_type`) each approval type needs before construction.
  requiredApprovals: {
    approval: ['approval', 'land_presite', 'proj_plan_permit', 'eia', 'energy_review', 'construct_permit'],
    ratification: ['ratification', 'land_presite', 'proj_plan_permit', 'eia', 'construct_permit'],
    filing: ['filing', 'proj_plan_permit', 'construct_permit'],
  },
};

/** What a gate needs to know about a project. */
export type GateFacts = {
  ownerName: string | null;
  totalInvestmentYuan: number | null;
  industryCode: string | null;
  leadUnitId: string | null;
  leaderCount: number;
  code: string | null;
  approvalType: 'approval' | 'ratification' | 'filing' | null;
  /** Approval item type codes whose status is done or not required. */
  approvalsSettled: string[];
  /** 是否需要新增用地; null when nobody has said, which no land condition accepts. */
  needsLand: boolean | null;
  landSecured: boolean;
  milestoneKinds: string[];
  completionActual: boolean;
  feasibilityStatus: 'not_started' | 'preparing' | 'completed' | 'approved' | null;
  chainCode: string | null;
};

const checks: Record<GateCondition, (f: GateFacts, config: GateConfig) => boolean> = {
  owner: (f) => !!f.ownerName?.trim(),
  total_investment: (f) => (f.totalInvestmentYuan ?? 0) > 0,
  industry: (f) => !!f.industryCode,
  lead_unit: (f) => !!f.leadUnitId,
  leader: (f) => f.leaderCount > 0,
  project_code: (f) => !!f.code,
  approvals_done: (f, config) => {
    if (!f.approvalType) return false;
    const required = config.requiredApprovals[f.approvalType] ?? [];
    return required.every((code) => f.approvalsSettled.includes(code));
  },
  // A condition on a field fails while the field is empty: "not stated" is not "no land needed".
  land_secured: (f) => f.needsLand === false || (f.needsLand === true && f.landSecured),
  plan_start_and_completion: (f) => f.milestoneKinds.includes('start') && f.milestoneKinds.includes('completion'),
  completion_actual: (f) => f.completionActual,
  feasibility_study: (f) => f.feasibilityStatus === 'completed' || f.feasibilityStatus === 'approved',
  chain_position: (f) => !!f.chainCode,
};

/**
 * Conditions no district can take off a gate: a project is approved and built under its 项目代码, so only a project
 * still in planning (or being prepared in advancing) may lack one (DOMAIN.md "Identifiers"); it needs one to be built.
 */
export const FIXED_GATE_CONDITIONS: Partial<Record<Transition, GateCondition[]>> = {
  'advancing->implementing': ['project_code'],
};

/** The conditions of a move's gate: the fixed ones, then the district's own. */
export function gateConditions(transition: Transition, config: GateConfig): GateCondition[] {
  const configured = config.gates[transition] ?? [];
  const fixed = (FIXED_GATE_CONDITIONS[transition] ?? []).filter((condition) => !configured.includes(condition));
  return [...fixed, ...configured];
}

/** Evaluates every condition of a move's gate: the list the page shows as a checklist. */
export function evaluateGate(
  transition: Transition,
  facts: GateFacts,
  config: GateConfig = DEFAULT_GATE_CONFIG,
): { key: GateCondition; met: boolean }[] {
  return gateConditions(transition, config).map((key) => ({ key, met: checks[key](facts, config) }));
}
