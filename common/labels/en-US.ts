import type { EnumLabels } from './index';

/** The enum values in English. */
export const enumLabelsEnUS: EnumLabels = {
  pool: { planning: 'Planning', advancing: 'Advancing', implementing: 'Implementing', completed: 'Completed', withdrawn: 'Withdrawn' },
  nature: { new_start: 'New start', continuing: 'Continuing', completing: 'Completing', reserve: 'Reserve' },
  level: { provincial: 'Provincial key', city: 'City key', district: 'District key' },
  approvalType: { approval: 'Approval', ratification: 'Ratification', filing: 'Filing' },
  approvalStatus: { pending: 'Not started', in_progress: 'In progress', done: 'Done', not_required: 'Not required' },
  feasibilityStatus: { not_started: 'Not started', preparing: 'In preparation', completed: 'Completed', approved: 'Approved' },
  chainSegment: { upstream: 'Upstream', midstream: 'Midstream', downstream: 'Downstream' },
  milestoneKind: { start: 'Start', completion: 'Completion', other: 'Other' },
};
