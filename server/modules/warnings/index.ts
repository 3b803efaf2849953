// The warnings module's face: what other modules and the jobs may use. Nothing else of the module is imported from outside it.
export { previousMonth } from './inputs';
export {
  type ColourChange,
  RECOMPUTE_BATCH,
  lastDayOf,
  recomputePeriodWarnings,
  recomputeWarnings,
  seedWarnings,
  takeMonthSnapshot,
} from './recompute';
export { type StoredWarning, type SummaryRow, projectWarningsOf, warningSummary } from './repository';
export { presentReason } from './presenter';
