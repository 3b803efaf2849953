import { type GateCondition, type GateConfig, type GateFacts, type Transition, evaluateGate } from '../../../common/domain/gates';
import type { Pool } from '../../../common/schemas/projects';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { MessageKey } from '../../lib/messages';
import { approvalTypeNames, gateFacts, loadGateConfig } from './gate-repository';
import { type ProjectAccess, canManageProject, movePermission } from './policy';
import type { ProjectRow } from './scope';
import { type MoveKind, possibleMoves } from '../../../common/domain/pools';

/** One condition of a gate, with the message that describes it (and, for approvals, what is missing). */
export type ConditionCheck = { key: GateCondition; met: boolean; messageKey: MessageKey; params: Record<string, string> };
/** A possible move with its conditions and whether the actor could make it now. */
export type MoveCheck = { from: Pool; to: Pool; kind: MoveKind; allowed: boolean; conditions: ConditionCheck[] };

/** The approval condition says which required approval items are still open, by name in the reader's language. */
async function describeApprovals(db: Executor, actor: Actor, facts: GateFacts, config: GateConfig, met: boolean): Promise<ConditionCheck> {
  const key = 'approvals_done';
  if (met) return { key, met, messageKey: 'gate.approvals_done', params: {} };
  if (!facts.approvalType) return { key, met, messageKey: 'gate.approval_type_missing', params: {} };
  const missing = (config.requiredApprovals[facts.approvalType] ?? []).filter((code) => !facts.approvalsSettled.includes(code));
  const english = actor.locale === 'en-US';
  const names = await approvalTypeNames(db, missing, english);
  const list = missing.map((code) => names.get(code) ?? code).join(english ? ', ' : '、');
  return { key, met, messageKey: 'gate.approvals_missing', params: { missing: list } };
}

/** The land condition unmet because nobody has said whether land is needed says so: the field to fill is that one. */
const describeLand = (facts: GateFacts, met: boolean): ConditionCheck => ({
  key: 'land_secured',
  met,
  messageKey: !met && facts.needsLand === null ? 'gate.land_need_missing' : 'gate.land_secured',
  params: {},
});

async function checkConditions(db: Executor, actor: Actor, transition: Transition, facts: GateFacts, config: GateConfig) {
  const results = evaluateGate(transition, facts, config);
  return Promise.all(
    results.map(({ key, met }): Promise<ConditionCheck> | ConditionCheck => {
      if (key === 'approvals_done') return describeApprovals(db, actor, facts, config, met);
      if (key === 'land_secured') return describeLand(facts, met);
      return { key, met, messageKey: `gate.${key}`, params: {} };
    }),
  );
}

/** The conditions of one move: a forward move's gate (the district's configuration or the defaults); none otherwise. */
async function conditionsOf(db: Executor, actor: Actor, project: ProjectRow, to: Pool, kind: MoveKind): Promise<ConditionCheck[]> {
  if (kind !== 'forward') return [];
  const { config } = await loadGateConfig(db, project.regionCode);
  return checkConditions(db, actor, `${project.pool}->${to}`, await gateFacts(db, project), config);
}

/** One move with its conditions and whether the actor could make it now; null when the lifecycle forbids it. */
export async function checkMove(db: Executor, actor: Actor, project: ProjectRow & ProjectAccess, to: Pool): Promise<MoveCheck | null> {
  const move = possibleMoves(project.pool).find((m) => m.to === to);
  if (!move) return null;
  const conditions = await conditionsOf(db, actor, project, to, move.kind);
  const allowed = conditions.every((c) => c.met) && canManageProject(actor, project, movePermission(move.kind));
  return { from: project.pool, to, kind: move.kind, allowed, conditions };
}

/** Every move the lifecycle allows from the project's pool, forward first: the checklist the project page shows. */
export async function checkMoves(db: Executor, actor: Actor, project: ProjectRow & ProjectAccess): Promise<MoveCheck[]> {
  const checks: MoveCheck[] = [];
  for (const { to } of possibleMoves(project.pool)) {
    const check = await checkMove(db, actor, project, to);
    if (check) checks.push(check);
  }
  return checks;
}
