import type { Logger } from '../logging/logger.js';
import type { Keys } from '../redis/keys.js';
import type { RedisClient } from '../redis/redis-client.js';
import { runPeriodically } from '../app/periodic-task.js';
import type { ReportCalendar } from './report-calendar.js';
import type { ReportRollups } from './report-rollups.js';

/** How long after start an instance first offers to close days (then every REPORT_CLOSE_EVERY_MINUTES). */
export const CLOSE_FIRST_AFTER_MS = 30_000;
const LEASE_MS = 5 * 60_000;

export interface ClosedCount {
  days: number;
  months: number;
}

/**
 * Closes every closed day (and month) since the oldest stored response into its roll-up, unless
 * another instance holds the lease; null when it did not run. Reads then never build a roll-up.
 */
export async function closeReportDays(redis: RedisClient, keys: Keys, rollups: ReportRollups, calendar: ReportCalendar): Promise<ClosedCount | null> {
  const token = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  if ((await redis.set(keys.reportCloserLease(), token, 'PX', LEASE_MS, 'NX')) !== 'OK') return null;
  try {
    const firsts = await Promise.all(keys.partitionList.map((partition) => redis.zrange(keys.responsesByCreation(partition), 0, 0, 'WITHSCORES')));
    const oldest = Math.min(...firsts.flatMap((first) => (first[1] === undefined ? [] : [Number(first[1])])));
    if (!Number.isFinite(oldest)) return { days: 0, months: 0 };
    return await rollups.closeDue(calendar.dayOf(oldest));
  } finally {
    if ((await redis.get(keys.reportCloserLease())) === token) await redis.del(keys.reportCloserLease());
  }
}

/** The closer as a background task of every instance. */
export function startReportCloser(redis: RedisClient, keys: Keys, rollups: ReportRollups, calendar: ReportCalendar, logger: Logger, everyMs: number): () => void {
  if (everyMs <= 0) return () => undefined;
  return runPeriodically(
    async () => {
      const closed = await closeReportDays(redis, keys, rollups, calendar);
      if (closed && closed.days + closed.months > 0) logger.info(closed, 'report days closed into roll-ups');
    },
    { everyMs, firstAfterMs: CLOSE_FIRST_AFTER_MS, logger, failure: 'closing report days failed' },
  );
}
