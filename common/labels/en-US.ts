import { describeTimeProgress } from '../domain/time-progress';
import type { EnumLabels, WarningReasonWording } from './index';

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
  warningColour: { red: 'Red', yellow: 'Yellow', green: 'Green' },
  periodStatus: { open: 'Open', closed: 'Closed' },
  reportStatus: { draft: 'Draft', submitted: 'Submitted', approved: 'Approved', returned: 'Returned' },
  warningReason: {
    milestone_overdue: 'Milestone overdue',
    behind_time: 'Behind time',
    report_missing: 'Report missing',
    matter_overdue: 'Problem overdue',
    recovered_from_red: 'Recovered from red',
  },
  governedField: {
    isProvincialKey: 'Provincial key project',
    isCityKey: 'City key project',
    isDistrictKey: 'District key project',
    namedLists: 'Named lists',
    nature: 'Nature',
    totalInvestmentYuan: 'Total investment',
    fixedAssetInvestmentYuan: 'Fixed-asset investment',
    leadUnitId: 'Lead unit',
    leaderIds: 'Leaders in charge',
  },
  matterSource: {
    project_problem: 'Project problem',
    leader_instruction: "Leader's instruction",
    hotline_12345: '12345 hotline',
    inspection: 'Inspection finding',
    enterprise_demand: 'Enterprise demand',
  },
  matterStatus: {
    assigned: 'Assigned',
    accepted: 'Accepted',
    in_progress: 'In progress',
    answered: 'Answered',
    under_review: 'Under review',
    closed: 'Closed',
  },
  matterPriority: { normal: 'Normal', urgent: 'Urgent', critical: 'Critical' },
  matterEscalation: {
    none: 'Not escalated',
    unit_head: "Unit's head",
    leader_in_charge: 'Leader in charge',
    principal_leader: 'Principal leader',
    region_above: 'Region above',
  },
};

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Why a project has its colour, in English. */
export const warningReasonsEnUS: WarningReasonWording = {
  milestone_overdue: (r) => `Milestone "${r.milestoneName}" is ${days(r.daysOverdue)} overdue (due by ${r.dueBy})`,
  behind_time: (r) => describeTimeProgress(r.progress, 'en-US'),
  report_missing: (r) => `The report for ${r.period} is missing, ${days(r.daysLate)} past its deadline (${r.deadline})`,
  matter_overdue: (r) => `${r.count} ${r.count === 1 ? 'problem' : 'problems'} past the deadline, the longest by ${days(r.maxDaysOverdue)}`,
  recovered_from_red: () => 'Red last period and caught up: yellow for the rest of this period',
};
