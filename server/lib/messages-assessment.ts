/** Messages of assessment (考核: the scoring formula's check and preview), merged into `messages.ts`. */
export const assessmentZh = {
  'assessment.no_source': '以下变量暂无数据来源，预览中按 0 计：{names}',
  'assessment.project_fields_no_source': '项目字段 {fields} 暂无数据来源，预览中按 0（无标签）计',
  'assessment.no_district': '您的账号不属于某个区县，没有本区县的考核评分办法和排名',
  'assessment.no_rule': '{year}年还没有考核评分办法：请先在“评分规则”中保存一个版本',
  'assessment.future_month': '{year}年{month}月尚未到来，不能计算该月得分',
  'assessment.snapshot_exists': '{year}年{month}月的考核得分已于{at}生成：往月排名一经生成不再改变',
} as const;

export const assessmentEn: Record<keyof typeof assessmentZh, string> = {
  'assessment.no_source': 'These variables have no source yet and read 0 in the preview: {names}',
  'assessment.project_fields_no_source': 'The project fields {fields} have no source yet and read 0 (no tags) in the preview',
  'assessment.no_district': 'Your account belongs to no district, so it has no district scoring rule or ranking',
  'assessment.no_rule': 'There is no scoring rule for {year} yet: save a version under “Scoring rule” first',
  'assessment.future_month': '{month}/{year} has not come yet: its scores cannot be computed',
  'assessment.snapshot_exists': 'The scores of {month}/{year} were taken on {at}: a past month’s ranking never changes once taken',
};
