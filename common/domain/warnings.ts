import type { WarningColour } from '../enums';
import { compareDates, daysBetween, isIsoDate } from './dates';
import type { PlanMilestone, ScheduleResult } from './schedule';
import { completionAgainstTime, type TimeProgress } from './time-progress';

// A project's warning colour (红黄绿灯, DOMAIN.md "Warnings"): red for a milestone long overdue, completion far behind
// time or a problem past its deadline; yellow for any overdue milestone, completion behind time, the period's report
// missing after its deadline, or a recovery from last period's red; green otherwise. Every rule compares its measure
// with a district threshold by "more than", so a threshold is the largest value that still does not fire.

/** Why a project is not green, in the order the page lists them. */
export const WARNING_REASON_CODES = ['milestone_overdue', 'behind_time', 'report_missing', 'matter_overdue', 'recovered_from_red'] as const;
export type WarningReasonCode = (typeof WARNING_REASON_CODES)[number];

/** One rule that fired, with the facts the page and the 通报 word it from; `colour` is the colour this rule alone gives. */
export type WarningReason =
  | { code: 'milestone_overdue'; colour: 'red' | 'yellow'; milestoneId: string; milestoneName: string; dueBy: string; daysOverdue: number }
  | { code: 'behind_time'; colour: 'red' | 'yellow'; behindPoints: number; progress: TimeProgress }
  | { code: 'report_missing'; colour: 'yellow'; period: string; deadline: string; daysLate: number }
  | { code: 'matter_overdue'; colour: 'red'; count: number; maxDaysOverdue: number }
  | { code: 'recovered_from_red'; colour: 'yellow' };

/**
 * The district's thresholds. Days are whole days, points one decimal like the progress figure; each rule fires when its
 * measure is more than the threshold, and a yellow threshold never exceeds its red one.
 */
export type WarningSettings = {
  /** Red when an unfinished milestone is more than this many days past its latest finish. */
  redMilestoneOverdueDays: number;
  /** Yellow when an unfinished milestone is more than this many days past its latest finish (0: any overdue milestone). */
  yellowMilestoneOverdueDays: number;
  /** Red when year-to-date completion is more than this many percentage points behind time. */
  redBehindPoints: number;
  /** Yellow when year-to-date completion is more than this many percentage points behind time. */
  yellowBehindPoints: number;
  /** Red when an open problem is more than this many days past its deadline (0: any problem past its deadline). */
  redMatterOverdueDays: number;
  /** Yellow when the period's report is still missing more than this many days after its deadline. */
  yellowReportMissingDays: number;
};

/** The thresholds of DOMAIN.md, which a district starts with. */
export const DEFAULT_WARNING_SETTINGS: Readonly<WarningSettings> = Object.freeze({
  redMilestoneOverdueDays: 30,
  yellowMilestoneOverdueDays: 0,
  redBehindPoints: 30,
  yellowBehindPoints: 15,
  redMatterOverdueDays: 0,
  yellowReportMissingDays: 0,
});

/** A milestone as the warning reads it: `dueBy` is the plan's latest finish (see `warningMilestones`). */
export type WarningMilestone = { id: string; name: string; dueBy: string | null; actualFinish: string | null };

/** Everything the colour depends on, as of `today` (a China Standard Time calendar date). */
export type WarningInput = {
  today: string;
  milestones: WarningMilestone[];
  /** The year's annual plan and what approved reports have completed so far; null when the project has no annual plan. */
  investment: { year: number; plannedYuan: number; completedYuan: number; monthlyPlanYuan?: number[] } | null;
  /** The period whose report the project owes (`YYYY-MM`), with its deadline and the date a report was submitted and not
   * since returned; null when it owes none. */
  report: { period: string; deadline: string; submittedOn: string | null } | null;
  /** The project's problems with their deadlines and the date each was closed (销号), null while open. */
  matters: { deadline: string | null; closedOn: string | null }[];
  /** The colour of the previous period's snapshot, null for a project that had none. */
  previousColour: WarningColour | null;
  settings: WarningSettings;
};

export type Warning = { colour: WarningColour; reasons: WarningReason[] };

/** A colour as a rank (the project's `warning_level`: the list filters and sorts by it, red highest). */
export const WARNING_LEVEL: Readonly<Record<WarningColour, number>> = Object.freeze({ green: 1, yellow: 2, red: 3 });

/** The colour of a stored rank; null for none (not yet computed, or withdrawn). */
export const colourOfLevel = (level: number | null): WarningColour | null =>
  level === 3 ? 'red' : level === 2 ? 'yellow' : level === 1 ? 'green' : null;

/**
 * Gives a project's colour and the rules that made it so: the one definition the recompute, the page and the monthly
 * snapshot share. Green exactly when no rule fired; otherwise the worst colour among the reasons.
 */
