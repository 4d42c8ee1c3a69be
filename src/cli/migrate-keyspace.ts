import { ConfigError } from '../config/config-error.js';
import { loadEnvFile } from '../config/env-file.js';
import { loadConfig } from '../config/load-config.js';
import { connectRedis, untilReady } from '../redis/connect.js';
import { serviceRedis } from './service-redis.js';
import { KeyspaceError } from '../store/keyspace.js';
import { migrateKeyspace, MigrationError, type MigrationReport } from '../store/migration/migrate-keyspace.js';

const USAGE = `Usage: npm run -s migrate-keyspace [-- --limit N]
  Moves a single Redis written before partitions (REDIS_URL, or the private server on
  REDIS_DATA_DIR) into the partitioned layout with REDIS_PARTITIONS partitions, under
  REDIS_KEY_PREFIX. Stop the service first and back up. Safe to run again; an interrupted
  run carries on where it stopped. --limit N stops after moving N responses.`;

function parseArguments(args: string[]): { limit?: number } | null {
  if (args.length === 0) return {};
  if (args.length === 2 && args[0] === '--limit' && /^[1-9][0-9]*$/.test(args[1] ?? '')) return { limit: Number(args[1]) };
  return null;
}

function summary(report: MigrationReport, seconds: number): string {
  const rate = Math.round(report.moved / Math.max(seconds, 0.001));
  const responses = `${report.moved} responses moved in ${seconds.toFixed(1)} s (${rate}/s)`;
  if (!report.finished) return `not finished: ${responses}, stopped at --limit; run the command again to carry on`;
  const globals = report.globals;
  const events = report.events;
  return [
    `migrated into ${report.partitions} partitions: ${responses}`,
    `${globals?.dayCounters ?? 0} day counters`,
    `${globals?.supervisors ?? 0} supervisors`,
    `${globals?.reviewQueues ?? 0} review queue indexes`,
    `${globals?.rollups ?? 0} roll-ups`,
    `${globals?.campaignContactIndexes ?? 0} campaign contact indexes`,
    `${globals?.queueKeys ?? 0} queue keys`,
    `${events?.reemitted ?? 0} pending events re-emitted, ${events?.dropped ?? 0} handled events dropped`,
    `${report.oldIndexesDeleted ?? 0} old indexes deleted`,
  ].join(', ');
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  if (!options) {
    console.error(USAGE);
    return 2;
  }
  loadEnvFile();
  const config = loadConfig();
  if (config.REDIS_CLUSTER_NODES) {
    console.error('migrate-keyspace moves a single Redis: unset REDIS_CLUSTER_NODES and point REDIS_URL at the Redis written before partitions (move the data to a cluster afterwards).');
    return 1;
  }
  const { url, embedded } = await serviceRedis(config);
  // Long scans and scripts: no request-path timeouts here.
  const redis = connectRedis(url, { commandTimeout: undefined, maxRetriesPerRequest: 3, enableOfflineQueue: true });
  try {
    await untilReady(redis);
    const started = Date.now();
    const report = await migrateKeyspace(redis, {
      prefix: config.REDIS_KEY_PREFIX,
      partitions: config.REDIS_PARTITIONS,
      ...options,
      onProgress: (line) => console.log(line),
    });
    console.log(summary(report, (Date.now() - started) / 1000));
    return 0;
  } finally {
    await redis.quit().catch(() => undefined);
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof KeyspaceError || error instanceof MigrationError) console.error(`migrate-keyspace: ${error.message}`);
    else console.error(error instanceof Error ? `migrate-keyspace failed: ${error.message}; nothing half-moved: run it again once the cause is fixed` : error);
    process.exit(1);
  },
);
