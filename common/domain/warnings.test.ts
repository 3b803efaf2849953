import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WarningColour } from '../enums';
import { describeWarningReason, enumLabel, enumMessages } from '../labels';
import { LOCALES } from '../locale';
import { warningSettingsSchema } from '../schemas/warnings';
import { addDays } from './dates';
import { type PlanMilestone, schedulePlan } from './schedule';
import {
  DEFAULT_WARNING_SETTINGS,
  projectWarning,
  WARNING_REASON_CODES,
  type Warning,
  type WarningInput,
  type WarningMilestone,
  type WarningReason,
  type WarningSettings,
  warningMilestones,
} from './warnings';

// 1 July 2024 is day 183 of 366: exactly half the year has elapsed, so completing 500,000 of 1,000,000 元 is on time
// and each 1,000 元 less is 0.1 point behind.
const TODAY = '2024-07-01';
const PLAN_YUAN = 1_000_000;
const behindBy = (points: number) => ({ year: 2024, plannedYuan: PLAN_YUAN, completedYuan: 500_000 - Math.round(points * 10) * 1_000 });

function input(overrides: Partial<WarningInput> = {}): WarningInput {
  return {
    today: TODAY,
    milestones: [],
    investment: null,
    report: null,
    matters: [],
    previousColour: null,
    settings: { ...DEFAULT_WARNING_SETTINGS },
    ...overrides,
  };
}

const milestone = (dueBy: string | null, actualFinish: string | null = null, name = '开工'): WarningMilestone => ({
  id: name,
  name,
  dueBy,
  actualFinish,
});
const overdueBy = (days: number, name = '开工') => milestone(addDays(TODAY, -days), null, name);
const colourOf = (overrides: Partial<WarningInput>) => projectWarning(input(overrides)).colour;
const codes = (w: Warning) => w.reasons.map((r) => r.code);
const RANK: Record<WarningColour, number> = { green: 0, yellow: 1, red: 2 };

