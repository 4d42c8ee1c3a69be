import { afterEach, describe, expect, it } from 'vitest';
import { createTestRedis, type TestRedis } from '../support/test-redis.js';

describe('test Redis', () => {
  let t: TestRedis | undefined;
  afterEach(async () => t?.cleanup());

  it('when a test writes under its prefix, then the private server keeps it and cleanup removes it', async () => {
    t = await createTestRedis();
    await t.redis.set(`${t.prefix}k`, 'v');
    expect(await t.redis.get(`${t.prefix}k`)).toBe('v');
  });
});
