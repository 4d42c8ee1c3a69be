import { DateTime } from 'luxon';
import type { DayOf } from '../store/response-store.js';

/**
 * What a day is for the report counters, in REPORT_TIME_ZONE: the local date of an instant. The
 * day being written now is kept with its bounds, so a turn does no time-zone arithmetic.
 */
export function reportDayOf(zone: string): DayOf {
  let start = 0;
  let end = 0;
  let current = '';
  return (at) => {
    const ms = at.getTime();
    if (ms >= start && ms < end) return current;
    const local = DateTime.fromMillis(ms, { zone }).startOf('day');
    start = local.toMillis();
    end = local.plus({ days: 1 }).toMillis();
    current = local.toISODate() ?? at.toISOString().slice(0, 10);
    return current;
  };
}