describe('projectWarning: the rules, by example', () => {
  it('is green with no reasons when nothing is late', () => {
    expect(projectWarning(input())).toEqual({ colour: 'green', reasons: [] });
    expect(
      projectWarning(input({ milestones: [milestone(TODAY), milestone('2024-09-01', null, '竣工')], investment: behindBy(0) })),
    ).toEqual({
      colour: 'green',
      reasons: [],
    });
  });

  it('turns a milestone overdue yellow, and red after more than 30 days', () => {
    expect(colourOf({ milestones: [milestone(TODAY)] })).toBe('green');
    expect(projectWarning(input({ milestones: [overdueBy(1, '主体封顶')] }))).toEqual({
      colour: 'yellow',
      reasons: [
        {
          code: 'milestone_overdue',
          colour: 'yellow',
          milestoneId: '主体封顶',
          milestoneName: '主体封顶',
          dueBy: '2024-06-30',
          daysOverdue: 1,
        },
      ],
    });
    expect(colourOf({ milestones: [overdueBy(30)] })).toBe('yellow');
    expect(colourOf({ milestones: [overdueBy(31)] })).toBe('red');
  });

  it('counts a milestone done once it has an actual finish, even a late one, but not one dated after today', () => {
    expect(colourOf({ milestones: [milestone('2024-05-01', '2024-06-20')] })).toBe('green');
    expect(colourOf({ milestones: [milestone('2024-05-01', TODAY)] })).toBe('green');
    expect(colourOf({ milestones: [milestone('2024-05-01', '2024-07-02')] })).toBe('red');
    expect(colourOf({ milestones: [milestone(null)] })).toBe('green');
  });

  it('lists every overdue milestone, the longest overdue first', () => {
    const w = projectWarning(input({ milestones: [overdueBy(3, '供地'), overdueBy(40, '立项'), milestone(TODAY, null, '开工')] }));
    expect(w.colour).toBe('red');
    expect(w.reasons.map((r) => (r.code === 'milestone_overdue' ? [r.milestoneName, r.daysOverdue, r.colour] : null))).toEqual([
      ['立项', 40, 'red'],
      ['供地', 3, 'yellow'],
    ]);
  });

  it('reads milestones from the plan as the schedule marks them overdue', () => {
    const plan: PlanMilestone[] = [
      { id: 'land', name: '供地', durationDays: 30, predecessorIds: [] },
      { id: 'start', name: '开工', durationDays: 0, predecessorIds: ['land'] },
      { id: 'topping', name: '主体封顶', durationDays: 200, predecessorIds: ['start'] },
    ];
    // Backward from the deadline: 主体封顶 by 2025-01-16, 开工 and 供地 by 2024-06-30.
    const schedule = schedulePlan(plan, { deadline: '2025-01-16', today: TODAY });
    const milestones = warningMilestones(plan, schedule);
    expect(milestones.map((m) => [m.name, m.dueBy])).toEqual([
      ['供地', '2024-06-30'],
      ['开工', '2024-06-30'],
      ['主体封顶', '2025-01-16'],
    ]);
    const w = projectWarning(input({ milestones }));
    expect(w.reasons.map((r) => r.code === 'milestone_overdue' && r.milestoneId)).toEqual(['land', 'start']);
    expect(schedule.milestones.filter((m) => m.overdue).map((m) => m.id)).toEqual(['land', 'start']);
    const done = plan.map((m) => (m.id === 'land' ? { ...m, actualFinish: '2024-06-28' } : m));
    expect(codes(projectWarning(input({ milestones: warningMilestones(done, schedulePlan(done, { deadline: '2025-01-16' })) })))).toEqual([
      'milestone_overdue',
    ]);
  });

  it('turns completion more than 15 points behind time yellow, more than 30 red, by the figure shown', () => {
    expect(colourOf({ investment: behindBy(15) })).toBe('green');
    expect(colourOf({ investment: behindBy(15.1) })).toBe('yellow');
    expect(colourOf({ investment: behindBy(30) })).toBe('yellow');
    expect(colourOf({ investment: behindBy(30.1) })).toBe('red');
    // 15.04 points behind is shown as 15.0 and is not more than 15.
    expect(colourOf({ investment: { year: 2024, plannedYuan: 10_000_000, completedYuan: 3_496_000 } })).toBe('green');
    const w = projectWarning(input({ investment: behindBy(20) }));
    expect(w.reasons).toEqual([
      { code: 'behind_time', colour: 'yellow', behindPoints: 20, progress: expect.objectContaining({ gapPoints: -20 }) },
    ]);
  });

  it('has no time rule without an annual plan, and none when ahead', () => {
    expect(colourOf({ investment: { year: 2024, plannedYuan: 0, completedYuan: 0 } })).toBe('green');
    expect(colourOf({ investment: null })).toBe('green');
    expect(colourOf({ investment: { year: 2024, plannedYuan: PLAN_YUAN, completedYuan: 900_000 } })).toBe('green');
  });

  it('measures time by the cumulative monthly plan when the plan is spread over months', () => {
    // Front-loaded: 100,000 元 a month January–July, 60,000 after. By 1 July the plan due is January–July, 70%.
    const monthlyPlanYuan = [100, 100, 100, 100, 100, 100, 100, 60, 60, 60, 60, 60].map((m) => m * 1_000);
    const investment = { year: 2024, plannedYuan: PLAN_YUAN, completedYuan: 540_000, monthlyPlanYuan };
    expect(projectWarning(input({ investment })).reasons).toEqual([
      expect.objectContaining({ code: 'behind_time', colour: 'yellow', behindPoints: 16 }),
    ]);
    // Against the calendar (half the year) the same 54% is ahead.
    expect(colourOf({ investment: { ...investment, monthlyPlanYuan: undefined } })).toBe('green');
  });

  it("turns the period's report yellow once it is missing after the deadline", () => {
    const report = { period: '2024-06', deadline: '2024-06-30', submittedOn: null };
    expect(projectWarning(input({ report }))).toEqual({
      colour: 'yellow',
      reasons: [{ code: 'report_missing', colour: 'yellow', period: '2024-06', deadline: '2024-06-30', daysLate: 1 }],
    });
    expect(colourOf({ report: { ...report, deadline: TODAY } })).toBe('green');
    expect(colourOf({ report: { ...report, submittedOn: '2024-06-29' } })).toBe('green');
    // Submitted late is marked on the report, not on the colour; a submission dated after today has not happened yet.
    expect(colourOf({ report: { ...report, deadline: '2024-06-20', submittedOn: '2024-06-25' } })).toBe('green');
    expect(colourOf({ report: { ...report, submittedOn: '2024-07-02' } })).toBe('yellow');
    expect(colourOf({ report: null })).toBe('green');
  });

  it('turns a problem past its deadline red, counting the open ones', () => {
    expect(colourOf({ matters: [{ deadline: TODAY, closedOn: null }] })).toBe('green');
    expect(colourOf({ matters: [{ deadline: null, closedOn: null }] })).toBe('green');
    const matters = [
      { deadline: '2024-06-30', closedOn: null },
      { deadline: '2024-06-01', closedOn: null },
      { deadline: '2024-05-01', closedOn: '2024-06-15' },
      { deadline: '2024-06-20', closedOn: '2024-07-05' },
    ];
    expect(projectWarning(input({ matters }))).toEqual({
      colour: 'red',
      reasons: [{ code: 'matter_overdue', colour: 'red', count: 3, maxDaysOverdue: 30 }],
    });
    expect(colourOf({ matters: [{ deadline: '2024-06-01', closedOn: TODAY }] })).toBe('green');
  });

  it('takes the worst colour among the reasons and lists them rule by rule', () => {
    const w = projectWarning(
      input({
        milestones: [overdueBy(5)],
        investment: behindBy(31),
        report: { period: '2024-06', deadline: '2024-06-25', submittedOn: null },
        matters: [{ deadline: '2024-06-25', closedOn: null }],
      }),
    );
    expect(w.colour).toBe('red');
    expect(codes(w)).toEqual(['milestone_overdue', 'behind_time', 'report_missing', 'matter_overdue']);
  });

  it('keeps a project that was red and has caught up yellow, then lets it go green', () => {
    expect(projectWarning(input({ previousColour: 'red' }))).toEqual({
      colour: 'yellow',
      reasons: [{ code: 'recovered_from_red', colour: 'yellow' }],
    });
    expect(codes(projectWarning(input({ previousColour: 'red', milestones: [overdueBy(3)] })))).toEqual([
      'milestone_overdue',
      'recovered_from_red',
    ]);
    expect(projectWarning(input({ previousColour: 'red', milestones: [overdueBy(31)] })).reasons.map((r) => r.code)).toEqual([
      'milestone_overdue',
    ]);
    expect(colourOf({ previousColour: 'yellow' })).toBe('green');
    expect(colourOf({ previousColour: 'green' })).toBe('green');
  });

  it('applies the district thresholds, not the defaults', () => {
    const settings: WarningSettings = {
      redMilestoneOverdueDays: 10,
      yellowMilestoneOverdueDays: 3,
      redBehindPoints: 20.5,
      yellowBehindPoints: 5,
      redMatterOverdueDays: 7,
      yellowReportMissingDays: 2,
    };
    expect(colourOf({ settings, milestones: [overdueBy(3)] })).toBe('green');
    expect(colourOf({ settings, milestones: [overdueBy(4)] })).toBe('yellow');
    expect(colourOf({ settings, milestones: [overdueBy(10)] })).toBe('yellow');
    expect(colourOf({ settings, milestones: [overdueBy(11)] })).toBe('red');
    expect(colourOf({ settings, investment: behindBy(5) })).toBe('green');
    expect(colourOf({ settings, investment: behindBy(5.1) })).toBe('yellow');
    expect(colourOf({ settings, investment: behindBy(20.5) })).toBe('yellow');
    expect(colourOf({ settings, investment: behindBy(20.6) })).toBe('red');
    expect(colourOf({ settings, matters: [{ deadline: addDays(TODAY, -7), closedOn: null }] })).toBe('green');
    expect(colourOf({ settings, matters: [{ deadline: addDays(TODAY, -8), closedOn: null }] })).toBe('red');
    const report = (daysLate: number) => ({ period: '2024-06', deadline: addDays(TODAY, -daysLate), submittedOn: null });
    expect(colourOf({ settings, report: report(2) })).toBe('green');
    expect(colourOf({ settings, report: report(3) })).toBe('yellow');
  });

  it('refuses a today that is not a calendar date', () => {
    expect(() => projectWarning(input({ today: '2024-02-30' }))).toThrow(RangeError);
    expect(() => projectWarning(input({ today: '2024-07-01T00:00:00+08:00' }))).toThrow(RangeError);
  });
});

