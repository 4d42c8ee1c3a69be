import { Queue, Worker, type Job } from 'bullmq';
import type { RedisClient } from '../src/redis/redis-client.js';
import type { Logger } from '../src/logging/logger.js';

export interface ContactSurveyJobData {
  contactId: string;
}

export type ContactSurveyProcessor = (job: Job<ContactSurveyJobData>, token: string | undefined) => Promise<string>;

export const CONTACT_SURVEY_QUEUE = 'survey-after-contact';

/** The delayed jobs that send surveys after contacts: one job per survey, its id the survey's. */
export class ContactSurveyQueue {
  readonly queue: Queue<ContactSurveyJobData>;
  private worker: Worker<ContactSurveyJobData> | undefined;

  constructor(
    /** ioredis with maxRetriesPerRequest: null, as BullMQ requires. */
    private readonly connection: RedisClient,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    this.queue = new Queue<ContactSurveyJobData>(CONTACT_SURVEY_QUEUE, { connection, prefix });
    this.queue.on('error', (error) => logger.warn({ err: error }, 'contact survey queue error'));
  }

  /** Adding a job whose id exists changes nothing, so asking again never sends twice. */
  async add(surveyId: string, contactId: string, delayMs: number): Promise<void> {
    await this.queue.add(
      'survey',
      { contactId },
      {
        jobId: surveyId,
        delay: Math.max(0, Math.round(delayMs)),
        attempts: 5,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
  }

  async job(surveyId: string): Promise<Job<ContactSurveyJobData> | undefined> {
    return this.queue.getJob(surveyId);
  }

  /**
   * Enough jobs at once to keep `perSecond` sends going while each waits for its paced slot. (Not
   * BullMQ's limiter: its windows start when a job is taken, so 5/s let 10 texts out in one second.)
   */
  startWorker(processor: ContactSurveyProcessor, perSecond: number): void {
    if (this.worker) return;
    this.worker = new Worker<ContactSurveyJobData>(CONTACT_SURVEY_QUEUE, (job, token) => processor(job, token), {
      connection: this.connection,
      prefix: this.prefix,
      concurrency: Math.min(50, Math.max(4, Math.ceil(perSecond * 1.5) + 1)),
    });
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'contact survey worker error'));
    this.worker.on('failed', (job, error) => this.logger.warn({ err: error, surveyId: job?.id }, 'contact survey job failed'));
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
