import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createServices } from './app/services.js';
import { ConfigError } from './config/config-error.js';
import { loadConfig, type Config } from './config/load-config.js';
import { createApp } from './http/create-app.js';
import { createLogger } from './logging/logger.js';
import { connectRedis, untilReady } from './redis/connect.js';
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
    `  Twilio webhooks:   ${config.PUBLIC_URL}/voice/incoming${config.TWILIO_AUTH_TOKEN ? '' : ' (answering 403 until TWILIO_AUTH_TOKEN is set)'}`,
    `  Redis:             ${embedded ? `private redis-server on port ${embedded.port}, data in ${config.REDIS_DATA_DIR}/` : 'REDIS_URL'}`,
  ];
  if (config.adminTokenGenerated) lines.push(`  ADMIN_TOKEN (generated for this run only): ${config.ADMIN_TOKEN}`);
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);

  if (!(await portIsFree(config.PORT))) fail(`Cannot listen on port ${config.PORT}: it is in use (another instance?). Stop it or set PORT.`);
  let embedded: EmbeddedRedis | undefined;
  if (!config.REDIS_URL) {
    try {
      embedded = await startEmbeddedRedis({ dataDir: resolve(config.REDIS_DATA_DIR), appendfsync: config.REDIS_APPENDFSYNC });
    } catch (error) {
      if (error instanceof RedisServerMissingError || error instanceof DataDirInUseError) fail(error.message);
      throw error;
    }
  }
  const redis = connectRedis(config.REDIS_URL ?? embedded?.url ?? '');
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis connection problem'));
  try {
    await untilReady(redis);
  } catch (error) {
    fail(`Cannot reach Redis: ${error instanceof Error ? error.message : String(error)}. Check REDIS_URL.`);
  }

  const services = createServices(config, logger, redis);
  const server = createApp(services).listen(config.PORT, () => {
    logger.info({ port: config.PORT, production: config.isProduction }, 'listening');
    printBanner(config, embedded);
  });
  server.on('error', (error) => fail(`Cannot listen on port ${config.PORT}: ${error.message}`));

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    server.close();
    server.closeAllConnections();
    await services.close().catch((error: unknown) => logger.warn({ err: error }, 'background work did not stop cleanly'));
    await redis.quit().catch(() => undefined);
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `Start-up failed: ${error.message}` : error);
  process.exit(1);
});