describe('warning settings', () => {
  it('accepts the defaults of DOMAIN.md', () => {
    const parsed: WarningSettings = warningSettingsSchema.parse(DEFAULT_WARNING_SETTINGS);
    expect(parsed).toEqual({
      redMilestoneOverdueDays: 30,
      yellowMilestoneOverdueDays: 0,
      redBehindPoints: 30,
      yellowBehindPoints: 15,
      redMatterOverdueDays: 0,
      yellowReportMissingDays: 0,
    });
  });

  it('takes whole days, points to one decimal, nothing negative and no yellow above its red', () => {
    const ok = (change: Partial<Record<keyof WarningSettings, unknown>>) =>
      warningSettingsSchema.safeParse({ ...DEFAULT_WARNING_SETTINGS, ...change }).success;
    expect(ok({ yellowBehindPoints: 15.5, redBehindPoints: 30.3 })).toBe(true);
    expect(ok({ yellowMilestoneOverdueDays: 30 })).toBe(true);
    expect(ok({ yellowBehindPoints: 15.55 })).toBe(false);
    expect(ok({ redMilestoneOverdueDays: 30.5 })).toBe(false);
    expect(ok({ yellowMilestoneOverdueDays: -1 })).toBe(false);
    expect(ok({ redBehindPoints: 100.1 })).toBe(false);
    expect(ok({ yellowReportMissingDays: '3' })).toBe(false);
    expect(warningSettingsSchema.safeParse({ ...DEFAULT_WARNING_SETTINGS, extra: 1 }).success).toBe(false);
    const { redMatterOverdueDays: _, ...missing } = DEFAULT_WARNING_SETTINGS;
    expect(warningSettingsSchema.safeParse(missing).success).toBe(false);
    const above = warningSettingsSchema.safeParse({
      ...DEFAULT_WARNING_SETTINGS,
      yellowMilestoneOverdueDays: 31,
      yellowBehindPoints: 30.1,
    });
    expect(above.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['yellowMilestoneOverdueDays', 'warningSettings.yellow_above_red'],
      ['yellowBehindPoints', 'warningSettings.yellow_above_red'],
    ]);
  });
});

