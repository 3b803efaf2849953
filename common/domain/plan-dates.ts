import { compareDates } from './dates';

// One fact in one place: when a project has a plan, its header's start and completion dates are the plan's 开工 and
// 竣工 milestones' — planned dates as the plan plans them, actual dates as the plan records them reached. The header
// keeps a copy (lists sort and filter on it) that only the plan writes; the project form shows those fields read-only
// and a write of a different value is refused naming the field.

/** The header dates a plan can decide. */
export const PLAN_DATE_FIELDS = ['plannedStart', 'plannedCompletion', 'actualStart', 'actualCompletion'] as const;
export type PlanDateField = (typeof PLAN_DATE_FIELDS)[number];

/** What of a milestone the header dates are read from. */
export type PlanDateMilestone = { kind: 'start' | 'completion' | 'other'; plannedFinish: string | null; actualFinish: string | null };

/** The milestone kind each header date is read from. */
export const PLAN_DATE_KIND: Record<PlanDateField, 'start' | 'completion'> = {
  plannedStart: 'start',
  plannedCompletion: 'completion',
  actualStart: 'start',
  actualCompletion: 'completion',
};

const earliest = (dates: (string | null)[]) => dates.filter((d): d is string => !!d).sort(compareDates)[0];

/**
 * The header dates the plan decides, with their values: the planned start (completion) when the plan's 开工 (竣工)
 * milestone has a planned date, the actual start (completion) once it was reached. A date the plan does not give is
 * the header's own, typed in the project form.
 */
export function datesFromPlan(list: PlanDateMilestone[]): Partial<Record<PlanDateField, string>> {
  const of = (kind: 'start' | 'completion') => list.filter((m) => m.kind === kind);
  const decided: Partial<Record<PlanDateField, string>> = {
    plannedStart: earliest(of('start').map((m) => m.plannedFinish)),
    plannedCompletion: earliest(of('completion').map((m) => m.plannedFinish)),
    actualStart: earliest(of('start').map((m) => m.actualFinish)),
    actualCompletion: earliest(of('completion').map((m) => m.actualFinish)),
  };
  return Object.fromEntries(Object.entries(decided).filter(([, value]) => value !== undefined));
}

type HeaderDates = Record<PlanDateField, string | null>;

/** The header dates the plan decides that a write would change (so it is refused; the same value sent back is not). */
export function planDatesChanged(plan: PlanDateMilestone[], before: HeaderDates, after: HeaderDates): PlanDateField[] {
  const decided = datesFromPlan(plan);
  return PLAN_DATE_FIELDS.filter((field) => decided[field] !== undefined && before[field] !== after[field]);
}
