import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from './dates';
import { completionAgainstTime, describeTimeProgress } from './time-progress';

const YI = 100_000_000; // 1亿元 in 元

describe('completionAgainstTime', () => {
  it('reproduces the DOMAIN example: 45.5% of the plan, 3.8 points ahead of time', () => {
    // 10亿元 planned, 4.547亿元 done by 1 June 2023: 152 of 365 days (41.6%) have elapsed.
    const p = completionAgainstTime({ completedYuan: 454_700_000, plannedYuan: 10 * YI, year: 2023, asOf: '2023-06-01' });
    expect(p.completionRate).toBeCloseTo(0.4547, 12);
    expect(p.timeElapsedRate).toBeCloseTo(152 / 365, 12);
    expect(p).toMatchObject({ completedYuan: 454_700_000, plannedYuan: 10 * YI, gapPoints: 3.8, status: 'ahead' });
    expect(describeTimeProgress(p, 'zh-CN')).toBe('完成年度计划的45.5%，快于时间进度3.8个百分点');
    expect(describeTimeProgress(p, 'en-US')).toBe('45.5% of the annual plan, 3.8 points ahead of time');
  });

  it('says behind and level the official way', () => {
    // 1 July 2024 is day 183 of 366: exactly half the leap year.
    const behind = completionAgainstTime({ completedYuan: 4 * YI, plannedYuan: 10 * YI, year: 2024, asOf: '2024-07-01' });
    expect(behind).toMatchObject({ timeElapsedRate: 0.5, gapPoints: -10, status: 'behind' });
    expect(describeTimeProgress(behind, 'zh-CN')).toBe('完成年度计划的40.0%，慢于时间进度10.0个百分点');
    expect(describeTimeProgress(behind, 'en-US')).toBe('40.0% of the annual plan, 10.0 points behind time');
    const level = completionAgainstTime({ completedYuan: 500_400, plannedYuan: 1_000_000, year: 2024, asOf: '2024-07-01' });
    expect(level).toMatchObject({ gapPoints: 0, status: 'on_pace' });
    expect(describeTimeProgress(level, 'zh-CN')).toBe('完成年度计划的50.0%，与时间进度持平');
    expect(describeTimeProgress(level, 'en-US')).toBe('50.0% of the annual plan, on pace with time');
    const onePoint = completionAgainstTime({ completedYuan: 510_000, plannedYuan: 1_000_000, year: 2024, asOf: '2024-07-01' });
    expect(describeTimeProgress(onePoint, 'en-US')).toBe('51.0% of the annual plan, 1.0 point ahead of time');
  });

  it('draws the on-pace line at 0.05 points, rounding half away from zero', () => {
    const at = (completedYuan: number) => completionAgainstTime({ completedYuan, plannedYuan: 1_000_000, year: 2024, asOf: '2024-07-01' });
    expect(at(500_499)).toMatchObject({ gapPoints: 0, status: 'on_pace' });
    expect(at(500_500)).toMatchObject({ gapPoints: 0.1, status: 'ahead' });
    expect(at(499_501)).toMatchObject({ gapPoints: 0, status: 'on_pace' });
    expect(at(499_500)).toMatchObject({ gapPoints: -0.1, status: 'behind' });
    expect(Object.is(at(500_000).gapPoints, 0)).toBe(true);
  });

  it('counts leap years and the day of asOf itself', () => {
    const share = (year: number, asOf: string) => completionAgainstTime({ completedYuan: 0, plannedYuan: 1, year, asOf }).timeElapsedRate;
    expect(share(2024, '2024-01-01')).toBe(1 / 366);
    expect(share(2024, '2024-02-29')).toBe(60 / 366);
    expect(share(2024, '2024-03-01')).toBe(61 / 366);
    expect(share(2023, '2023-03-01')).toBe(60 / 365);
    expect(share(2023, '2023-07-02')).toBe(183 / 365);
    expect(share(2024, '2024-12-31')).toBe(1);
    expect(share(2100, '2100-12-31')).toBe(1);
    expect(share(2100, '2100-12-30')).toBe(364 / 365);
  });

  it('treats asOf before the year as nothing elapsed and after it as all', () => {
    const before = completionAgainstTime({ completedYuan: 0, plannedYuan: 10 * YI, year: 2024, asOf: '2023-12-31' });
    expect(before).toMatchObject({ timeElapsedRate: 0, gapPoints: 0, status: 'on_pace' });
    const after = completionAgainstTime({ completedYuan: 9 * YI, plannedYuan: 10 * YI, year: 2024, asOf: '2025-03-01' });
    expect(after).toMatchObject({ timeElapsedRate: 1, gapPoints: -10, status: 'behind' });
  });

  it('has no rate and no gap without a plan', () => {
    const p = completionAgainstTime({ completedYuan: 3 * YI, plannedYuan: 0, year: 2024, asOf: '2024-07-01' });
    expect(p).toEqual({
      completedYuan: 3 * YI,
      plannedYuan: 0,
      completionRate: null,
      timeElapsedRate: 0.5,
      gapPoints: null,
      status: 'no_plan',
    });
    expect(describeTimeProgress(p, 'zh-CN')).toBe('未下达年度计划');
    expect(describeTimeProgress(p, 'en-US')).toBe('No annual plan');
  });

  it('compares with the cumulative monthly plan through the month of asOf when one is given', () => {
    const monthlyPlanYuan = [0, 0, 50, 50, 100, 100, 100, 100, 100, 100, 150, 150].map((m) => m * 1_000_000);
    const at = (asOf: string, completedYuan = 2.5 * YI) =>
      completionAgainstTime({ completedYuan, plannedYuan: 10 * YI, year: 2024, asOf, monthlyPlanYuan });
    // January to May: 200 of 1,000 (百万元) planned, so 20% is due; 25% is done.
    expect(at('2024-05-01')).toMatchObject({ timeElapsedRate: 0.2, gapPoints: 5, status: 'ahead' });
    expect(at('2024-05-31')).toMatchObject({ timeElapsedRate: 0.2 });
    expect(at('2024-02-10', 0)).toMatchObject({ timeElapsedRate: 0, gapPoints: 0, status: 'on_pace' });
    expect(at('2024-12-31').timeElapsedRate).toBe(1);
    expect(at('2023-12-31').timeElapsedRate).toBe(0);
    expect(at('2025-01-01').timeElapsedRate).toBe(1);
    // The share is of the monthly spread itself, even when it sums to another version's total.
    const adjusted = completionAgainstTime({ completedYuan: 0, plannedYuan: 12 * YI, year: 2024, asOf: '2024-05-01', monthlyPlanYuan });
    expect(adjusted.timeElapsedRate).toBe(0.2);
    // Nothing spread over the months: fall back to the calendar.
    const flat = completionAgainstTime({
      completedYuan: 0,
      plannedYuan: 10,
      year: 2024,
      asOf: '2024-07-01',
      monthlyPlanYuan: new Array<number>(12).fill(0),
    });
    expect(flat.timeElapsedRate).toBe(0.5);
  });

  it('refuses money that is not whole non-negative 元, and malformed dates or months', () => {
    const base = { completedYuan: 1, plannedYuan: 10, year: 2024, asOf: '2024-07-01' };
    expect(() => completionAgainstTime({ ...base, completedYuan: 1.5 })).toThrow(RangeError);
    expect(() => completionAgainstTime({ ...base, completedYuan: -1 })).toThrow(RangeError);
    expect(() => completionAgainstTime({ ...base, plannedYuan: Number.NaN })).toThrow(RangeError);
    expect(() => completionAgainstTime({ ...base, plannedYuan: 2 ** 53 })).toThrow(RangeError);
    expect(() => completionAgainstTime({ ...base, asOf: '2024-02-30' })).toThrow(RangeError);
    expect(() => completionAgainstTime({ ...base, year: 2024.5 })).toThrow(RangeError);
    expect(() => completionAgainstTime({ ...base, monthlyPlanYuan: [1, 2, 3] })).toThrow(RangeError);
    expect(() => completionAgainstTime({ ...base, monthlyPlanYuan: [...new Array<number>(11).fill(1), -1] })).toThrow(RangeError);
  });
});

