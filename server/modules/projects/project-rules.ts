import { todayInChina } from '../../../common/domain/dates';
import { openingInvestmentProblem } from '../../../common/domain/opening-investment';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { conflict, invalidField } from '../../lib/errors';
import type { ProjectDraft } from './draft';
import { readProjectCode } from './project-code-rules';
import { type ProjectReferences, databaseReferences } from './project-references';
import type { District } from '../regions';
import type { ProjectDetailRow } from './repository';

/** What the rules derive from a valid draft: the owning district and the stored form of the 项目代码. */
export type Placement = { regionCode: string; code: string | null; codeRegionCode: string | null };

// Each dictionary-coded field and the dictionary it draws from. Industry accepts a section or a division.
const DICTIONARY_FIELDS = [
  ['categoryCode', 'project_category'],
  ['industryCode', 'industry'],
  ['leadingIndustryCode', 'leading_industry'],
  ['clusterCode', 'cluster'],
  ['parkCode', 'park'],
  ['chainCode', 'industry_chain'],
] as const;

/** The district of the lead unit, which must be one the actor may see and sit in a district or a street of one. */
async function leadUnitDistrict(refs: ProjectReferences, draft: ProjectDraft): Promise<District> {
  const unitRegion = await refs.visibleUnitRegion(draft.leadUnitId);
  if (!unitRegion) throw invalidField('leadUnitId', 'project.unit_outside_scope');
  const district = await refs.districtOf(unitRegion);
  if (!district) throw invalidField('leadUnitId', 'project.lead_unit_no_district');
  return district;
}

/** Co-units the actor adds must be units he may see; units already linked stay even when he cannot see them. */
async function checkCoUnits(refs: ProjectReferences, draft: ProjectDraft, current: ProjectDetailRow | null) {
  const linked = new Set(current?.coUnits.map((u) => u.id));
  const added = draft.coUnitIds.filter((id) => !linked.has(id));
  const visible = await refs.visibleUnitIds(added);
  draft.coUnitIds.forEach((id, i) => {
    if (id === draft.leadUnitId) throw invalidField(`coUnitIds.${i}`, 'project.co_unit_is_lead');
    if (!linked.has(id) && !visible.has(id)) throw invalidField(`coUnitIds.${i}`, 'project.unit_outside_scope');
  });
}

/** Leaders in charge the actor adds must be active accounts of the project's district. */
async function checkLeaders(refs: ProjectReferences, district: District, draft: ProjectDraft, current: ProjectDetailRow | null) {
  const linked = new Set(current?.leaders.map((l) => l.id));
  const added = draft.leaderIds.filter((id) => !linked.has(id));
  const eligible = await refs.eligibleLeaderIds(district, added);
  draft.leaderIds.forEach((id, i) => {
    if (!linked.has(id) && !eligible.has(id)) throw invalidField(`leaderIds.${i}`, 'project.leader_invalid');
  });
}

/** Dictionary codes that change must exist and be enabled; a park must lie in the chosen cluster. */
async function checkDictionaries(refs: ProjectReferences, draft: ProjectDraft, current: ProjectDetailRow | null) {
  const wanted = DICTIONARY_FIELDS.flatMap(([field, type]) => {
    const code = draft[field];
    return code && code !== current?.[field] ? [{ field, type, code }] : [];
  });
  const found = await refs.enabledDictionaryEntries(wanted);
  for (const w of wanted) {
    if (!found.some((f) => f.type === w.type && f.code === w.code))
      throw invalidField(w.field, 'project.dictionary_unknown', { code: w.code });
  }
  const parkOrClusterChanged = draft.parkCode !== (current?.parkCode ?? null) || draft.clusterCode !== (current?.clusterCode ?? null);
  if (draft.parkCode && draft.clusterCode && parkOrClusterChanged) {
    const park =
      found.find((f) => f.type === 'park' && f.code === draft.parkCode) ??
      (await refs.enabledDictionaryEntries([{ type: 'park', code: draft.parkCode }]))[0];
    if (park?.parentCode && park.parentCode !== draft.clusterCode) throw invalidField('parkCode', 'project.park_not_in_cluster');
  }
}

