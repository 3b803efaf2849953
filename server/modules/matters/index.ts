// The matters module's face: what other modules may use. Nothing else of the module is imported from outside it.
export {
  type MatterOutcome,
  type MatterStateCounts,
  type OverdueMatters,
  type ProjectProblemDates,
  matterCountsByDistrict,
  matterOutcomes,
  matterStateCounts,
  overdueMattersByProject,
  projectProblemsOverdueColumn,
  projectProblemsOverdueOn,
} from './stats-repository';
export { escalateOverdueMatters } from './escalation';
export { DEADLINE_REMINDER_DAYS, remindMatterDeadlines } from './deadline-reminders';
export { checkMatterCreate, createMatter } from './service';
export { type MatterRow, listMatters } from './repository';
export { findMatter, matterScopeCondition, mattersFromReport } from './repository';
export { matterRoles } from './policy';
