import type { APPROVAL_TYPES, CHAIN_SEGMENTS, FEASIBILITY_STATUSES, NATURES, ProjectInput } from '../../../../common/schemas/projects';
import {
  dateColumn,
  flagColumn,
  listColumn,
  listsColumn,
  moneyColumn,
  namesColumn,
  numberColumn,
  textColumn,
} from '../../../lib/spreadsheets/columns/define';
import type { Column } from '../../../lib/spreadsheets/columns/types';

type Nature = (typeof NATURES)[number];
type ApprovalType = (typeof APPROVAL_TYPES)[number];
type FeasibilityStatus = (typeof FEASIBILITY_STATUSES)[number];
type ChainSegment = (typeof CHAIN_SEGMENTS)[number];

/** A project field an import may fill (custom fields are added per region by the custom-field wiring). */
export type ProjectField = Exclude<keyof ProjectInput, 'customValues'>;

/**
 * A column of the projects sheet: one project field, read from and written to its cells. A cell read may still be
 * null where the field needs a value: the projects' zod contract judges the row, as it judges an API request.
 */
export type ProjectColumn = { [Field in ProjectField]: Column<Field, ProjectInput[Field] | null> }[ProjectField];

/**
 * The projects sheet, in the order officials keep their ledger: identity, classification, place, money, land,
 * dates, responsibility, then the planning track. The template, the import and the re-importable list export all use these columns.
 */
