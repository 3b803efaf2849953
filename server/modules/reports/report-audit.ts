import type { ProgressReportRecord } from './report-repository';

/** What the audit log keeps of a report: what it says and where it stands, readable without the database. */
export const auditableReport = (row: ProgressReportRecord) => ({
  periodId: row.periodId,
  projectId: row.projectId,
  responsibleUnitId: row.responsibleUnitId,
  status: row.status,
  investmentYuan: row.investmentYuan,
  progressText: row.progressText,
  progressPercent: row.progressPercent,
  milestones: row.milestones,
  problems: row.problems,
  late: row.late,
  returnReason: row.returnReason,
});
