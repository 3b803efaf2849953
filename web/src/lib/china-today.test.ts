import { describe, expect, it } from 'vitest';
import { chinaToday } from './china-today';

describe('chinaToday', () => {
  it('is the day in China, not the browser clock’s day', () => {
    // 16:30 UTC on 5 December is half past midnight on 6 December in China.
    expect(chinaToday(new Date('2026-12-05T16:30:00Z')).format('YYYY-MM-DD')).toBe('2026-12-06');
    expect(chinaToday(new Date('2026-12-05T15:59:59Z')).format('YYYY-MM-DD')).toBe('2026-12-05');
  });
  it('is the start of that day, so date pickers compare whole days', () => {
    const day = chinaToday(new Date('2026-12-05T16:30:00Z'));
    expect(day.isSame(day.startOf('day'))).toBe(true);
  });
});
