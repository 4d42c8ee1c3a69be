import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { connectWhenReady, startHttpService } from './app/http-service.js';
import { stopOnSignals } from './app/shutdown-signals.js';
import { startWorkerPool } from './app/worker-pool.js';
import { ConfigError } from './config/config-error.js';
import { loadEnvFile } from './config/env-file.js';
import { loadConfig, type Config } from './config/load-config.js';
import { createLogger, type Logger } from './logging/logger.js';
import { DataDirInUseError, RedisServerMissingError, startEmbeddedRedis, type EmbeddedRedis } from './redis/embedded-redis.js';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Checked before Redis starts, so a second `npm start` says so at once instead of after taking over Redis. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const probe = createServer();
    probe.once('error', () => answer(false));
    probe.listen(port, () => probe.close(() => answer(true)));
  });
}

function printBanner(config: Config, embedded: EmbeddedRedis | undefined): void {
  const base = `http://localhost:${config.PORT}`;
  const lines = [
    `Survey agent listening on ${base}${config.isProduction ? '' : ' (development mode)'}`,
    `  Web chat:          ${base}/`,
    `  Phone simulator:   ${base}/simulator`,
    `  Supervisors:       ${base}/review`,
    `  Bot endpoint:      ${base}/api/messages`,
    `  Web chat links:    ${config.WEBCHAT_SIGNING_SECRET ? 'signed (WEBCHAT_SIGNING_SECRET; npm run -s sign-link)' : 'unsigned: customer ids, agents and campaigns from pages are not trusted (set WEBCHAT_SIGNING_SECRET)'}`,
    `  Twilio webhooks:   ${config.PUBLIC_URL}/voice/incoming${config.TWILIO_AUTH_TOKEN ? '' : ' (answering 403 until TWILIO_AUTH_TOKEN is set)'}`,
    `  Redis:             ${embedded ? `private redis-server on port ${embedded.port}, data in ${config.REDIS_DATA_DIR}/` : config.REDIS_CLUSTER_NODES ? 'Redis Cluster (REDIS_CLUSTER_NODES)' : 'REDIS_URL'}`,
  ];
  if (config.WEB_CONCURRENCY > 1) lines.push(`  HTTP workers:      ${config.WEB_CONCURRENCY} processes (WEB_CONCURRENCY)`);
  if (config.adminTokenGenerated) lines.push(`  ADMIN_TOKEN (generated for this run only): ${config.ADMIN_TOKEN}`);
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    loadEnvFile();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  if (!config.WEBCHAT_SIGNING_SECRET) {
    logger.warn('WEBCHAT_SIGNING_SECRET is not set: every customer id, agent and campaign a web chat page or widget sends is recorded as unverified and ignored');
  }

  if (!(await portIsFree(config.PORT))) fail(`Cannot listen on port ${config.PORT}: it is in use (another instance?). Stop it or set PORT.`);
  let embedded: EmbeddedRedis | undefined;
  if (!config.REDIS_URL && !config.REDIS_CLUSTER_NODES) {
    try {
      embedded = await startEmbeddedRedis({ dataDir: resolve(config.REDIS_DATA_DIR), appendfsync: config.REDIS_APPENDFSYNC });
    } catch (error) {
      if (error instanceof RedisServerMissingError || error instanceof DataDirInUseError) fail(error.message);
      throw error;
    }
  }
  const redisUrl = config.REDIS_URL ?? embedded?.url ?? '';
  let stopServing: () => Promise<void>;
  try {
    stopServing = config.WEB_CONCURRENCY > 1 ? await serveFromWorkers(config, logger, redisUrl) : (await startHttpService(config, logger, redisUrl)).stop;
  } catch (error) {
    await embedded?.stop();
    fail(error instanceof Error ? error.message : String(error));
  }
  printBanner(config, embedded);

  stopOnSignals(async (signal) => {
    logger.info({ signal }, 'stopping');
    await stopServing();
    await embedded?.stop();
    process.exit(0);
  });
}

/** WEB_CONCURRENCY > 1: this process only keeps Redis; the workers get its address and this run's admin token. */
async function serveFromWorkers(config: Config, logger: Logger, redisUrl: string): Promise<() => Promise<void>> {
  (await connectWhenReady({ url: redisUrl, clusterNodes: config.REDIS_CLUSTER_NODES }, logger)).disconnect();
  const pool = await startWorkerPool(config.WEB_CONCURRENCY, { ...process.env, REDIS_URL: redisUrl, ADMIN_TOKEN: config.ADMIN_TOKEN }, logger);
  return () => pool.stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `Start-up failed: ${error.message}` : error);
  process.exit(1);
});