/** Dates in order and money that adds up; the later or smaller field is the one named. */
function checkDatesAndMoney(draft: ProjectDraft) {
  if (draft.plannedStart && draft.plannedCompletion && draft.plannedCompletion < draft.plannedStart) {
    throw invalidField('plannedCompletion', 'project.planned_completion_before_start');
  }
  if (draft.actualStart && draft.actualCompletion && draft.actualCompletion < draft.actualStart) {
    throw invalidField('actualCompletion', 'project.actual_completion_before_start');
  }
  if (
    draft.fixedAssetInvestmentYuan !== null &&
    draft.totalInvestmentYuan !== null &&
    draft.fixedAssetInvestmentYuan > draft.totalInvestmentYuan
  ) {
    throw invalidField('fixedAssetInvestmentYuan', 'project.fixed_asset_exceeds_total');
  }
  const opening = openingInvestmentProblem(draft, todayInChina());
  if (opening) throw invalidField(opening.field, opening.messageKey);
}

/**
 * The planning track's records agree with each other: an approval date only for an approved feasibility study, a
 * segment or node only on a named chain, and a tax no larger than the output it is levied on.
 */
function checkPlanningTrack(draft: ProjectDraft) {
  if (draft.feasibilityApprovedOn && draft.feasibilityStatus !== 'approved') {
    throw invalidField('feasibilityApprovedOn', 'project.feasibility_date_without_approval');
  }
  if ((draft.chainSegment || draft.chainNode) && !draft.chainCode) throw invalidField('chainCode', 'project.chain_required');
  if (draft.expectedTaxYuan !== null && draft.expectedOutputYuan !== null && draft.expectedTaxYuan > draft.expectedOutputYuan) {
    throw invalidField('expectedTaxYuan', 'project.tax_exceeds_output');
  }
}

/**
 * The 项目代码: valid, and unique in the district, when given. Once a project has left planning its code cannot be
 * cleared; one still without a code there (the default gates ask for it only before implementation) may be edited.
 */
async function placeCode(refs: ProjectReferences, draft: ProjectDraft, regionCode: string, current: ProjectDetailRow | null) {
  if (!draft.code) {
    if (current?.code && current.pool !== 'planning') throw invalidField('code', 'project.code_required');
    return { code: null, codeRegionCode: null };
  }
  if (current?.code && draft.code === current.code) {
    if (regionCode !== current.regionCode && (await refs.codeTaken(regionCode, current.code, current.id))) {
      throw conflict('project.duplicate_code', 'code');
    }
    return { code: current.code, codeRegionCode: current.codeRegionCode };
  }
  const read = await readProjectCode(refs, draft.code);
  if (await refs.codeTaken(regionCode, read.code, current?.id ?? null)) throw conflict('project.duplicate_code', 'code');
  return { code: read.code, codeRegionCode: read.regionCode };
}

/**
 * Checks a project as it would be stored, against the reference data and the actor's scope. Only what changes is
 * checked against the reference data, so a later-disabled dictionary item does not block unrelated edits.
 * `refs` is where the reference data comes from: the database by default, a preloaded set for an import.
 */
export async function checkProjectDraft(
  db: Executor,
  ctx: RequestContext,
  draft: ProjectDraft,
  current: ProjectDetailRow | null,
  refs: ProjectReferences = databaseReferences(db, ctx.actor),
): Promise<Placement> {
  const leadChanged = !current || draft.leadUnitId !== current.leadUnitId;
  const district = leadChanged ? await leadUnitDistrict(refs, draft) : await refs.districtOf(current.regionCode);
  if (!district) throw invalidField('leadUnitId', 'project.lead_unit_no_district');
  await checkCoUnits(refs, draft, current);
  await checkLeaders(refs, district, draft, current);
  await checkDictionaries(refs, draft, current);
  const regionChanged = district.code !== current?.regionCode;
  if (
    draft.streetCode &&
    (regionChanged || draft.streetCode !== current?.streetCode) &&
    !(await refs.isStreetOf(draft.streetCode, district.code))
  ) {
    throw invalidField('streetCode', 'project.street_not_in_district');
  }
  checkDatesAndMoney(draft);
  checkPlanningTrack(draft);
  const code = await placeCode(refs, draft, district.code, current);
  return { regionCode: district.code, ...code };
}
