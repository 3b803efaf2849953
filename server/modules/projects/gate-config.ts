import type { z } from 'zod';
import { FIXED_GATE_CONDITIONS, GATE_CONDITIONS, type GateCondition, type GateConfig, type Transition } from '../../../common/domain/gates';
import type { GateConfigView, gateConfigBody } from '../../../common/schemas/projects';
import type { Executor, Tx } from '../../db/client';
import { type Actor, type RequestContext, can } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { invalidField, staleVersion } from '../../lib/errors';
import { translate } from '../../lib/messages';
import { loadGateConfig, saveGateConfig } from './gate-repository';
import { actorHomeRegion } from '../regions';
import { enabledDictionaryEntries } from './reference-repository';

type GateConfigInput = z.infer<typeof gateConfigBody>;

/** The district whose gates the actor configures: his own, or the district of his street. */
const gateRegion = async (db: Executor, actor: Actor): Promise<string> => (await actorHomeRegion(db, actor)).code;

const present = (
  actor: Actor,
  regionCode: string,
  stored: { config: GateConfig; version: number; isDefault: boolean },
): GateConfigView => ({
  regionCode,
  gates: stored.config.gates,
  requiredApprovals: stored.config.requiredApprovals,
  isDefault: stored.isDefault,
  conditionLabels: Object.fromEntries(GATE_CONDITIONS.map((c) => [c, translate(actor.locale, `gate.${c}`)])) as Record<
    GateCondition,
    string
  >,
  version: stored.version,
  abilities: { update: can(actor, 'project.configure') },
});

/** The pool gates of the actor's district, as the project office configures them. */
export async function getGateConfig(db: Executor, actor: Actor): Promise<GateConfigView> {
  const regionCode = await gateRegion(db, actor);
  return present(actor, regionCode, await loadGateConfig(db, regionCode));
}

/**
 * The fixed conditions stay on their gates, each list names a condition or an approval item type at most once, and
 * approval types exist in the dictionary.
 */
async function checkGateConfig(db: Executor, input: GateConfigInput) {
  const configured: GateConfig['gates'] = input.gates;
  for (const [transition, fixed] of Object.entries(FIXED_GATE_CONDITIONS) as [Transition, GateCondition[]][]) {
    const missing = fixed.find((condition) => !configured[transition]?.includes(condition));
    if (missing) throw invalidField(`gates.${transition}`, 'gate.fixed_condition', { condition: missing });
  }
  for (const [transition, conditions] of Object.entries(input.gates)) {
    conditions?.forEach((condition, i) => {
      if (conditions.indexOf(condition) !== i) throw invalidField(`gates.${transition}.${i}`, 'gate.duplicate_condition', { condition });
    });
  }
  const wanted = [...new Set(Object.values(input.requiredApprovals).flatMap((codes) => codes ?? []))];
  const found = new Set(
    (
      await enabledDictionaryEntries(
        db,
        wanted.map((code) => ({ type: 'approval_item_type', code })),
      )
    ).map((e) => e.code),
  );
  for (const [approvalType, codes] of Object.entries(input.requiredApprovals)) {
    codes?.forEach((code, i) => {
      const path = `requiredApprovals.${approvalType}.${i}`;
      if (!found.has(code)) throw invalidField(path, 'gate.approval_type_unknown', { code });
      if (codes.indexOf(code) !== i) throw invalidField(path, 'gate.duplicate_condition', { condition: code });
    });
  }
}

/** Replaces the district's gate configuration (send the version read; 0 while on the defaults), audited. */
export async function updateGateConfig({
  ctx,
  tx,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  input: GateConfigInput;
}): Promise<GateConfigView> {
  const regionCode = await gateRegion(tx, ctx.actor);
  await checkGateConfig(tx, input);
  const before = await loadGateConfig(tx, regionCode, { forUpdate: true });
  if (before.version !== input.version) throw staleVersion();
  const config: GateConfig = { gates: input.gates, requiredApprovals: input.requiredApprovals };
  if (!(await saveGateConfig(tx, regionCode, input.version, config))) throw staleVersion();
  const after = await loadGateConfig(tx, regionCode);
  await recordAudit(tx, ctx, {
    action: 'projects.gates_update',
    recordType: 'gate_config',
    recordId: regionCode,
    regionCode,
    before: { ...before.config, isDefault: before.isDefault },
    after: after.config,
  });
  return present(ctx.actor, regionCode, after);
}
