import type { RequestHandler, Response } from 'express';
import type { RedisClient } from '../redis/redis-client.js';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config/load-config.js';
import type { Keys } from '../redis/keys.js';
import { clientAddress } from './client-address.js';

/** The public routes, grouped by what a flood of them costs. */
export type PublicRouteClass = 'tokens' | 'chat' | 'pages' | 'signIn';

export interface RateLimitSetting {
  /** Requests one client address may make in a minute. */
  perAddressPerMinute: number;
  /** Requests all addresses together may make in a second, across every instance. */
  globalPerSecond: number;
}

export function rateLimitSettings(config: Config): Record<PublicRouteClass, RateLimitSetting> {
  return {
    tokens: { perAddressPerMinute: config.RATE_LIMIT_TOKENS_PER_MINUTE, globalPerSecond: config.RATE_LIMIT_TOKENS_GLOBAL_PER_SECOND },
    chat: { perAddressPerMinute: config.RATE_LIMIT_CHAT_PER_MINUTE, globalPerSecond: config.RATE_LIMIT_CHAT_GLOBAL_PER_SECOND },
    pages: { perAddressPerMinute: config.RATE_LIMIT_PAGES_PER_MINUTE, globalPerSecond: config.RATE_LIMIT_PAGES_GLOBAL_PER_SECOND },
    signIn: { perAddressPerMinute: config.RATE_LIMIT_SIGN_IN_PER_MINUTE, globalPerSecond: config.RATE_LIMIT_SIGN_IN_GLOBAL_PER_SECOND },
  };
}

interface Limiter {
  byAddress: RateLimiterRedis;
  global: RateLimiterRedis;
}

/**
 * A fixed window in Redis shared by every instance. Once a key is over its points, this instance
 * refuses it from memory until the window ends, so a flood costs no Redis round trip per request;
 * while Redis is unreachable an in-memory limiter of the same size stands in.
 */
function redisLimiter(redis: RedisClient, keyPrefix: string, points: number, duration: number): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration,
    inMemoryBlockOnConsumed: points + 1,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
  });
}

function refuse(response: Response, refusal: RateLimiterRes, error: string): void {
  const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
  response.setHeader('Retry-After', String(seconds));
  response.status(429).json({ error: `${error}; try again in ${seconds} s` });
}

/** Rate limits of the unauthenticated routes: per client address, then a ceiling for everyone. */
export class PublicRateLimits {
  private readonly limiters: Record<PublicRouteClass, Limiter>;

  constructor(
    redis: RedisClient,
    keys: Keys,
    settings: Record<PublicRouteClass, RateLimitSetting>,
    /** Told every refusal (metrics). */
    private readonly onRefused?: (kind: PublicRouteClass, scope: 'address' | 'global') => void,
  ) {
    const build = (kind: PublicRouteClass): Limiter => ({
      byAddress: redisLimiter(redis, keys.rateLimit(`${kind}:address`), settings[kind].perAddressPerMinute, 60),
      global: redisLimiter(redis, keys.rateLimit(`${kind}:global`), settings[kind].globalPerSecond, 1),
    });
    this.limiters = { tokens: build('tokens'), chat: build('chat'), pages: build('pages'), signIn: build('signIn') };
  }

  /** Middleware for one class of route: 429 with Retry-After once the address or everyone is over the limit. */
  guard(kind: PublicRouteClass): RequestHandler {
    const limiter = this.limiters[kind];
    return async (request, response, next) => {
      try {
        await limiter.byAddress.consume(clientAddress(request));
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          this.onRefused?.(kind, 'address');
          return refuse(response, rejection, 'too many requests from this address');
        }
        return next(rejection);
      }
      try {
        await limiter.global.consume('all');
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          this.onRefused?.(kind, 'global');
          return refuse(response, rejection, 'the service is busy');
        }
        return next(rejection);
      }
      next();
    };
  }
}
