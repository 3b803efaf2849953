import dayjs, { type Dayjs } from 'dayjs';
import { normaliseProjectCode } from '../../../../../common/domain/project-code';
import type { CustomValue } from '../../../../../common/domain/custom-fields';
import type { ApprovalType, ChainSegment, FeasibilityStatus, ProjectNature } from '../../../lib/enums';
import { customValuesForRequest } from '../../custom-fields/utils/custom-values';
import type { Project, ProjectCreateBody, ProjectUpdateBody } from '../api/projects-api';
import { wanToYuan, yuanToWanInput } from '../../../../../common/domain/money';

// The project form's fields carry the API's names, so a 400 answer's `details[].path` lands under the right field;
// money fields hold 万元 text and date fields dayjs values while editing, converted here on the way in and out.

const DATE_FIELDS = ['plannedStart', 'plannedCompletion', 'actualStart', 'actualCompletion', 'feasibilityApprovedOn'] as const;
const MONEY_FIELDS = [
  'totalInvestmentYuan',
  'fixedAssetInvestmentYuan',
  'openingCompletedYuan',
  'expectedOutputYuan',
  'expectedTaxYuan',
] as const;
const TEXT_FIELDS = ['ownerName', 'constructionContent', 'contactName', 'contactPhone', 'taskForce', 'proposal', 'chainNode'] as const;
const CODE_FIELDS = ['categoryCode', 'industryCode', 'leadingIndustryCode', 'streetCode', 'clusterCode', 'parkCode', 'chainCode'] as const;
const NUMBER_FIELDS = ['longitude', 'latitude', 'landAreaMu', 'floorAreaM2', 'demolitionM2', 'resettlementUnits'] as const;

type DateField = (typeof DATE_FIELDS)[number];
type MoneyField = (typeof MONEY_FIELDS)[number];
type TextField = (typeof TEXT_FIELDS)[number];
type CodeField = (typeof CODE_FIELDS)[number];
type NumberField = (typeof NUMBER_FIELDS)[number];

export type ProjectFormValues = {
  name: string;
  code: string | null;
  codeChangeReason?: string;
  approvalType: ApprovalType | null;
  feasibilityStatus: FeasibilityStatus | null;
  chainSegment: ChainSegment | null;
  nature: ProjectNature;
  isProvincialKey: boolean;
  isCityKey: boolean;
  isDistrictKey: boolean;
  namedLists: string[];
  /** 是 / 否 / 未填: null until someone says (the land gate fails on it). */
  needsLand: boolean | null;
  landSecured: boolean;
  /** The month the opening amount (期初累计完成投资) is as of: picked as a month, sent as its last day. */
  openingCompletedAsOf: Dayjs | null;
  leadUnitId: string;
  coUnitIds: string[];
  leaderIds: string[];
  /** The custom section's values by field key, in stored form (see CustomValueInput). */
  customValues?: Record<string, CustomValue | null>;
} & Record<DateField, Dayjs | null> &
  Record<MoneyField, string | null> &
  Record<TextField, string | null> &
  Record<CodeField, string | null> &
  Record<NumberField, number | null>;

/** The form's starting values: the project's own, or a new project's defaults (planning idea, district key). */
export function toFormValues(project: Project | null, defaults: { leadUnitId?: string } = {}): Partial<ProjectFormValues> {
  if (!project) {
    return {
      nature: 'reserve',
      isProvincialKey: false,
      isCityKey: false,
      isDistrictKey: true,
      namedLists: [],
      needsLand: null,
      landSecured: false,
      coUnitIds: [],
      leaderIds: [],
      leadUnitId: defaults.leadUnitId,
    };
  }
  const values: Partial<ProjectFormValues> = {
    name: project.name,
    code: project.code,
    approvalType: project.approvalType,
    feasibilityStatus: project.feasibilityStatus,
    chainSegment: project.chainSegment,
    nature: project.nature,
    isProvincialKey: project.isProvincialKey,
    isCityKey: project.isCityKey,
    isDistrictKey: project.isDistrictKey,
    namedLists: project.namedLists,
    needsLand: project.needsLand,
    landSecured: project.landSecured,
    openingCompletedAsOf: project.openingCompletedAsOf ? dayjs(project.openingCompletedAsOf) : null,
    leadUnitId: project.leadUnitId,
    coUnitIds: project.coUnits.map((u) => u.id),
    leaderIds: project.leaders.map((u) => u.id),
    customValues: project.customValues,
  };
  for (const field of DATE_FIELDS) values[field] = project[field] ? dayjs(project[field]) : null;
  for (const field of MONEY_FIELDS) values[field] = yuanToWanInput(project[field]);
  for (const field of TEXT_FIELDS) values[field] = project[field];
  for (const field of CODE_FIELDS) values[field] = project[field];
  for (const field of NUMBER_FIELDS) values[field] = project[field];
  return values;
}

const textOrNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/**
 * The request body from the form: trimmed text (empty as null), exact 元 from 万元, ISO dates, a normalised code.
 */
export function toRequestBody(values: ProjectFormValues, stored?: Project): ProjectCreateBody {
  const body: ProjectCreateBody = {
    name: values.name.trim(),
    code: values.code?.trim() ? normaliseProjectCode(values.code) : null,
    approvalType: values.approvalType ?? null,
    feasibilityStatus: values.feasibilityStatus ?? null,
    chainSegment: values.chainSegment ?? null,
    nature: values.nature,
    isProvincialKey: values.isProvincialKey,
    isCityKey: values.isCityKey,
    isDistrictKey: values.isDistrictKey,
    namedLists: (values.namedLists ?? []).map((name) => name.trim()).filter(Boolean),
    needsLand: values.needsLand ?? null,
    landSecured: values.landSecured,
    openingCompletedAsOf: values.openingCompletedAsOf ? values.openingCompletedAsOf.endOf('month').format('YYYY-MM-DD') : null,
    leadUnitId: values.leadUnitId,
    coUnitIds: values.coUnitIds ?? [],
    leaderIds: values.leaderIds ?? [],
  };
  for (const field of DATE_FIELDS) body[field] = values[field] ? (values[field] as Dayjs).format('YYYY-MM-DD') : null;
  for (const field of MONEY_FIELDS) body[field] = wanToYuan(values[field]);
  for (const field of TEXT_FIELDS) body[field] = textOrNull(values[field]);
  for (const field of CODE_FIELDS) body[field] = values[field] ?? null;
  for (const field of NUMBER_FIELDS) body[field] = values[field] ?? null;
  body.customValues = customValuesForRequest(values.customValues, stored?.customValues);
  return body;
}

/** An update: the body with the version read, and the reason for a changed 项目代码 when there is one. */
export function toUpdateBody(values: ProjectFormValues, project: Project): ProjectUpdateBody {
  const body: ProjectUpdateBody = { ...toRequestBody(values, project), version: project.version };
  const reason = values.codeChangeReason?.trim();
  if (body.code !== project.code && reason) body.codeChangeReason = reason;
  return body;
}
