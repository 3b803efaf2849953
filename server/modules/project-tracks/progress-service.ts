import type { z } from 'zod';
import { todayInChina } from '../../../common/domain/dates';
import { completionAgainstTime, describeTimeProgress } from '../../../common/domain/time-progress';
import type { Locale } from '../../../common/locale';
import type { Executor } from '../../db/client';
import type { ProjectRow } from '../projects';
import { approvedInvestment } from '../reports';
import { listAnnualPlans } from './repository';
import type { TIME_BASES, projectProgressSchema } from '../../../common/schemas/tracks';

type Options = { year?: number; asOf?: string; basis?: (typeof TIME_BASES)[number]; locale: Locale };

/**
 * A project's completion against time (时间进度) for a year, as of a date: the one computation every screen and
 * report of a project's progress uses. The plan is the current (highest) version of the year's annual plan.
 */
export async function projectTimeProgress(
  db: Executor,
  project: Pick<ProjectRow, 'id'>,
  options: Options,
): Promise<z.infer<typeof projectProgressSchema>> {
  const asOf = options.asOf ?? todayInChina();
  const year = options.year ?? Number(asOf.slice(0, 4));
  const basis = options.basis ?? 'calendar';
  const asOfYear = Number(asOf.slice(0, 4));
  const asOfMonth = Number(asOf.slice(5, 7));
  // Year-to-date investment completed is the sum of the year's approved monthly progress reports (DOMAIN.md, 工作台账)
  // of the months up to asOf's (all twelve for a year already over, none for one not begun): never typed in twice.
  const throughMonth = asOfYear > year ? 12 : asOfYear < year ? 0 : asOfMonth;
  const [[current], completed] = await Promise.all([
    listAnnualPlans(db, project.id, year),
    approvedInvestment(db, project.id, { year, throughMonth, asOf: { year: asOfYear, month: asOfMonth } }),
  ]);
  const completedYuan = completed.yearToDateYuan;
  const progress = completionAgainstTime({
    completedYuan,
    plannedYuan: current?.plannedYuan ?? 0,
    year,
    asOf,
    monthlyPlanYuan: basis === 'monthly' && current ? current.monthlyYuan : undefined,
  });
  return {
    projectId: project.id,
    year,
    asOf,
    basis,
    annualPlanId: current?.id ?? null,
    annualPlanVersionNo: current?.versionNo ?? null,
    ...progress,
    completedSource: 'approved_reports',
    completedSinceStartYuan: completed.sinceStartYuan,
    openingCompletedYuan: completed.openingYuan,
    openingCompletedAsOf: completed.openingAsOf,
    summary: describeTimeProgress(progress, options.locale),
  };
}
