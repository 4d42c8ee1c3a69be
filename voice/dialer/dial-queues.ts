import { setMaxListeners } from 'node:events';
import { Queue, Worker, type Job } from 'bullmq';
import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Logger } from '../../src/logging/logger.js';
import type { DialerTuning } from './dialer-settings.js';

export interface DialJobData {
  campaignId: string;
  contactId: string;
  attempt: number;
}

export interface DialJobRequest {
  contactId: string;
  attempt: number;
  /** Real milliseconds before the job may run (window, retry). */
  delayMs?: number;
}

/** A job's work: gets the job, its lock token and a signal that fires when this instance stops. */
export type DialProcessor = (job: Job<DialJobData>, token: string | undefined, stopping: AbortSignal) => Promise<string>;

interface RunningWorker {
  worker: Worker<DialJobData>;
  stop: AbortController;
}

/** BullMQ requires a hash tag in queue names for Redis Cluster; the campaign id is it, as in the campaign's own keys. */
export function queueName(campaignId: string): string {
  return `dial-{${campaignId}}`;
}

/** How many jobs one worker holds at once: enough to cover Twilio's create latency at the campaign's pace. */
export function workerConcurrency(callsPerSecond: number): number {
  return Math.min(50, Math.max(2, Math.ceil(callsPerSecond * 1.5) + 1));
}

/** One BullMQ queue per campaign (its pace and pause are the campaign's), and this instance's workers on them. */
export class DialQueues {
  private readonly queues = new Map<string, Queue<DialJobData>>();
  private readonly workers = new Map<string, RunningWorker>();

  constructor(
    /** ioredis with maxRetriesPerRequest: null, as BullMQ requires; shared by every queue and worker here. */
    private readonly connection: RedisClient,
    private readonly prefix: string,
    private readonly tuning: DialerTuning,
    private readonly logger: Logger,
  ) {}

  queue(campaignId: string): Queue<DialJobData> {
    let queue = this.queues.get(campaignId);
    if (!queue) {
      queue = new Queue<DialJobData>(queueName(campaignId), { connection: this.connection, prefix: this.prefix });
      queue.on('error', (error) => this.logger.warn({ err: error, campaignId }, 'dial queue error'));
      this.queues.set(campaignId, queue);
    }
    return queue;
  }

  /** Adds jobs; a job id is its contact and attempt, so adding one twice while it exists changes nothing. */
  async add(campaignId: string, jobs: DialJobRequest[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue(campaignId).addBulk(
      jobs.map((job) => ({
        name: 'dial',
        data: { campaignId, contactId: job.contactId, attempt: job.attempt },
        opts: {
          jobId: `${job.contactId}-${job.attempt}`,
          delay: Math.max(0, Math.round(job.delayMs ?? 0)),
          attempts: this.tuning.apiRetryRuns,
          backoff: { type: 'exponential', delay: this.tuning.apiRetryBaseMs },
          removeOnComplete: { age: 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      })),
    );
  }

  async pause(campaignId: string): Promise<void> {
    await this.queue(campaignId).pause();
  }

  async resume(campaignId: string): Promise<void> {
    await this.queue(campaignId).resume();
  }

  hasWorker(campaignId: string): boolean {
    return this.workers.has(campaignId);
  }

  workerCampaigns(): string[] {
    return [...this.workers.keys()];
  }

  startWorker(campaignId: string, callsPerSecond: number, processor: DialProcessor, onGaveUp: (job: Job<DialJobData>, error: Error) => void): void {
    if (this.workers.has(campaignId)) return;
    const stop = new AbortController();
    // Every job waiting for its slot listens for the stop.
    setMaxListeners(200, stop.signal);
    const worker = new Worker<DialJobData>(queueName(campaignId), (job, token) => processor(job, token, stop.signal), {
      connection: this.connection,
      prefix: this.prefix,
      concurrency: workerConcurrency(callsPerSecond),
      // Jobs that wait for their slot hold a lock; a crashed instance's jobs return to the queue after this.
      lockDuration: 30_000,
      maxStalledCount: 5,
    });
    worker.on('error', (error) => this.logger.warn({ err: error, campaignId }, 'dial worker error'));
    worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) onGaveUp(job, error);
      else if (job) this.logger.warn({ err: error, campaignId, contactId: job.data.contactId, attempt: job.data.attempt }, 'dial job failed; BullMQ will retry it');
    });
    this.workers.set(campaignId, { worker, stop });
  }

  /** Stops this instance's worker: jobs waiting for a slot go back to the queue, calls being placed finish. */
  async stopWorker(campaignId: string): Promise<void> {
    const running = this.workers.get(campaignId);
    if (!running) return;
    this.workers.delete(campaignId);
    running.stop.abort();
    await running.worker.close();
  }

  async close(): Promise<void> {
    await Promise.all(this.workerCampaigns().map((campaignId) => this.stopWorker(campaignId)));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
