import type { ReviewReports, SummaryReport } from '../reports/review-reports.js';
import type { ReportCalendar } from '../reports/report-calendar.js';
import type { TrendPoint } from '../reports/trend.js';
import type { ReviewQueue } from '../review/queue/review-queue.js';

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

/** The local date before today's, in the reports' time zone. */
export function yesterday(now: number, calendar: ReportCalendar): string {
  return calendar.addDays(calendar.dayOf(now), -1);
}

/** The morning report: figures and ids only, no customer text (it is also posted to the webhook). */
export async function buildDailyDigest(reports: ReviewReports, queue: ReviewQueue, day: string): Promise<DailyDigest> {
  // Local days of 23, 24 or 25 hours: each bound is a local midnight.
  const calendar = reports.calendar;
  const start = calendar.dayStart(day);
  const end = calendar.dayStart(calendar.addDays(day, 1));
  const [summary, trend, drivers, open] = await Promise.all([
    reports.summary({ from: new Date(start), to: new Date(end) }),
    reports.trend({ from: new Date(calendar.dayStart(calendar.addDays(day, -13))), to: new Date(end) }, 'day'),
    reports.drivers({ from: new Date(calendar.dayStart(calendar.addDays(day, -6))), to: new Date(end) }, 0),
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
