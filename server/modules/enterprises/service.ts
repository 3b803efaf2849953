import type { EnterpriseCreateBody, EnterpriseUpdateBody } from '../../../common/schemas/enterprises';
import { enterpriseNameKey } from '../../../common/domain/enterprise-name';
import type { Tx } from '../../db/client';
import { enterprises } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, notFound, staleVersion } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import { pinyinInitials } from '../../lib/pinyin';
import { districtInReach } from '../../lib/scope';
import { updateAtVersion } from '../../lib/versioned';
import { enabledDictionaryEntries, regionExists } from '../projects';
import { type District, actorDistrict, districtOf } from '../regions';
import {
  type EnterpriseRecord,
  type EnterpriseRow,
  deleteEnterpriseRow,
  enterpriseWithUscc,
  findEnterprise,
  insertEnterprise,
  lockEnterprise,
  lockUscc,
  similarEnterprises,
} from './repository';
import { readUscc } from './uscc-rules';

type Detail = { path: string; messageKey: MessageKey; params?: Record<string, string | number> };
const invalid = (details: Detail[]) => new AppError(400, 'validation_failed', 'error.validation_failed', {}, details);

/** The fields of an enterprise a user writes, as the rules check them. */
export type EnterpriseDraft = Pick<
  EnterpriseRecord,
  'name' | 'uscc' | 'kind' | 'abroad' | 'tags' | 'listingStage' | 'size' | 'industryCode' | 'hqRegionCode' | 'contacts'
>;

/** The district a new enterprise goes into: the one named (in the reader's reach), else the reader's own. */
async function targetDistrict(tx: Tx, ctx: RequestContext, regionCode: string | undefined): Promise<District> {
  if (regionCode === undefined) {
    const own = await actorDistrict(tx, ctx.actor);
    if (!own) throw new AppError(422, 'no_district', 'enterprise.no_district');
    return own;
  }
  const district = await districtOf(tx, regionCode);
  if (!district || district.code !== regionCode || !districtInReach(ctx.actor, district.path)) {
    throw invalid([{ path: 'regionCode', messageKey: 'enterprise.region_outside_scope' }]);
  }
  return district;
}

/**
 * Checks a draft against the register's rules and answers it with the USCC in canonical form: the USCC valid
 * (GB 32100, the position at fault named) and present unless a target enterprise abroad, the tags enabled items of
 * the enterprise_tag dictionary, a listing stage only with 拟上市, the industry an enabled GB/T 4754 item, the
 * headquarters a known region. Every field at fault is named at once (400).
 */
export async function checkDraft(tx: Tx, draft: EnterpriseDraft): Promise<EnterpriseDraft> {
  const details: Detail[] = [];
  let uscc: string | null = null;
  const typed = draft.uscc?.trim() ?? '';
  if (typed) {
    try {
      uscc = await readUscc(tx, typed);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      details.push(...error.details);
    }
  } else if (!(draft.kind === 'target' && draft.abroad)) {
    details.push({ path: 'uscc', messageKey: 'enterprise.uscc_required' });
  }
  const tags = [...new Set(draft.tags)];
  const wanted = [
    ...tags.map((code) => ({ type: 'enterprise_tag', code })),
    ...(draft.industryCode ? [{ type: 'industry', code: draft.industryCode }] : []),
  ];
  const enabled = new Set((await enabledDictionaryEntries(tx, wanted)).map((e) => `${e.type}:${e.code}`));
  draft.tags.forEach((code, i) => {
    if (!enabled.has(`enterprise_tag:${code}`)) details.push({ path: `tags.${i}`, messageKey: 'enterprise.tag_unknown', params: { code } });
  });
  if (draft.listingStage && !tags.includes('pre_listing'))
    details.push({ path: 'listingStage', messageKey: 'enterprise.listing_stage_needs_tag' });
  if (draft.industryCode && !enabled.has(`industry:${draft.industryCode}`)) {
    details.push({ path: 'industryCode', messageKey: 'enterprise.industry_unknown', params: { code: draft.industryCode } });
  }
  if (draft.hqRegionCode && !(await regionExists(tx, draft.hqRegionCode))) {
    details.push({ path: 'hqRegionCode', messageKey: 'enterprise.hq_region_unknown', params: { code: draft.hqRegionCode } });
  }
  if (details.length) throw invalid(details);
  return { ...draft, uscc, tags };
}

