import { formatWan } from '../../../../../common/domain/money';
import type { DictionaryType } from '../../../../../common/enums';
import type { AuditEvent } from '../../../../../common/schemas/reference';
import type { MessageKey, Translate } from '../../../i18n';

// An audit event's changes in words: each field that changed, by its label in the reader's language, with its value
// before and after as the page shows values (是/否, 万元, an enum's name). Fields without a label keep their key.

/** The label of each project field an event records (the project form's labels). */
const PROJECT_FIELD_LABELS: Record<string, MessageKey> = {
  name: 'project.name',
  code: 'project.code',
  ownerName: 'project.ownerName',
  constructionContent: 'project.constructionContent',
  approvalType: 'project.approvalType',
  pool: 'project.pool',
  nature: 'project.nature',
  isProvincialKey: 'level.provincial',
  isCityKey: 'level.city',
  isDistrictKey: 'level.district',
  namedLists: 'project.namedLists',
  categoryCode: 'project.category',
  industryCode: 'project.industry',
  leadingIndustryCode: 'project.leadingIndustry',
  streetCode: 'project.street',
  clusterCode: 'project.cluster',
  parkCode: 'project.park',
  longitude: 'project.longitude',
  latitude: 'project.latitude',
  totalInvestmentYuan: 'project.totalInvestment',
  fixedAssetInvestmentYuan: 'project.fixedAssetInvestment',
  openingCompletedYuan: 'project.openingCompleted',
  openingCompletedAsOf: 'project.openingCompletedAsOf',
  needsLand: 'project.needsLand',
  landSecured: 'project.landSecured',
  landAreaMu: 'project.landAreaMu',
  resettlementUnits: 'project.resettlementUnits',
  plannedStart: 'project.plannedStart',
  plannedCompletion: 'project.plannedCompletion',
  actualStart: 'project.actualStart',
  actualCompletion: 'project.actualCompletion',
  leadUnitId: 'project.leadUnit',
  coUnitIds: 'project.coUnits',
  leaderIds: 'project.leaders',
  contactName: 'project.contactName',
  contactPhone: 'project.contactPhone',
  taskForce: 'project.taskForce',
  proposal: 'project.proposal',
  feasibilityStatus: 'project.feasibilityStatus',
  feasibilityApprovedOn: 'project.feasibilityApprovedOn',
  chainCode: 'project.chain',
  chainSegment: 'project.chainSegment',
  chainNode: 'project.chainNode',
  expectedOutputYuan: 'project.expectedOutput',
  expectedTaxYuan: 'project.expectedTax',
};

/** Fields whose values are names of an enum, by the enum's message prefix: a project's, then each other record's. */
const RECORD_ENUMS: Record<string, Record<string, string>> = {
  project: {
    pool: 'pool',
    nature: 'nature',
    approvalType: 'approvalType',
    feasibilityStatus: 'feasibilityStatus',
    chainSegment: 'chainSegment',
  },
  approval_item: { status: 'approvalStatus' },
  progress_report: { status: 'reportStatus' },
  reporting_period: { status: 'periodStatus' },
  matter: { status: 'matterStatus', source: 'matterSource', priority: 'matterPriority', escalationLevel: 'matterEscalation' },
  lead: { stage: 'leadStage', method: 'leadMethod', way: 'followUpWay' },
  enterprise: { kind: 'enterpriseKind', listingStage: 'listingStage', size: 'enterpriseSize' },
  land_parcel: { status: 'parcelStatus', plannedUse: 'carrierUse' },
  opportunity: { status: 'opportunityStatus', kind: 'opportunityKind' },
  user: { status: 'userStatus', dataScope: 'dataScope', roleCode: 'role' },
};

/** Fields whose values are codes of a dictionary, named by the dictionary (an approval item's type, a funding source …). */
const DICTIONARY_FIELDS: Record<string, DictionaryType> = {
  typeCode: 'approval_item_type',
  sourceCode: 'funding_source',
  category: 'problem_category',
  industryCode: 'industry',
  chainCode: 'industry_chain',
};

export type ChangeRow = { key: string; label: string; before: string; after: string };

export type Translators = {
  t: Translate;
  tOptional: (key: string, fallback: string) => string;
  /** A dictionary code's name (the code when unknown); without it, codes show as they are. */
  dictionaryName?: (type: DictionaryType, code: string) => string;
};

/** An event's record and values, with the names of the ids its values hold (the audit page's; the timeline's come named). */
export type ChangeFacts = Pick<AuditEvent, 'recordType' | 'before' | 'after'> & { valueNames?: Record<string, string> };

/** One value as the page shows it. An id shows the name the server gave (one outside the reader's scope stays as it is). */
function shown(field: string, value: unknown, recordType: string | null, names: Record<string, string>, translators: Translators): string {
  const { t, tOptional, dictionaryName } = translators;
  // 需要新增用地 not stated is a value of its own (未填: the gate to 实施库 asks for it), not an empty field.
  if (field === 'needsLand' && recordType === 'project' && value === null) return t('project.needsLand.unstated');
  if (value === null || value === undefined || value === '') return t('audit.empty');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (field.endsWith('Yuan') && typeof value === 'number') return `${formatWan(value)} ${t('money.wan')}`;
  if (field.endsWith('Yuan') && Array.isArray(value) && value.every((v) => typeof v === 'number'))
    return `${value.map((v) => formatWan(v)).join('、')} ${t('money.wan')}`;
  if (field.endsWith('Percent') && typeof value === 'number') return `${value}%`;
  const enumName = RECORD_ENUMS[recordType ?? '']?.[field];
  if (enumName && typeof value === 'string') return tOptional(`${enumName}.${value}`, value);
  const dictionary = DICTIONARY_FIELDS[field];
  if (dictionary && dictionaryName && typeof value === 'string') return dictionaryName(dictionary, value);
  if (typeof value === 'string') return names[value] ?? value;
  if (Array.isArray(value))
    return value.length === 0 ? t('audit.empty') : value.map((v) => shown(field, v, recordType, names, translators)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The fields an event changed (or set, for a creation), labelled, with their values before and after. */
export function changeRows(event: ChangeFacts, translators: Translators): ChangeRow[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const names = event.valueNames ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const label = (key: string) => {
    const known = event.recordType === 'project' ? PROJECT_FIELD_LABELS[key] : undefined;
    return known ? translators.t(known) : translators.tOptional(`auditField.${key}`, key);
  };
  const value = (record: Record<string, unknown>, key: string) =>
    key in record ? shown(key, record[key], event.recordType, names, translators) : '—';
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ key, label: label(key), before: value(before, key), after: value(after, key) }));
}
