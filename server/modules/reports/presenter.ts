import type { z } from 'zod';
import { compareDates } from '../../../common/domain/dates';
import type { missingReportsSchema, progressReportSchema, reportingPeriodSchema } from '../../../common/schemas/reports';
import type { Actor } from '../../lib/actor';
import type { PeriodCounts, PeriodRow } from './period-repository';
import { periodAbilities, reportAbilities } from './policy';
import type { MissingUnitCount, ReportRow } from './report-repository';

/** A month as `YYYY-MM`. */
export const monthOf = (row: { year: number; month: number }) => `${row.year}-${String(row.month).padStart(2, '0')}`;

/** A reporting period with the counts of the reports the reader may see and what he may do to it. */
export const presentPeriod = (
  actor: Actor,
  row: PeriodRow,
  counts: PeriodCounts,
  regionName: string,
): z.infer<typeof reportingPeriodSchema> => ({
  id: row.id,
  regionCode: row.regionCode,
  regionName,
  year: row.year,
  month: row.month,
  period: monthOf(row),
  deadline: row.deadline,
  status: row.status,
  openedAt: row.createdAt.toISOString(),
  closedAt: row.closedAt?.toISOString() ?? null,
  counts: { ...counts, missing: counts.draft + counts.returned },
  version: row.version,
  abilities: periodAbilities(actor, row),
});

/** A progress report with its period, project and unit named, the milestones by their plan names, and its abilities. */
export const presentReport = (actor: Actor, row: ReportRow, milestoneNames: Map<string, string>): z.infer<typeof progressReportSchema> => ({
  id: row.id,
  periodId: row.periodId,
  period: monthOf(row),
  year: row.year,
  month: row.month,
  deadline: row.deadline,
  periodStatus: row.periodStatus,
  projectId: row.projectId,
  projectName: row.projectName,
  responsibleUnitId: row.responsibleUnitId,
  responsibleUnitName: row.responsibleUnitName,
  status: row.status,
  investmentYuan: row.investmentYuan,
  progressText: row.progressText,
  progressPercent: row.progressPercent,
  milestones: row.milestones.map((m) => ({ ...m, name: milestoneNames.get(m.milestoneId) ?? null })),
  problems: row.problems,
  late: row.late,
  firstSubmittedAt: row.firstSubmittedAt?.toISOString() ?? null,
  submittedAt: row.submittedAt?.toISOString() ?? null,
  returnedAt: row.returnedAt?.toISOString() ?? null,
  returnReason: row.returnReason,
  approvedAt: row.approvedAt?.toISOString() ?? null,
  version: row.version,
  abilities: reportAbilities(actor, row),
});

/** 未报送: how many reports each responsible unit still owes (most first), their total, the deadline and whether it passed. */
export const presentMissing = (period: PeriodRow, units: MissingUnitCount[], today: string): z.infer<typeof missingReportsSchema> => ({
  periodId: period.id,
  period: monthOf(period),
  deadline: period.deadline,
  overdue: compareDates(today, period.deadline) > 0,
  total: units.reduce((sum, unit) => sum + unit.count, 0),
  units,
});
