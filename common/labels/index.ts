import type { FitCondition } from '../domain/policy-fit';
import {
  type ApprovalStatus,
  type ApprovalType,
  type ChainSegment,
  type EnterpriseSize,
  type PolicyDeliveryState,
  type FeasibilityStatus,
  type MilestoneKind,
  type Nature,
  type PeriodStatus,
  PROJECT_LEVELS,
  type Pool,
  type ProjectLevel,
  type ReportStatus,
  type WarningColour,
} from '../enums';
import type { WarningReason, WarningReasonCode } from '../domain/warnings';
import type { GovernedProjectField } from '../domain/project-fields';
import type { PlanDateField } from '../domain/plan-dates';
import type {
  CarrierUse,
  ChainPlacementRole,
  CommitmentKind,
  EnterpriseKind,
  FollowUpWay,
  LeadClock,
  LeadEventKind,
  LeadMethod,
  LeadStage,
  ListingStage,
  MatterEscalationLevel,
  MatterPriority,
  MatterSource,
  MatterStatus,
  OpportunityKind,
  OpportunityStatus,
  ParcelStatus,
  TargetComputation,
  TargetDirection,
  TargetKind,
  TargetMeasure,
  TargetQualifier,
  TargetSource,
} from '../enums';
import type { Locale } from '../locale';
import { enumLabelsEnUS, warningReasonsEnUS } from './en-US';
import { messagesOfLabels } from './messages';
import { enumLabelsZhCN, warningReasonsZhCN } from './zh-CN';

/**
 * The names of the enum values both sides show: the page, the spreadsheets and the Word documents call a pool, a
 * nature or an approval state by the same words. Each enum is a Record over its values, so a value added to an
 * enum without its label is a compile error in every language.
 */
export type EnumLabels = {
  pool: Record<Pool, string>;
  nature: Record<Nature, string>;
  level: Record<ProjectLevel, string>;
  approvalType: Record<ApprovalType, string>;
  approvalStatus: Record<ApprovalStatus, string>;
  feasibilityStatus: Record<FeasibilityStatus, string>;
  chainSegment: Record<ChainSegment, string>;
  milestoneKind: Record<MilestoneKind, string>;
  warningColour: Record<WarningColour, string>;
  /** A reporting period (填报期): open or closed. */
  periodStatus: Record<PeriodStatus, string>;
  /** A monthly progress report: 草稿, 已报送, 已审核, 已退回. */
  reportStatus: Record<ReportStatus, string>;
  /** A warning reason's short name (a filter, a column); `describeWarningReason` words one with its facts. */
  warningReason: Record<WarningReasonCode, string>;
  /** Where a matter comes from: 项目问题, 领导批示, 12345 热线, 督查反馈, 企业诉求. */
  matterSource: Record<MatterSource, string>;
  /** The header dates a project's plan decides (its 开工 and 竣工 milestones), as a refusal names them. */
  planDateField: Record<PlanDateField, string>;
  /** The project fields only the project office changes, as the form and a refusal name them. */
  governedField: Record<GovernedProjectField, string>;
  /** A matter's closed loop: 已交办, 已签收, 办理中, 已反馈, 复核中, 已销号. */
  matterStatus: Record<MatterStatus, string>;
  matterPriority: Record<MatterPriority, string>;
  /** How far an overdue matter has escalated. */
  matterEscalation: Record<MatterEscalationLevel, string>;
  /** An indicator's or pledge's unit of measure: %, 亿元, 万元, 个, 亩 … */
  targetMeasure: Record<TargetMeasure, string>;
  /** The target's published qualifier: 左右, 以上, 以内 (empty when exact). */
  targetQualifier: Record<TargetQualifier, string>;
  targetKind: Record<TargetKind, string>;
  targetDirection: Record<TargetDirection, string>;
  targetSource: Record<TargetSource, string>;
  /** The named computations of computed indicators. */
  targetComputation: Record<TargetComputation, string>;
  /** 军令状 or 民生实事. */
  commitmentKind: Record<CommitmentKind, string>;
  /** Local enterprise or target enterprise (企业库). */
  enterpriseKind: Record<EnterpriseKind, string>;
  /** How far an enterprise tagged 拟上市 has gone towards listing. */
  listingStage: Record<ListingStage, string>;
  /** The kinds of item of the city opportunity list. */
  opportunityKind: Record<OpportunityKind, string>;
  /** An opportunity's state: 草稿, 待审核, 已退回, 已发布, 已撤回. */
  opportunityStatus: Record<OpportunityStatus, string>;
  /** A lead's stage (线索 → 研判 → 考察 → 洽谈 → 签约 → 注册 → 开工 → 到资 → 投产, or 终止). */
  leadStage: Record<LeadStage, string>;
  /** How a lead was won (以商招商, 委托招商 …). */
  leadMethod: Record<LeadMethod, string>;
  /** A lead's service clock. */
  leadClock: Record<LeadClock, string>;
  /** How a follow-up contact was made. */
  followUpWay: Record<FollowUpWay, string>;
  /** An outbound trip or a fair. */
  leadEventKind: Record<LeadEventKind, string>;
  /** 大型, 中型, 小型, 微型. */
  enterpriseSize: Record<EnterpriseSize, string>;
  /** How far a preferential policy has reached an enterprise: told → applied → granted. */
  policyDeliveryState: Record<PolicyDeliveryState, string>;
  /** The conditions of a policy an enterprise meets. */
  fitCondition: Record<FitCondition, string>;
  /** An enterprise on a chain's node: 本地企业 or 目标企业 (招商目标). */
  chainPlacementRole: Record<ChainPlacementRole, string>;
  /** What a parcel is planned for or a building offers. */
  carrierUse: Record<CarrierUse, string>;
  /** A land parcel: 储备, 待供, 已供. */
  parcelStatus: Record<ParcelStatus, string>;
};
export type EnumName = keyof EnumLabels;

