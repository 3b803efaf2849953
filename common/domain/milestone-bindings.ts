/**
 * One fact in one place: the approval item type (dictionary `approval_item_type`) a plan milestone of this name is
 * bound to when a template is seeded — the milestone is reached when the project's approval item of that type is
 * approved, on its date. Migration 0027 bound existing plans by the same names where the facts agreed; the milestones
 * it left unbound are the office's report of unbound milestones.
 */
export const MILESTONE_APPROVAL_BINDINGS: Record<string, string> = {
  立项审批: 'approval',
  立项: 'approval',
  立项备案: 'filing',
  供地: 'land_contract',
  土地出让: 'land_contract',
  规划许可: 'proj_plan_permit',
  环境影响评价: 'eia',
  施工许可: 'construct_permit',
};
