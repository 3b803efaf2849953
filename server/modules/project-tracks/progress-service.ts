import type { z } from 'zod';
import { todayInChina } from '../../../common/domain/dates';
import { completionAgainstTime, describeTimeProgress } from '../../../common/domain/time-progress';
import type { Locale } from '../../../common/locale';
import type { Executor } from '../../db/client';
import type { ProjectRow } from '../projects';
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
  const [current] = await listAnnualPlans(db, project.id, year);
  // Year-to-date investment completed is the sum of approved monthly progress reports (DOMAIN.md, 工作台账), never
  // typed in twice. Reports arrive in a later issue; until then it is 0 and `completedSource` says so.
  const completedYuan = 0;
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
    completedSource: 'reports_not_yet_available',
    summary: describeTimeProgress(progress, options.locale),
  };
}
