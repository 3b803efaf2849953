import { evaluateGate } from '../../../common/domain/gates';
import { todayInChina } from '../../../common/domain/dates';
import { leadMove } from '../../../common/domain/leads';
import type { LeadStage } from '../../../common/enums';
import { enumLabel } from '../../../common/labels';
import type { Locale } from '../../../common/locale';
import type { LeadSignBody, LeadStageBody } from '../../../common/schemas/leads';
import type { Tx } from '../../db/client';
import { leadStageMoves, leads } from '../../db/schema';
import { type RequestContext, can } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, forbidden } from '../../lib/errors';
import { translate } from '../../lib/messages';
import { updateAtVersion } from '../../lib/versioned';
import { checkProjectCustomValues } from '../custom-fields';
import { checkProjectDraft, findProject, gateFacts, insertProjects, loadGateConfig, newDraft, recordPoolMoves } from '../projects';
import type { LeadRow } from './repository';
import { type Detail, invalid, manageableLead, reloaded } from './service';

const stageNames = (locale: Locale, stages: readonly LeadStage[]) =>
  stages.map((s) => enumLabel(locale, 'leadStage', s)).join(locale === 'zh-CN' ? '、' : ', ');

/**
 * Asks the stage machine (common/domain/leads.ts) whether the lead may go to `to`: out of order is a 422
 * `lead_wrong_stage` naming its stage and the stages it may go to; a drop without a reason or a signing without its
 * contract is a 400 on those fields.
 */
function assertMove(locale: Locale, lead: LeadRow, to: LeadStage, facts: Parameters<typeof leadMove>[2]) {
  const move = leadMove(lead.stage, to, facts);
  if (move.ok) return;
  if (move.refusal === 'out_of_order') {
    const stage = enumLabel(locale, 'leadStage', lead.stage);
    const params = { stage, to: enumLabel(locale, 'leadStage', to), expected: stageNames(locale, move.expected) };
    const key = move.expected.length ? 'lead.wrong_stage' : 'lead.final_stage';
    throw new AppError(422, 'lead_wrong_stage', key, params, [{ path: 'to', messageKey: key, params }]);
  }
  if (move.refusal === 'reason_required') throw invalid([{ path: 'reason', messageKey: 'lead.reason_required' }]);
  const details: Detail[] = [];
  if (!facts?.contractValueYuan) details.push({ path: 'contractValueYuan', messageKey: 'lead.contract_value_required' });
  if (!facts?.contractDate) details.push({ path: 'contractDate', messageKey: 'lead.contract_date_required' });
  throw invalid(details);
}

/** The day of a move: not after today, not before the day the lead reached its stage. */
function checkMoveDay(lead: LeadRow, on: string, path: string) {
  if (on > todayInChina()) throw invalid([{ path, messageKey: 'lead.date_future' }]);
  if (on < lead.stageOn) throw invalid([{ path, messageKey: 'lead.stage_date_order', params: { date: lead.stageOn } }]);
}

async function recordMove(tx: Tx, ctx: RequestContext, lead: LeadRow, to: LeadStage, on: string, reason: string | null, extra = {}) {
  await tx.insert(leadStageMoves).values({ leadId: lead.id, fromStage: lead.stage, toStage: to, on, reason, actorId: ctx.actor.userId });
  await recordAudit(tx, ctx, {
    action: 'leads.move',
    recordType: 'lead',
    recordId: lead.id,
    regionCode: lead.regionCode,
    before: { stage: lead.stage },
    after: { stage: to, on, reason, ...extra },
  });
}

/**
 * Moves a lead one stage on (or drops it, with a reason) at the version read, on the day given (today by default):
 * the stage, its day, the move on its history, an audit event. Signing goes through `signLead`.
 */
export async function moveLead({ ctx, tx, id, input }: { ctx: RequestContext; tx: Tx; id: string; input: LeadStageBody }) {
  const lead = await manageableLead(tx, ctx, id, input.version);
  const reason = input.reason?.trim() || null;
  assertMove(ctx.actor.locale, lead, input.to, { reason });
  const on = input.on ?? todayInChina();
  checkMoveDay(lead, on, 'on');
  await updateAtVersion(
    tx,
    leads,
    { key: leads.id, keyValue: id, version: input.version },
    {
      stage: input.to,
      stageOn: on,
      droppedReason: input.to === 'dropped' ? reason : null,
      ...(input.to === 'assessed' ? { assessedOn: on } : {}),
    },
  );
  await recordMove(tx, ctx, lead, input.to, on, reason);
  return reloaded(tx, ctx, id);
}

