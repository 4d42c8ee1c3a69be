import type { ClientContext, Redis, Result } from 'ioredis';
import type { Keys } from '../../src/redis/keys.js';

/**
 * Reserves the campaign's next call slot on Redis's clock: slots are `interval` apart, kept on
 * schedule while calls keep up, restarted from now after a lull (no catching up in a burst).
 * A slot further ahead than `maxAhead` is not taken (a job that cannot wait for it would waste it).
 * KEYS: pace. ARGV: intervalMs, maxAheadMs. Returns ms to wait until the reserved slot, or minus
 * the ms until the next slot when it was not taken.
 */
const RESERVE_SLOT_LUA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local nextSlot = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = nextSlot
if nextSlot == 0 or now > nextSlot + interval then slot = now end
if slot - now > tonumber(ARGV[2]) then return now - slot end
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', 86400000)
if slot > now then return slot - now end
return 0
`;

/**
 * The hard limit, checked on the instant of the call: at most `perSecond` calls in any span of
 * `spanMs`. Records the call and returns 0, or returns ms to wait. KEYS: recent calls. ARGV: perSecond, spanMs.
 */
const TAKE_CALL_LUA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local perSecond = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
local oldest = redis.call('LINDEX', KEYS[1], perSecond - 1)
if oldest and now < tonumber(oldest) + span then return tonumber(oldest) + span - now end
redis.call('LPUSH', KEYS[1], now)
redis.call('LTRIM', KEYS[1], 0, perSecond - 1)
redis.call('PEXPIRE', KEYS[1], 86400000)
return 0
`;

/** Pushes the next slot out (Twilio trouble): nobody in the campaign calls before it. KEYS: pace. ARGV: ms. */
const BACK_OFF_LUA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local until_ = now + tonumber(ARGV[1])
if tonumber(redis.call('GET', KEYS[1]) or '0') < until_ then redis.call('SET', KEYS[1], tostring(until_), 'PX', 86400000) end
return until_
`;

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
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {
    const scripts: Array<[string, string]> = [
      ['dialerReserveSlot', RESERVE_SLOT_LUA],
      ['dialerTakeCall', TAKE_CALL_LUA],
      ['dialerBackOff', BACK_OFF_LUA],
    ];
    for (const [name, lua] of scripts) {
      if (typeof (redis as unknown as Record<string, unknown>)[name] !== 'function') redis.defineCommand(name, { numberOfKeys: 1, lua });
    }
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
