import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_GATE_CONFIG, type GateConfig, type GateFacts } from '../../../common/domain/gates';
import { gateConfigBody } from '../../../common/schemas/projects';
import type { Executor } from '../../db/client';
import { approvalItems, dictionaryItems, gateConfigs, milestones, projectLeaders } from '../../db/schema';
import type { ProjectRow } from './scope';

/** What the gates look at, gathered from the project, its leaders, approval items and plan. */
export async function gateFacts(db: Executor, project: ProjectRow): Promise<GateFacts> {
  const [leaders] = await db.select({ n: count() }).from(projectLeaders).where(eq(projectLeaders.projectId, project.id));
  const settled = await db
    .select({ typeCode: approvalItems.typeCode })
    .from(approvalItems)
    .where(and(eq(approvalItems.projectId, project.id), inArray(approvalItems.status, ['done', 'not_required'])));
  const plan = await db
    .select({ kind: milestones.kind, actualFinish: milestones.actualFinish })
    .from(milestones)
    .where(eq(milestones.projectId, project.id));
  return {
    ownerName: project.ownerName,
    totalInvestmentYuan: project.totalInvestmentYuan,
    industryCode: project.industryCode,
    leadUnitId: project.leadUnitId,
    leaderCount: leaders?.n ?? 0,
    code: project.code,
    approvalType: project.approvalType,
    approvalsSettled: settled.map((a) => a.typeCode),
    needsLand: project.needsLand,
    landSecured: project.landSecured,
    milestoneKinds: [...new Set(plan.map((m) => m.kind))],
    completionActual: plan.some((m) => m.kind === 'completion' && !!m.actualFinish),
    feasibilityStatus: project.feasibilityStatus,
    chainCode: project.chainCode,
  };
}

/** A district's gate configuration as stored, or the defaults at version 0. */
export type StoredGateConfig = { config: GateConfig; version: number; isDefault: boolean };

/** The district's gate configuration, or the defaults (version 0) when it has not saved one. */
export async function loadGateConfig(db: Executor, regionCode: string, options: { forUpdate?: boolean } = {}): Promise<StoredGateConfig> {
  const query = db.select().from(gateConfigs).where(eq(gateConfigs.regionCode, regionCode));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) return { config: DEFAULT_GATE_CONFIG, version: 0, isDefault: true };
  // Stored configurations were validated on the way in; one that no longer parses falls back to the defaults.
  const parsed = gateConfigBody.omit({ version: true }).safeParse({ gates: row.gates, requiredApprovals: row.requiredApprovals });
  return { config: parsed.success ? parsed.data : DEFAULT_GATE_CONFIG, version: row.version, isDefault: false };
}

/** Saves a district's configuration: inserts the first one, or replaces it when the version still matches. */
export async function saveGateConfig(db: Executor, regionCode: string, version: number, config: GateConfig): Promise<boolean> {
  if (version === 0) {
    const inserted = await db
      .insert(gateConfigs)
      .values({ regionCode, gates: config.gates, requiredApprovals: config.requiredApprovals })
      .onConflictDoNothing()
      .returning({ regionCode: gateConfigs.regionCode });
    return inserted.length > 0;
  }
  const updated = await db
    .update(gateConfigs)
    .set({
      gates: config.gates,
      requiredApprovals: config.requiredApprovals,
      version: sql`${gateConfigs.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(gateConfigs.regionCode, regionCode), eq(gateConfigs.version, version)))
    .returning({ regionCode: gateConfigs.regionCode });
  return updated.length > 0;
}

/** Names of approval item types, in the reader's language, keyed by code. */
export async function approvalTypeNames(db: Executor, codes: string[], english: boolean): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({ code: dictionaryItems.code, name: dictionaryItems.name, nameEn: dictionaryItems.nameEn })
    .from(dictionaryItems)
    .where(and(eq(dictionaryItems.type, 'approval_item_type'), inArray(dictionaryItems.code, codes)));
  return new Map(rows.map((r) => [r.code, english ? r.nameEn : r.name]));
}
