import type { planTemplatesZhCN } from './plan-templates.zh-CN';

/** Plan templates: the project office's page of templates and their bindings, merged into en-US.ts. */
export const planTemplatesEnUS: Record<keyof typeof planTemplatesZhCN, string> = {
  'recordType.plan_template': 'Plan template',
  'auditAction.plan_templates.update': 'Change a plan template',
  'auditAction.plans.milestone_bound': 'Bind a milestone to its approval item',

  'templates.intro':
    "New projects' plans start from these templates. A milestone may be bound to an approval item (it is reached when the project's item is approved, on its approval date) or to the project's planned start or completion date (the start and completion milestones). Changing a template leaves existing plans as they are.",
  'templates.tab': 'Templates',
  'templates.unboundTab': 'Unbound milestones',
  'templates.everyCategory': 'Every category',
  'templates.counts': '{milestones} milestones, {bound} bound',
  'templates.none': 'No plan templates',
  'templates.order': 'Order',
  'templates.binding': 'Bound to',
  'templates.bindingNone': 'Nothing',
  'templates.bindingDates': 'Project dates',
  'templates.bindingStart': 'Planned start',
  'templates.bindingCompletion': 'Planned completion',
  'templates.bindingApprovals': 'Approval items',
  'templates.bindingHint':
    "A milestone bound to an approval item is finished on the day the project's item of that type is approved; the start and completion milestones' planned dates are the project's planned start and completion. A template binds each approval item type to one milestone at most.",
  'templates.noPredecessors': 'No predecessor',
  'templates.moveUp': 'Move up',
  'templates.unboundIntro':
    "By their names these milestones would be bound to an approval item, but the project's approval item gives another date than the plan, so the upgrade left them unbound. Check which date is right: bound, the milestone takes the approval item's date; if the plan's date is right, correct the approval item on the project first.",
  'templates.unboundNone': 'No unbound milestones: plans and approval items agree',
  'templates.project': 'Project',
  'templates.approvalItem': 'Approval item',
  'templates.planDate': 'Finish in the plan',
  'templates.approvalDate': 'Approval date',
  'templates.notReached': 'Not reached',
  'templates.bind': 'Bind to approval item',
  'templates.bindConfirm': 'Bind "{milestone}" to "{type}"? The milestone\'s finish becomes {date}.',
  'templates.bound': '"{milestone}" is bound; its finish comes from the approval item',
};
