import { randomBytes } from 'node:crypto';
import type { Keys } from '../src/redis/keys.js';
import type { RedisClient } from '../src/redis/redis-client.js';
import type { ConversationRef } from '../src/survey/survey-conversation.js';
import type { MessagingChannel } from '../src/survey/text-invitation.js';

/**
 * How long a number pair stays with its response after the last message. Inside it, a text answers
 * that survey (or, once it ended, gets "already answered"); after it, a text starts a new survey.
 */
export const CONVERSATION_TTL_SECONDS = 24 * 60 * 60;

/** WhatsApp lets the business send free text for 24 hours after the customer's last message. */
export const WHATSAPP_WINDOW_SECONDS = 24 * 60 * 60;

export function textRef(channel: MessagingChannel, responseId: string): ConversationRef {
  return { responseId, channel, conversationId: responseId };
}

const PENDING = 'pending';
const REPLIED = 'replied:';

function newResponseId(channel: MessagingChannel): string {
  return `${channel}-${randomBytes(16).toString('hex')}`;
}

/** Which response a text belongs to: one per number pair and channel at a time, kept in Redis. */
export class TextConversations {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /**
   * The pair's response: the one it already has, or a fresh id claimed with SET NX, so two first
   * messages racing agree on one response (their turns are then ordered by the survey's CAS).
   */
  async responseFor(channel: MessagingChannel, ourNumber: string, customerPhone: string): Promise<ConversationRef> {
    const key = this.keys.textConversation(channel, ourNumber, customerPhone);
    for (;;) {
      const candidate = newResponseId(channel);
      const claimed = await this.redis.set(key, candidate, 'EX', CONVERSATION_TTL_SECONDS, 'NX');
      if (claimed === 'OK') return textRef(channel, candidate);
      const existing = await this.redis.getex(key, 'EX', CONVERSATION_TTL_SECONDS);
      if (existing) return textRef(channel, existing);
    }
  }

  /** The pair's response if it has one, without claiming a new one; a text keeps the pair with it for another CONVERSATION_TTL_SECONDS. */
  async existing(channel: MessagingChannel, ourNumber: string, customerPhone: string): Promise<ConversationRef | null> {
    const id = await this.redis.getex(this.keys.textConversation(channel, ourNumber, customerPhone), 'EX', CONVERSATION_TTL_SECONDS);
    return id ? textRef(channel, id) : null;
  }

  /** An invitation starts a new survey on the pair: the customer's reply answers it. */
  async startNew(channel: MessagingChannel, ourNumber: string, customerPhone: string): Promise<ConversationRef> {
    const id = newResponseId(channel);
    await this.redis.set(this.keys.textConversation(channel, ourNumber, customerPhone), id, 'EX', CONVERSATION_TTL_SECONDS);
    return textRef(channel, id);
  }

  /** The pair has no survey any more: its next text starts one. */
  async forget(channel: MessagingChannel, ourNumber: string, customerPhone: string): Promise<void> {
    await this.redis.del(this.keys.textConversation(channel, ourNumber, customerPhone));
  }

  /**
   * Claims an inbound text by its MessageSid. Null when it is new; a redelivery of one already
   * taken gets its reply again (null inside when it had none, or is still being taken).
   */
  async claimMessage(customerPhone: string, messageSid: string): Promise<{ reply: string | null } | null> {
    const key = this.keys.textMessage(customerPhone, messageSid);
    if ((await this.redis.set(key, PENDING, 'EX', CONVERSATION_TTL_SECONDS, 'NX')) === 'OK') return null;
    const stored = await this.redis.get(key);
    return { reply: stored?.startsWith(REPLIED) && stored.length > REPLIED.length ? stored.slice(REPLIED.length) : null };
  }

  async rememberReply(customerPhone: string, messageSid: string, reply: string | null): Promise<void> {
    await this.redis.set(this.keys.textMessage(customerPhone, messageSid), `${REPLIED}${reply ?? ''}`, 'EX', CONVERSATION_TTL_SECONDS);
  }

  /** A turn that failed: a redelivery is taken again. */
  async releaseMessage(customerPhone: string, messageSid: string): Promise<void> {
    await this.redis.del(this.keys.textMessage(customerPhone, messageSid));
  }

  async noteWhatsAppInbound(customerPhone: string, at: Date): Promise<void> {
    await this.redis.set(this.keys.whatsappWindow(customerPhone), at.toISOString(), 'EX', WHATSAPP_WINDOW_SECONDS);
  }

  async whatsAppWindowOpen(customerPhone: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.whatsappWindow(customerPhone))) === 1;
  }
}
