import { createHash, randomBytes } from 'node:crypto';
import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Keys } from '../../src/redis/keys.js';

/** Direct Line's own figure: a token lives 30 minutes and the client refreshes it well before. */
export const TOKEN_LIFETIME_SECONDS = 1800;

export interface IssuedToken {
  conversationId: string;
  token: string;
  expires_in: number;
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A conversation id in Direct Line's style: opaque, unguessable, safe in a URL path. */
export function newConversationId(): string {
  return randomBytes(18).toString('base64url');
}

export const CONVERSATION_ID = /^[A-Za-z0-9_-]{16,64}$/;
const TOKEN = /^wc1\.[A-Za-z0-9_-]{43}$/;

function liveToken(token: string, stored: string | null): IssuedToken | null {
  const [conversationId, expiresAt] = stored?.split(' ') ?? [];
  const secondsLeft = Math.floor((Number(expiresAt) - Date.now()) / 1000);
  if (!conversationId || !(secondsLeft > 0)) return null;
  return { conversationId, token, expires_in: secondsLeft };
}

/**
 * Tokens of our Direct Line endpoint: random, each bound to one conversation, kept in Redis by
 * their hash (a leaked key dump holds no usable token) so every app instance accepts them.
 */
export class DirectLineTokens {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly lifetimeSeconds = TOKEN_LIFETIME_SECONDS,
  ) {}

  async issue(conversationId: string): Promise<IssuedToken> {
    const token = `wc1.${randomBytes(32).toString('base64url')}`;
    const expiresAt = Date.now() + this.lifetimeSeconds * 1000;
    // The expiry travels in the value too, so checking a token is one GET.
    await this.redis.set(this.keys.webChatToken(hashOf(token)), `${conversationId} ${expiresAt}`, 'PXAT', expiresAt);
    return { conversationId, token, expires_in: this.lifetimeSeconds };
  }

  /**
   * A new token for the same conversation, and the old one stops working (GETDEL: of two refreshes
   * with one token only the first gets a new one); null when the token was not live.
   */
  async rotate(token: string): Promise<IssuedToken | null> {
    if (!TOKEN.test(token)) return null;
    const live = liveToken(token, await this.redis.getdel(this.keys.webChatToken(hashOf(token))));
    return live ? this.issue(live.conversationId) : null;
  }

  /** The conversation a live token was issued for and its seconds left; null for an unknown or expired token. */
  async inspect(token: string): Promise<IssuedToken | null> {
    if (!TOKEN.test(token)) return null;
    return liveToken(token, await this.redis.get(this.keys.webChatToken(hashOf(token))));
  }
}
