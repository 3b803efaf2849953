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
  it('leaves a text that is not a number as it is', () => {
    expect(formatDecimal('—')).toBe('—');
  });
});
