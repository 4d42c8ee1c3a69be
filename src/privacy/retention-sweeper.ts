import type { Logger } from '../logging/logger.js';
import type { ResponseEraser } from './response-eraser.js';

const DAY_MS = 86_400_000;

/** Erases responses older than the retention period, at start and then every hour. */
export function startRetentionSweeper(eraser: ResponseEraser, retentionDays: number, logger: Logger, everyMs = 3_600_000): () => void {
  const sweep = async (): Promise<void> => {
    try {
      const erased = await eraser.eraseCreatedBefore(new Date(Date.now() - retentionDays * DAY_MS));
      if (erased > 0) logger.info({ erased, retentionDays }, 'erased responses past their retention period');
    } catch (error) {
      logger.warn({ err: error }, 'retention sweep failed; will try again');
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
