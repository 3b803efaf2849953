/*
 * The enums of the contract, one list each. The zod schemas build on these lists and re-export them; this file
 * imports nothing, so the web page can list and filter by them without loading zod.
 */

/** The three pools (三大库) and the two end states of a project's lifecycle (DOMAIN.md); see domain/pools.ts. */
export const POOLS = ['planning', 'advancing', 'implementing', 'completed', 'withdrawn'] as const;
export type Pool = (typeof POOLS)[number];
/** A project's nature in a year's list: 新开工, 续建, 竣工, 储备. */
export const NATURES = ['new_start', 'continuing', 'completing', 'reserve'] as const;
export type Nature = (typeof NATURES)[number];
/** The key-project lists a project can be on (省级、市级、区级重点), each a flag of the project. */
export const PROJECT_LEVELS = ['provincial', 'city', 'district'] as const;
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];
/** How an investment project is authorised: 审批, 核准, 备案. */
export const APPROVAL_TYPES = ['approval', 'ratification', 'filing'] as const;
export type ApprovalType = (typeof APPROVAL_TYPES)[number];
export const APPROVAL_STATUSES = ['pending', 'in_progress', 'done', 'not_required'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const MILESTONE_KINDS = ['start', 'completion', 'other'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
/** The feasibility study (可行性研究) of the planning track: 未开展, 编制中, 已完成, 已批复. */
export const FEASIBILITY_STATUSES = ['not_started', 'preparing', 'completed', 'approved'] as const;
export type FeasibilityStatus = (typeof FEASIBILITY_STATUSES)[number];
/** Where on its industry chain a project sits: 上游, 中游, 下游. */
export const CHAIN_SEGMENTS = ['upstream', 'midstream', 'downstream'] as const;
export type ChainSegment = (typeof CHAIN_SEGMENTS)[number];
/** A reporting period (填报期, a calendar month of a district): open for reports, or closed. */
export const PERIOD_STATUSES = ['open', 'closed'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];
/** A monthly progress report: 草稿 → 已报送 → 已审核, or 已退回 with a reason and then submitted again. */
export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** Where a matter (问题/事项) comes from: a project's problem, a leader's instruction (批示), the 12345 citizen hotline,
 * an inspection finding (督查), an enterprise's demand (企业诉求, later). */
export const MATTER_SOURCES = ['project_problem', 'leader_instruction', 'hotline_12345', 'inspection', 'enterprise_demand'] as const;
export type MatterSource = (typeof MATTER_SOURCES)[number];
/** A matter's closed loop: 交办 → 签收 → 办理 → 反馈 → 复核 → 销号 (common/domain/matters.ts). */
export const MATTER_STATUSES = ['assigned', 'accepted', 'in_progress', 'answered', 'under_review', 'closed'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];
/** How urgent a matter is. */
export const MATTER_PRIORITIES = ['normal', 'urgent', 'critical'] as const;
export type MatterPriority = (typeof MATTER_PRIORITIES)[number];
/** How far an overdue matter has escalated, one level at a time: the lead unit's head, the leader in charge, the
 * district's principal leader, the region above (on a city or province platform). */
export const MATTER_ESCALATION_LEVELS = ['none', 'unit_head', 'leader_in_charge', 'principal_leader', 'region_above'] as const;
export type MatterEscalationLevel = (typeof MATTER_ESCALATION_LEVELS)[number];
/** The kinds of a matter's timeline entries: each step, a co-unit's input, a send-back, an escalation. */
export const MATTER_ENTRY_KINDS = [
  'assign',
  'accept',
  'start',
  'contribute',
  'feedback',
  'submit_review',
  'close',
  'send_back',
  'escalate',
] as const;
export type MatterEntryKind = (typeof MATTER_ENTRY_KINDS)[number];
export const WARNING_COLOURS = ['red', 'yellow', 'green'] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];

export const REGION_LEVELS = ['province', 'city', 'district', 'street'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const UNIT_KINDS = ['office', 'bureau', 'street', 'park', 'enterprise', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const DICTIONARY_TYPES = [
  'industry',
  'project_category',
  'leading_industry',
  'problem_category',
  'funding_source',
  'enterprise_tag',
  'approval_item_type',
  'cluster',
  'park',
  'industry_chain',
] as const;
export type DictionaryType = (typeof DICTIONARY_TYPES)[number];
