import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, dayOfYear, daysBetween, daysInYear, isIsoDate, isLeapYear, maxDate, minDate, todayInChina } from './dates';

const isoDate = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-00-10')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('2024-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2024-01-01')).toBe(false);
    expect(isIsoDate('２０２４-01-01')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('agrees with the UTC calendar on every date it generates', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(isIsoDate(date)).toBe(true);
      }),
    );
  });
});

describe('day arithmetic', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-01', 0)).toBe('2024-03-01');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-03-10', '2024-03-01')).toBe(-9);
  });

  it('refuses bad input rather than guessing', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2024-02-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    expect(() => daysBetween('2024/01/01', '2024-01-02')).toThrow(RangeError);
    expect(() => daysInYear(2024.5)).toThrow(RangeError);
  });

  it('makes addDays and daysBetween inverse', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -20_000, max: 20_000 }), (date, n) => {
        const moved = addDays(date, n);
        expect(isIsoDate(moved)).toBe(true);
        expect(daysBetween(date, moved)).toBe(n);
        expect(addDays(moved, -n)).toBe(date);
      }),
    );
  });

  it('orders dates like their strings and like their day counts', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        const byString = a < b ? -1 : a > b ? 1 : 0;
        expect(compareDates(a, b)).toBe(byString);
        expect(Math.sign(daysBetween(b, a))).toBe(byString);
        expect(maxDate(a, b)).toBe(byString >= 0 ? a : b);
        expect(minDate(a, b)).toBe(byString <= 0 ? a : b);
      }),
    );
  });

  it('takes the max and min of any number of dates', () => {
    expect(maxDate('2024-05-01')).toBe('2024-05-01');
    expect(maxDate('2024-05-01', '2025-01-01', '2024-12-31')).toBe('2025-01-01');
    expect(minDate('2024-05-01', '2025-01-01', '2023-12-31')).toBe('2023-12-31');
    expect(() => maxDate('2024-05-01', 'soon')).toThrow(RangeError);
    expect(() => minDate('later')).toThrow(RangeError);
  });
});

describe('year shares', () => {
  it('counts days of the year, 29 February included', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2025)).toBe(false);
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2025)).toBe(365);
    expect(dayOfYear('2024-01-01')).toBe(1);
    expect(dayOfYear('2024-03-01')).toBe(61);
    expect(dayOfYear('2023-03-01')).toBe(60);
    expect(dayOfYear('2024-12-31')).toBe(366);
    expect(dayOfYear('2025-12-31')).toBe(365);
  });

  it('numbers every day of a year from 1 to its length', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const year = Number(date.slice(0, 4));
        const n = dayOfYear(date);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(daysInYear(year));
        expect(addDays(`${date.slice(0, 4)}-01-01`, n - 1)).toBe(date);
      }),
    );
  });
});

describe('todayInChina', () => {
  it('turns the date at 16:00 UTC, midnight in Beijing', () => {
    expect(todayInChina(new Date('2024-06-30T15:59:59.999Z'))).toBe('2024-06-30');
    expect(todayInChina(new Date('2024-06-30T16:00:00.000Z'))).toBe('2024-07-01');
    expect(todayInChina(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(todayInChina(new Date('2024-01-01T00:00:00+08:00'))).toBe('2024-01-01');
    expect(todayInChina(new Date('2023-12-31T23:59:59-05:00'))).toBe('2024-01-01');
    expect(() => todayInChina(new Date('nonsense'))).toThrow(RangeError);
  });

  it('is the UTC date eight hours later, for any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }), (now) => {
        expect(todayInChina(now)).toBe(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
      }),
    );
  });

  it('defaults to now', () => {
    expect(isIsoDate(todayInChina())).toBe(true);
  });
});
