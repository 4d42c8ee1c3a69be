import type { Redis } from 'ioredis';
import type { Keys } from '../redis/keys.js';
import { WEB_CHAT_CHANNEL_ID } from '../webchat/webchat-adapter.js';

/** Deletes a recording kept at the telephony provider; absent when calls are not recorded. */
export type RecordingDeleter = (recordingUrl: string) => Promise<void>;

const BATCH = 500;

/**
 * Erases responses for good: the record, its transcript, its idempotency steps, the chat's dialog
 * state, the web chat's message log, its review-queue item and notes, and every index entry;
 * recordings through the provider. The day counters stay: they hold
 * numbers, not people. Numbers on the do-not-call list stay on it, as the law expects.
 */
export class ResponseEraser {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly deleteRecording?: RecordingDeleter,
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
    let erased = 0;
    rows.forEach(([channel, channelId, conversationId, customerId, phone, recordingUrl], index) => {
      const id = ids[index] as string;
      if (channel) erased += 1;
      write.unlink(this.keys.response(id), this.keys.transcript(id), this.keys.responseSteps(id));
      write.zrem(this.keys.responsesByCreation(), id);
      write.zrem(this.keys.responsesByScoreTime(), id);
      if (channel) write.zrem(this.keys.responsesByCreationForChannel(channel), id);
      if (customerId) write.srem(this.keys.responsesOfCustomer(customerId), id);
      if (phone) write.srem(this.keys.responsesOfPhone(phone), id);
      write.unlink(this.keys.reviewItem(id), this.keys.reviewItemNotes(id));
      write.zrem(this.keys.reviewQueue('open'), id);
      write.zrem(this.keys.reviewQueue('done'), id);
      if (channelId && conversationId) write.unlink(this.keys.botState(`${channelId}/conversations/${conversationId}`));
      if (channelId === WEB_CHAT_CHANNEL_ID && conversationId) write.unlink(this.keys.webChatConversation(conversationId), this.keys.webChatActivities(conversationId));
      if (recordingUrl && this.deleteRecording) void this.deleteRecording(recordingUrl).catch(() => undefined);
    });
    await write.exec();
    return erased;
  }
}
