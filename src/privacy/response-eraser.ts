import type { Redis } from 'ioredis';
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
    private readonly redis: Redis,
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
    const indexes = [...(who.customerId ? [this.keys.responsesOfCustomer(who.customerId)] : []), ...(who.phone ? [this.keys.responsesOfPhone(who.phone)] : [])];
    if (indexes.length === 0) return 0;
    const ids = await this.redis.sunion(...indexes);
    const erased = await this.erase(ids);
    await this.redis.unlink(...indexes);
    return erased;
  }

  /** Every response created before `cutoff`. */
  async eraseCreatedBefore(cutoff: Date): Promise<number> {
    let erased = 0;
    for (;;) {
      const ids = await this.redis.zrangebyscore(this.keys.responsesByCreation(), '-inf', `(${cutoff.getTime()}`, 'LIMIT', 0, BATCH);
      if (ids.length === 0) return erased;
      erased += await this.eraseBatch(ids);
    }
  }

  private async eraseBatch(ids: string[]): Promise<number> {
    const read = this.redis.pipeline();
    for (const id of ids) read.hmget(this.keys.response(id), 'channel', 'channelId', 'conversationId', 'customerId', 'phone', 'recordingUrl');
    const rows = ((await read.exec()) ?? []).map(([, fields]) => (fields ?? []) as Array<string | null>);
    const write = this.redis.pipeline();
    const conversations: ErasedConversation[] = [];
    rows.forEach(([channel, channelId, conversationId, customerId, phone, recordingUrl], index) => {
      const id = ids[index] as string;
      if (channel) conversations.push({ id, channel, channelId: channelId ?? null, conversationId: conversationId ?? null, recordingUrl: recordingUrl ?? null });
      write.unlink(this.keys.response(id), this.keys.transcript(id), this.keys.responseSteps(id));
      write.zrem(this.keys.responsesByCreation(), id);
      write.zrem(this.keys.responsesByScoreTime(), id);
      if (channel) write.zrem(this.keys.responsesByCreationForChannel(channel), id);
      if (customerId) write.srem(this.keys.responsesOfCustomer(customerId), id);
      if (phone) write.srem(this.keys.responsesOfPhone(phone), id);
      write.unlink(this.keys.reviewItem(id), this.keys.reviewItemNotes(id));
      write.zrem(this.keys.reviewQueue('open'), id);
      write.zrem(this.keys.reviewQueue('done'), id);
    });
    await write.exec();
    for (const eraseChannelData of this.channelErasers) await eraseChannelData(conversations);
    return conversations.length;
  }
}
