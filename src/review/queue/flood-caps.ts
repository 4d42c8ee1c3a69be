import { createHash } from 'node:crypto';
import type { RedisClient } from '../../redis/redis-client.js';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Keys } from '../../redis/keys.js';

export interface FloodCapSettings {
  /** Review items one source may add in any 24 hours. */
  reviewPerSourcePerDay: number;
  /** One detractor alert per source in this long (0: no deduplication). */
  alertDedupMs: number;
  /** Detractor alerts per minute across every instance. */
  alertsPerMinute: number;
}

/** The response fields a source is read from. */
export interface SourceFields {
  conversationId: string | null;
  phone: string | null;
  customerId: string | null;
}

export type SuppressedKind = 'reviewItems' | 'duplicateAlerts' | 'alertsOverCap';

const DAY_MS = 86_400_000;
/** A verdict outlives every event of its response (the idle-chat closer ends a chat within the hour). */
const VERDICT_TTL_SECONDS = 3 * 86_400;
const CLIENT_TTL_SECONDS = 3 * 86_400;

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * Keeps one client from filling the review queue or the CRM with alerts. A response's source is
 * the client address that opened its web chat (hashed), else the phone number of its call, else
 * its customer id, else its conversation. Per source, only the first `reviewPerSourcePerDay`
 * responses of any 24 hours become review items, and only the first detractor of each dedup window
 * is alerted; all alerts together are capped per minute. A verdict is kept per response, so the
 * later events of one survey (reason, end) follow its first, and a replayed event changes nothing.
 */
export class FloodCaps {
  private readonly alertRate: RateLimiterRedis;
  private readonly tally: Record<SuppressedKind, number> = { reviewItems: 0, duplicateAlerts: 0, alertsOverCap: 0 };

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly settings: FloodCapSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.alertRate = new RateLimiterRedis({ storeClient: redis, keyPrefix: keys.rateLimit('alerts'), points: settings.alertsPerMinute, duration: 60 });
  }

  /** Called by the web chat when it opens a conversation: the address is kept only as a hash. */
  async remember(conversationId: string, address: string): Promise<void> {
    await this.redis.set(this.keys.webChatClient(conversationId), digest(`address:${address}`), 'EX', CLIENT_TTL_SECONDS);
  }

  async sourceOf(fields: SourceFields): Promise<string> {
    const client = fields.conversationId ? await this.redis.get(this.keys.webChatClient(fields.conversationId)) : null;
    if (client) return `webchat:${client}`;
    if (fields.phone) return `phone:${digest(fields.phone)}`;
    if (fields.customerId) return `customer:${digest(fields.customerId)}`;
    return `conversation:${digest(fields.conversationId ?? '')}`;
  }

  async admitReviewItem(responseId: string, source: string): Promise<boolean> {
    return this.decide('review', responseId, async () => {
      const admitted = (await this.rankInWindow('review', source, responseId, DAY_MS)) < this.settings.reviewPerSourcePerDay;
      return admitted ? 'admitted' : 'reviewItems';
    });
  }

  async admitAlert(responseId: string, source: string): Promise<boolean> {
    return this.decide('alert', responseId, async () => {
      if (this.settings.alertDedupMs > 0 && (await this.rankInWindow('alert', source, responseId, this.settings.alertDedupMs)) > 0) return 'duplicateAlerts';
      try {
        await this.alertRate.consume('all');
        return 'admitted';
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return 'alertsOverCap';
        throw rejection;
      }
    });
  }

  /** What was suppressed on this instance since the last call, and zeroes it. */
  takeTally(): Record<SuppressedKind, number> {
    const taken = { ...this.tally };
    for (const kind of Object.keys(this.tally) as SuppressedKind[]) this.tally[kind] = 0;
    return taken;
  }

  /** Suppressed counts of one UTC day (`2026-03-10`), across instances. */
  async suppressedOn(day: string): Promise<Record<SuppressedKind, number>> {
    const hash = await this.redis.hgetall(this.keys.floodSuppressed(day));
    return { reviewItems: Number(hash.reviewItems ?? 0), duplicateAlerts: Number(hash.duplicateAlerts ?? 0), alertsOverCap: Number(hash.alertsOverCap ?? 0) };
  }

  private async decide(kind: 'review' | 'alert', responseId: string, judge: () => Promise<'admitted' | SuppressedKind>): Promise<boolean> {
    const key = this.keys.floodVerdict(kind, responseId);
    const earlier = await this.redis.get(key);
    if (earlier) return earlier === 'admitted';
    const verdict = await judge();
    const stored = await this.redis.set(key, verdict, 'EX', VERDICT_TTL_SECONDS, 'NX');
    if (stored !== 'OK') return (await this.redis.get(key)) === 'admitted';
    if (verdict !== 'admitted') {
      this.tally[verdict] += 1;
      const day = new Date(this.now()).toISOString().slice(0, 10);
      await this.redis.pipeline().hincrby(this.keys.floodSuppressed(day), verdict, 1).expire(this.keys.floodSuppressed(day), 40 * 86_400).exec();
    }
    return verdict === 'admitted';
  }

  /** How many responses of this source came before this one in the window (sliding, by time). */
  private async rankInWindow(kind: 'review' | 'alert', source: string, responseId: string, windowMs: number): Promise<number> {
    const key = this.keys.floodSource(kind, digest(source));
    const now = this.now();
    const replies = await this.redis.pipeline().zremrangebyscore(key, '-inf', now - windowMs).zadd(key, 'NX', now, responseId).zrank(key, responseId).pexpire(key, windowMs).exec();
    const rank = replies?.[2]?.[1];
    return typeof rank === 'number' ? rank : 0;
  }
}
