import { formatWan } from '../../../../../common/domain/money';
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

/** Fields whose values are names of an enum, by the enum's message prefix. */
const ENUM_FIELDS: Record<string, string> = {
  pool: 'pool',
  nature: 'nature',
  approvalType: 'approvalType',
  feasibilityStatus: 'feasibilityStatus',
  chainSegment: 'chainSegment',
};

export type ChangeRow = { key: string; label: string; before: string; after: string };

export type Translators = { t: Translate; tOptional: (key: string, fallback: string) => string };

/** One value as the page shows it. Ids stay as they are (the record they name may be outside the reader's scope). */
function shown(field: string, value: unknown, { t, tOptional }: Translators): string {
  if (value === null || value === undefined || value === '') return t('audit.empty');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (field.endsWith('Yuan') && typeof value === 'number') return `${formatWan(value)} ${t('money.wan')}`;
  if (ENUM_FIELDS[field] && typeof value === 'string') return tOptional(`${ENUM_FIELDS[field]}.${value}`, value);
  if (Array.isArray(value)) return value.length === 0 ? t('audit.empty') : value.map(String).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The fields an event changed (or set, for a creation), labelled, with their values before and after. */
export function changeRows(event: Pick<AuditEvent, 'recordType' | 'before' | 'after'>, translators: Translators): ChangeRow[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const label = (key: string) => {
    const known = event.recordType === 'project' ? PROJECT_FIELD_LABELS[key] : undefined;
    return known ? translators.t(known) : translators.tOptional(`auditField.${key}`, key);
  };
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({
      key,
      label: label(key),
      before: key in before ? shown(key, before[key], translators) : '—',
      after: key in after ? shown(key, after[key], translators) : '—',
    }));
}
