import type { Logger } from '../logging/logger.js';

export interface PeriodicTaskOptions {
  everyMs: number;
  /** Also run once at start, not only after the first interval. */
  runNow?: boolean;
  /** Run once this long after start (instead of at once, or only after the first interval). */
  firstAfterMs?: number;
  logger: Logger;
  /** Logged with the error when a run fails; the next run tries again. */
  failure: string;
}

/** Runs background work every `everyMs` without keeping the process alive; answers a function that stops it. */
export function runPeriodically(task: () => Promise<void>, options: PeriodicTaskOptions): () => void {
  const run = async (): Promise<void> => {
    try {
      await task();
    } catch (error) {
      options.logger.warn({ err: error }, options.failure);
    }
  };
  if (options.runNow) void run();
  const first = options.firstAfterMs === undefined ? undefined : setTimeout(() => void run(), options.firstAfterMs);
  first?.unref();
  const timer = setInterval(() => void run(), options.everyMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
