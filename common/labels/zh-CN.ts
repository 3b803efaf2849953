import { describeTimeProgress } from '../domain/time-progress';
import type { EnumLabels, WarningReasonWording } from './index';

/** The enum values in Chinese, as the page, the sheets and the documents name them. */
export const enumLabelsZhCN: EnumLabels = {
  pool: { planning: '策划库', advancing: '推进库', implementing: '实施库', completed: '竣工', withdrawn: '退库' },
  nature: { new_start: '新开工', continuing: '续建', completing: '竣工', reserve: '储备' },
  level: { provincial: '省级重点', city: '市级重点', district: '区级重点' },
  approvalType: { approval: '审批', ratification: '核准', filing: '备案' },
  approvalStatus: { pending: '未开始', in_progress: '办理中', done: '已办结', not_required: '无需办理' },
  feasibilityStatus: { not_started: '未开展', preparing: '编制中', completed: '已完成', approved: '已批复' },
  chainSegment: { upstream: '上游', midstream: '中游', downstream: '下游' },
  milestoneKind: { start: '开工', completion: '竣工', other: '其他' },
  warningColour: { red: '红灯', yellow: '黄灯', green: '绿灯' },
  periodStatus: { open: '填报中', closed: '已关闭' },
  reportStatus: { draft: '草稿', submitted: '已报送', approved: '已审核', returned: '已退回' },
  warningReason: {
    milestone_overdue: '节点逾期',
    behind_time: '慢于时间进度',
    report_missing: '逾期未报送',
    matter_overdue: '问题逾期未解决',
    recovered_from_red: '由红转黄',
  },
  governedField: {
    isProvincialKey: '省级重点',
    isCityKey: '市级重点',
    isDistrictKey: '区级重点',
    namedLists: '所属清单',
    nature: '项目性质',
    totalInvestmentYuan: '总投资',
    fixedAssetInvestmentYuan: '固定资产投资',
    leadUnitId: '责任单位',
    leaderIds: '包挂领导',
  },
  matterSource: {
    project_problem: '项目问题',
    leader_instruction: '领导批示',
    hotline_12345: '12345 热线',
    inspection: '督查反馈',
    enterprise_demand: '企业诉求',
  },
  matterStatus: {
    assigned: '已交办',
    accepted: '已签收',
    in_progress: '办理中',
    answered: '已反馈',
    under_review: '复核中',
    closed: '已销号',
  },
  matterPriority: { normal: '一般', urgent: '紧急', critical: '特急' },
  matterEscalation: {
    none: '未升级',
    unit_head: '单位主要负责人',
    leader_in_charge: '分管领导',
    principal_leader: '主要领导',
    region_above: '上级',
  },
};

/** Why a project has its colour, in Chinese, worded the way a 通报 writes it. */
export const warningReasonsZhCN: WarningReasonWording = {
  milestone_overdue: (r) => `节点“${r.milestoneName}”逾期${r.daysOverdue}天（最迟应于${r.dueBy}完成）`,
  behind_time: (r) => describeTimeProgress(r.progress, 'zh-CN'),
  report_missing: (r) => `${Number(r.period.slice(0, 4))}年${Number(r.period.slice(5, 7))}月进度未报送，已超过截止日期${r.daysLate}天`,
  matter_overdue: (r) => `${r.count}个问题逾期未解决，最长逾期${r.maxDaysOverdue}天`,
  recovered_from_red: () => '上期为红灯，现已赶上进度，本期保持黄灯',
};
