import { startHttpService } from './app/http-service.js';
import { stopOnSignals } from './app/shutdown-signals.js';
import { loadConfig } from './config/load-config.js';
import { createLogger } from './logging/logger.js';

/**
 * A cluster worker (WEB_CONCURRENCY > 1): the primary already checked the environment and started
 * Redis, and hands both down through the environment. It tells the primary when it listens.
 */
async function serveAsWorker(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const service = await startHttpService(config, logger, config.REDIS_URL ?? '');
  process.send?.({ type: 'listening' });
  stopOnSignals(async () => {
    await service.stop();
    process.exit(0);
  });
}

serveAsWorker().catch((error: unknown) => {
  console.error(error instanceof Error ? `Worker start-up failed: ${error.message}` : error);
  process.exit(1);
});
