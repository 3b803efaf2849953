import { describe, expect, it } from 'vitest';
import { changeTone, shareOf, signedWan } from './plan-figures';

describe('annual-plan figures', () => {
  it('writes a change in 万元 with its sign, and nothing without a baseline', () => {
    expect(signedWan(6_000_000)).toBe('+600.00');
    expect(signedWan(-12_000_000)).toBe('−1,200.00');
    expect(signedWan(0)).toBe('0.00');
    // Less than half a 元-hundredth of 万元 either way reads as no change, without a sign.
    expect(signedWan(-40)).toBe('0.00');
    expect(signedWan(null)).toBe('—');
  });

  it('gives a part’s share of the whole to one decimal, and none of nothing', () => {
    expect(shareOf(1, 3)).toBe('33.3%');
    expect(shareOf(25_000_000_000, 25_000_000_000)).toBe('100.0%');
    expect(shareOf(5, 0)).toBe('—');
  });

  it('shows a rise and a cut in their colours', () => {
    expect(changeTone(1)).toBe('success');
    expect(changeTone(-1)).toBe('danger');
    expect(changeTone(0)).toBeUndefined();
    expect(changeTone(null)).toBeUndefined();
  });
});
