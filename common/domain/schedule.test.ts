import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, daysBetween } from './dates';
import {
  findCycle,
  type PlanMilestone,
  PlanCycleError,
  PlanInputError,
  planInputProblems,
  type ScheduledMilestone,
  schedulePlan,
  unknownPredecessors,
} from './schedule';

// The industrial template: each step waits for the one before.
const TEMPLATE: [string, string, number][] = [
  ['sign', '签约', 0],
  ['filing', '立项备案', 15],
  ['land', '供地', 90],
  ['planning', '规划许可', 30],
  ['permit', '施工许可', 30],
  ['start', '开工', 0],
  ['topping', '主体封顶', 240],
  ['completion', '竣工', 120],
  ['production', '投产', 60],
];

function industrialPlan(): PlanMilestone[] {
  return TEMPLATE.map(([id, name, durationDays], i) => ({
    id,
    name,
    durationDays,
    predecessorIds: i === 0 ? [] : [TEMPLATE[i - 1]?.[0] ?? ''],
  }));
}

function byId(result: { milestones: ScheduledMilestone[] }, id: string): ScheduledMilestone {
  const found = result.milestones.find((m) => m.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('schedulePlan on the industrial template', () => {
  it('runs forward from the start date (classic CPM: all on the critical path)', () => {
    const result = schedulePlan(industrialPlan(), { startDate: '2024-03-01' });
    expect(result.earliestCompletion).toBe('2025-10-07');
    expect(result.feasible).toBe(true);
    expect(result.milestones.map((m) => m.id)).toEqual(TEMPLATE.map(([id]) => id));
    expect(byId(result, 'sign')).toMatchObject({ earliestStart: '2024-03-01', earliestFinish: '2024-03-01' });
    expect(byId(result, 'filing')).toMatchObject({ earliestStart: '2024-03-01', earliestFinish: '2024-03-16' });
    expect(byId(result, 'land')).toMatchObject({ earliestStart: '2024-03-16', earliestFinish: '2024-06-14' });
    expect(byId(result, 'start')).toMatchObject({ earliestStart: '2024-08-13', earliestFinish: '2024-08-13' });
    expect(byId(result, 'topping')).toMatchObject({ earliestFinish: '2025-04-10' });
    expect(byId(result, 'completion')).toMatchObject({ earliestFinish: '2025-08-08' });
    for (const m of result.milestones) {
      expect(m.floatDays).toBe(0);
      expect(m.critical).toBe(true);
      expect(m.latestStart).toBe(m.earliestStart);
      expect(m.latestFinish).toBe(m.earliestFinish);
      expect(m.overdue).toBe(false);
    }
  });

  it('schedules backwards from the target date alone (倒排工期)', () => {
    const result = schedulePlan(industrialPlan(), { deadline: '2026-06-30' });
    expect(result.earliestCompletion).toBeNull();
    expect(result.feasible).toBe(true);
    expect(byId(result, 'production')).toMatchObject({ latestStart: '2026-05-01', latestFinish: '2026-06-30' });
    expect(byId(result, 'completion')).toMatchObject({ latestStart: '2026-01-01', latestFinish: '2026-05-01' });
    expect(byId(result, 'start')).toMatchObject({ latestStart: '2025-05-06', latestFinish: '2025-05-06' });
    expect(byId(result, 'sign').latestStart).toBe(addDays('2026-06-30', -585));
    for (const m of result.milestones) {
      expect(m).toMatchObject({ earliestStart: null, earliestFinish: null, floatDays: null, critical: false });
    }
  });

  it('gives every milestone the same float when the deadline leaves room', () => {
    const result = schedulePlan(industrialPlan(), { startDate: '2024-03-01', deadline: '2025-12-31' });
    expect(result.feasible).toBe(true);
    expect(result.milestones.every((m) => m.floatDays === 85 && !m.critical)).toBe(true);
  });

  it('reports an impossible deadline as infeasible, with negative float on what must be caught up', () => {
    const result = schedulePlan(industrialPlan(), { startDate: '2024-03-01', deadline: '2025-09-30' });
    expect(result.feasible).toBe(false);
    expect(result.earliestCompletion).toBe('2025-10-07');
    expect(result.milestones.every((m) => m.floatDays === -7 && m.critical)).toBe(true);
  });

  it('finds the non-critical branch and its float', () => {
    const plan = industrialPlan().map((m) => (m.id === 'permit' ? { ...m, predecessorIds: ['planning', 'eia'] } : m));
    plan.push({ id: 'eia', name: '环评批复', durationDays: 45, predecessorIds: ['filing'] });
    const result = schedulePlan(plan, { startDate: '2024-03-01' });
    expect(result.earliestCompletion).toBe('2025-10-07');
    // The land and planning route takes 120 days after 立项, the environmental assessment 45.
    expect(byId(result, 'eia')).toMatchObject({
      earliestStart: '2024-03-16',
      earliestFinish: '2024-04-30',
      floatDays: 75,
      critical: false,
    });
    expect(byId(result, 'eia').latestFinish).toBe('2024-07-14');
    expect(byId(result, 'land').critical).toBe(true);
    expect(result.milestones.at(-1)?.id).toBe('eia');
  });

  it('uses actual dates where a milestone has them', () => {
    const plan = industrialPlan().map((m) => {
      if (m.id === 'sign') return { ...m, actualFinish: '2024-02-20' };
      if (m.id === 'filing') return { ...m, actualStart: '2024-02-21', actualFinish: '2024-03-05' };
      if (m.id === 'land') return { ...m, actualStart: '2024-03-10' };
      return m;
    });
    const result = schedulePlan(plan, { startDate: '2024-03-01', today: '2024-03-20' });
    expect(byId(result, 'sign')).toMatchObject({ earliestStart: '2024-02-20', earliestFinish: '2024-02-20' });
    expect(byId(result, 'filing')).toMatchObject({ earliestStart: '2024-02-21', earliestFinish: '2024-03-05' });
    expect(byId(result, 'land')).toMatchObject({ earliestStart: '2024-03-10', earliestFinish: '2024-06-08' });
    expect(byId(result, 'planning')).toMatchObject({ earliestStart: '2024-06-08' });
    expect(result.earliestCompletion).toBe('2025-10-01');
  });

  it('infers the start of a finished milestone from its duration when only the finish is known', () => {
    const plan = industrialPlan().map((m) => (m.id === 'filing' ? { ...m, actualFinish: '2024-03-10' } : m));
    const result = schedulePlan(plan, { startDate: '2024-03-01' });
    expect(byId(result, 'filing')).toMatchObject({ earliestStart: '2024-02-24', earliestFinish: '2024-03-10' });
  });

  it('never starts unstarted work before the plan’s start date, even after early actuals', () => {
    const plan = industrialPlan().map((m) => (m.id === 'sign' ? { ...m, actualFinish: '2023-11-11' } : m));
    const result = schedulePlan(plan, { startDate: '2024-03-01' });
    expect(byId(result, 'filing').earliestStart).toBe('2024-03-01');
  });

  it('marks milestones overdue when today is past the date they were due and they are not finished', () => {
    const plan = industrialPlan().map((m) => (m.id === 'sign' ? { ...m, actualFinish: '2024-03-01' } : m));
    const result = schedulePlan(plan, { startDate: '2024-03-01', today: '2024-07-01' });
    expect(result.milestones.filter((m) => m.overdue).map((m) => m.id)).toEqual(['filing', 'land']);
    const due = schedulePlan(plan, { startDate: '2024-03-01', today: '2024-06-14' });
    expect(byId(due, 'land').overdue).toBe(false);
    const backwardOnly = schedulePlan(plan, { deadline: '2026-06-30', today: '2026-05-02' });
    expect(backwardOnly.milestones.filter((m) => m.overdue).map((m) => m.id)).toEqual([
      'filing',
      'land',
      'planning',
      'permit',
      'start',
      'topping',
      'completion',
    ]);
    const noToday = schedulePlan(plan, { startDate: '2024-03-01' });
    expect(noToday.milestones.some((m) => m.overdue)).toBe(false);
  });

  it('handles the empty plan and the plan with neither date', () => {
    expect(schedulePlan([], { startDate: '2024-03-01', deadline: '2024-12-31' })).toEqual({
      milestones: [],
      earliestCompletion: null,
      feasible: true,
    });
    const blank = schedulePlan(industrialPlan(), {});
    expect(blank.earliestCompletion).toBeNull();
    expect(blank.milestones.every((m) => m.latestFinish === null && m.earliestFinish === null && !m.critical && !m.overdue)).toBe(true);
  });
});

describe('plan validation', () => {
  it('reports a cycle as a typed error naming the milestones in order', () => {
    const plan = industrialPlan().map((m) => (m.id === 'land' ? { ...m, predecessorIds: ['filing', 'permit'] } : m));
    expect(findCycle(plan)).toEqual(['land', 'planning', 'permit', 'land']);
    expect(findCycle(industrialPlan())).toBeNull();
    try {
      schedulePlan(plan, { startDate: '2024-03-01' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanCycleError);
      expect((error as PlanCycleError).cycle).toEqual(['land', 'planning', 'permit', 'land']);
    }
  });

  it('reports a milestone that waits for itself', () => {
    expect(findCycle([{ id: 'a', name: 'A', durationDays: 1, predecessorIds: ['a'] }])).toEqual(['a', 'a']);
  });

  it('lists unknown predecessors, and refuses to schedule with them', () => {
    const plan = industrialPlan().map((m) => (m.id === 'permit' ? { ...m, predecessorIds: ['planning', 'eia', 'fire'] } : m));
    expect(unknownPredecessors(plan)).toEqual([
      { id: 'permit', predecessorId: 'eia' },
      { id: 'permit', predecessorId: 'fire' },
    ]);
    expect(findCycle(plan)).toBeNull();
    expect(() => schedulePlan(plan, { startDate: '2024-03-01' })).toThrow(PlanInputError);
  });

  it('lists duplicate ids, bad durations and bad actual dates', () => {
    const plan: PlanMilestone[] = [
      { id: 'a', name: 'A', durationDays: -1, predecessorIds: [] },
      { id: 'a', name: 'A again', durationDays: 2.5, predecessorIds: [] },
      { id: 'b', name: 'B', durationDays: 3, predecessorIds: ['a'], actualStart: '2024-02-30' },
      { id: 'c', name: 'C', durationDays: 3, predecessorIds: ['b'], actualStart: '2024-03-10', actualFinish: '2024-03-01' },
    ];
    expect(planInputProblems(plan)).toEqual([
      { kind: 'duplicate_id', id: 'a' },
      { kind: 'invalid_duration', id: 'a' },
      { kind: 'invalid_duration', id: 'a' },
      { kind: 'invalid_date', id: 'b', field: 'actualStart' },
      { kind: 'finish_before_start', id: 'c' },
    ]);
    expect(() => schedulePlan(plan, {})).toThrow(PlanInputError);
    expect(planInputProblems(industrialPlan())).toEqual([]);
  });

  it('refuses option dates that are not calendar dates', () => {
    expect(() => schedulePlan(industrialPlan(), { startDate: '2024-3-1' })).toThrow(RangeError);
    expect(() => schedulePlan(industrialPlan(), { deadline: '2024-02-30' })).toThrow(RangeError);
    expect(() => schedulePlan(industrialPlan(), { today: 'today' })).toThrow(RangeError);
  });
});

// Random DAGs: a milestone may only depend on milestones with a lower index.
const dagArb = fc
  .array(fc.record({ durationDays: fc.integer({ min: 0, max: 400 }), links: fc.uniqueArray(fc.nat(), { maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 14,
  })
  .map((items) =>
    items.map(
      (item, i): PlanMilestone => ({
        id: `m${i}`,
        name: `Milestone ${i}`,
        durationDays: item.durationDays,
        predecessorIds: i === 0 ? [] : [...new Set(item.links.map((link) => `m${link % i}`))],
      }),
    ),
  );
const startArb = fc.integer({ min: 0, max: 15_000 }).map((n) => addDays('2000-01-01', n));
const slackArb = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500 }));

function successorsOf(plan: PlanMilestone[], id: string): string[] {
  return plan.filter((m) => m.predecessorIds.includes(id)).map((m) => m.id);
}

function scheduleWithSlack(plan: PlanMilestone[], startDate: string, slack: number) {
  const first = schedulePlan(plan, { startDate });
  const deadline = addDays(first.earliestCompletion ?? startDate, slack);
  return { deadline, result: schedulePlan(plan, { startDate, deadline }) };
}

describe('schedulePlan properties', () => {
  it('keeps latest dates on or before the deadline, float non-negative, earliest before latest', () => {
    fc.assert(
      fc.property(dagArb, startArb, slackArb, (plan, startDate, slack) => {
        const { deadline, result } = scheduleWithSlack(plan, startDate, slack);
        expect(result.feasible).toBe(true);
        for (const m of result.milestones) {
          expect(compareDates(m.latestFinish ?? '', deadline)).toBeLessThanOrEqual(0);
          expect(compareDates(m.latestStart ?? '', deadline)).toBeLessThanOrEqual(0);
          expect(m.floatDays).toBeGreaterThanOrEqual(0);
          expect(compareDates(m.earliestStart ?? '', m.latestStart ?? '')).toBeLessThanOrEqual(0);
          expect(compareDates(m.earliestFinish ?? '', m.latestFinish ?? '')).toBeLessThanOrEqual(0);
          if (m.critical) expect(m.floatDays).toBe(0);
        }
        // The slack is the float of the tightest chain; nothing is critical when there is any.
        expect(Math.min(...result.milestones.map((m) => m.floatDays ?? Number.NaN))).toBe(slack);
        if (slack > 0) expect(result.milestones.some((m) => m.critical)).toBe(false);
      }),
    );
  });

  it('computes each pass by its definition', () => {
    fc.assert(
      fc.property(dagArb, startArb, slackArb, (plan, startDate, slack) => {
        const { deadline, result } = scheduleWithSlack(plan, startDate, slack);
        const get = (id: string) => byId(result, id);
        for (const m of plan) {
          const s = get(m.id);
          const predFinishes = m.predecessorIds.map((p) => get(p).earliestFinish ?? '');
          const succStarts = successorsOf(plan, m.id).map((id) => get(id).latestStart ?? '');
          expect(s.earliestStart).toBe([startDate, ...predFinishes].sort().at(-1));
          expect(s.latestFinish).toBe([deadline, ...succStarts].sort()[0]);
          expect(daysBetween(s.earliestStart ?? '', s.earliestFinish ?? '')).toBe(m.durationDays);
          expect(daysBetween(s.latestStart ?? '', s.latestFinish ?? '')).toBe(m.durationDays);
          expect(s.floatDays).toBe(daysBetween(s.earliestStart ?? '', s.latestStart ?? ''));
        }
        expect(result.earliestCompletion).toBe(
          result.milestones
            .map((m) => m.earliestFinish ?? '')
            .sort()
            .at(-1),
        );
      }),
    );
  });

  it('finds a critical chain from a source to a sink when the deadline is the earliest completion', () => {
    fc.assert(
      fc.property(dagArb, startArb, (plan, startDate) => {
        const { deadline, result } = scheduleWithSlack(plan, startDate, 0);
        const critical = new Set(result.milestones.filter((m) => m.critical).map((m) => m.id));
        expect(critical.size).toBeGreaterThan(0);
        const isSink = (id: string) => successorsOf(plan, id).length === 0;
        // Every critical sink finishes exactly on the deadline by both passes.
        for (const id of critical) {
          if (isSink(id)) expect(byId(result, id)).toMatchObject({ earliestFinish: deadline, latestFinish: deadline });
        }
        // Walk from critical sources along tight links (successor starts when predecessor finishes).
        const reached = plan.filter((m) => m.predecessorIds.length === 0 && critical.has(m.id)).map((m) => m.id);
        for (let i = 0; i < reached.length; i++) {
          const from = byId(result, reached[i] ?? '');
          for (const next of successorsOf(plan, from.id)) {
            if (critical.has(next) && !reached.includes(next) && byId(result, next).earliestStart === from.earliestFinish)
              reached.push(next);
          }
        }
        expect(reached.some(isSink)).toBe(true);
      }),
    );
  });

  it('treats no deadline as deadline = earliest completion, and no start date as backward scheduling only', () => {
    fc.assert(
      fc.property(dagArb, startArb, (plan, startDate) => {
        const classic = schedulePlan(plan, { startDate });
        expect(schedulePlan(plan, { startDate, deadline: classic.earliestCompletion })).toEqual(classic);
        const backward = schedulePlan(plan, { deadline: classic.earliestCompletion });
        expect(backward.earliestCompletion).toBeNull();
        backward.milestones.forEach((m, i) => {
          const c = classic.milestones[i];
          expect(m).toEqual({ ...c, earliestStart: null, earliestFinish: null, floatDays: null, critical: false });
        });
      }),
    );
  });

  it('gives the same dates whatever the input order, and answers in input order', () => {
    fc.assert(
      fc.property(
        dagArb.chain((plan) => fc.tuple(fc.constant(plan), fc.shuffledSubarray(plan, { minLength: plan.length, maxLength: plan.length }))),
        startArb,
        slackArb,
        ([plan, shuffled], startDate, slack) => {
          const { deadline, result } = scheduleWithSlack(plan, startDate, slack);
          const other = schedulePlan(shuffled, { startDate, deadline });
          expect(other.milestones.map((m) => m.id)).toEqual(shuffled.map((m) => m.id));
          for (const m of other.milestones) expect(m).toEqual(byId(result, m.id));
          expect(other.earliestCompletion).toBe(result.earliestCompletion);
        },
      ),
    );
  });

  it('marks the plan infeasible exactly when the deadline is before the earliest completion', () => {
    fc.assert(
      fc.property(dagArb, startArb, fc.integer({ min: -300, max: 300 }), (plan, startDate, shift) => {
        const { result } = scheduleWithSlack(plan, startDate, 0);
        const deadline = addDays(result.earliestCompletion ?? startDate, shift);
        const shifted = schedulePlan(plan, { startDate, deadline });
        expect(shifted.feasible).toBe(shift >= 0);
        expect(Math.min(...shifted.milestones.map((m) => m.floatDays ?? Number.NaN))).toBe(shift);
      }),
    );
  });

  it('detects any cycle added to a DAG, and reports a real one', () => {
    fc.assert(
      fc.property(dagArb, fc.nat(), fc.nat(), (plan, pickTarget, pickAncestor) => {
        const target = plan[pickTarget % plan.length];
        if (!target) return;
        // Any ancestor of the target (or the target itself) made to wait for the target closes a loop.
        const ancestors = new Set<string>([target.id]);
        for (let changed = true; changed; ) {
          changed = false;
          for (const m of plan) {
            if (ancestors.has(m.id)) continue;
            if (successorsOf(plan, m.id).some((s) => ancestors.has(s))) {
              ancestors.add(m.id);
              changed = true;
            }
          }
        }
        const list = [...ancestors];
        const victim = list[pickAncestor % list.length] ?? target.id;
        const cyclic = plan.map((m) => (m.id === victim ? { ...m, predecessorIds: [...m.predecessorIds, target.id] } : m));
        const cycle = findCycle(cyclic);
        expect(cycle).not.toBeNull();
        const ids = cycle ?? [];
        expect(ids[0]).toBe(ids.at(-1));
        expect(new Set(ids.slice(0, -1)).size).toBe(ids.length - 1);
        for (let i = 0; i + 1 < ids.length; i++) {
          const next = cyclic.find((m) => m.id === ids[i + 1]);
          expect(next?.predecessorIds).toContain(ids[i]);
        }
        expect(() => schedulePlan(cyclic, { startDate: '2024-01-01' })).toThrow(PlanCycleError);
        expect(findCycle(plan)).toBeNull();
      }),
    );
  });
});
