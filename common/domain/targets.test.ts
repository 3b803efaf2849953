import { describe, expect, it } from 'vitest';
import { fromScaled, normaliseDecimal, subtractDecimals, sumDecimals, toScaled, yuanToDecimal } from './decimal';
import { indicatorStanding, lastDayOfMonth, measureProblem } from './targets';
import { targetAgainstTime } from './time-progress';

describe('exact decimals', () => {
  it('adds without floating-point error and keeps the shortest form', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['1200', '-0.0001'])).toBe('1199.9999');
    expect(normaliseDecimal('6.50')).toBe('6.5');
    expect(fromScaled(toScaled('-0.0'))).toBe('0');
    expect(subtractDecimals('240', '239.75')).toBe('0.25');
  });

  it('turns integer 元 into 亿元 and 万元, rounded half up to four decimals', () => {
    expect(yuanToDecimal(120_000_000_000, 'yi')).toBe('1200');
    expect(yuanToDecimal(123_456_789, 'yi')).toBe('1.2346');
    expect(yuanToDecimal(15_000, 'wan')).toBe('1.5');
  });
});

describe('indicators against their targets', () => {
  it('words a level to reach as completion against time (the same rule as the projects)', () => {
    const asOf = '2026-06-15';
    const progress = targetAgainstTime({ actual: 120, target: 240, year: 2026, asOf });
    const standing = indicatorStanding({ kind: 'level', direction: 'at_least', target: 240, year: 2026 }, 120, asOf, 'zh-CN');
    expect(standing.progress).toEqual(progress);
    // 166 of 365 days elapsed: 45.5%; 50% done is 4.5 points ahead.
    expect(standing.wording).toBe('完成年度目标的50.0%，快于时间进度4.5个百分点');
    expect(indicatorStanding({ kind: 'level', direction: 'at_least', target: 240, year: 2026 }, 100, asOf, 'en-US').wording).toBe(
      '41.7% of the annual target, 3.8 points behind time',
    );
  });

  it('words a growth rate in points against the target rate, and a ceiling as within or over', () => {
    expect(indicatorStanding({ kind: 'growth', direction: 'at_least', target: 6.5, year: 2026 }, 6.8, '2026-06-30', 'zh-CN').wording).toBe(
      '增长6.8%，高于目标0.3个百分点',
    );
    expect(indicatorStanding({ kind: 'growth', direction: 'at_least', target: 5, year: 2026 }, -1.2, '2026-06-30', 'zh-CN').wording).toBe(
      '下降1.2%，低于目标6.2个百分点',
    );
    expect(indicatorStanding({ kind: 'level', direction: 'at_most', target: 100, year: 2026 }, 82, '2026-06-30', 'zh-CN').wording).toBe(
      '为控制目标的82.0%，在目标以内',
    );
    expect(indicatorStanding({ kind: 'level', direction: 'at_least', target: 10, year: 2026 }, null, '2026-06-30', 'zh-CN').wording).toBe(
      '暂无实际数',
    );
  });

  it('refuses a growth rate not in %, and a computed indicator in another unit than its computation', () => {
    expect(measureProblem({ kind: 'growth', measure: 'yi_yuan', computation: null })).toEqual({ expected: 'percent' });
    expect(measureProblem({ kind: 'level', measure: 'wan_yuan', computation: 'investment_completed' })).toEqual({ expected: 'yi_yuan' });
    expect(measureProblem({ kind: 'level', measure: 'item', computation: 'new_starts' })).toBeNull();
    expect(measureProblem({ kind: 'level', measure: 'mu', computation: null })).toBeNull();
  });

  it('knows the last day of each month', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2026, 12)).toBe('2026-12-31');
  });
});
