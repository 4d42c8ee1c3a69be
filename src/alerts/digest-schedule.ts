import type { RedisClient } from '../redis/redis-client.js';
import type { Logger } from '../logging/logger.js';
import type { Keys } from '../redis/keys.js';
import type { ReportCalendar } from '../reports/report-calendar.js';
import { yesterday, type DailyDigest } from './daily-digest.js';

export interface DigestScheduleOptions {
  redis: RedisClient;
  keys: Keys;
  logger: Logger;
  /** `HH:MM` local time (the calendar's zone) after which yesterday's digest is posted. */
  at: string;
  /** The reports' days (REPORT_TIME_ZONE). */
  calendar: ReportCalendar;
  build: (day: string) => Promise<DailyDigest>;
  post: (day: string, digest: DailyDigest) => Promise<void>;
  now?: () => number;
  checkEveryMs?: number;
}

/**
 * Posts yesterday's digest once a day after `at` (local time in REPORT_TIME_ZONE). Every instance checks each minute; a marker
 * set with NX in Redis makes exactly one of them post it.
 */
export function startDigestSchedule(options: DigestScheduleOptions): () => void {
  const now = options.now ?? Date.now;
  const [hours, minutes] = options.at.split(':').map(Number) as [number, number];
  const check = async (): Promise<void> => {
    const time = now();
    if (time < options.calendar.timeOfDay(time, hours, minutes)) return;
    const day = yesterday(time, options.calendar);
    if ((await options.redis.set(options.keys.digestPosted(day), new Date(time).toISOString(), 'EX', 3 * 86_400, 'NX')) !== 'OK') return;
    await options.post(day, await options.build(day));
    options.logger.info({ day }, 'daily digest queued for the webhook');
  };
  const timer = setInterval(() => {
    check().catch((error: unknown) => options.logger.warn({ err: error }, 'daily digest check failed'));
  }, options.checkEveryMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
