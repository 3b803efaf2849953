import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { todayInChina } from '../../../common/domain/dates';
import type { LeadCreateBody, LeadUpdateBody } from '../../../common/schemas/leads';
import type { Tx } from '../../db/client';
import { leadStageMoves, leads } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, forbidden, notFound, staleVersion } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import { updateAtVersion } from '../../lib/versioned';
import { districtChainNode } from '../chains';
import { enabledDictionaryEntries } from '../projects';
import { actorDistrict } from '../regions';
import { canManageLead } from './policy';
import {
  type LeadRecord,
  type LeadRow,
  districtEnterprise,
  districtEvent,
  districtUsers,
  findLead,
  insertLead,
  lockLead,
  unitOfDistrict,
} from './repository';

export type Detail = { path: string; messageKey: MessageKey; params?: Record<string, string | number> };
export const invalid = (details: Detail[]) => new AppError(400, 'validation_failed', 'error.validation_failed', {}, details);

/** The fields of a lead a user writes, as the rules check them. */
type LeadDraft = Pick<
  LeadRecord,
  | 'name'
  | 'enterpriseId'
  | 'method'
  | 'eventId'
  | 'referrer'
  | 'ownerId'
  | 'unitId'
  | 'leaderId'
  | 'estimatedInvestmentYuan'
  | 'outOfCityPercent'
  | 'outOfProvincePercent'
  | 'foreignPercent'
  | 'landMu'
  | 'spaceM2'
  | 'industryCode'
  | 'chainCode'
  | 'chainNodeId'
  | 'chainNode'
  | 'notes'
  | 'receivedOn'
>;

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/**
 * Checks a lead against the district's records: its enterprise in the district's register, its event the district's,
 * its owner an active person of the district, its unit the district's, its leader an active district leader, the
 * industry and chain enabled dictionary items, the shares nested (foreign ≤ out-of-province ≤ out-of-city), the day it
 * came in not later than today, a node picked (changed) on one of the district's chain maps. Every field at fault is named
 * at once (400).
 */
async function checkDraft(tx: Tx, regionCode: string, draft: LeadDraft, today: string, was?: LeadDraft): Promise<LeadDraft> {
  const details: Detail[] = [];
  if (draft.enterpriseId && !(await districtEnterprise(tx, regionCode, draft.enterpriseId))) {
    details.push({ path: 'enterpriseId', messageKey: 'lead.enterprise_unknown' });
  }
  if (draft.eventId && !(await districtEvent(tx, regionCode, draft.eventId))) {
    details.push({ path: 'eventId', messageKey: 'lead.event_unknown' });
  }
  const people = await districtUsers(tx, regionCode, [draft.ownerId, ...(draft.leaderId ? [draft.leaderId] : [])]);
  if (!people.has(draft.ownerId)) details.push({ path: 'ownerId', messageKey: 'lead.owner_unknown' });
  if (draft.leaderId && people.get(draft.leaderId)?.roleCode !== 'leader') {
    details.push({ path: 'leaderId', messageKey: 'lead.leader_unknown' });
  }
  if (!(await unitOfDistrict(tx, regionCode, draft.unitId))) details.push({ path: 'unitId', messageKey: 'lead.unit_unknown' });
  const wanted = [
    ...(draft.industryCode ? [{ type: 'industry', code: draft.industryCode }] : []),
    ...(draft.chainCode ? [{ type: 'industry_chain', code: draft.chainCode }] : []),
  ];
  const enabled = new Set((await enabledDictionaryEntries(tx, wanted)).map((e) => `${e.type}:${e.code}`));
  if (draft.industryCode && !enabled.has(`industry:${draft.industryCode}`)) {
    details.push({ path: 'industryCode', messageKey: 'lead.industry_unknown', params: { code: draft.industryCode } });
  }
  if (draft.chainCode && !enabled.has(`industry_chain:${draft.chainCode}`)) {
    details.push({ path: 'chainCode', messageKey: 'lead.chain_unknown', params: { code: draft.chainCode } });
  }
  if (!(draft.foreignPercent <= draft.outOfProvincePercent && draft.outOfProvincePercent <= draft.outOfCityPercent)) {
    details.push({ path: 'outOfProvincePercent', messageKey: 'lead.shares_nested' });
  }
  // A node picked from a chain map is one of the district's, and names the lead's node. A node kept as it was is not
  // checked again: one since removed from its map must not block every later edit of the lead.
  const picked = draft.chainNodeId && draft.chainNodeId !== was?.chainNodeId ? draft.chainNodeId : null;
  const node = picked ? await districtChainNode(tx, regionCode, picked) : null;
  if (picked && !node) details.push({ path: 'chainNodeId', messageKey: 'lead.chain_node_unknown' });
  if (draft.receivedOn > today) details.push({ path: 'receivedOn', messageKey: 'lead.date_future' });
  if (details.length) throw invalid(details);
  return {
    ...draft,
    referrer: blankToNull(draft.referrer),
    chainNode: node?.name ?? blankToNull(draft.chainNode),
    notes: blankToNull(draft.notes),
  };
}

