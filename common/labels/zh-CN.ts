import type { EnumLabels } from './index';

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
};
