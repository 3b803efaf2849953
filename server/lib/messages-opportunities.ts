/** Messages of the city opportunity list (城市机会清单), merged into `messages.ts`. */
export const opportunitiesZh = {
  'opportunity.no_district': '您的账号不属于某个区县，不能编制机会清单',
  'opportunity.valid_to_before_from': '有效期截止日期不能早于开始日期（{validFrom}）',
  'opportunity.wrong_state': '该机会当前为“{status}”，不能{action}（只有“{expected}”状态可以）',
  'opportunity.reason_required': '退回时须填写退回理由',
  'opportunity.action.submit': '提交审核',
  'opportunity.action.publish': '发布',
  'opportunity.action.return': '退回',
  'opportunity.action.withdraw': '撤回',
  'opportunity.action.redraft': '重新编辑',
  'opportunity.action.edit': '修改',
  'opportunity.action.delete': '删除',
} as const;

export const opportunitiesEn: Record<keyof typeof opportunitiesZh, string> = {
  'opportunity.no_district': 'Your account belongs to no district, so it cannot keep an opportunity list',
  'opportunity.valid_to_before_from': 'The end of the validity cannot be before its start ({validFrom})',
  'opportunity.wrong_state': 'This opportunity is "{status}": it cannot be {action} (only when "{expected}")',
  'opportunity.reason_required': 'Give the reason for returning it',
  'opportunity.action.submit': 'submitted for review',
  'opportunity.action.publish': 'published',
  'opportunity.action.return': 'returned',
  'opportunity.action.withdraw': 'withdrawn',
  'opportunity.action.redraft': 'redrafted',
  'opportunity.action.edit': 'edited',
  'opportunity.action.delete': 'deleted',
};
