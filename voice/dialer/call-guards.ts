import type { ClientContext, Result } from 'ioredis';
import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Keys } from '../../src/redis/keys.js';
import { defineLuaCommands } from '../../src/redis/lua-commands.js';
import { defineReleaseIfHolder, releaseIfHolder } from '../../src/redis/release-if-holder.js';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    dialerTakeLine(line: string, ref: string, leaseMs: string): Result<number, Context>;
    dialerTakeCallSlot(set: string, ref: string, cap: string, leaseMs: string): Result<number, Context>;
  }
}

const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;

/**
 * Guards across every campaign: one call at a time per number, a cap on calls in progress, and the
 * answered calls per number in the last 30 days. A crashed holder's lease expires on its own.
 */
export class CallGuards {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {
    defineLuaCommands(redis, import.meta.url, [
      { name: 'dialerTakeLine', file: 'take-line.lua', numberOfKeys: 1 },
      { name: 'dialerTakeCallSlot', file: 'take-call-slot.lua', numberOfKeys: 1 },
    ]);
    defineReleaseIfHolder(redis);
  }

  async takeLine(phone: string, ref: string, leaseMs: number): Promise<boolean> {
    return (await this.redis.dialerTakeLine(this.keys.dialerLine(phone), ref, String(leaseMs))) === 1;
  }

  async releaseLine(phone: string, ref: string): Promise<void> {
    await releaseIfHolder(this.redis, this.keys.dialerLine(phone), ref);
  }

  /** The attempt now calling this number, if any. */
  async lineHolder(phone: string): Promise<string | null> {
    return this.redis.get(this.keys.dialerLine(phone));
  }

  async takeCallSlot(ref: string, cap: number, leaseMs: number): Promise<boolean> {
    return (await this.redis.dialerTakeCallSlot(this.keys.callsInProgress(), ref, String(cap), String(leaseMs))) === 1;
  }

  async releaseCallSlot(ref: string): Promise<void> {
    await this.redis.zrem(this.keys.callsInProgress(), ref);
  }

  async callsInProgress(): Promise<number> {
    return this.redis.zcard(this.keys.callsInProgress());
  }

  /** Attempts that took their place among calls in progress more than `olderThanMs` ago (real clock). */
  async callsStartedBefore(olderThanMs: number, leaseMs: number, limit = 100): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.callsInProgress(), '-inf', Date.now() + leaseMs - olderThanMs, 'LIMIT', 0, limit);
  }

  /** Counts an answered call once (by CallSid) at `at` on the survey's clock. */
  async recordAnswered(phone: string, callSid: string, at: Date): Promise<void> {
    const key = this.keys.answeredCalls(phone);
    await this.redis.multi().zadd(key, 'NX', at.getTime(), callSid).zremrangebyscore(key, '-inf', at.getTime() - THIRTY_DAYS_MS).pexpire(key, THIRTY_DAYS_MS + 24 * 3600 * 1000).exec();
  }

  /**
   * When `limit` answered calls in the 30 days before `at` already reached the number, the instant
   * the oldest of them leaves that span; null while the number may still be called.
   */
  async answeredLimitLiftsAt(phone: string, at: Date, limit: number): Promise<Date | null> {
    const since = at.getTime() - THIRTY_DAYS_MS;
    const recent = await this.redis.zrangebyscore(this.keys.answeredCalls(phone), `(${since}`, '+inf', 'WITHSCORES');
    const times = recent.filter((_, index) => index % 2 === 1).map(Number);
    if (times.length < limit) return null;
    const oldestThatMatters = times[times.length - limit] ?? since;
    return new Date(oldestThatMatters + THIRTY_DAYS_MS + 1);
  }
}
