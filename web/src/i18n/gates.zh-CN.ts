/** Pool gates (入库条件): the project office's page of move conditions, merged into zh-CN.ts. */
export const gatesZhCN = {
  'recordType.gate_config': '入库条件',
  'auditAction.projects.gates_update': '修改入库条件',

  'gates.intro':
    '设置项目向前移库（策划库 → 推进库 → 实施库 → 竣工）须满足的条件，以及各审批类型开工前须办结的审批事项。移库时按这里的条件逐项核验；退回和退库不受这些条件限制。',
  'gates.default': '默认条件',
  'gates.defaultHint': '本区县尚未自定义入库条件，当前使用系统默认条件；修改并保存后即为本区县的条件。',
  'gates.moves': '移库条件',
  'gates.fixed': '固定',
  'gates.fixedNote': '“取得项目代码”为固定条件，不能取消：项目凭项目代码办理审批和建设，进入实施库前必须取得。',
  'gates.approvals': '开工前须办结的审批事项',
  'gates.approvalsHint': '条件“办结审批类型所需的审批事项”按项目的审批类型，核对下列事项是否已办结或无需办理。',
  'gates.noApprovals': '不要求审批事项',
  'gates.restoreDefaults': '恢复默认',
  'gates.defaultsFilled': '已填入默认条件，保存后生效',
} as const;
