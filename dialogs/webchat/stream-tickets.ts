import { createHash, randomBytes } from 'node:crypto';
import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Keys } from '../../src/redis/keys.js';

/** Direct Line's own rule: a streamUrl must be connected to within a minute of being handed out. */
export const STREAM_TICKET_SECONDS = 60;

export interface StreamTicket {
  conversationId: string;
  /** The position the stream starts after (what the client had already read). */
  watermark: number;
}

function hashOf(ticket: string): string {
  return createHash('sha256').update(ticket).digest('hex');
}

/**
 * The `t` of a streamUrl. A browser cannot put a header on a WebSocket, so the stream is authorised
 * by its URL; the URL carries this one-use, one-minute ticket rather than the conversation's token,
 * so a URL in a proxy's log opens nothing. Kept in Redis (by hash), so any instance accepts it.
 */
export class StreamTickets {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  async issue(ticket: StreamTicket): Promise<string> {
    const text = randomBytes(24).toString('base64url');
    await this.redis.set(this.keys.webChatStreamTicket(hashOf(text)), `${ticket.conversationId} ${ticket.watermark}`, 'EX', STREAM_TICKET_SECONDS);
    return text;
  }

  /** The ticket's conversation and watermark, once: a second use, or a use after a minute, gets null. */
  async redeem(text: string): Promise<StreamTicket | null> {
    if (!/^[A-Za-z0-9_-]{32}$/.test(text)) return null;
    const value = await this.redis.getdel(this.keys.webChatStreamTicket(hashOf(text)));
    const [conversationId, watermark] = value?.split(' ') ?? [];
    if (!conversationId || !/^\d{1,7}$/.test(watermark ?? '')) return null;
    return { conversationId, watermark: Number(watermark) };
  }
}
