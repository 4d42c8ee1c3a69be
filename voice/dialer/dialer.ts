import type { Job } from 'bullmq';
import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Logger } from '../../src/logging/logger.js';
import type { Keys } from '../../src/redis/keys.js';
import type { TextInvitationSender } from '../../src/survey/text-invitation.js';
import type { DoNotCallList } from '../../src/store/do-not-call-list.js';
import { CampaignStore } from '../campaigns/campaign-store.js';
import type { MessageOverrides } from '../../src/survey/messages/message-overrides.js';

const MAX_CACHED_WORDINGS = 1000;
import type { Campaign } from '../campaigns/campaign-types.js';
import type { CallStatusUpdate, DialerHooks, OutboundCallContext } from '../dialer-hooks.js';
import { AttemptCloser } from './attempt-closer.js';
import { CallEvents } from './call-events.js';
import { CallGuards } from './call-guards.js';
import { ContactFeeder } from './contact-feeder.js';
import { ContactTransitions } from './contact-transitions.js';
import { DialJob } from './dial-job.js';
import { DialQueues, type DialJobData } from './dial-queues.js';
import type { DialerDeps, DialJobOutcome } from './dialer-deps.js';
import type { DialerSettings } from './dialer-settings.js';
import { Pacer } from './pacer.js';
import { StaleCallSweeper } from './stale-calls.js';
import type { CallsApi } from './twilio-calls.js';
import { duplicateClient } from '../../src/redis/connect.js';

export interface DialerOptions {
  redis: RedisClient;
  keys: Keys;
  doNotCall: DoNotCallList;
  calls: CallsApi | undefined;
  texts?: TextInvitationSender | undefined;
  logger: Logger;
  clock: () => Date;
  settings: DialerSettings;
  /** The machine message as TwiML (said or played, then a hang-up). */
  machineMessage: (language: string) => string;
  onJobOutcome?: ((outcome: DialJobOutcome) => void) | undefined;
}

export class DialerUnavailableError extends Error {
  constructor(message = 'dialling needs Twilio: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER') {
    super(message);
    this.name = 'DialerUnavailableError';
  }
}

/**
 * The robocaller: BullMQ queues on the service's Redis, one per campaign, worked by every instance
 * that runs workers. Campaign state lives in Redis, so a restarted or second instance carries on
 * where the other stopped. Also the voice routes' DialerHooks.
 */
export class Dialer implements DialerHooks {
  readonly store: CampaignStore;
  private readonly wording = new Map<string, MessageOverrides | undefined>();
  private readonly deps: DialerDeps;
  private readonly bullConnection: RedisClient;
  private readonly feeder: ContactFeeder;
  private readonly job: DialJob;
  private readonly events: CallEvents;
  private readonly closer: AttemptCloser;
  private timer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private readonly sweeper: StaleCallSweeper;
  private syncing: Promise<void> | undefined;
  private readonly background = new Set<Promise<unknown>>();
  private closed = false;

  constructor(options: DialerOptions) {
    const { redis, keys, logger, settings } = options;
    // BullMQ blocks and retries on its own connection; the request-path client fails fast instead.
    this.bullConnection = duplicateClient(redis, { maxRetriesPerRequest: null, enableOfflineQueue: true, commandTimeout: undefined, lazyConnect: true });
    this.bullConnection.on('error', (error: Error) => logger.warn({ err: error }, 'dialer redis connection problem'));
    this.store = new CampaignStore(redis, keys);
    const queues = new DialQueues(this.bullConnection, keys.dialerQueuePrefix(), settings.tuning, logger);
    this.deps = {
      store: this.store,
      transitions: new ContactTransitions(redis, keys),
      guards: new CallGuards(redis, keys),
      pacer: new Pacer(redis, keys),
      queues,
      doNotCall: options.doNotCall,
      calls: options.calls,
      texts: options.texts,
      logger,
      clock: options.clock,
      machineMessage: options.machineMessage,
      onJobOutcome: options.onJobOutcome,
      settings,
    };
    this.closer = new AttemptCloser(this.deps);
    this.job = new DialJob(this.deps, this.closer);
    this.events = new CallEvents(this.deps, this.closer);
    this.sweeper = new StaleCallSweeper(this.deps, this.events);
    this.feeder = new ContactFeeder(redis, keys, this.store, queues, logger);
  }

  /** Whether this instance runs a worker on the campaign now. */
  isWorkingOn(campaignId: string): boolean {
    return this.deps.queues.hasWorker(campaignId);
  }

  get canDial(): boolean {
    return this.deps.calls !== undefined;
  }