describe('wording', () => {
  const reasons: WarningReason[] = [
    { code: 'milestone_overdue', colour: 'yellow', milestoneId: 'm', milestoneName: '主体封顶', dueBy: '2024-06-30', daysOverdue: 1 },
    ...projectWarning(input({ investment: behindBy(20) })).reasons,
    { code: 'report_missing', colour: 'yellow', period: '2024-06', deadline: '2024-06-25', daysLate: 6 },
    { code: 'matter_overdue', colour: 'red', count: 2, maxDaysOverdue: 12 },
    { code: 'recovered_from_red', colour: 'yellow' },
  ];

  it('words each reason with its facts in both languages', () => {
    expect(reasons.map((r) => describeWarningReason('zh-CN', r))).toEqual([
      '节点“主体封顶”逾期1天（最迟应于2024-06-30完成）',
      '完成年度计划的30.0%，慢于时间进度20.0个百分点',
      '2024年6月进度未报送，已超过截止日期6天',
      '2个问题逾期未解决，最长逾期12天',
      '上期为红灯，现已赶上进度，本期保持黄灯',
    ]);
    expect(reasons.map((r) => describeWarningReason('en-US', r))).toEqual([
      'Milestone "主体封顶" is 1 day overdue (due by 2024-06-30)',
      '30.0% of the annual plan, 20.0 points behind time',
      'The report for 2024-06 is missing, 6 days past its deadline (2024-06-25)',
      '2 problems past the deadline, the longest by 12 days',
      'Red last period and caught up: yellow for the rest of this period',
    ]);
    expect(describeWarningReason('en-US', { code: 'matter_overdue', colour: 'red', count: 1, maxDaysOverdue: 1 })).toBe(
      '1 problem past the deadline, the longest by 1 day',
    );
  });

  it('names the colours and the reason codes for lists and filters', () => {
    expect(enumLabel('zh-CN', 'warningColour', 'red')).toBe('红灯');
    expect(enumLabel('en-US', 'warningColour', 'yellow')).toBe('Yellow');
    for (const locale of LOCALES) {
      for (const code of WARNING_REASON_CODES) expect(enumMessages(locale)[`warningReason.${code}`]).toBeTruthy();
    }
  });
});