const yuan = fc.integer({ min: 0, max: 10_000_000_000_000 });
const plan = fc.integer({ min: 1, max: 10_000_000_000_000 });
const year = fc.integer({ min: 2020, max: 2030 });
const dateAround = (y: number) => fc.integer({ min: -40, max: 405 }).map((n) => addDays(`${y}-01-01`, n));
const monthly = fc.option(fc.array(fc.integer({ min: 0, max: 1_000_000_000_000 }), { minLength: 12, maxLength: 12 }), { nil: undefined });

describe('completionAgainstTime properties', () => {
  it('never lowers the rate or the gap when more is completed', () => {
    fc.assert(
      fc.property(
        yuan,
        yuan,
        plan,
        year.chain((y) => fc.tuple(fc.constant(y), dateAround(y))),
        monthly,
        (a, b, plannedYuan, [y, asOf], monthlyPlanYuan) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const p = completionAgainstTime({ completedYuan: low, plannedYuan, year: y, asOf, monthlyPlanYuan });
          const q = completionAgainstTime({ completedYuan: high, plannedYuan, year: y, asOf, monthlyPlanYuan });
          expect(p.completionRate ?? Number.NaN).toBeLessThanOrEqual(q.completionRate ?? Number.NaN);
          expect(p.gapPoints ?? Number.NaN).toBeLessThanOrEqual(q.gapPoints ?? Number.NaN);
        },
      ),
    );
  });

  it('gives a status whose sign is the sign of the gap, on pace only within 0.05 points', () => {
    fc.assert(
      fc.property(
        yuan,
        plan,
        year.chain((y) => fc.tuple(fc.constant(y), dateAround(y))),
        monthly,
        (completedYuan, plannedYuan, [y, asOf], monthlyPlanYuan) => {
          const p = completionAgainstTime({ completedYuan, plannedYuan, year: y, asOf, monthlyPlanYuan });
          const gap = p.gapPoints ?? Number.NaN;
          expect(p.status).toBe(gap > 0 ? 'ahead' : gap < 0 ? 'behind' : 'on_pace');
          const raw = ((p.completionRate ?? Number.NaN) - p.timeElapsedRate) * 100;
          if (Math.abs(raw) < 0.0499) expect(p.status).toBe('on_pace');
          if (raw > 0.0501) expect(p.status).toBe('ahead');
          if (raw < -0.0501) expect(p.status).toBe('behind');
          // Rounding moves the gap by at most half a tenth, plus float granularity when completion dwarfs the plan.
          expect(Math.abs(gap - raw)).toBeLessThanOrEqual(0.05 + 1e-9 + Math.abs(raw) * 1e-12);
          const zh = describeTimeProgress(p, 'zh-CN');
          expect(zh.includes('快于')).toBe(p.status === 'ahead');
          expect(zh.includes('慢于')).toBe(p.status === 'behind');
          expect(zh.includes('持平')).toBe(p.status === 'on_pace');
        },
      ),
    );
  });

  it('keeps time elapsed within 0..1 and never lets it go back as asOf moves on', () => {
    fc.assert(
      fc.property(
        year.chain((y) => fc.tuple(fc.constant(y), dateAround(y), dateAround(y))),
        monthly,
        ([y, d1, d2], monthlyPlanYuan) => {
          const [early, late] = compareDates(d1, d2) <= 0 ? [d1, d2] : [d2, d1];
          const at = (asOf: string) =>
            completionAgainstTime({ completedYuan: 0, plannedYuan: 0, year: y, asOf, monthlyPlanYuan }).timeElapsedRate;
          expect(at(early)).toBeGreaterThanOrEqual(0);
          expect(at(late)).toBeLessThanOrEqual(1);
          expect(at(early)).toBeLessThanOrEqual(at(late));
        },
      ),
    );
  });

  it('reports no plan exactly when the plan is zero', () => {
    fc.assert(
      fc.property(yuan, fc.oneof(fc.constant(0), plan), year, (completedYuan, plannedYuan, y) => {
        const p = completionAgainstTime({ completedYuan, plannedYuan, year: y, asOf: `${y}-06-30` });
        expect(p.status === 'no_plan').toBe(plannedYuan === 0);
        expect(p.completionRate === null).toBe(plannedYuan === 0);
        expect(p.gapPoints === null).toBe(plannedYuan === 0);
      }),
    );
  });
});