  /** Starts working on running campaigns (and keeps looking for them) when this instance runs workers. */
  start(): void {
    if (!this.deps.settings.runWorkers || this.timer || this.closed) return;
    this.timer = setInterval(() => void this.sync(), this.deps.settings.tuning.syncIntervalMs);
    this.timer.unref();
    this.sweepTimer = setInterval(() => this.track(this.sweeper.sweep()), this.deps.settings.tuning.staleCheckIntervalMs);
    this.sweepTimer.unref();
    void this.sync();
  }

  async startCampaign(campaign: Campaign): Promise<void> {
    if (campaign.channel === 'sms' || campaign.channel === 'whatsapp') {
      if (!this.deps.texts) throw new DialerUnavailableError(`a ${campaign.channel} campaign needs the messaging channel, which is not configured`);
    } else if (!this.canDial) throw new DialerUnavailableError();
    await this.store.setStatus(campaign.id, 'running');
    await this.deps.queues.resume(campaign.id);
    this.work(campaign);
  }

  async pauseCampaign(campaign: Campaign): Promise<void> {
    await this.store.setStatus(campaign.id, 'paused');
    await this.deps.queues.pause(campaign.id);
    await this.deps.queues.stopWorker(campaign.id);
  }

  /** New contacts on a running campaign are queued at once. */
  contactsAdded(campaign: Campaign): void {
    if (campaign.status === 'running' && this.deps.settings.runWorkers) this.track(this.feeder.feed(campaign.id));
  }

  contextForCall(query: Record<string, string>, callSid: string): Promise<OutboundCallContext | null> {
    return this.events.contextForCall(query, callSid);
  }

  onCallStatus(update: CallStatusUpdate): Promise<void> {
    return this.events.onCallStatus(update);
  }

  /** A campaign's wording for its calls' turns; fixed at creation, so kept once read (a bounded map). */
  async campaignMessages(campaignId: string): Promise<MessageOverrides | undefined> {
    if (this.wording.has(campaignId)) return this.wording.get(campaignId);
    const messages = await this.store.messages(campaignId);
    if (this.wording.size >= MAX_CACHED_WORDINGS) this.wording.delete(this.wording.keys().next().value as string);
    this.wording.set(campaignId, messages);
    return messages;
  }

  onOptOut(phone: string): Promise<void> {
    return this.events.onOptOut(phone);
  }

  onMachineDetection(query: Record<string, string>, callSid: string, answeredBy: string): Promise<void> {
    return this.events.onMachineDetection(query, callSid, answeredBy);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.syncing;
    await Promise.allSettled([...this.background]);
    await this.deps.queues.close();
    if (this.bullConnection.status === 'wait') this.bullConnection.disconnect();
    else await this.bullConnection.quit().catch(() => this.bullConnection.disconnect());
  }

  private work(campaign: Campaign): void {
    if (!this.deps.settings.runWorkers || this.closed) return;
    const { queues, logger } = this.deps;
    queues.startWorker(
      campaign.id,
      campaign.callsPerSecond,
      (job, token, stopping) => this.job.run(job, token, stopping),
      (job, error) => this.track(this.gaveUp(job, error)),
    );
    this.track(this.feeder.feed(campaign.id));
    logger.debug({ campaignId: campaign.id }, 'dialer working on campaign');
  }

  private sync(): Promise<void> {
    if (this.syncing || this.closed) return this.syncing ?? Promise.resolve();
    this.syncing = (async () => {
      try {
        const running = new Set(await this.store.runningIds());
        for (const campaignId of this.deps.queues.workerCampaigns()) if (!running.has(campaignId)) await this.deps.queues.stopWorker(campaignId);
        for (const campaignId of running) {
          const campaign = await this.store.get(campaignId);
          if (campaign?.status === 'running' && !this.closed) this.work(campaign);
        }
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'dialer sync failed; trying again shortly');
      } finally {
        this.syncing = undefined;
      }
    })();
    return this.syncing;
  }

  /** A job that kept failing: its attempt ends as failed, or, when it never began, the contact is queued again later. */
  private async gaveUp(job: Job<DialJobData>, error: Error): Promise<void> {
    const { campaignId, contactId, attempt } = job.data;
    const campaign = await this.store.get(campaignId);
    if (!campaign) return;
    const fields = await this.store.attemptFields(campaignId, contactId, attempt);
    this.deps.logger.error({ err: error, campaignId, contactId, attempt }, 'dial job gave up');
    if (fields.contactId) {
      await this.closer.close(campaign, { campaignId, contactId, attempt }, { result: 'failed', error: `gave up after repeated Twilio trouble: ${error.message}`, retryable: false, apiFailure: true });
      return;
    }
    await job.remove();
    await this.deps.queues.add(campaignId, [{ contactId, attempt, delayMs: 60_000 }]);
  }

  private track(promise: Promise<unknown>): void {
    const tracked = promise.catch((error: unknown) => this.deps.logger.warn({ err: error }, 'dialer background task failed'));
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }
}
