import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { createKeys } from '../../src/redis/keys.js';
import { ResponseEventConsumer, type ResponseEvent } from '../../src/review/queue/response-events.js';
import { createTestRedis, type TestRedis } from '../support/test-redis.js';

describe('response event consumer', () => {
  let redis: TestRedis;
  afterEach(async () => redis?.cleanup());

  const consumer = (name: string, handled: ResponseEvent[], fail = false) =>
    new ResponseEventConsumer({
      redis: redis.redis,
      keys: createKeys(redis.prefix),
      group: 'review',
      consumer: name,
      logger: createLogger('error'),
      claimIdleMs: 1,
      handle: (event) => {
        if (fail) return Promise.reject(new Error('crashed mid-event'));
        handled.push(event);
        return Promise.resolve();
      },
    });

  it('when a consumer dies before acknowledging, then another one takes the event over and handles it once', async () => {
    redis = await createTestRedis();
    const events = createKeys(redis.prefix).events(0);
    const crashed = consumer('crashed', []);
    await crashed.ensureGroup();
    await redis.redis.xadd(events, '*', 'type', 'score', 'id', 'r1', 'at', new Date().toISOString());
    await redis.redis.xadd(events, '*', 'type', 'completed', 'id', 'r1', 'at', new Date().toISOString());
    // The first consumer read both entries and never acknowledged them (it died).
    await redis.redis.xreadgroup('GROUP', 'review', 'crashed', 'COUNT', 10, 'STREAMS', events, '>');

    const handled: ResponseEvent[] = [];
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await consumer('survivor', handled).drain()).toBe(2);
    expect(handled.map((event) => event.type)).toEqual(['score', 'completed']);
    const pending = (await redis.redis.xpending(events, 'review')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
    expect(await consumer('survivor', handled).drain()).toBe(0);
    expect(handled).toHaveLength(2);
  });

  it('when the handler fails, then the event stays pending for a later try', async () => {
    redis = await createTestRedis();
    const events = createKeys(redis.prefix).events(0);
    const failing = consumer('failing', [], true);
    await failing.ensureGroup();
    await redis.redis.xadd(events, '*', 'type', 'score', 'id', 'r2', 'at', new Date().toISOString());
    await failing.drain();
    expect(((await redis.redis.xpending(events, 'review')) as [number])[0]).toBe(1);
    const handled: ResponseEvent[] = [];
    await new Promise((resolve) => setTimeout(resolve, 5));
    await consumer('healthy', handled).drain();
    expect(handled.map((event) => event.id)).toEqual(['r2']);
  });
});
