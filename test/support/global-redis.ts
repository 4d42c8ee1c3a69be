import type { TestProject } from 'vitest/node';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../src/redis/embedded-redis.js';
import { ensureRunMarker, processesOfRun, TEST_RUN_VARIABLE } from './child-processes.js';
import { stopRunResources } from './run-resources.js';

let server: EmbeddedRedis | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

/** How long a process that was just told to stop may take before it counts as left behind. */
const EXIT_GRACE_MS = 5_000;

/**
 * One private, throwaway redis-server for the whole run; each test uses its own key prefix. Fails
 * (never skips) without Redis. Marks the run first, so every process it starts can be found.
 */
export async function setup(project: TestProject): Promise<void> {
  ensureRunMarker();
  const external = process.env.TEST_REDIS_URL;
  if (external) {
    project.provide('redisUrl', external);
    return;
  }
  server = await startEmbeddedRedis();
  project.provide('redisUrl', server.url);
}

/**
 * Stops the run's Redis and whatever a project's setup started for the run (the Redis Cluster),
 * then fails the run if any process it started is still there (and stops those). Vitest tears this
 * root setup down before the projects' own.
 */
export async function teardown(): Promise<void> {
  await server?.stop();
  await stopRunResources();
  const id = process.env[TEST_RUN_VARIABLE] ?? '';
  const deadline = Date.now() + EXIT_GRACE_MS;
  let left = processesOfRun(id);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = processesOfRun(id);
  }
  if (left.length === 0) return;
  for (const { pid } of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  // A failing teardown alone does not fail vitest's run: set the exit code as well.
  process.exitCode = 1;
  throw new Error(`the tests left ${left.length} process(es) running (now killed):\n${left.map(({ pid, command }) => `  ${pid} ${command}`).join('\n')}`);
}
