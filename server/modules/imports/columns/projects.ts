import type { APPROVAL_TYPES, CHAIN_SEGMENTS, FEASIBILITY_STATUSES, NATURES, ProjectInput } from '../../../../common/schemas/projects';
import {
  areaColumn,
  dateColumn,
  flagColumn,
  listColumn,
  listsColumn,
  moneyColumn,
  namesColumn,
  numberColumn,
  statedFlagColumn,
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

/** The columns of the projects sheet, without their synonyms (added below). */
const ownColumns: ProjectColumn[] = [
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
  // 期初累计完成投资: what was completed before the project's reports in Lantu. A sheet without its month-end (most
  // ledgers say 截至上年底) is read as of the end of last year (project-rows.ts).
  moneyColumn('openingCompletedYuan', { 'zh-CN': '期初累计完成投资（万元）', 'en-US': 'Completed before Lantu (10k yuan)' }, { width: 18 }),
  dateColumn(
    'openingCompletedAsOf',
    { 'zh-CN': '期初累计截至日期', 'en-US': 'Completed before Lantu, as of' },
    { width: 14, monthEnd: true },
  ),
  // Empty = not stated (the land gate fails on it), not "no".
  statedFlagColumn('needsLand', { 'zh-CN': '是否需要用地', 'en-US': 'Needs land' }, { width: 12 }),
  flagColumn('landSecured', { 'zh-CN': '用地是否落实', 'en-US': 'Land secured' }, { width: 12 }),
  areaColumn('landAreaMu', { 'zh-CN': '用地面积（亩）', 'en-US': 'Land area (mu)' }, 'mu'),
  areaColumn('floorAreaM2', { 'zh-CN': '建筑面积（平方米）', 'en-US': 'Floor area (m²)' }, 'm2', { width: 16 }),
  areaColumn('demolitionM2', { 'zh-CN': '拆迁面积（平方米）', 'en-US': 'Demolition (m²)' }, 'm2', { width: 16 }),
  numberColumn('resettlementUnits', { 'zh-CN': '安置房（套）', 'en-US': 'Resettlement housing (units)' }),
  dateColumn('plannedStart', { 'zh-CN': '计划开工日期', 'en-US': 'Planned start' }),
  dateColumn('plannedCompletion', { 'zh-CN': '计划竣工日期', 'en-US': 'Planned completion' }, { monthEnd: true }),
  dateColumn('actualStart', { 'zh-CN': '实际开工日期', 'en-US': 'Actual start' }),
  dateColumn('actualCompletion', { 'zh-CN': '实际竣工日期', 'en-US': 'Actual completion' }, { monthEnd: true }),
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

/**
 * The other headers offices give each column, in both languages (the ledgers district offices keep say 建设单位 for
 * 项目业主, 计划总投资 for 总投资, 牵头单位 for 责任单位, 包保领导 for 包挂领导 …). A header may also carry its unit in
 * brackets (总投资（亿元）): the unit is read from it and the bracket is not needed to match.
 */
export const PROJECT_SYNONYMS: Partial<Record<ProjectField, readonly string[]>> = {
  code: ['项目编码', '统一项目代码', '投资项目代码', '项目统一代码', 'code'],
  name: ['项目', '项目名', '建设项目名称', 'name', 'project'],
  ownerName: ['建设单位', '项目业主', '业主单位', '项目单位', '业主', '实施主体', '项目法人', 'owner', 'project owner'],
  constructionContent: [
    '建设内容及规模',
    '建设规模及内容',
    '建设规模和内容',
    '建设内容和规模',
    '主要建设内容',
    '建设规模',
    'content',
    'scope',
  ],
  categoryCode: ['项目类型', '类别', '项目分类', 'category', 'type'],
  industryCode: ['所属行业', '行业', '行业类别', '行业分类', 'industry'],
  leadingIndustryCode: ['主导产业类别', '产业类别', '所属产业', 'leading industry'],
  isProvincialKey: ['是否省级重点', '省重点', '省重点项目', 'provincial key project'],
  isCityKey: ['是否市级重点', '市重点', '市重点项目', 'city key project'],
  isDistrictKey: ['是否区级重点', '区重点', '区重点项目', 'district key project'],
  namedLists: ['清单', '所属清单', 'named list'],
  nature: ['建设性质', '性质', 'nature of construction'],
  approvalType: ['审批方式', '立项方式', 'approval'],
  streetCode: ['街道', '所属街道', '建设地点', '项目地点', 'street', 'location'],
  clusterCode: ['组团', 'cluster'],
  parkCode: ['园区', '所在园区', 'park'],
  longitude: ['lng', 'lon'],
  latitude: ['lat'],
  totalInvestmentYuan: ['总投资', '总投资额', '计划总投资', '项目总投资', '投资总额', 'total investment'],
  fixedAssetInvestmentYuan: ['固定资产投资', '其中固定资产投资', '固投', 'fixed-asset investment'],
  openingCompletedYuan: [
    '期初累计完成投资',
    '期初累计完成',
    '以前年度累计完成投资',
    '以前年度完成投资',
    '截至上年底累计完成投资',
    '截至上年底累计完成',
    '截至上年末累计完成投资',
    '上年底累计完成投资',
    '往年累计完成投资',
    'opening completed investment',
    'completed before lantu',
  ],
  openingCompletedAsOf: ['期初累计截至年月', '期初截至年月', '期初截至日期', '累计完成截至年月', 'opening as of'],
  needsLand: ['是否新增用地', '需要用地', 'needs land'],
  landSecured: ['用地落实', '土地是否落实', 'land secured'],
  landAreaMu: ['用地面积', '占地面积', 'land area'],
  floorAreaM2: ['建筑面积', '总建筑面积', 'floor area'],
  demolitionM2: ['拆迁面积', '征拆面积', 'demolition'],
  resettlementUnits: ['安置房', '安置房套数', 'resettlement units'],
  plannedStart: ['计划开工时间', '开工时间', '计划开工', '开工日期', 'start date', 'planned start date'],
  plannedCompletion: ['计划竣工时间', '竣工时间', '计划竣工', '竣工日期', '计划完工时间', 'completion date', 'planned completion date'],
  actualStart: ['实际开工时间', '实际开工', 'actual start date'],
  actualCompletion: ['实际竣工时间', '实际竣工', 'actual completion date'],
  leadUnitId: ['牵头单位', '责任部门', '主责单位', '牵头部门', 'lead department', 'responsible unit'],
  coUnitIds: ['配合部门', '协办单位', 'co-units', 'supporting units'],
  leaderIds: ['包保领导', '联系领导', '分包领导', '包挂区领导', '责任领导', 'leader', 'leaders'],
  contactName: ['项目联系人', '联系人姓名', 'contact person'],
  contactPhone: ['联系方式', '手机号码', '电话', 'phone'],
  taskForce: ['专班', '推进专班', 'task force team'],
  proposal: ['项目建议', '策划要点', 'proposal notes'],
  feasibilityStatus: ['可研', '可研状态', '可行性研究报告', 'feasibility'],
  feasibilityApprovedOn: ['可研批复时间', '可研批复', 'feasibility approval date'],
  chainCode: ['所属产业链', 'chain'],
  chainSegment: ['产业链环节', '环节', 'segment'],
  chainNode: ['节点', '链条节点', 'node'],
  expectedOutputYuan: ['预计年产值', '达产后年产值', '达产年产值', 'expected output'],
  expectedTaxYuan: ['预计年税收', '达产后年税收', '达产年税收', 'expected tax'],
};

/**
 * The projects sheet, in the order officials keep their ledger: identity, classification, place, money, land,
 * dates, responsibility, then the planning track. The template, the import and the re-importable list export all use these columns.
 */
export const projectColumns: ProjectColumn[] = ownColumns.map(
  (column) => ({ ...column, synonyms: PROJECT_SYNONYMS[column.key] ?? [] }) as ProjectColumn,
);
