import type { ClientContext, Result } from 'ioredis';
import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Keys } from '../../src/redis/keys.js';
import { defineLuaCommands } from '../../src/redis/lua-commands.js';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    dialerReserveSlot(pace: string, intervalMs: string, maxAheadMs: string): Result<number, Context>;
    dialerTakeCall(recent: string, perSecond: string, spanMs: string): Result<number, Context>;
    dialerBackOff(pace: string, ms: string): Result<number, Context>;
  }
}

export interface Pace {
  /** Spacing of reserved slots. */
  intervalMs: number;
  /** How far ahead a job may reserve a slot and wait for it. */
  maxAheadMs: number;
  /** Most calls in any one-second span (at least 1). */
  perSecond: number;
  /** The span the hard limit is checked over: a second plus the safety margin. */
  spanMs: number;
}

/**
 * `callsPerSecond` as slots and a hard limit. The margin absorbs the jitter between our clock and the
 * moment Twilio receives the request, so a late call never makes a second with one call too many.
 */
export function paceFor(callsPerSecond: number, marginMs: number): Pace {
  // Fractional on purpose: rounding 51.25 ms up to 52 would cost 1.5% of the rate at 20/s.
  const intervalMs = Math.round(((1000 + marginMs) / callsPerSecond) * 100) / 100;
  return {
    intervalMs,
    maxAheadMs: Math.max(1000, Math.ceil(2 * intervalMs)),
    perSecond: Math.max(1, Math.floor(callsPerSecond + 1e-9)),
    spanMs: 1000 + marginMs,
  };
}

/**
 * Spreads a campaign's calls evenly across every worker and instance: the state is in Redis and
 * time is Redis's. BullMQ's limiter {max: cps, duration: 1000} bursts, and {max: 1, duration:
 * 1000/cps} still let 2 calls reach Twilio within one second at 1/s and 6 at 5/s (`npm run bench`):
 * its windows start when a job is taken, not when the call is sent. So the dialer paces itself.
 */
export class Pacer {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {
    defineLuaCommands(redis, import.meta.url, [
      { name: 'dialerReserveSlot', file: 'reserve-slot.lua', numberOfKeys: 1 },
      { name: 'dialerTakeCall', file: 'take-call.lua', numberOfKeys: 1 },
      { name: 'dialerBackOff', file: 'back-off.lua', numberOfKeys: 1 },
    ]);
  }

  /** `{ reserved: true, waitMs }` until this job's slot, or `{ reserved: false, waitMs }` until a slot may be asked for again. */
  async reserveSlot(campaignId: string, pace: Pace): Promise<{ reserved: boolean; waitMs: number }> {
    const reply = await this.redis.dialerReserveSlot(this.keys.campaignPace(campaignId), String(pace.intervalMs), String(pace.maxAheadMs));
    return reply >= 0 ? { reserved: true, waitMs: reply } : { reserved: false, waitMs: -reply - pace.maxAheadMs };
  }

  /** 0 when the call may go now (and is counted), else ms to wait and ask again. */
  async takeCall(campaignId: string, pace: Pace): Promise<number> {
    return this.redis.dialerTakeCall(this.keys.campaignRecentCalls(campaignId), String(pace.perSecond), String(pace.spanMs));
  }

  async backOff(campaignId: string, ms: number): Promise<void> {
    await this.redis.dialerBackOff(this.keys.campaignPace(campaignId), String(Math.round(ms)));
  }
}
