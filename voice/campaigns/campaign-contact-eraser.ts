import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Keys } from '../../src/redis/keys.js';
import { ContactTransitions } from '../dialer/contact-transitions.js';

/**
 * Erasure on request for robocaller campaigns: every contact imported with the phone number or
 * customer id becomes `erased` (never called, no number, name or customer id kept) and its audit
 * lines lose the number. The 30-day answered-call log and the do-not-call list, which hold numbers
 * only to keep the calling rules, stay.
 */
export class CampaignContactEraser {
  private readonly transitions: ContactTransitions;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {
    this.transitions = new ContactTransitions(redis, keys);
  }

  /** Returns how many campaign contacts were erased. */
  async eraseCustomer(who: { customerId?: string; phone?: string }): Promise<number> {
    if (!who.phone && !who.customerId) return 0;
    let erased = 0;
    // Each campaign keeps its own indexes (in its slot), so erasure asks every campaign.
    for (const campaignId of await this.redis.zrange(this.keys.campaigns(), 0, -1)) {
      const indexes = [...(who.phone ? [this.keys.campaignContactsOfPhone(campaignId, who.phone)] : []), ...(who.customerId ? [this.keys.campaignContactsOfCustomer(campaignId, who.customerId)] : [])];
      for (const contactId of await this.redis.sunion(...indexes)) {
        const attempts = await this.transitions.erase(campaignId, contactId);
        if (attempts === null) continue;
        erased += 1;
        const scrub = this.redis.pipeline();
        for (let attempt = 1; attempt <= attempts; attempt += 1) scrub.hdel(this.keys.campaignAttempt(campaignId, contactId, attempt), 'phone');
        await scrub.exec();
      }
      await this.redis.unlink(...indexes);
    }
    return erased;
  }
}
