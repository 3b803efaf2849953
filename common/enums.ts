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
  'reassign',
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

// Targets and assessment (目标考核): indicators, pledges and 民生实事.
/** The units of measure an indicator or pledge is set in (%, 亿元, 万元, 万美元, 个, 宗, 亩, 万平方米, 套, 人次, 家, 户, 公里, 处, 人, 条). */
export const TARGET_MEASURES = [
  'percent',
  'yi_yuan',
  'wan_yuan',
  'wan_usd',
  'item',
  'case',
  'mu',
  'wan_m2',
  'dwelling',
  'person_time',
  'company',
  'household',
  'km',
  'place',
  'person',
  'line',
] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];
/** How a target is worded: exactly, 左右, 以上, 以内 (the words of the published text are kept). */
export const TARGET_QUALIFIERS = ['exact', 'about', 'above', 'within'] as const;
export type TargetQualifier = (typeof TARGET_QUALIFIERS)[number];
/** A level (133个, 240亿元) or a growth rate in % over last year (GDP +6.5%). */
export const TARGET_KINDS = ['level', 'growth'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
/** At least (≥) or at most (≤) the target. */
export const TARGET_DIRECTIONS = ['at_least', 'at_most'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];
/** Computed by Lantu from its own data, or entered monthly by the owner unit. */
export const TARGET_SOURCES = ['computed', 'entered'] as const;
export type TargetSource = (typeof TARGET_SOURCES)[number];
/** The named computations of computed indicators (server/modules/targets/computations.ts documents each). */
export const TARGET_COMPUTATIONS = [
  'key_projects_count',
  'key_projects_total_investment',
  'new_starts',
  'investment_completed',
  'land_supplied',
  'projects_signed',
  'contract_value',
  'out_of_city_funds',
] as const;
export type TargetComputation = (typeof TARGET_COMPUTATIONS)[number];
/** A unit's pledge (军令状 / 目标责任书) or one of the year's 民生实事 (livelihood works). */
export const COMMITMENT_KINDS = ['pledge', 'livelihood'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
/** Whether an enterprise is one of the district's own (本地企业) or one it courts (目标企业, 招商). */
export const ENTERPRISE_KINDS = ['local', 'target'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];
/** How far an enterprise tagged 拟上市 has gone towards listing: 股改 → 辅导备案 → 申报受理 → 审核问询 → 注册/核准. */
export const LISTING_STAGES = ['restructuring', 'counselling', 'filed', 'reviewing', 'registered'] as const;
export type ListingStage = (typeof LISTING_STAGES)[number];
/** The kinds of item of the city opportunity list (城市机会清单): 应用场景, 土地, 楼宇, 合作项目, 政策. */
export const OPPORTUNITY_KINDS = ['scenario', 'land', 'building', 'cooperation', 'policy'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];
/** An opportunity's life: 草稿 → 待审核 → 已发布 (or 已退回 with a reason) → 已撤回. */
export const OPPORTUNITY_STATUSES = ['draft', 'in_review', 'returned', 'published', 'withdrawn'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
/**
 * A lead's stages (招商线索, DOMAIN.md "Investment attraction"): lead → assessed (研判) → site visit (考察) →
 * negotiating (洽谈) → signed (签约) → registered (注册) → started (开工) → funds in (到资) → in production (投产);
 * or dropped (终止) with a reason.
 */
export const LEAD_STAGES = [
  'lead',
  'assessed',
  'site_visit',
  'negotiating',
  'signed',
  'registered',
  'started',
  'funds_in',
  'in_production',
  'dropped',
] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
/** How a lead was won (招商方式). */
export const LEAD_METHODS = ['via_business', 'commissioned', 'hometown', 'space', 'project', 'resident_office', 'fair'] as const;
export type LeadMethod = (typeof LEAD_METHODS)[number];
/** The service clocks a lead runs (answer in 1 day, assess in 3, feed back in 7, follow up every 14). */
export const LEAD_CLOCKS = ['answer', 'assess', 'feedback', 'follow_up'] as const;
export type LeadClock = (typeof LEAD_CLOCKS)[number];
/** How a follow-up contact was made. */
export const FOLLOW_UP_WAYS = ['visit', 'meeting', 'phone', 'wechat', 'email', 'other'] as const;
export type FollowUpWay = (typeof FOLLOW_UP_WAYS)[number];
/** A source event of leads: an outbound trip (外出招商) or a fair (展会). */
export const LEAD_EVENT_KINDS = ['trip', 'fair'] as const;
export type LeadEventKind = (typeof LEAD_EVENT_KINDS)[number];
/** An enterprise's size by the statistics bureau's rule (统计上大中小微型企业划分办法): 大型, 中型, 小型, 微型. */
export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
/** How far a preferential policy has reached an enterprise: told (告知) → applied (申报) → granted (兑现). */
export const POLICY_DELIVERY_STATES = ['told', 'applied', 'granted'] as const;
export type PolicyDeliveryState = (typeof POLICY_DELIVERY_STATES)[number];
/** Whether an enterprise sits on a chain's node as one of the district's own (本地) or one to attract (目标). */
export const CHAIN_PLACEMENT_ROLES = ['local', 'target'] as const;
export type ChainPlacementRole = (typeof CHAIN_PLACEMENT_ROLES)[number];
/** What a parcel is planned for or a building offers (工业、科研、商业、商务办公、物流仓储、综合). */
export const CARRIER_USES = ['industrial', 'research', 'commercial', 'office', 'warehouse', 'mixed'] as const;
export type CarrierUse = (typeof CARRIER_USES)[number];
/** A land parcel's life: 储备 (reserve) → 待供 (available) → 已供 (supplied), one step at a time. */
export const PARCEL_STATUSES = ['reserve', 'available', 'supplied'] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];