// Generated inputs: dates around today, plans, progress, reports, matters, last colour and valid thresholds.
const offset = (min: number, max: number) => fc.integer({ min, max });
const settingsArb: fc.Arbitrary<WarningSettings> = fc
  .record({
    redMilestoneOverdueDays: offset(0, 60),
    yellowMilestoneOverdueDays: offset(0, 60),
    redBehindTenths: offset(0, 1000),
    yellowBehindTenths: offset(0, 1000),
    redMatterOverdueDays: offset(0, 30),
    yellowReportMissingDays: offset(0, 30),
  })
  .map((s) => ({
    redMilestoneOverdueDays: Math.max(s.redMilestoneOverdueDays, s.yellowMilestoneOverdueDays),
    yellowMilestoneOverdueDays: Math.min(s.redMilestoneOverdueDays, s.yellowMilestoneOverdueDays),
    redBehindPoints: Math.max(s.redBehindTenths, s.yellowBehindTenths) / 10,
    yellowBehindPoints: Math.min(s.redBehindTenths, s.yellowBehindTenths) / 10,
    redMatterOverdueDays: s.redMatterOverdueDays,
    yellowReportMissingDays: s.yellowReportMissingDays,
  }));
const around = (today: string, min: number, max: number) => offset(min, max).map((d) => addDays(today, d));

const inputArb: fc.Arbitrary<WarningInput> = offset(0, 365)
  .map((d) => addDays('2024-01-01', d))
  .chain((today) =>
    fc.record({
      today: fc.constant(today),
      milestones: fc.array(
        fc.record({
          id: fc.uuid(),
          name: fc.constantFrom('立项', '供地', '开工', '主体封顶', '竣工'),
          dueBy: fc.option(around(today, -90, 30)),
          actualFinish: fc.option(around(today, -60, 10)),
        }),
        { maxLength: 5 },
      ),
      investment: fc.option(
        fc.integer({ min: 0, max: 1_000_000_000 }).chain((plannedYuan) =>
          fc.record({
            year: fc.constant(2024),
            plannedYuan: fc.constant(plannedYuan),
            completedYuan: fc.integer({ min: 0, max: Math.floor(plannedYuan * 1.2) }),
          }),
        ),
      ),
      report: fc.option(
        fc.record({ period: fc.constant('2024-06'), deadline: around(today, -40, 10), submittedOn: fc.option(around(today, -40, 10)) }),
      ),
      matters: fc.array(fc.record({ deadline: fc.option(around(today, -60, 20)), closedOn: fc.option(around(today, -30, 5)) }), {
        maxLength: 4,
      }),
      previousColour: fc.option(fc.constantFrom<WarningColour>('red', 'yellow', 'green')),
      settings: settingsArb,
    }),
  );

