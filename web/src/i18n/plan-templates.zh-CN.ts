/** Plan templates (计划模板): the project office's page of templates and their bindings, merged into zh-CN.ts. */
export const planTemplatesZhCN = {
  'recordType.plan_template': '计划模板',
  'auditAction.plan_templates.update': '修改计划模板',
  'auditAction.plans.milestone_bound': '节点绑定审批事项',

  'templates.intro':
    '新项目的推进计划从这里的模板开始。每个节点可以绑定一项审批事项（项目办结该事项时，节点以其批准日期达成），或绑定项目的计划开工、计划竣工日期（开工、竣工节点）。修改模板不影响已经编制的计划。',
  'templates.tab': '模板',
  'templates.unboundTab': '未绑定节点',
  'templates.everyCategory': '适用所有类别',
  'templates.counts': '{milestones} 个节点，{bound} 个已绑定',
  'templates.none': '暂无计划模板',
  'templates.order': '顺序',
  'templates.binding': '绑定',
  'templates.bindingNone': '不绑定',
  'templates.bindingDates': '项目日期',
  'templates.bindingStart': '计划开工日期',
  'templates.bindingCompletion': '计划竣工日期',
  'templates.bindingApprovals': '审批事项',
  'templates.bindingHint':
    '绑定审批事项的节点，其完成日期取项目该审批事项的批准日期；开工、竣工节点的计划日期即项目的计划开工、竣工日期。同一模板中一类审批事项只能绑定一个节点。',
  'templates.noPredecessors': '无前置节点',
  'templates.moveUp': '上移',
  'templates.unboundIntro':
    '以下节点按名称本应绑定审批事项，但项目审批事项的日期与计划中的日期不一致，升级时未自动绑定。请核实哪个日期正确：按审批事项绑定后，节点取审批事项的批准日期；若计划中的日期正确，请先在项目中修改审批事项。',
  'templates.unboundNone': '没有未绑定的节点：计划与审批事项一致',
  'templates.project': '项目',
  'templates.approvalItem': '审批事项',
  'templates.planDate': '计划中的完成日期',
  'templates.approvalDate': '审批事项批准日期',
  'templates.notReached': '未达成',
  'templates.bind': '按审批事项绑定',
  'templates.bindConfirm': '将“{milestone}”绑定到“{type}”？节点的完成日期将改为 {date}。',
  'templates.bound': '“{milestone}”已绑定，完成日期取自审批事项',
} as const;