/**
 * Creates the project a signed lead becomes, through the project library's one writer: its name, the enterprise as
 * owner, industry, estimated investment, land need, leader and unit carried over, checked as a new project is. Into
 * planning, or — for those who may move projects — into advancing, through that pool's gate as the district sets it
 * (422 gate_refused naming what is missing), the move recorded with the lead as its reason.
 */
async function createSignedProject(tx: Tx, ctx: RequestContext, lead: LeadRow, pool: 'planning' | 'advancing'): Promise<string> {
  if (!can(ctx.actor, 'project.create')) throw forbidden();
  if (pool === 'advancing' && !can(ctx.actor, 'project.move')) throw invalid([{ path: 'pool', messageKey: 'lead.pool_needs_move' }]);
  const draft = newDraft({
    name: lead.name,
    leadUnitId: lead.unitId,
    ownerName: lead.enterpriseName,
    industryCode: lead.industryCode,
    totalInvestmentYuan: lead.estimatedInvestmentYuan,
    // The lead's 用地需求 says it: some 亩 → yes, 0 → no; none recorded → not stated (the office says before 实施库).
    needsLand: lead.landMu === null ? null : lead.landMu > 0,
    landAreaMu: lead.landMu,
    floorAreaM2: lead.spaceM2,
    leaderIds: lead.leaderId ? [lead.leaderId] : [],
    chainCode: lead.chainCode,
    chainNode: lead.chainNode,
  });
  const placement = await checkProjectDraft(tx, ctx, draft, null);
  draft.customValues = await checkProjectCustomValues(tx, ctx.actor.locale, {
    regionCode: placement.regionCode,
    categoryCode: draft.categoryCode,
    values: draft.customValues,
  });
  const [projectId] = await insertProjects(tx, ctx, [{ draft, placement, pool }]);
  if (!projectId) throw new Error('project not written');
  if (pool === 'advancing') {
    const project = await findProject(tx, ctx.actor, projectId);
    if (!project) throw forbidden();
    const { config } = await loadGateConfig(tx, placement.regionCode);
    const unmet = evaluateGate('planning->advancing', await gateFacts(tx, project), config).filter((c) => !c.met);
    if (unmet.length) {
      const details = unmet.map((c) => ({ path: c.key, messageKey: `gate.${c.key}` as Detail['messageKey'] }));
      throw new AppError(422, 'gate_refused', 'lead.sign_gate_refused', {}, details);
    }
    await recordPoolMoves(tx, ctx, [
      {
        projectId,
        regionCode: placement.regionCode,
        from: 'planning',
        to: 'advancing',
        reason: translate(ctx.actor.locale, 'lead.sign_move_reason', { name: lead.name }),
        withdrawnReason: { before: null, after: null },
      },
    ]);
  }
  return projectId;
}

/**
 * Signs a lead being negotiated at the version read: the contract's value and date (400 naming what is missing), and
 * the project it becomes — a new one (planning or advancing) carrying the lead's data, or an existing project of the
 * district the reader sees. The lead keeps the link; the move and the signing are audited with the project's creation.
 */
export async function signLead({ ctx, tx, id, input }: { ctx: RequestContext; tx: Tx; id: string; input: LeadSignBody }) {
  const lead = await manageableLead(tx, ctx, id, input.version);
  assertMove(ctx.actor.locale, lead, 'signed', input);
  const contractDate = input.contractDate as string;
  checkMoveDay(lead, contractDate, 'contractDate');
  let projectId: string;
  let created = false;
  if (input.projectId) {
    const project = await findProject(tx, ctx.actor, input.projectId);
    if (!project) throw invalid([{ path: 'projectId', messageKey: 'lead.project_unknown' }]);
    if (project.regionCode !== lead.regionCode) throw invalid([{ path: 'projectId', messageKey: 'lead.project_other_district' }]);
    projectId = project.id;
  } else {
    projectId = await createSignedProject(tx, ctx, lead, input.pool);
    created = true;
  }
  await updateAtVersion(
    tx,
    leads,
    { key: leads.id, keyValue: id, version: input.version },
    { stage: 'signed', stageOn: contractDate, contractValueYuan: input.contractValueYuan, contractDate, projectId },
  );
  await recordMove(tx, ctx, lead, 'signed', contractDate, null, {
    contractValueYuan: input.contractValueYuan,
    contractDate,
    projectId,
    projectCreated: created,
  });
  return reloaded(tx, ctx, id);
}
