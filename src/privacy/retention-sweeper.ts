import { runPeriodically } from '../app/periodic-task.js';
import type { Logger } from '../logging/logger.js';
import type { ResponseEraser } from './response-eraser.js';

const DAY_MS = 86_400_000;

/** Erases responses older than the retention period, at start and then every hour. */
export function startRetentionSweeper(eraser: ResponseEraser, retentionDays: number, logger: Logger, everyMs = 3_600_000): () => void {
  const sweep = async (): Promise<void> => {
    const erased = await eraser.eraseCreatedBefore(new Date(Date.now() - retentionDays * DAY_MS));
    if (erased > 0) logger.info({ erased, retentionDays }, 'erased responses past their retention period');
  };
  return runPeriodically(sweep, { everyMs, runNow: true, logger, failure: 'retention sweep failed; will try again' });
}
