import { startOfUtcDay, utcDay } from '../reports/day-span.js';
import type { ReviewReports, SummaryReport } from '../reports/review-reports.js';
import type { TrendPoint } from '../reports/trend.js';
import type { ReviewQueue } from '../review/queue/review-queue.js';

const DAY_MS = 86_400_000;

export interface DailyDigest {
  day: string;
  summary: SummaryReport;
  /** The 14 days up to and including `day`. */
  trend: TrendPoint[];
  /** Over the 7 days up to `day`: the three tags that pull the NPS down most. */
  topDrivers: Array<{ tag: string; npsImpact: number | null; detractors: number; shareOfDetractors: number | null }>;
  openQueue: number;
  oldestOpen: Array<{ responseId: string; kinds: string[]; createdAt: string; assignee: string | null }>;
}

export function yesterday(now: number): string {
  return utcDay(startOfUtcDay(now) - DAY_MS);
}

/** The morning report: figures and ids only, no customer text (it is also posted to the webhook). */
export async function buildDailyDigest(reports: ReviewReports, queue: ReviewQueue, day: string): Promise<DailyDigest> {
  const start = Date.parse(`${day}T00:00:00Z`);
  const end = start + DAY_MS;
  const [summary, trend, drivers, open] = await Promise.all([
    reports.summary({ from: new Date(start), to: new Date(end) }),
    reports.trend({ from: new Date(end - 14 * DAY_MS), to: new Date(end) }, 'day'),
    reports.drivers({ from: new Date(end - 7 * DAY_MS), to: new Date(end) }, 0),
    queue.list('open', 10),
  ]);
  return {
    day,
    summary,
    trend: trend.points,
    topDrivers: drivers.drivers
      .filter((driver) => driver.total > 0 && (driver.npsImpact ?? 0) > 0)
      .slice(0, 3)
      .map((driver) => ({ tag: driver.tag, npsImpact: driver.npsImpact, detractors: driver.detractors, shareOfDetractors: driver.shareOfDetractors })),
    openQueue: open.total,
    oldestOpen: open.items.map((item) => ({ responseId: item.responseId, kinds: item.kinds, createdAt: item.createdAt, assignee: item.assignee })),
  };
}