export function projectWarning(input: WarningInput): Warning {
  const { today, settings } = input;
  if (!isIsoDate(today)) throw new RangeError(`today is not an ISO calendar date: ${String(today)}`);
  const reasons: WarningReason[] = [
    ...milestoneReasons(input.milestones, today, settings),
    ...behindReasons(input.investment, today, settings),
    ...reportReasons(input.report, today, settings),
    ...matterReasons(input.matters, today, settings),
  ];
  // Was red and has caught up: yellow for the rest of the period, so the recovery shows and can be counted.
  if (input.previousColour === 'red' && !reasons.some((r) => r.colour === 'red'))
    reasons.push({ code: 'recovered_from_red', colour: 'yellow' });
  return { colour: worstColour(reasons), reasons };
}

/** Pairs a plan's milestones with their scheduled dates, due by the latest finish (or the earliest, as schedulePlan's `overdue`). */
export function warningMilestones(plan: PlanMilestone[], schedule: ScheduleResult): WarningMilestone[] {
  const byId = new Map(schedule.milestones.map((s) => [s.id, s]));
  return plan.map((m) => {
    const s = byId.get(m.id);
    return { id: m.id, name: m.name, dueBy: s?.latestFinish ?? s?.earliestFinish ?? null, actualFinish: m.actualFinish ?? null };
  });
}

function milestoneReasons(milestones: WarningMilestone[], today: string, settings: WarningSettings): WarningReason[] {
  return milestones
    .flatMap((m): WarningReason[] => {
      // Overdue: its latest finish has passed and it has no actual finish by today.
      if (m.dueBy === null || finishedBy(m.actualFinish, today)) return [];
      const daysOverdue = daysBetween(m.dueBy, today);
      const colour = grade(daysOverdue, settings.redMilestoneOverdueDays, settings.yellowMilestoneOverdueDays);
      if (colour === null || daysOverdue <= 0) return [];
      return [{ code: 'milestone_overdue', colour, milestoneId: m.id, milestoneName: m.name, dueBy: m.dueBy, daysOverdue }];
    })
    .sort((a, b) => daysOf(b) - daysOf(a));
}

function behindReasons(investment: WarningInput['investment'], today: string, settings: WarningSettings): WarningReason[] {
  if (investment === null) return [];
  const progress = completionAgainstTime({ ...investment, asOf: today });
  if (progress.gapPoints === null || progress.gapPoints >= 0) return [];
  const behindPoints = -progress.gapPoints;
  // Compared in tenths of a point, the precision of the figure shown, so 15.0 behind is not "more than 15".
  const colour = grade(tenths(behindPoints), tenths(settings.redBehindPoints), tenths(settings.yellowBehindPoints));
  if (colour === null) return [];
  return [{ code: 'behind_time', colour, behindPoints, progress }];
}

function reportReasons(report: WarningInput['report'], today: string, settings: WarningSettings): WarningReason[] {
  if (report === null || finishedBy(report.submittedOn, today)) return [];
  const daysLate = daysBetween(report.deadline, today);
  if (daysLate <= 0 || daysLate <= settings.yellowReportMissingDays) return [];
  return [{ code: 'report_missing', colour: 'yellow', period: report.period, deadline: report.deadline, daysLate }];
}

function matterReasons(matters: WarningInput['matters'], today: string, settings: WarningSettings): WarningReason[] {
  const overdueDays = matters.flatMap((m) => {
    // Open as of today and past its deadline by more than the threshold.
    if (m.deadline === null || finishedBy(m.closedOn, today)) return [];
    const days = daysBetween(m.deadline, today);
    return days > 0 && days > settings.redMatterOverdueDays ? [days] : [];
  });
  if (overdueDays.length === 0) return [];
  return [{ code: 'matter_overdue', colour: 'red', count: overdueDays.length, maxDaysOverdue: Math.max(...overdueDays) }];
}

// A date after today (a recompute of an earlier day) has not happened yet as of today.
const finishedBy = (date: string | null, today: string) => date !== null && compareDates(date, today) <= 0;
const daysOf = (r: WarningReason) => (r.code === 'milestone_overdue' ? r.daysOverdue : 0);
const tenths = (points: number) => Math.round(points * 10);
// Red beyond the red threshold, else yellow beyond the yellow one, else the rule does not fire.
const grade = (measure: number, red: number, yellow: number) => (measure > red ? 'red' : measure > yellow ? 'yellow' : null);

function worstColour(reasons: WarningReason[]): WarningColour {
  if (reasons.some((r) => r.colour === 'red')) return 'red';
  return reasons.length > 0 ? 'yellow' : 'green';
}
