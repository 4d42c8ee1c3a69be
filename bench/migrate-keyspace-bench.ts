import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectRedis, untilReady } from '../src/redis/connect.js';
import { startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { DEFAULT_PARTITIONS } from '../src/redis/keys.js';
import { migrateKeyspace } from '../src/store/migration/migrate-keyspace.js';
import { writeLegacyResponses } from '../test/support/legacy-layout.js';
import type { BenchSection } from './report.js';

const RESPONSES = Number(process.env.BENCH_MIGRATE_RESPONSES ?? 10_000);

/**
 * `migrate-keyspace` on a private redis-server: RESPONSES responses written in the layout before
 * partitions (three turns each through the turn script on the old key names), moved in-process
 * into 16 partitions, then moved again (which finds nothing).
 */
export async function runMigrateBench(): Promise<BenchSection> {
  const dataDir = mkdtempSync(join(tmpdir(), 'migrate-bench-'));
  const server = await startEmbeddedRedis({ dataDir, appendfsync: 'everysec' });
  const redis = connectRedis(server.url, { commandTimeout: undefined, enableOfflineQueue: true });
  try {
    await untilReady(redis);
    const prefix = 'bench:';
    await writeLegacyResponses(redis, prefix, RESPONSES);
    const started = Date.now();
    const report = await migrateKeyspace(redis, { prefix, partitions: DEFAULT_PARTITIONS });
    const seconds = (Date.now() - started) / 1000;
    const rerunStarted = Date.now();
    const again = await migrateKeyspace(redis, { prefix, partitions: DEFAULT_PARTITIONS });
    const rerunSeconds = (Date.now() - rerunStarted) / 1000;
    return {
      title: `Keyspace migration of ${RESPONSES} responses into ${DEFAULT_PARTITIONS} partitions (BENCH_MIGRATE_RESPONSES)`,
      rows: [
        { run: 'first', moved: report.moved, seconds: Number(seconds.toFixed(2)), 'responses/s': Math.round(report.moved / seconds), 'day counters': report.globals?.dayCounters ?? 0, 'events dropped': report.events?.dropped ?? 0 },
        { run: 'again', moved: again.moved, seconds: Number(rerunSeconds.toFixed(2)), 'responses/s': null, 'day counters': again.globals?.dayCounters ?? 0, 'events dropped': again.events?.dropped ?? 0 },
      ],
      notes: ['In-process, without the command\'s start-up; one atomic script per response, batched by SCAN page.'],
    };
  } finally {
    redis.disconnect();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
