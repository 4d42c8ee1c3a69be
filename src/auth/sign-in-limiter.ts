import type { RedisClient } from '../redis/redis-client.js';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Keys } from '../redis/keys.js';

/** Failed sign-ins allowed per username and address before a 15-minute block. */
export const FAILURES_PER_USER_AND_ADDRESS = 5;
/** Attempts allowed per address per hour, whatever the username (slows spraying many names). */
export const ATTEMPTS_PER_ADDRESS = 100;
const FIFTEEN_MINUTES = 15 * 60;

function retryAfterSeconds(result: RateLimiterRes): number {
  return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
}

/** Sign-in throttling on Redis (rate-limiter-flexible), the same for every app instance. */
export class SignInLimiter {
  private readonly byUserAndAddress: RateLimiterRedis;
  private readonly byAddress: RateLimiterRedis;

  constructor(redis: RedisClient, keys: Keys) {
    this.byUserAndAddress = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: keys.signInLimiter('user-address'),
      points: FAILURES_PER_USER_AND_ADDRESS,
      duration: FIFTEEN_MINUTES,
      blockDuration: FIFTEEN_MINUTES,
    });
    this.byAddress = new RateLimiterRedis({ storeClient: redis, keyPrefix: keys.signInLimiter('address'), points: ATTEMPTS_PER_ADDRESS, duration: 3600 });
  }

  /** Seconds to wait when this attempt must be refused; null when it may go ahead (and is counted). */
  async admit(username: string, address: string): Promise<number | null> {
    const pair = this.pairKey(username, address);
    const earlier = await this.byUserAndAddress.get(pair);
    if (earlier && earlier.consumedPoints >= FAILURES_PER_USER_AND_ADDRESS) return retryAfterSeconds(earlier);
    try {
      await this.byAddress.consume(address);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return retryAfterSeconds(rejection);
      throw rejection;
    }
  }

  async failed(username: string, address: string): Promise<void> {
    await this.byUserAndAddress.consume(this.pairKey(username, address)).catch((rejection: unknown) => {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
    });
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.byUserAndAddress.delete(this.pairKey(username, address));
  }

  private pairKey(username: string, address: string): string {
    return `${username.toLowerCase().slice(0, 64)}|${address}`;
  }
}
