import { describe, expect, it } from 'vitest';
import { spreadEvenly, spreadEvenlyWan, sumMonthsYuan } from './annual';

describe('annual plan months', () => {
  it('spreads a total over twelve months to the 元, the remainder in December', () => {
    const months = spreadEvenly(1_000_000_001);
    expect(months).toHaveLength(12);
    expect(months.reduce((a, b) => a + b, 0)).toBe(1_000_000_001);
    expect(months[0]).toBe(83_333_333);
    expect(months[11]).toBe(83_333_338);
  });

  it('adds months typed in 万元 exactly', () => {
    expect(sumMonthsYuan(spreadEvenlyWan(123_456_789))).toBe(123_456_789);
    expect(sumMonthsYuan(['0.1', '0.2', null, ''])).toBe(3_000);
    expect(sumMonthsYuan(['x'])).toBeNaN();
  });
});
