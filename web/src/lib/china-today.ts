import dayjs, { type Dayjs } from 'dayjs';
import { todayInChina } from '../../../common/domain/dates';

/**
 * Today as the district counts it (China time), for a date picker's default and its limits. The server checks dates
 * against China's day (common/domain/dates.ts); a browser elsewhere, or on a clock in UTC, would otherwise offer
 * yesterday after 16:00 UTC and be refused ("not before the day the lead reached its stage") for a date it chose itself.
 */
export function chinaToday(now: Date = new Date()): Dayjs {
  return dayjs(todayInChina(now));
}
