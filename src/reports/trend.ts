import { startOfUtcDay } from './day-span.js';
import { categoryCounts, taggedCategoryCounts, type MetricTotals } from './metric-totals.js';
import { npsFigures, type NpsFigures } from './nps.js';
import type { DayTotals } from './report-counters.js';

export type TrendInterval = 'day' | 'week';

const DAY_MS = 86_400_000;
export const MAX_TREND_POINTS: Record<TrendInterval, number> = { day: 400, week: 260 };
const DEFAULT_POINTS: Record<TrendInterval, number> = { day: 30, week: 12 };

export interface TrendPoint extends NpsFigures {
  /** ISO time the point starts: a UTC day, or the Monday of a UTC (ISO) week; the range's start for a first, clipped point. */
  start: string;
}

/** Start of the bucket holding `time`: its UTC day, or the Monday 00:00 UTC of its week. */
export function bucketStart(time: number, interval: TrendInterval): number {
  const day = startOfUtcDay(time);
  if (interval === 'day') return day;
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY_MS;
}

/** The default range: the last 30 days, or the last 12 weeks (this one included), ending with today. */
export function defaultTrendFrom(to: number, interval: TrendInterval): number {
  const lastBucket = bucketStart(to - 1, interval);
  return lastBucket - (DEFAULT_POINTS[interval] - 1) * (interval === 'day' ? DAY_MS : 7 * DAY_MS);
}

export function countBuckets(from: number, to: number, interval: TrendInterval): number {
  if (to <= from) return 0;
  const step = interval === 'day' ? DAY_MS : 7 * DAY_MS;
  return Math.floor((bucketStart(to - 1, interval) - bucketStart(from, interval)) / step) + 1;
}

/** Days summed into points, one per bucket touching [from, to), empty ones included; NPS of tagged responses with `tag`. */
export function trendPoints(days: DayTotals[], from: number, to: number, interval: TrendInterval, tag?: string): TrendPoint[] {
  const step = interval === 'day' ? DAY_MS : 7 * DAY_MS;
  const buckets = new Map<number, MetricTotals[]>();
  for (let start = bucketStart(from, interval); start < to; start += step) buckets.set(start, []);
  for (const day of days) buckets.get(bucketStart(day.start, interval))?.push(day.totals);
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
