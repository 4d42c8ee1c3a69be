import { DateTime } from 'luxon';

export type CalendarInterval = 'day' | 'week';

/**
 * What a day and a week are for the reports: local dates in REPORT_TIME_ZONE. A day starts at local
 * midnight, as an instant, and lasts 23, 24 or 25 hours; a week starts on a local Monday. Days are
 * named by their local date (`2026-03-29`), as in the day counters and roll-ups.
 */
export class ReportCalendar {
  constructor(readonly zone: string = 'UTC') {}

  /** The local date holding the instant. */
  dayOf(time: number): string {
    return DateTime.fromMillis(time, { zone: this.zone }).toISODate() as string;
  }

  /** Local midnight of the day holding the instant. */
  startOfDay(time: number): number {
    return DateTime.fromMillis(time, { zone: this.zone }).startOf('day').toMillis();
  }

  /** Local midnight of a date (`2026-03-29`). */
  dayStart(day: string): number {
    return DateTime.fromISO(day, { zone: this.zone }).startOf('day').toMillis();
  }

  /** The date `count` days after `day` (before, when negative); no time zone is involved. */
  addDays(day: string, count: number): string {
    return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: count }).toISODate() as string;
  }

  /** Start of the day or the (Monday-first) week holding the instant. */
  bucketStart(time: number, interval: CalendarInterval): number {
    return DateTime.fromMillis(time, { zone: this.zone }).startOf(interval).toMillis();
  }

  /** Start of the bucket `count` buckets after the one starting at `start`. */
  addBuckets(start: number, interval: CalendarInterval, count: number): number {
    return DateTime.fromMillis(start, { zone: this.zone })
      .plus(interval === 'day' ? { days: count } : { weeks: count })
      .startOf('day')
      .toMillis();
  }

  /** The instant of a local time of day (`HH:MM`) on the day holding `time`; a time skipped by DST moves forward. */
  timeOfDay(time: number, hours: number, minutes: number): number {
    return DateTime.fromMillis(time, { zone: this.zone }).startOf('day').set({ hour: hours, minute: minutes }).toMillis();
  }
}

export const UTC_CALENDAR = new ReportCalendar('UTC');
