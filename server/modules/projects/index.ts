// The projects module's face: what other modules may use. Nothing else of the module is imported from outside it.
export { auditSnapshot } from './audit-snapshot';
export { draftOf, mergeDraft, newDraft, type ProjectDraft } from './draft';
export { assertDatesFromPlan, assertFieldRights } from './field-rights';
export { gateFacts, loadGateConfig } from './gate-repository';
export { listCondition, projectSortKeys } from './list-repository';
export { projectTotals } from './list-totals';
export { canManageProject } from './policy';
export { databaseReferences, type ProjectReferences } from './project-references';
export { checkProjectDraft, type Placement } from './project-rules';
export { enabledDictionaryEntries, regionExists } from './reference-repository';
export { findProjectDetail, findProjectDetails, leadersJson, type ProjectDetailRow, streetRegion } from './repository';
export { findProject, lockProject, manageableFlag, type ProjectRow, projectScopeCondition, type ScopedProject } from './scope';
export { recordPoolMoves } from './pool-moves';
export { insertProjects, type NewProject, type ProjectChange, snapshotOf, writeProjectChanges } from './write-projects';
export { loadProject } from './load-project';
export { currentAnnualPlan, projectOfYear, startedInYear } from './year-condition';
// The dashboard's figures (dashboard_figures): every writer of what they sum refreshes the projects it changed.
export {
  checkDashboardFigures,
  type FigureDifference,
  fillDashboardFiguresIfEmpty,
  rebuildDashboardFigures,
  refreshDashboardFigures,
} from './dashboard-figures';
// 未报送's and the periods' counts (report_counts): the reports module keeps them with every write of its reports.
export {
  type CountDifference,
  type CountedReports,
  checkReportCounts,
  fillReportCountsIfEmpty,
  keepReportCounts,
  RECOUNT_ALL_REPORTS,
  rebuildReportCounts,
  reportCountsInScope,
  reportCountsServe,
} from './report-counts';
// The computed indicators' figures (server/modules/targets), read from the same kept rows.
export { type IndicatorFigures, indicatorFigures } from './indicator-figures';