/** 409 `enterprise_duplicate_uscc` naming the enterprise of the district that already has the code. */
async function refuseDuplicate(tx: Tx, regionCode: string, uscc: string | null, exceptId: string | null) {
  if (!uscc) return;
  await lockUscc(tx, regionCode, uscc);
  const existing = await enterpriseWithUscc(tx, regionCode, uscc, exceptId);
  if (!existing) return;
  const params = { name: existing.name };
  throw new AppError(409, 'enterprise_duplicate_uscc', 'enterprise.duplicate_uscc', params, [
    { path: 'uscc', messageKey: 'enterprise.duplicate_uscc', params },
  ]);
}

const nameColumns = (name: string) => ({ namePinyin: pinyinInitials(name), nameKey: enterpriseNameKey(name) });

const auditView = (row: EnterpriseRecord) => ({
  name: row.name,
  uscc: row.uscc,
  kind: row.kind,
  abroad: row.abroad,
  tags: row.tags,
  listingStage: row.listingStage,
  size: row.size,
  industryCode: row.industryCode,
  hqRegionCode: row.hqRegionCode,
  contacts: row.contacts,
});

async function reloaded(tx: Tx, ctx: RequestContext, id: string): Promise<EnterpriseRow> {
  const row = await findEnterprise(tx, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

/**
 * Adds an enterprise to a district's register (the reader's own unless he names one in his reach), audited. A USCC
 * the district already has is refused (409, naming that enterprise); a name close to one already there is not, but is
 * answered as `warnings: [{ similarTo }]` so the user can check for a duplicate.
 */
export async function createEnterprise({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: EnterpriseCreateBody }) {
  const district = await targetDistrict(tx, ctx, input.regionCode);
  const draft = await checkDraft(tx, input);
  await refuseDuplicate(tx, district.code, draft.uscc, null);
  const row = await insertEnterprise(tx, {
    ...draft,
    ...nameColumns(draft.name),
    regionCode: district.code,
    createdBy: ctx.actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: 'enterprises.create',
    recordType: 'enterprise',
    recordId: row.id,
    regionCode: row.regionCode,
    after: auditView(row),
  });
  const similar = await similarEnterprises(tx, row.regionCode, row.name, row.nameKey, row.id);
  return { row: await reloaded(tx, ctx, row.id), warnings: similar.map((s) => ({ similarTo: s })) };
}

/** Edits an enterprise at the version read: the same rules as adding one, the changed fields audited. */
export async function updateEnterprise({ ctx, tx, id, input }: { ctx: RequestContext; tx: Tx; id: string; input: EnterpriseUpdateBody }) {
  if (!(await findEnterprise(tx, ctx.actor, id))) throw notFound();
  await lockEnterprise(tx, id);
  const before = await reloaded(tx, ctx, id);
  if (before.version !== input.version) throw staleVersion();
  const { version, ...changes } = input;
  const draft = await checkDraft(tx, { ...auditView(before), ...changes });
  await refuseDuplicate(tx, before.regionCode, draft.uscc, id);
  const row = await updateAtVersion(
    tx,
    enterprises,
    { key: enterprises.id, keyValue: id, version },
    { ...draft, ...nameColumns(draft.name) },
  );
  await recordAudit(tx, ctx, {
    action: 'enterprises.update',
    recordType: 'enterprise',
    recordId: id,
    regionCode: row.regionCode,
    ...changedFields(auditView(before), auditView(row)),
  });
  return reloaded(tx, ctx, id);
}

/** Removes an enterprise from the register, audited with what it held. */
export async function deleteEnterprise({ ctx, tx, id }: { ctx: RequestContext; tx: Tx; id: string }) {
  const row = await findEnterprise(tx, ctx.actor, id);
  if (!row) throw notFound();
  await deleteEnterpriseRow(tx, id);
  await recordAudit(tx, ctx, {
    action: 'enterprises.delete',
    recordType: 'enterprise',
    recordId: id,
    regionCode: row.regionCode,
    before: auditView(row),
  });
}
