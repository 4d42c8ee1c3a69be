import type { ClientContext, Redis, Result } from 'ioredis';
import type { Keys } from '../../src/redis/keys.js';

/** Sets the line lock when free or already ours. KEYS: line. ARGV: ref, leaseMs. */
const TAKE_LINE_LUA = `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;

const RELEASE_LINE_LUA = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** A place among the calls in progress, under the cap; expired leases are dropped first. KEYS: set. ARGV: ref, cap, leaseMs. */
const TAKE_CALL_SLOT_LUA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
  return 1
end
return 0
`;

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    dialerTakeLine(line: string, ref: string, leaseMs: string): Result<number, Context>;
    dialerReleaseLine(line: string, ref: string): Result<number, Context>;
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
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {
    const scripts: Array<[string, number, string]> = [
      ['dialerTakeLine', 1, TAKE_LINE_LUA],
      ['dialerReleaseLine', 1, RELEASE_LINE_LUA],
      ['dialerTakeCallSlot', 1, TAKE_CALL_SLOT_LUA],
    ];
    for (const [name, numberOfKeys, lua] of scripts) {
      if (typeof (redis as unknown as Record<string, unknown>)[name] !== 'function') redis.defineCommand(name, { numberOfKeys, lua });
    }
  }

  async takeLine(phone: string, ref: string, leaseMs: number): Promise<boolean> {
    return (await this.redis.dialerTakeLine(this.keys.dialerLine(phone), ref, String(leaseMs))) === 1;
  }

  async releaseLine(phone: string, ref: string): Promise<void> {
    await this.redis.dialerReleaseLine(this.keys.dialerLine(phone), ref);
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
