/** The warnings' interface text (红黄绿灯: the list's column and filter, the project's card), merged into zh-CN.ts. */
export const warningsZhCN = {
  'project.warning': '预警',
  'warning.title': '红黄绿灯预警',
  'warning.asOf': '截至 {date}',
  'warning.allWell': '各项指标正常：无逾期节点，投资完成不落后于时间进度，按时报送。',
  'warning.notComputed': '尚未计算预警',
  'warning.history': '逐月预警',
  'warning.noHistory': '暂无往月记录',
  'warning.monthLabel': '{year}年{month}月',
  'warning.monthShort': '{month}月',
};
