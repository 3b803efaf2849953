import { pinyinInitials } from '../../lib/pinyin';
import type { ProjectInput } from '../../../common/schemas/projects';
import type { ProjectDetailRow } from './repository';

/** Every field of a project as the API takes it, complete: what a create or an update would leave stored. */
export type ProjectDraft = ProjectInput;

const BLANK: Omit<ProjectDraft, 'name' | 'leadUnitId'> = {
  code: null,
  ownerName: null,
  constructionContent: null,
  categoryCode: null,
  industryCode: null,
  leadingIndustryCode: null,
  isProvincialKey: false,
  isCityKey: false,
  isDistrictKey: true,
  namedLists: [],
  nature: 'reserve',
  approvalType: null,
  streetCode: null,
  clusterCode: null,
  parkCode: null,
  longitude: null,
  latitude: null,
  outline: null,
  totalInvestmentYuan: null,
  fixedAssetInvestmentYuan: null,
  openingCompletedYuan: null,
  openingCompletedAsOf: null,
  // Not stated until someone says (the land gate fails on it).
  needsLand: null,
  landSecured: false,
  landAreaMu: null,
  floorAreaM2: null,
  demolitionM2: null,
  resettlementUnits: null,
  plannedStart: null,
  plannedCompletion: null,
  actualStart: null,
  actualCompletion: null,
  coUnitIds: [],
  leaderIds: [],
  contactName: null,
  contactPhone: null,
  taskForce: null,
  proposal: null,
  feasibilityStatus: null,
  feasibilityApprovedOn: null,
  chainCode: null,
  chainSegment: null,
  chainNode: null,
  expectedOutputYuan: null,
  expectedTaxYuan: null,
  customValues: {},
};

const OPTIONAL_TEXTS = ['code', 'ownerName', 'constructionContent', 'contactName', 'taskForce', 'proposal', 'chainNode'] as const;

/**
 * The fields a request sent, laid over a base; blank optional texts become empty (null), id lists lose repeats.
 * Custom values merge key by key (a null clears one), so a request may send only the fields it changes.
 */
export function mergeDraft(base: ProjectDraft, input: Partial<ProjectDraft>): ProjectDraft {
  const draft: ProjectDraft = { ...base };
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && key in draft) Object.assign(draft, { [key]: value });
  }
  if (input.customValues) draft.customValues = { ...base.customValues, ...input.customValues };
  for (const key of OPTIONAL_TEXTS) if (!draft[key]?.trim()) draft[key] = null;
  draft.leaderIds = [...new Set(draft.leaderIds)];
  draft.coUnitIds = [...new Set(draft.coUnitIds)];
  draft.namedLists = [...new Set(draft.namedLists)];
  return draft;
}

/** A new project's draft: the request over the defaults of a thin planning-pool idea. */
export const newDraft = (input: Partial<ProjectDraft> & Pick<ProjectDraft, 'name' | 'leadUnitId'>): ProjectDraft =>
  mergeDraft({ ...BLANK, name: input.name, leadUnitId: input.leadUnitId }, input);

/** A stored project in the shape of a draft: the base of an update and the snapshot its audit event compares. */
export function draftOf(row: ProjectDetailRow): ProjectDraft {
  const draft = { ...BLANK, name: row.name, leadUnitId: row.leadUnitId };
  for (const key of Object.keys(BLANK) as (keyof typeof BLANK)[]) {
    if (key in row) Object.assign(draft, { [key]: row[key as keyof ProjectDetailRow] });
  }
  draft.leaderIds = row.leaders.map((l) => l.id).sort();
  draft.coUnitIds = row.coUnits.map((u) => u.id).sort();
  draft.customValues = row.customValues as ProjectDraft['customValues'];
  return draft;
}

/** The columns of the projects table a draft fills (everything but the link tables). */
export function columnsOf(draft: ProjectDraft) {
  const { coUnitIds: _coUnitIds, leaderIds: _leaderIds, ...columns } = draft;
  return { ...columns, namePinyin: pinyinInitials(draft.name) };
}
