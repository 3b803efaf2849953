// The matters module's face: what other modules may use. Nothing else of the module is imported from outside it.
export { type OverdueMatters, type ProjectProblemDates, overdueMattersByProject, projectProblemsOverdueOn } from './stats-repository';
export { escalateOverdueMatters } from './escalation';
