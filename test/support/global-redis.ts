import type { TestProject } from 'vitest/node';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../src/redis/embedded-redis.js';

let server: EmbeddedRedis | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

/** One private, throwaway redis-server for the whole run; each test uses its own key prefix. Fails (never skips) without Redis. */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.TEST_REDIS_URL;
  if (external) {
    project.provide('redisUrl', external);
    return;
  }
  server = await startEmbeddedRedis();
  project.provide('redisUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
