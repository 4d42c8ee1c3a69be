import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectRedis, untilReady } from '../src/redis/connect.js';
import { startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { migrateKeyspace } from '../src/store/migration/migrate-keyspace.js';
import { writeLegacyResponses } from '../test/support/legacy-layout.js';

/**
 * How fast `migrate-keyspace` moves a store: writes RESPONSES (default 10,000) responses in the
 * layout before partitions on a private redis-server, migrates them in-process, prints the rate.
 * Run: `tsc -b && node dist/bench/migrate-keyspace-bench.js`.
 */
async function main(): Promise<void> {
  const count = Number(process.env.RESPONSES ?? 10_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'migrate-bench-'));
  const server = await startEmbeddedRedis({ dataDir, appendfsync: 'everysec' });
  const redis = connectRedis(server.url, { commandTimeout: undefined, enableOfflineQueue: true });
  try {
    await untilReady(redis);
    const prefix = 'bench:';
    const written = Date.now();
    await writeLegacyResponses(redis, prefix, count);
    console.log(`wrote ${count} responses in the old layout in ${((Date.now() - written) / 1000).toFixed(1)} s`);
    const started = Date.now();
    const report = await migrateKeyspace(redis, { prefix, partitions: 16, onProgress: (line) => process.env.VERBOSE && console.log(`${Date.now() - started} ms ${line}`) });
    const seconds = (Date.now() - started) / 1000;
    console.log(`migrated ${report.moved} responses into 16 partitions in ${seconds.toFixed(2)} s: ${Math.round(report.moved / seconds)} responses/s (day counters ${report.globals?.dayCounters ?? 0}, events dropped ${report.events?.dropped ?? 0})`);
    const rerun = Date.now();
    const again = await migrateKeyspace(redis, { prefix, partitions: 16 });
    console.log(`second run: ${again.moved} moved in ${((Date.now() - rerun) / 1000).toFixed(2)} s`);
  } finally {
    redis.disconnect();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
