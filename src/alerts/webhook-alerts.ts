import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { RedisClient } from '../redis/redis-client.js';
import type { Logger } from '../logging/logger.js';
import type { Keys } from '../redis/keys.js';
import { responseView } from '../review/response-view.js';
import type { DetractorAlertHooks } from '../review/queue/review-event-handler.js';
import type { ResponseStore } from '../store/response-store.js';
import type { DeliveryLog } from './delivery-log.js';
import { postSigned, WebhookError } from './webhook-post.js';
import { duplicateClient } from '../redis/connect.js';

export interface WebhookSettings {
  url: string;
  secret: string;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First retry after this long, then doubling (BullMQ exponential backoff). */
  retryBaseMs: number;
  /** A detractor's alert waits this long for the reason unless the survey ends first. */
  reasonWaitMs: number;
}

type AlertJob = { kind: 'detractor'; responseId: string } | { kind: 'digest'; day: string; digest: unknown };

/** Queue names carry a hash tag so BullMQ's keys stay in one Cluster slot. */
const QUEUE_NAME = '{review-alerts}';

/**
 * The CRM webhook: a signed POST for every new detractor (and the daily digest), retried with
 * exponential backoff by BullMQ on the shared Redis, each attempt in the delivery log. Job data holds
 * only the response id: the body is built when sent, so an erased response is never posted.
 */
export class WebhookAlerts implements DetractorAlertHooks {
  private readonly queue: Queue<AlertJob>;
  private readonly worker: Worker<AlertJob>;
  private readonly connections: RedisClient[];

  constructor(
    private readonly options: { redis: RedisClient; keys: Keys; store: ResponseStore; log: DeliveryLog; logger: Logger; settings: WebhookSettings; now?: () => number },
  ) {
    // BullMQ blocks on its connections and must never give up a command: its own, without the request-path timeouts.
    const connection = (): RedisClient => duplicateClient(options.redis, { maxRetriesPerRequest: null, enableOfflineQueue: true, commandTimeout: undefined });
    this.connections = [connection(), connection()];
    const prefix = options.keys.alertQueuePrefix();
    this.queue = new Queue<AlertJob>(QUEUE_NAME, {
      connection: this.connections[0] as RedisClient,
      prefix,
      defaultJobOptions: {
        attempts: options.settings.maxAttempts,
        backoff: { type: 'exponential', delay: options.settings.retryBaseMs },
        removeOnComplete: { age: 7 * 86_400 },
        removeOnFail: { age: 30 * 86_400 },
      },
    });
    this.worker = new Worker<AlertJob>(QUEUE_NAME, (job) => this.deliver(job), { connection: this.connections[1] as RedisClient, prefix, concurrency: 4 });
    this.worker.on('error', (error) => options.logger.warn({ err: error }, 'webhook worker problem'));
    this.queue.on('error', (error) => options.logger.warn({ err: error }, 'webhook queue problem'));
  }

  async detractorScored(responseId: string): Promise<void> {
    await this.queue.add('detractor', { kind: 'detractor', responseId }, { jobId: `detractor-${responseId}`, delay: this.options.settings.reasonWaitMs });
  }

  /** Sends a waiting alert now; adds one when the score event has not been seen yet (another instance may be on it: the job id keeps it single). */
  async detractorFinished(responseId: string): Promise<void> {
    const job = await this.queue.getJob(`detractor-${responseId}`);
    if (!job) {
      await this.queue.add('detractor', { kind: 'detractor', responseId }, { jobId: `detractor-${responseId}` });
      return;
    }
    if (await job.isDelayed()) await job.promote().catch(() => undefined);
  }

  async postDigest(day: string, digest: unknown): Promise<void> {
    await this.queue.add('digest', { kind: 'digest', day, digest }, { jobId: `digest-${day}` });
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
    for (const connection of this.connections) connection.disconnect();
  }

  private async deliver(job: Job<AlertJob>): Promise<void> {
    const { settings, log, store } = this.options;
    const now = (this.options.now ?? Date.now)();
    const deliveryId = job.id ?? 'unknown';
    const attempt = job.attemptsMade + 1;
    let body: string;
    let subject: string;
    if (job.data.kind === 'detractor') {
      subject = job.data.responseId;
      const record = await store.get(job.data.responseId);
      if (!record) {
        await log.record({ kind: 'detractor', subject, deliveryId, attempt, outcome: 'skipped', status: 0, error: 'response no longer stored (erased)', ms: 0 });
        return;
      }
      body = JSON.stringify({ event: 'detractor', deliveryId, sentAt: new Date(now).toISOString(), response: responseView(record, now) });
    } else {
      subject = job.data.day;
      body = JSON.stringify({ event: 'daily_digest', deliveryId, sentAt: new Date(now).toISOString(), digest: job.data.digest });
    }
    try {
      const reply = await postSigned({ url: settings.url, secret: settings.secret, body, deliveryId, event: job.data.kind === 'detractor' ? 'detractor' : 'daily_digest' });
      await log.record({ kind: job.data.kind, subject, deliveryId, attempt, outcome: 'delivered', status: reply.status, error: '', ms: reply.ms });
    } catch (error) {
      const failure = error instanceof WebhookError ? error : new WebhookError(String(error), 0, 0, false);
      const last = failure.permanent || attempt >= settings.maxAttempts;
      await log.record({ kind: job.data.kind, subject, deliveryId, attempt, outcome: last ? 'failed' : 'retrying', status: failure.status, error: failure.message, ms: failure.ms });
      throw failure.permanent ? new UnrecoverableError(failure.message) : failure;
    }
  }
}
