import { describe, expect, it } from 'vitest';
import { formatDecimal } from './format';

describe('formatDecimal', () => {
  it('shows a computed amount with at most two decimals, rounded, without trailing zeros', () => {
    expect(formatDecimal('217.2113')).toBe('217.21');
    expect(formatDecimal('217.2159')).toBe('217.22');
    expect(formatDecimal('133')).toBe('133');
    expect(formatDecimal('6.50')).toBe('6.5');
    expect(formatDecimal('0.0049')).toBe('0');
  });
  it('rounds on the digits, half up, as officials round by hand (not through a binary float)', () => {
    expect(formatDecimal('215.5750')).toBe('215.58');
    expect(formatDecimal('1.005')).toBe('1.01');
    expect(formatDecimal('-61.325')).toBe('-61.33');
    expect(formatDecimal('-0.004')).toBe('0');
    expect(formatDecimal('99.995')).toBe('100');
    expect(formatDecimal('100.1234', 4)).toBe('100.1234');
    expect(formatDecimal('7', 0)).toBe('7');
  });
  it('leaves a text that is not a number as it is', () => {
    expect(formatDecimal('—')).toBe('—');
  });
});
