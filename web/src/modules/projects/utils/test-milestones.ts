import type { Milestone } from '../api/tracks-api';

/** A milestone as the plan API answers it, unscheduled and not reached unless the test says otherwise. */
export const milestoneOf = (overrides: Partial<Milestone> & Pick<Milestone, 'id' | 'name'>): Milestone => ({
  kind: 'other',
  durationDays: 10,
  predecessorIds: [],
  actualStart: null,
  actualFinish: null,
  approvalTypeCode: null,
  approval: null,
  plannedFinish: null,
  sortOrder: 0,
  earliestStart: null,
  earliestFinish: null,
  latestStart: null,
  latestFinish: null,
  floatDays: null,
  critical: false,
  overdue: false,
  ...overrides,
});
