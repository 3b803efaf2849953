import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWan, formatYi, moneyParts, wanToYuan, yuanToWanInput } from './money';

describe('money in 万元 and 亿元', () => {
  it('shows 万元 with two decimals, rounding half away from zero', () => {
    expect(formatWan(0)).toBe('0.00');
    expect(formatWan(12_345)).toBe('1.23');
    expect(formatWan(12_350)).toBe('1.24');
    expect(formatWan(100_500)).toBe('10.05');
    expect(formatWan(123_456_789_000)).toBe('12,345,678.90');
    expect(formatWan(null)).toBe('—');
  });

  it('shows 亿元 for large totals', () => {
    expect(formatYi(120_000_000_000)).toBe('1,200.00');
    expect(moneyParts(150_000_000)).toEqual({ value: '1.50', unit: 'yi' });
    expect(moneyParts(99_999_999)).toEqual({ value: '10,000.00', unit: 'wan' });
  });

  it('reads 万元 input as exact whole 元', () => {
    expect(wanToYuan('1.23')).toBe(12_300);
    expect(wanToYuan('0.0001')).toBe(1);
    expect(wanToYuan('0.00005')).toBe(1);
    expect(wanToYuan('0.00004')).toBe(0);
    expect(wanToYuan('1,000')).toBe(10_000_000);
    expect(wanToYuan(1.1)).toBe(11_000);
    expect(wanToYuan(0.29)).toBe(2_900);
    expect(wanToYuan('')).toBeNull();
    expect(wanToYuan(null)).toBeNull();
    expect(wanToYuan('abc')).toBeNaN();
    expect(wanToYuan('.')).toBeNaN();
  });

  it('round-trips every amount of 元 through the form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000_000 }), (yuan) => {
        expect(wanToYuan(yuanToWanInput(yuan))).toBe(yuan);
      }),
    );
  });
});
