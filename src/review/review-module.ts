import { hostname } from 'node:os';
import type { RedisClient } from '../redis/redis-client.js';
import { buildDailyDigest, type DailyDigest } from '../alerts/daily-digest.js';
import { DeliveryLog, type DeliveryAttempt } from '../alerts/delivery-log.js';
import { startDigestSchedule } from '../alerts/digest-schedule.js';
import { WebhookAlerts } from '../alerts/webhook-alerts.js';
import { SessionStore } from '../auth/sessions.js';
import { SignInLimiter } from '../auth/sign-in-limiter.js';
import { SupervisorAccounts } from '../auth/supervisor-accounts.js';
import { SupervisorAuth } from '../auth/supervisor-auth.js';
import type { Config } from '../config/load-config.js';
import type { Logger } from '../logging/logger.js';
import type { Keys } from '../redis/keys.js';
import { ReportCalendar } from '../reports/report-calendar.js';
import { ReviewReports } from '../reports/review-reports.js';
import { startReportCloser } from '../reports/rollup-closer.js';
import type { ResponseStore } from '../store/response-store.js';
import { runPeriodically } from '../app/periodic-task.js';
import { FloodCaps } from './queue/flood-caps.js';
import { reportSuppressed } from './queue/flood-report.js';
import { ResponseEventConsumer } from './queue/response-events.js';
import { reviewEventHandler } from './queue/review-event-handler.js';
import { ReviewQueue } from './queue/review-queue.js';
import { duplicateClient } from '../redis/connect.js';

/** Consumer group of the response event stream that feeds the review queue and the webhook. */
export const REVIEW_GROUP = 'review';

/** Everything behind the supervisors' review: sign-in, reports, the queue, the webhook and the digest. */
export interface ReviewModule {
  accounts: SupervisorAccounts;
  sessions: SessionStore;
  limiter: SignInLimiter;
  auth: SupervisorAuth;
  reports: ReviewReports;
  queue: ReviewQueue;
  deliveries: DeliveryLog;
  /** Present when ALERT_WEBHOOK_URL is set. */
  alerts: WebhookAlerts | undefined;
  consumer: ResponseEventConsumer;
  /** Per-source caps on review items and alerts; also remembers which address opened each web chat. */
  floodCaps: FloodCaps;
  /** Logs and records what the flood caps held back since the last report (runs every minute). */
  reportSuppressed(): Promise<void>;
  dailyDigest(day: string): Promise<DailyDigest>;
  close(): Promise<void>;
}

export interface ReviewModuleOptions {
  config: Config;
  logger: Logger;
  redis: RedisClient;
  keys: Keys;
  store: ResponseStore;
  now?: () => number;
  /** Told every webhook attempt recorded in the delivery log (metrics). */
  onAlertDelivery?: (attempt: Pick<DeliveryAttempt, 'kind' | 'outcome'>) => void;
}

export function createReviewModule(options: ReviewModuleOptions): ReviewModule {
  const { config, logger, redis, keys, store } = options;
  const accounts = new SupervisorAccounts(redis, keys);
  const sessions = new SessionStore(redis, keys, { idleSeconds: config.SESSION_TTL_HOURS * 3600, maxSeconds: config.SESSION_MAX_HOURS * 3600 });
  const auth = new SupervisorAuth({ adminToken: config.ADMIN_TOKEN, sessions, accounts, publicUrl: config.PUBLIC_URL });
  const floodCaps = new FloodCaps(redis, keys, {
    reviewPerSourcePerDay: config.REVIEW_MAX_PER_SOURCE_PER_DAY,
    alertDedupMs: config.ALERT_DEDUP_MINUTES * 60_000,
    alertsPerMinute: config.ALERT_MAX_PER_MINUTE,
  });
  const calendar = new ReportCalendar(config.REPORT_TIME_ZONE);
  const reports = new ReviewReports(redis, keys, options.now, calendar);
  const queue = new ReviewQueue(redis, keys);
  const deliveries = new DeliveryLog(redis, keys, options.onAlertDelivery);
  const alerts =
    config.ALERT_WEBHOOK_URL && config.ALERT_WEBHOOK_SECRET
      ? new WebhookAlerts({
          redis,
          keys,
          store,
          log: deliveries,
          logger,
          settings: {
            url: config.ALERT_WEBHOOK_URL,
            secret: config.ALERT_WEBHOOK_SECRET,
            maxAttempts: config.ALERT_MAX_ATTEMPTS,
            retryBaseMs: config.ALERT_RETRY_BASE_MS,
            reasonWaitMs: config.ALERT_REASON_WAIT_SECONDS * 1000,
          },
        })
      : undefined;
  const consumer = new ResponseEventConsumer({
    redis: duplicateClient(redis, { commandTimeout: undefined, enableOfflineQueue: true, maxRetriesPerRequest: null }),
    keys,
    group: REVIEW_GROUP,
    consumer: `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    handle: reviewEventHandler({ redis, keys, queue, caps: floodCaps, ...(alerts ? { alerts } : {}) }),
    logger,
  });
  consumer.start();
  const report = (): Promise<void> => reportSuppressed(floodCaps, deliveries, logger);
  const stopReport = runPeriodically(report, { everyMs: 60_000, logger, failure: 'flood cap report failed' });
  const stopCloser = startReportCloser(redis, keys, reports.counters.rollups, calendar, logger, config.REPORT_CLOSE_EVERY_MINUTES * 60_000);
  const dailyDigest = (day: string): Promise<DailyDigest> => buildDailyDigest(reports, queue, day);
  const stopDigest =
    alerts && config.DIGEST_TIME
      ? startDigestSchedule({ redis, keys, logger, calendar, at: config.DIGEST_TIME, build: dailyDigest, post: (day, digest) => alerts.postDigest(day, digest) })
      : () => undefined;
  return {
    accounts,
    sessions,
    limiter: new SignInLimiter(redis, keys),
    auth,
    reports,
    queue,
    deliveries,
    alerts,
    consumer,
    floodCaps,
    reportSuppressed: report,
    dailyDigest,
    async close() {
      stopDigest();
      stopCloser();
      stopReport();
      await report().catch(() => undefined);
      await consumer.stop();
      await alerts?.close();
    },
  };
}
