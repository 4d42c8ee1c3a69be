import { DateTime } from 'luxon';

export type CalendarInterval = 'day' | 'week';

/** Local midnights remembered per calendar before the memo starts over (a few years of days). */
const MEMO_LIMIT = 5_000;

function parseDate(day: string): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))];
}

/**
 * What a day and a week are for the reports: local dates in REPORT_TIME_ZONE. A day starts at local
 * midnight, as an instant, and lasts 23, 24 or 25 hours; a week starts on a local Monday. Days are
 * named by their local date (`2026-03-29`), as in the day counters and roll-ups. Zone arithmetic is
 * luxon's; local midnights are remembered, since a year's report asks for hundreds of them.
 */
export class ReportCalendar {
  private readonly starts = new Map<string, number>();
  private readonly daysByStart = new Map<number, string>();
  /** The day last asked for by an instant inside it (usually today), with its bounds. */
  private recent = { day: '', start: 0, end: 0 };

  constructor(readonly zone: string = 'UTC') {}

  /** The local date holding the instant. */
  dayOf(time: number): string {
    if (time >= this.recent.start && time < this.recent.end) return this.recent.day;
    const known = this.daysByStart.get(time);
    if (known !== undefined) return known;
    const day = DateTime.fromMillis(time, { zone: this.zone }).toISODate() as string;
    this.recent = { day, start: this.dayStart(day), end: this.dayStart(this.addDays(day, 1)) };
    return day;
  }

  /** Local midnight of the day holding the instant. */
  startOfDay(time: number): number {
    return this.dayStart(this.dayOf(time));
  }

  /** Local midnight of a date (`2026-03-29`). */
  dayStart(day: string): number {
    let start = this.starts.get(day);
    if (start === undefined) {
      start = DateTime.fromISO(day, { zone: this.zone }).startOf('day').toMillis();
      if (this.starts.size >= MEMO_LIMIT) {
        this.starts.clear();
        this.daysByStart.clear();
      }
      this.starts.set(day, start);
      this.daysByStart.set(start, day);
    }
    return start;
  }

  /** The date `count` days after `day` (before, when negative); no time zone is involved. */
  addDays(day: string, count: number): string {
    const [year, month, date] = parseDate(day);
    return new Date(Date.UTC(year, month, date + count)).toISOString().slice(0, 10);
  }

  /** Start of the day or the (Monday-first) week holding the instant. */
  bucketStart(time: number, interval: CalendarInterval): number {
    const day = this.dayOf(time);
    if (interval === 'day') return this.dayStart(day);
    const [year, month, date] = parseDate(day);
    const weekday = (new Date(Date.UTC(year, month, date)).getUTCDay() + 6) % 7;
    return this.dayStart(this.addDays(day, -weekday));
  }

  /** Start of the bucket `count` buckets after the one starting at `start`. */
  addBuckets(start: number, interval: CalendarInterval, count: number): number {
    return this.dayStart(this.addDays(this.dayOf(start), interval === 'day' ? count : 7 * count));
  }

  /** The instant of a local time of day (`HH:MM`) on the day holding `time`; a time skipped by DST moves forward. */
  timeOfDay(time: number, hours: number, minutes: number): number {
    return DateTime.fromMillis(time, { zone: this.zone }).startOf('day').set({ hour: hours, minute: minutes }).toMillis();
  }
}

export const UTC_CALENDAR = new ReportCalendar('UTC');