describe('projectWarning: properties', () => {
  it('is green exactly when it has no reasons, otherwise the worst colour among them', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const w = projectWarning(i);
        expect(w.colour === 'green').toBe(w.reasons.length === 0);
        const worst = w.reasons.reduce<WarningColour>((c, r) => (RANK[r.colour] > RANK[c] ? r.colour : c), 'green');
        expect(w.colour).toBe(worst);
        // Rule by rule, in the order of the codes.
        const order = w.reasons.map((r) => WARNING_REASON_CODES.indexOf(r.code));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        for (const r of w.reasons) for (const locale of LOCALES) expect(describeWarningReason(locale, r)).not.toMatch(/undefined|NaN|null/);
      }),
    );
  });

  const lateness: [string, fc.Arbitrary<(i: WarningInput) => WarningInput>][] = [
    [
      'more overdue days',
      offset(1, 60).map((k) => (i) => ({ ...i, milestones: i.milestones.map((m) => ({ ...m, dueBy: m.dueBy && addDays(m.dueBy, -k) })) })),
    ],
    [
      'an unfinished milestone',
      fc.constant((i: WarningInput) => ({ ...i, milestones: i.milestones.map((m) => ({ ...m, actualFinish: null })) })),
    ],
    [
      'more points behind',
      fc.double({ min: 0, max: 1, noNaN: true }).map((f) => (i) => ({
        ...i,
        investment: i.investment && { ...i.investment, completedYuan: Math.floor(i.investment.completedYuan * f) },
      })),
    ],
    [
      'more overdue matters',
      fc.record({ deadline: fc.option(offset(-60, 20)) }).map((m) => (i) => ({
        ...i,
        matters: [...i.matters, { deadline: m.deadline === null ? null : addDays(i.today, m.deadline), closedOn: null }],
      })),
    ],
    [
      'earlier matter deadlines',
      offset(1, 30).map((k) => (i) => ({
        ...i,
        matters: i.matters.map((m) => ({ ...m, deadline: m.deadline && addDays(m.deadline, -k) })),
      })),
    ],
    ['a missing report', fc.constant((i: WarningInput) => ({ ...i, report: i.report && { ...i.report, submittedOn: null } }))],
    [
      'an earlier report deadline',
      offset(1, 30).map((k) => (i) => ({ ...i, report: i.report && { ...i.report, deadline: addDays(i.report.deadline, -k) } })),
    ],
  ];

  for (const [what, later] of lateness) {
    it(`never improves the colour with ${what}`, () => {
      fc.assert(
        fc.property(inputArb, later, (i, makeLater) => {
          expect(RANK[projectWarning(makeLater(i)).colour]).toBeGreaterThanOrEqual(RANK[projectWarning(i).colour]);
        }),
      );
    });
  }

  it('fires each rule exactly beyond its threshold', () => {
    fc.assert(
      fc.property(settingsArb, offset(0, 80), offset(0, 500), (settings, days, behindTenths) => {
        const s = settings;
        const expected = (measure: number, red: number, yellow: number): WarningColour =>
          measure > red ? 'red' : measure > yellow ? 'yellow' : 'green';
        expect(colourOf({ settings, milestones: [overdueBy(days)] })).toBe(
          days > 0 ? expected(days, s.redMilestoneOverdueDays, s.yellowMilestoneOverdueDays) : 'green',
        );
        expect(colourOf({ settings, investment: behindBy(behindTenths / 10) })).toBe(
          expected(behindTenths, Math.round(s.redBehindPoints * 10), Math.round(s.yellowBehindPoints * 10)),
        );
        expect(colourOf({ settings, matters: [{ deadline: addDays(TODAY, -days), closedOn: null }] })).toBe(
          days > 0 && days > s.redMatterOverdueDays ? 'red' : 'green',
        );
        const report = { period: '2024-06', deadline: addDays(TODAY, -days), submittedOn: null };
        expect(colourOf({ settings, report })).toBe(days > 0 && days > s.yellowReportMissingDays ? 'yellow' : 'green');
      }),
    );
  });

  it('moves a colour down exactly when a threshold is raised to the measure, and back up one step below it', () => {
    fc.assert(
      fc.property(offset(1, 80), (days) => {
        const at = (settings: Partial<WarningSettings>) =>
          colourOf({
            settings: { ...DEFAULT_WARNING_SETTINGS, redMilestoneOverdueDays: 3650, ...settings },
            milestones: [overdueBy(days)],
          });
        expect(at({ redMilestoneOverdueDays: days })).toBe('yellow');
        expect(at({ redMilestoneOverdueDays: days - 1 })).toBe('red');
        expect(at({ yellowMilestoneOverdueDays: days })).toBe('green');
        expect(at({ yellowMilestoneOverdueDays: days - 1 })).toBe('yellow');
      }),
    );
  });

  it('with every threshold at its highest, leaves at most the recovery', () => {
    const highest: WarningSettings = {
      redMilestoneOverdueDays: 3650,
      yellowMilestoneOverdueDays: 3650,
      redBehindPoints: 100,
      yellowBehindPoints: 100,
      redMatterOverdueDays: 3650,
      yellowReportMissingDays: 3650,
    };
    fc.assert(
      fc.property(inputArb, (i) => {
        const w = projectWarning({ ...i, settings: highest });
        expect(codes(w)).toEqual(i.previousColour === 'red' ? ['recovered_from_red'] : []);
      }),
    );
  });

  it('turns red-last-period into yellow with recovered_from_red once no red rule fires, and forgets yellow and green', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const fresh = projectWarning({ ...i, previousColour: null });
        for (const previousColour of ['yellow', 'green'] as const) expect(projectWarning({ ...i, previousColour })).toEqual(fresh);
        const afterRed = projectWarning({ ...i, previousColour: 'red' });
        if (fresh.colour === 'red') {
          expect(afterRed).toEqual(fresh);
        } else {
          expect(afterRed).toEqual({ colour: 'yellow', reasons: [...fresh.reasons, { code: 'recovered_from_red', colour: 'yellow' }] });
        }
      }),
    );
  });

  it('calls a milestone overdue exactly when the schedule does', () => {
    const chainArb = fc.array(fc.record({ durationDays: offset(0, 90), finishedDaysAgo: fc.option(offset(0, 200)) }), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(chainArb, offset(-200, 400), (steps, deadlineOffset) => {
        const plan: PlanMilestone[] = steps.map((s, n) => ({
          id: `m${n}`,
          name: `m${n}`,
          durationDays: s.durationDays,
          predecessorIds: n === 0 ? [] : [`m${n - 1}`],
          actualFinish: s.finishedDaysAgo === null ? null : addDays(TODAY, -s.finishedDaysAgo),
        }));
        const schedule = schedulePlan(plan, { deadline: addDays(TODAY, deadlineOffset), today: TODAY });
        const w = projectWarning(
          input({
            milestones: warningMilestones(plan, schedule),
            settings: { ...DEFAULT_WARNING_SETTINGS, redMilestoneOverdueDays: 3650 },
          }),
        );
        const flagged = w.reasons.flatMap((r) => (r.code === 'milestone_overdue' ? [r.milestoneId] : []));
        expect(flagged.sort()).toEqual(
          schedule.milestones
            .filter((m) => m.overdue)
            .map((m) => m.id)
            .sort(),
        );
      }),
    );
  });
});
