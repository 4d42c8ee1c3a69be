import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Logger } from '../../src/logging/logger.js';
import type { Keys } from '../../src/redis/keys.js';
import { defineReleaseIfHolder, releaseIfHolder } from '../../src/redis/release-if-holder.js';
import type { CampaignStore } from '../campaigns/campaign-store.js';
import type { DialQueues } from './dial-queues.js';

const LEASE_MS = 60_000;
/** The first batch is small so the first call goes out quickly; the rest go in larger batches. */
const FIRST_BATCH = 100;
const BATCH = 1000;

/**
 * Turns imported contacts into dial jobs, in import order, a batch at a time, behind a cursor kept
 * on the campaign. One instance feeds a campaign at a time (a lease); a crash between adding a batch
 * and moving the cursor adds the same jobs again, which the job ids and the contact's state make harmless.
 */
export class ContactFeeder {
  private readonly feeding = new Set<string>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly store: CampaignStore,
    private readonly queues: DialQueues,
    private readonly logger: Logger,
  ) {
    defineReleaseIfHolder(redis);
  }

  /** Feeds whatever is not queued yet; returns at once when this instance is already feeding the campaign. */
  async feed(campaignId: string): Promise<void> {
    if (this.feeding.has(campaignId)) return;
    this.feeding.add(campaignId);
    const leaseKey = this.keys.campaignFeederLease(campaignId);
    const token = randomUUID();
    try {
      if ((await this.redis.set(leaseKey, token, 'PX', LEASE_MS, 'NX')) !== 'OK') return;
      let batch = FIRST_BATCH;
      for (;;) {
        const { fed, length } = await this.store.feedPosition(campaignId);
        if (fed >= length) break;
        const contactIds = await this.store.feedSlice(campaignId, fed, batch);
        await this.queues.add(
          campaignId,
          contactIds.map((contactId) => ({ contactId, attempt: 1 })),
        );
        await this.store.setFeedPosition(campaignId, fed + contactIds.length);
        await this.redis.pexpire(leaseKey, LEASE_MS);
        batch = BATCH;
      }
    } catch (error) {
      this.logger.warn({ err: error, campaignId }, 'feeding contacts to the dialer failed; the next sync carries on');
    } finally {
      this.feeding.delete(campaignId);
      await releaseIfHolder(this.redis, leaseKey, token).catch(() => undefined);
    }
  }
}
