import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';

/** What an erased response was, for the channel that keeps more data about it. */
export interface ErasedConversation {
  id: string;
  channel: string;
  channelId: string | null;
  conversationId: string | null;
  recordingUrl: string | null;
}

/**
 * A channel's own eraser: it deletes what that channel keeps about these conversations (a chat's
 * message log, a call's recording at the provider). The core never spells a channel's keys.
 */
export type ConversationDataEraser = (conversations: ErasedConversation[]) => Promise<void>;

const BATCH = 500;

/**
 * Erases responses for good: the record, its transcript, its idempotency steps, its review-queue
 * item and notes and every index entry; then each channel erases what it keeps (chat logs,
 * recordings). The day counters stay: they hold numbers, not people. Numbers on the do-not-call
 * list stay on it, as the law expects.
 */
export class ResponseEraser {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly channelErasers: readonly ConversationDataEraser[] = [],
  ) {}

  async erase(ids: string[]): Promise<number> {
    let erased = 0;
    for (let start = 0; start < ids.length; start += BATCH) erased += await this.eraseBatch(ids.slice(start, start + BATCH));
    return erased;
  }

  /** Everything stored about one customer, found by customer id and/or phone number. */
  async eraseCustomer(who: { customerId?: string; phone?: string }): Promise<number> {
    const indexes = this.keys.partitionList.flatMap((partition) => [
      ...(who.customerId ? [this.keys.responsesOfCustomer(partition, who.customerId)] : []),
      ...(who.phone ? [this.keys.responsesOfPhone(partition, who.phone)] : []),
    ]);
    if (indexes.length === 0) return 0;
    const ids = [...new Set((await Promise.all(indexes.map((index) => this.redis.smembers(index)))).flat())];
    const erased = await this.erase(ids);
    await Promise.all(indexes.map((index) => this.redis.unlink(index)));
    return erased;
  }

  /** Every response created before `cutoff`. */
  async eraseCreatedBefore(cutoff: Date): Promise<number> {
    let erased = 0;
    for (const partition of this.keys.partitionList) {
      for (;;) {
        const ids = await this.redis.zrangebyscore(this.keys.responsesByCreation(partition), '-inf', `(${cutoff.getTime()}`, 'LIMIT', 0, BATCH);
        if (ids.length === 0) break;
        erased += await this.eraseBatch(ids);
      }
    }
    return erased;
  }

  private async eraseBatch(ids: string[]): Promise<number> {
    const rows = await Promise.all(ids.map((id) => this.redis.hmget(this.keys.response(id), 'channel', 'channelId', 'conversationId', 'customerId', 'phone', 'recordingUrl')));
    const writes: Array<Promise<unknown>> = [];
    const conversations: ErasedConversation[] = [];
    rows.forEach(([channel, channelId, conversationId, customerId, phone, recordingUrl], index) => {
      const id = ids[index] as string;
      const partition = this.keys.partitionOf(id);
      if (channel) conversations.push({ id, channel, channelId: channelId ?? null, conversationId: conversationId ?? null, recordingUrl: recordingUrl ?? null });
      // Each command touches one slot: the response's partition, or the review item's own tag.
      writes.push(this.redis.unlink(this.keys.response(id), this.keys.transcript(id), this.keys.responseSteps(id)));
      writes.push(this.redis.zrem(this.keys.responsesByCreation(partition), id), this.redis.zrem(this.keys.responsesByScoreTime(partition), id));
      if (channel) writes.push(this.redis.zrem(this.keys.responsesByCreationForChannel(partition, channel), id));
      if (customerId) writes.push(this.redis.srem(this.keys.responsesOfCustomer(partition, customerId), id));
      if (phone) writes.push(this.redis.srem(this.keys.responsesOfPhone(partition, phone), id));
      writes.push(this.redis.unlink(this.keys.reviewItem(id), this.keys.reviewItemNotes(id)));
      writes.push(this.redis.zrem(this.keys.reviewQueue('open'), id), this.redis.zrem(this.keys.reviewQueue('done'), id));
    });
    await Promise.all(writes);
    for (const eraseChannelData of this.channelErasers) await eraseChannelData(conversations);
    return conversations.length;
  }
}
