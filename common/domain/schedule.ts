import { addDays, compareDates, daysBetween, isIsoDate, maxDate, minDate } from './dates';

// Critical path method over one project's plan (一项目一方案). Milestones form a DAG of finish-to-start links.
// A milestone of duration d that starts on day s finishes on s + d (d = 0 is a point milestone such as 开工),
// and a successor starts on the latest finish of its predecessors. Dates are ISO calendar dates (see dates.ts).

/** One milestone of a plan as the scheduler reads it. */
export type PlanMilestone = {
  id: string;
  name: string;
  durationDays: number;
  predecessorIds: string[];
  actualStart?: string | null;
  actualFinish?: string | null;
};

/** The computed dates of one milestone: earliest from the start date, latest from the deadline. */
export type ScheduledMilestone = {
  id: string;
  earliestStart: string | null;
  earliestFinish: string | null;
  latestStart: string | null;
  latestFinish: string | null;
  floatDays: number | null;
  critical: boolean;
  overdue: boolean;
};

/** The whole schedule: milestones in input order, the earliest completion, and whether the deadline can be met. */
export type ScheduleResult = {
  milestones: ScheduledMilestone[];
  earliestCompletion: string | null;
  /** False when some milestone has negative float, i.e. the deadline is earlier than the earliest finish. */
  feasible: boolean;
};

/** A predecessor link that points at no milestone of the plan. */
export type UnknownPredecessor = { id: string; predecessorId: string };

/** Something in a plan that makes it impossible to schedule, other than a cycle. */
export type PlanInputProblem =
  | { kind: 'unknown_predecessor'; id: string; predecessorId: string }
  | { kind: 'duplicate_id'; id: string }
  | { kind: 'invalid_duration'; id: string }
  | { kind: 'invalid_date'; id: string; field: 'actualStart' | 'actualFinish' }
  | { kind: 'finish_before_start'; id: string };

/** Thrown by schedulePlan when the milestones depend on each other in a circle; `cycle` names them. */
export class PlanCycleError extends Error {
  readonly cycle: string[];

  constructor(cycle: string[]) {
    super(`Plan milestones form a cycle: ${cycle.join(' → ')}`);
    this.name = 'PlanCycleError';
    this.cycle = cycle;
  }
}

/** Thrown by schedulePlan when the plan has unknown predecessors, duplicate ids, bad durations or bad actual dates. */
export class PlanInputError extends Error {
  readonly problems: PlanInputProblem[];

  constructor(problems: PlanInputProblem[]) {
    super(`Plan cannot be scheduled: ${problems.map((p) => `${p.kind} (${p.id})`).join(', ')}`);
    this.name = 'PlanInputError';
    this.problems = problems;
  }
}

/** Lists predecessor links to ids the plan does not contain, so the editor can point at them before scheduling. */
export function unknownPredecessors(milestones: PlanMilestone[]): UnknownPredecessor[] {
  const ids = new Set(milestones.map((m) => m.id));
  return milestones.flatMap((m) => m.predecessorIds.filter((p) => !ids.has(p)).map((predecessorId) => ({ id: m.id, predecessorId })));
}

/** Lists every reason other than a cycle why a plan cannot be scheduled, in input order, for a form to show. */
export function planInputProblems(milestones: PlanMilestone[]): PlanInputProblem[] {
  const problems: PlanInputProblem[] = [];
  const seen = new Set<string>();
  for (const m of milestones) {
    if (seen.has(m.id)) problems.push({ kind: 'duplicate_id', id: m.id });
    seen.add(m.id);
  }
  for (const m of milestones) {
    // Durations are whole calendar days, 0 for a point milestone.
    if (!Number.isSafeInteger(m.durationDays) || m.durationDays < 0) problems.push({ kind: 'invalid_duration', id: m.id });
    const start = m.actualStart ?? null;
    const finish = m.actualFinish ?? null;
    if (start !== null && !isIsoDate(start)) problems.push({ kind: 'invalid_date', id: m.id, field: 'actualStart' });
    if (finish !== null && !isIsoDate(finish)) problems.push({ kind: 'invalid_date', id: m.id, field: 'actualFinish' });
    if (isIsoDate(start) && isIsoDate(finish) && compareDates(finish, start) < 0) problems.push({ kind: 'finish_before_start', id: m.id });
  }
  for (const u of unknownPredecessors(milestones)) problems.push({ kind: 'unknown_predecessor', ...u });
  return problems;
}

/** Finds one cycle of dependencies, listed predecessor-first and closed (e.g. [a, b, c, a]), or null for a DAG. */
export function findCycle(milestones: PlanMilestone[]): string[] | null {
  const result = walk(milestones);
  return 'cycle' in result ? result.cycle : null;
}

/**
 * Schedules a plan by the critical path method: earliest dates forward from the start date, latest dates backward
 * from the deadline (倒排工期), float and the critical path from both.
 */
