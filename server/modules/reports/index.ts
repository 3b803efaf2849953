// The reports module's face: what other modules may use. Nothing else of the module is imported from outside it.
export { findPeriod, findPeriodOfMonth, openPeriods, type PeriodRow } from './period-repository';
export {
  type ApprovedInvestment,
  approvedInvestment,
  missingByUnit,
  missingReports,
  unitsOwingReports,
} from './report-repository';
export { completedSinceStart } from './since-start';
export { rebuildAllProjectMonths, refreshProjectMonths } from './month-investment';
export { findReport, type ReportRow } from './report-repository';
export { reportAbilities } from './policy';
