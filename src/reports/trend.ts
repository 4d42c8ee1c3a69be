import { categoryCounts, taggedCategoryCounts, type MetricTotals } from './metric-totals.js';
import { npsFigures, type NpsFigures } from './nps.js';
import { UTC_CALENDAR, type ReportCalendar } from './report-calendar.js';
import type { DayTotals } from './report-counters.js';

export type TrendInterval = 'day' | 'week';

export const MAX_TREND_POINTS: Record<TrendInterval, number> = { day: 400, week: 260 };
const DEFAULT_POINTS: Record<TrendInterval, number> = { day: 30, week: 12 };

export interface TrendPoint extends NpsFigures {
  /** Instant the point starts: local midnight of its day, or of the Monday of its week (REPORT_TIME_ZONE); the range's start for a first, clipped point. */
  start: string;
}

/** Start of the bucket holding `time`: local midnight of its day, or of the Monday of its week. */
export function bucketStart(time: number, interval: TrendInterval, calendar: ReportCalendar = UTC_CALENDAR): number {
  return calendar.bucketStart(time, interval);
}

/** The default range: the last 30 days, or the last 12 weeks (this one included), ending with today. */
export function defaultTrendFrom(to: number, interval: TrendInterval, calendar: ReportCalendar = UTC_CALENDAR): number {
  return calendar.addBuckets(calendar.bucketStart(to - 1, interval), interval, -(DEFAULT_POINTS[interval] - 1));
}

/** Buckets touching [from, to), counted up to `limit + 1` (enough to refuse a range that is too long). */
export function countBuckets(from: number, to: number, interval: TrendInterval, calendar: ReportCalendar = UTC_CALENDAR, limit = MAX_TREND_POINTS[interval]): number {
  let count = 0;
  for (let start = calendar.bucketStart(from, interval); start < to && count <= limit; start = calendar.addBuckets(start, interval, 1)) count += 1;
  return count;
}

/** Days summed into points, one per bucket touching [from, to), empty ones included; NPS of tagged responses with `tag`. */
export function trendPoints(days: DayTotals[], from: number, to: number, interval: TrendInterval, tag?: string, calendar: ReportCalendar = UTC_CALENDAR): TrendPoint[] {
  const buckets = new Map<number, MetricTotals[]>();
  for (let start = calendar.bucketStart(from, interval); start < to; start = calendar.addBuckets(start, interval, 1)) buckets.set(start, []);
  for (const day of days) buckets.get(calendar.bucketStart(day.start, interval))?.push(day.totals);
  return [...buckets.entries()].map(([start, totals]) => {
    const counts = { promoters: 0, passives: 0, detractors: 0 };
    for (const day of totals) {
      const dayCounts = tag ? taggedCategoryCounts(day, tag) : categoryCounts(day);
      counts.promoters += dayCounts.promoters;
      counts.passives += dayCounts.passives;
      counts.detractors += dayCounts.detractors;
    }
    return { start: new Date(Math.max(start, from)).toISOString(), ...npsFigures(counts) };
  });
}