export function schedulePlan(
  milestones: PlanMilestone[],
  options: { startDate?: string | null; deadline?: string | null; today?: string },
): ScheduleResult {
  const startDate = optionalDate(options.startDate, 'startDate');
  const deadline = optionalDate(options.deadline, 'deadline');
  const today = optionalDate(options.today, 'today');
  const problems = planInputProblems(milestones);
  if (problems.length > 0) throw new PlanInputError(problems);
  const walked = walk(milestones);
  if ('cycle' in walked) throw new PlanCycleError(walked.cycle);

  const byId = new Map(milestones.map((m) => [m.id, m]));
  const predecessors = new Map(milestones.map((m) => [m.id, [...new Set(m.predecessorIds)]]));
  const successors = new Map<string, string[]>(milestones.map((m) => [m.id, []]));
  for (const [id, preds] of predecessors) for (const p of preds) successors.get(p)?.push(id);

  // Forward pass: only with a start date. Actual dates replace planned ones where the milestone has them.
  const earliest = new Map<string, { start: string; finish: string }>();
  if (startDate !== null) {
    for (const id of walked.order) {
      const m = lookUp(byId, id);
      const d = m.durationDays;
      const actualStart = m.actualStart ?? null;
      const actualFinish = m.actualFinish ?? null;
      let start: string;
      let finish: string;
      if (actualFinish !== null) {
        finish = actualFinish;
        start = actualStart ?? addDays(actualFinish, -d);
      } else if (actualStart !== null) {
        // Started but not finished: planned duration from the actual start (not pushed past today).
        start = actualStart;
        finish = addDays(start, d);
      } else {
        // Work not yet started waits for all its predecessors, and never starts before the plan's start date.
        start = maxDate(startDate, ...lookUp(predecessors, id).map((p) => lookUp(earliest, p).finish));
        finish = addDays(start, d);
      }
      earliest.set(id, { start, finish });
    }
  }
  const earliestCompletion = [...earliest.values()].reduce<string | null>(
    (acc, e) => (acc === null ? e.finish : maxDate(acc, e.finish)),
    null,
  );

  // Backward pass: from the deadline, or from the earliest completion when there is none (classic CPM).
  const anchor = deadline ?? earliestCompletion;
  const latest = new Map<string, { start: string; finish: string }>();
  if (anchor !== null) {
    for (const id of [...walked.order].reverse()) {
      // A sink must finish by the anchor; any other milestone by the latest start of its successors.
      const finish = minDate(anchor, ...lookUp(successors, id).map((s) => lookUp(latest, s).start));
      latest.set(id, { start: addDays(finish, -lookUp(byId, id).durationDays), finish });
    }
  }

  const scheduled = milestones.map((m): ScheduledMilestone => {
    const e = earliest.get(m.id) ?? null;
    const l = latest.get(m.id) ?? null;
    const floatDays = e && l ? daysBetween(e.start, l.start) : null;
    // The date the milestone must be done by: its latest finish, or its earliest when only the forward pass ran.
    const dueBy = l?.finish ?? e?.finish ?? null;
    return {
      id: m.id,
      earliestStart: e?.start ?? null,
      earliestFinish: e?.finish ?? null,
      latestStart: l?.start ?? null,
      latestFinish: l?.finish ?? null,
      floatDays,
      // Zero float on a feasible plan; negative float on an infeasible one marks what must be caught up.
      critical: floatDays !== null && floatDays <= 0,
      overdue: !m.actualFinish && today !== null && dueBy !== null && compareDates(today, dueBy) > 0,
    };
  });

  const lateCompletion = deadline !== null && earliestCompletion !== null && compareDates(earliestCompletion, deadline) > 0;
  const feasible = !lateCompletion && scheduled.every((s) => s.floatDays === null || s.floatDays >= 0);
  return { milestones: scheduled, earliestCompletion, feasible };
}

type Walk = { order: string[] } | { cycle: string[] };

// Depth-first search along predecessor links, in input order: a post-order that is a topological order
// (predecessors first), or the first cycle met. Unknown predecessor ids are not links.
function walk(milestones: PlanMilestone[]): Walk {
  const predecessors = new Map<string, string[]>();
  for (const m of milestones) predecessors.set(m.id, [...(predecessors.get(m.id) ?? []), ...m.predecessorIds]);
  const inputIndex = new Map<string, number>();
  milestones.forEach((m, i) => {
    if (!inputIndex.has(m.id)) inputIndex.set(m.id, i);
  });
  const state = new Map<string, 'open' | 'done'>();
  const order: string[] = [];
  for (const root of predecessors.keys()) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      const preds = predecessors.get(top.id) ?? [];
      const p = preds[top.next];
      top.next += 1;
      if (p === undefined) {
        state.set(top.id, 'done');
        order.push(top.id);
        stack.pop();
        continue;
      }
      if (!predecessors.has(p) || state.get(p) === 'done') continue;
      if (state.get(p) === 'open') {
        // The stack runs successor → predecessor; from p up to the top it is a loop closed by the link p → top.
        const loop = stack.slice(stack.findIndex((f) => f.id === p)).map((f) => f.id);
        const forward = loop.reverse();
        // Start at the milestone that comes first in the input, so the same plan always reports the same cycle.
        const first = forward.reduce(
          (best, id, i) => ((inputIndex.get(id) ?? 0) < (inputIndex.get(forward[best] ?? '') ?? 0) ? i : best),
          0,
        );
        const rotated = [...forward.slice(first), ...forward.slice(0, first)];
        return { cycle: [...rotated, rotated[0] ?? p] };
      }
      state.set(p, 'open');
      stack.push({ id: p, next: 0 });
    }
  }
  return { order };
}

function lookUp<T>(map: Map<string, T>, id: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`Milestone ${id} missing from the schedule`);
  return value;
}

function optionalDate(value: string | null | undefined, name: string): string | null {
  if (value === undefined || value === null) return null;
  if (!isIsoDate(value)) throw new RangeError(`${name} is not an ISO calendar date: ${String(value)}`);
  return value;
}