export const projectColumns: ProjectColumn[] = [
  textColumn('code', { 'zh-CN': '项目代码', 'en-US': 'Project code' }, { width: 28 }),
  textColumn('name', { 'zh-CN': '项目名称', 'en-US': 'Project name' }, { width: 36, required: true }),
  textColumn('ownerName', { 'zh-CN': '项目业主', 'en-US': 'Owner' }, { width: 24 }),
  textColumn('constructionContent', { 'zh-CN': '建设内容', 'en-US': 'Construction content' }, { width: 48 }),
  listColumn('categoryCode', { 'zh-CN': '项目类别', 'en-US': 'Category' }, 'project_category'),
  listColumn('industryCode', { 'zh-CN': '国民经济行业', 'en-US': 'Industry (GB/T 4754)' }, 'industry', { width: 24 }),
  listColumn('leadingIndustryCode', { 'zh-CN': '主导产业', 'en-US': 'Leading industry' }, 'leading_industry', { width: 18 }),
  flagColumn('isProvincialKey', { 'zh-CN': '省级重点', 'en-US': 'Provincial key' }, { width: 10 }),
  flagColumn('isCityKey', { 'zh-CN': '市级重点', 'en-US': 'City key' }, { width: 10 }),
  flagColumn('isDistrictKey', { 'zh-CN': '区级重点', 'en-US': 'District key' }, { width: 10 }),
  namesColumn('namedLists', { 'zh-CN': '专项清单', 'en-US': 'Named lists' }, { width: 24 }),
  listColumn<'nature', Nature>('nature', { 'zh-CN': '项目性质', 'en-US': 'Nature' }, 'nature', { width: 10, blank: undefined }),
  listColumn<'approvalType', ApprovalType>('approvalType', { 'zh-CN': '审批类型', 'en-US': 'Approval type' }, 'approval_type', {
    width: 10,
  }),
  listColumn('streetCode', { 'zh-CN': '所在街道', 'en-US': 'Street' }, 'street', { width: 16 }),
  listColumn('clusterCode', { 'zh-CN': '所属组团', 'en-US': 'Cluster' }, 'cluster', { width: 16 }),
  listColumn('parkCode', { 'zh-CN': '所属园区', 'en-US': 'Park' }, 'park', { width: 18 }),
  numberColumn('longitude', { 'zh-CN': '经度', 'en-US': 'Longitude' }, { width: 12 }),
  numberColumn('latitude', { 'zh-CN': '纬度', 'en-US': 'Latitude' }, { width: 12 }),
  moneyColumn('totalInvestmentYuan', { 'zh-CN': '总投资（万元）', 'en-US': 'Total investment (10k yuan)' }, { width: 16 }),
  moneyColumn(
    'fixedAssetInvestmentYuan',
    { 'zh-CN': '其中固定资产投资（万元）', 'en-US': 'Fixed-asset investment (10k yuan)' },
    { width: 18 },
  ),
  flagColumn('needsLand', { 'zh-CN': '是否需要用地', 'en-US': 'Needs land' }, { width: 12 }),
  flagColumn('landSecured', { 'zh-CN': '用地是否落实', 'en-US': 'Land secured' }, { width: 12 }),
  numberColumn('landAreaMu', { 'zh-CN': '用地面积（亩）', 'en-US': 'Land area (mu)' }),
  numberColumn('floorAreaM2', { 'zh-CN': '建筑面积（平方米）', 'en-US': 'Floor area (m²)' }, { width: 16 }),
  numberColumn('demolitionM2', { 'zh-CN': '拆迁面积（平方米）', 'en-US': 'Demolition (m²)' }, { width: 16 }),
  numberColumn('resettlementUnits', { 'zh-CN': '安置房（套）', 'en-US': 'Resettlement housing (units)' }),
  dateColumn('plannedStart', { 'zh-CN': '计划开工日期', 'en-US': 'Planned start' }),
  dateColumn('plannedCompletion', { 'zh-CN': '计划竣工日期', 'en-US': 'Planned completion' }),
  dateColumn('actualStart', { 'zh-CN': '实际开工日期', 'en-US': 'Actual start' }),
  dateColumn('actualCompletion', { 'zh-CN': '实际竣工日期', 'en-US': 'Actual completion' }),
  listColumn('leadUnitId', { 'zh-CN': '责任单位', 'en-US': 'Lead unit' }, 'unit', { width: 24, required: true }),
  listsColumn('coUnitIds', { 'zh-CN': '配合单位', 'en-US': 'Co-operating units' }, 'unit', { width: 28 }),
  listsColumn('leaderIds', { 'zh-CN': '包挂领导', 'en-US': 'Leaders in charge' }, 'leader', { width: 16 }),
  textColumn('contactName', { 'zh-CN': '联系人', 'en-US': 'Contact' }, { width: 12 }),
  textColumn('contactPhone', { 'zh-CN': '联系电话', 'en-US': 'Contact phone' }),
  textColumn('taskForce', { 'zh-CN': '工作专班', 'en-US': 'Task force' }, { width: 24 }),
  textColumn('proposal', { 'zh-CN': '项目建议（策划要点）', 'en-US': 'Proposal' }, { width: 40 }),
  listColumn<'feasibilityStatus', FeasibilityStatus>(
    'feasibilityStatus',
    { 'zh-CN': '可行性研究', 'en-US': 'Feasibility study' },
    'feasibility_status',
    { width: 12 },
  ),
  dateColumn('feasibilityApprovedOn', { 'zh-CN': '可研批复日期', 'en-US': 'Feasibility approved on' }),
  listColumn('chainCode', { 'zh-CN': '产业链', 'en-US': 'Industry chain' }, 'industry_chain', { width: 16 }),
  listColumn<'chainSegment', ChainSegment>('chainSegment', { 'zh-CN': '链条环节', 'en-US': 'Chain segment' }, 'chain_segment', {
    width: 10,
  }),
  textColumn('chainNode', { 'zh-CN': '产业链节点', 'en-US': 'Chain node' }, { width: 18 }),
  moneyColumn('expectedOutputYuan', { 'zh-CN': '预计达产年产值（万元）', 'en-US': 'Expected yearly output (10k yuan)' }, { width: 18 }),
  moneyColumn('expectedTaxYuan', { 'zh-CN': '预计达产年税收（万元）', 'en-US': 'Expected yearly tax (10k yuan)' }, { width: 18 }),
];
