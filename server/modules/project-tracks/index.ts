// The project-tracks module's face: what other modules may use. Nothing else of the module is imported from outside it.
export { checkDates, createApprovalItem, updateApprovalItem } from './approval-items-service';
export { createFundingLine, updateFundingLine } from './funding-lines-service';
export { type MilestoneReached, recordMilestonesReached } from './milestones-reached';
export { presentPlan } from './presenter';
export { projectTimeProgress } from './progress-service';
export {
  type AnnualPlanRow,
  type ApprovalItemRow,
  type MilestoneRow,
  listAnnualPlans,
  listApprovalItems,
  listMilestones,
  milestoneNames,
} from './repository';