const auditView = (row: LeadRecord) => ({
  name: row.name,
  enterpriseId: row.enterpriseId,
  method: row.method,
  eventId: row.eventId,
  referrer: row.referrer,
  ownerId: row.ownerId,
  unitId: row.unitId,
  leaderId: row.leaderId,
  estimatedInvestmentYuan: row.estimatedInvestmentYuan,
  outOfCityPercent: row.outOfCityPercent,
  outOfProvincePercent: row.outOfProvincePercent,
  foreignPercent: row.foreignPercent,
  landMu: row.landMu,
  spaceM2: row.spaceM2,
  industryCode: row.industryCode,
  chainCode: row.chainCode,
  chainNodeId: row.chainNodeId,
  chainNode: row.chainNode,
  notes: row.notes,
  receivedOn: row.receivedOn,
});

/** The lead as the reader sees it after a write in this transaction. */
export async function reloaded(tx: Tx, ctx: RequestContext, id: string): Promise<LeadRow> {
  const row = await findLead(tx, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

/**
 * The lead the reader may change, locked for the rest of the transaction and read at the version he read: 404 when
 * he does not see it, 403 when it is not his side's, 409 when someone changed it meanwhile.
 */
export async function manageableLead(tx: Tx, ctx: RequestContext, id: string, version: number | null): Promise<LeadRow> {
  if (!(await findLead(tx, ctx.actor, id))) throw notFound();
  await lockLead(tx, id);
  const row = await reloaded(tx, ctx, id);
  if (!canManageLead(ctx.actor, row)) throw forbidden();
  if (version !== null && row.version !== version) throw staleVersion();
  return row;
}

/**
 * The lead `createLead` would record, checked by the same rules without writing (400 naming every field at fault;
 * 422 when the reader has no district): the owner the reader unless named, the unit the owner's, received today.
 */
export async function checkLeadCreate(tx: Tx, ctx: RequestContext, input: LeadCreateBody) {
  const district = await actorDistrict(tx, ctx.actor);
  if (!district) throw new AppError(422, 'no_district', 'lead.no_district');
  const today = todayInChina();
  const ownerId = input.ownerId ?? ctx.actor.userId;
  const ownerUnit = (await districtUsers(tx, district.code, [ownerId])).get(ownerId)?.unitId;
  const draft = await checkDraft(
    tx,
    district.code,
    { ...input, ownerId, unitId: input.unitId ?? ownerUnit ?? ctx.actor.unitId, receivedOn: input.receivedOn ?? today },
    today,
  );
  return { district, draft };
}

/**
 * What `updateLead` would check of the lead the reader sees, without writing or locking: 404 when out of reach; when
 * the changes change it, 403 when it is not his side's and 400 naming every field at fault. Answers the lead as it
 * is and whether the changes change it (text compared as the rules keep it: trimmed, blank as none).
 */
export async function checkLeadUpdate(tx: Tx, ctx: RequestContext, id: string, changes: Omit<LeadUpdateBody, 'version'>) {
  const before = await findLead(tx, ctx.actor, id);
  if (!before) throw notFound();
  const was = auditView(before);
  const wanted = { ...was, ...changes };
  const kept = (value: unknown) => String(value ?? '').trim();
  const changed = (Object.keys(was) as (keyof typeof was)[]).some((k) => kept(wanted[k]) !== kept(was[k]));
  // Asking for the lead as it is changes nothing, so it is no one's to refuse.
  if (!changed) return { before, changed };
  if (!canManageLead(ctx.actor, before)) throw forbidden();
  await checkDraft(tx, before.regionCode, wanted, todayInChina(), was);
  return { before, changed };
}

/**
 * Records a lead in the reader's district at its first stage (线索), audited: the owner is the reader and the unit
 * the owner's unless the request names others; its clocks start on the day it came in (today unless given).
 */
export async function createLead({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: LeadCreateBody }): Promise<LeadRow> {
  const { district, draft } = await checkLeadCreate(tx, ctx, input);
  const row = await insertLead(tx, {
    ...draft,
    regionCode: district.code,
    stage: 'lead',
    stageOn: draft.receivedOn,
    createdBy: ctx.actor.userId,
  });
  await tx
    .insert(leadStageMoves)
    .values({ leadId: row.id, fromStage: null, toStage: 'lead', on: row.receivedOn, actorId: ctx.actor.userId });
  await recordAudit(tx, ctx, {
    action: 'leads.create',
    recordType: 'lead',
    recordId: row.id,
    regionCode: row.regionCode,
    after: { ...auditView(row), stage: row.stage },
  });
  return reloaded(tx, ctx, row.id);
}

/** Edits a lead at the version read: the same rules as recording one, the changed fields audited. */
export async function updateLead({ ctx, tx, id, input }: { ctx: RequestContext; tx: Tx; id: string; input: LeadUpdateBody }) {
  const before = await manageableLead(tx, ctx, id, input.version);
  const { version, ...changes } = input;
  const draft = await checkDraft(tx, before.regionCode, { ...auditView(before), ...changes }, todayInChina(), auditView(before));
  const row = await updateAtVersion(tx, leads, { key: leads.id, keyValue: id, version }, draft);
  await recordAudit(tx, ctx, {
    action: 'leads.update',
    recordType: 'lead',
    recordId: id,
    regionCode: row.regionCode,
    ...changedFields(auditView(before), auditView(row)),
  });
  return reloaded(tx, ctx, id);
}

/** Marks the lead changed (a follow-up moves its clocks, not its version). */
export async function touchLead(tx: Tx, id: string, values: PgUpdateSetSource<typeof leads>) {
  await tx
    .update(leads)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(leads.id, id));
}