/** How one language words each warning reason with its facts; a reason code without its wording is a compile error. */
export type WarningReasonWording = { [C in WarningReasonCode]: (reason: Extract<WarningReason, { code: C }>) => string };

const LABELS: Record<Locale, EnumLabels> = { 'zh-CN': enumLabelsZhCN, 'en-US': enumLabelsEnUS };

/** The name of one enum value in the reader's language (`enumLabel('zh-CN', 'pool', 'advancing')` → 推进库). */
export const enumLabel = <E extends EnumName>(locale: Locale, name: E, value: keyof EnumLabels[E]): string =>
  (LABELS[locale][name] as Record<typeof value, string>)[value];

/** The message key of an enum value in the web's catalogs: `pool.advancing`, `approvalStatus.done` … */
export type EnumMessageKey = { [E in EnumName]: `${E}.${keyof EnumLabels[E] & string}` }[EnumName];

/** One language's labels as message keys (the web's catalogs take their own language's: `messagesOfLabels`). */
export const enumMessages = (locale: Locale): Record<EnumMessageKey, string> => messagesOfLabels(LABELS[locale]);

const REASON_WORDING: Record<Locale, WarningReasonWording> = { 'zh-CN': warningReasonsZhCN, 'en-US': warningReasonsEnUS };

/** Words why a project has its colour, for the page and the 通报 alike (`节点“开工”逾期12天（最迟应于2024-03-01完成）`). */
export function describeWarningReason(locale: Locale, reason: WarningReason): string {
  return (REASON_WORDING[locale][reason.code] as (r: WarningReason) => string)(reason);
}

/** The key-project lists (省级重点、市级重点、区级重点) a project is on, named in the reader's language. */
export function levelsOf(
  locale: Locale,
  project: { isProvincialKey: boolean; isCityKey: boolean; isDistrictKey: boolean },
  separator: string,
): string {
  const flags: Record<ProjectLevel, boolean> = {
    provincial: project.isProvincialKey,
    city: project.isCityKey,
    district: project.isDistrictKey,
  };
  return PROJECT_LEVELS.filter((level) => flags[level])
    .map((level) => enumLabel(locale, 'level', level))
    .join(separator);
}
