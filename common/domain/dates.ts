// Calendar dates as ISO strings (YYYY-MM-DD), read as China Standard Time calendar dates.
// All arithmetic is on whole days in UTC, so the result never depends on the machine's time zone.

const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Day numbers (days since 1970-01-01) of 0001-01-01 and 9999-12-31: the range four-digit years can write.
const FIRST_DAY = -719_162;
const LAST_DAY = 2_932_896;

/** Tells a real calendar date in `YYYY-MM-DD` form from anything else, so input can be checked before use. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Tells whether a Gregorian year has 29 February, for day counts and year shares. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Counts the days of a calendar year (365 or 366), the denominator of "share of the year elapsed". */
export function daysInYear(year: number): number {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a calendar year: ${year}`);
  return isLeapYear(year) ? 366 : 365;
}

/** Moves a date by whole days (negative goes back), the step of every schedule computation. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Counts the days from `a` to `b` (b − a), negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Orders two dates for sorting: −1 when `a` is earlier, 1 when later, 0 when the same day. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const diff = daysBetween(b, a);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** Picks the latest of one or more dates, e.g. when a milestone waits for all its predecessors. */
export function maxDate(first: string, ...rest: string[]): string {
  return rest.reduce((latest, date) => (compareDates(date, latest) > 0 ? date : latest), check(first));
}

/** Picks the earliest of one or more dates, e.g. the latest finish a milestone's successors allow. */
export function minDate(first: string, ...rest: string[]): string {
  return rest.reduce((earliest, date) => (compareDates(date, earliest) < 0 ? date : earliest), check(first));
}

/** Numbers a date within its year, 1 for 1 January, so time elapsed counts the day itself. */
export function dayOfYear(date: string): number {
  const year = Number(check(date).slice(0, 4));
  return toDayNumber(date) - toDayNumber(`${String(year).padStart(4, '0')}-01-01`) + 1;
}

/** Gives the calendar date in China (UTC+8) at an instant, whatever the time zone of the machine running it. */
export function todayInChina(now: Date = new Date()): string {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return fromDayNumber(Math.floor((ms + CHINA_OFFSET_MS) / MS_PER_DAY));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function check(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${String(date)}`);
  return date;
}

function toDayNumber(date: string): number {
  check(date);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const utc = new Date(0);
  utc.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(utc.getTime() / MS_PER_DAY);
}

function fromDayNumber(dayNumber: number): string {
  if (dayNumber < FIRST_DAY || dayNumber > LAST_DAY) throw new RangeError('Date outside years 0001–9999');
  const utc = new Date(dayNumber * MS_PER_DAY);
  const year = String(utc.getUTCFullYear()).padStart(4, '0');
  const month = String(utc.getUTCMonth() + 1).padStart(2, '0');
  const day = String(utc.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
