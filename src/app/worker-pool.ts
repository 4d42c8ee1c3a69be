import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logging/logger.js';

/** A worker that dies this soon after its start is not restarted: it would only die again. */
const MIN_UPTIME_FOR_RESTART_MS = 5_000;
const STOP_GRACE_MS = 10_000;

export interface WorkerPool {
  stop(): Promise<void>;
}

/**
 * Forks `count` HTTP workers that share the listening port (the primary hands out connections in
 * turn) and resolves once every one of them listens. A worker that crashes later is replaced; one
 * that fails while starting fails the whole start, with its own message already printed.
 */
export async function startWorkerPool(count: number, environment: NodeJS.ProcessEnv, logger: Logger): Promise<WorkerPool> {
  cluster.setupPrimary({ exec: fileURLToPath(new URL('../http-worker.js', import.meta.url)) });
  let stopping = false;
  const started = new Map<Worker, number>();

  const fork = (): Promise<Worker> =>
    new Promise((listening, failed) => {
      const worker = cluster.fork(environment);
      started.set(worker, Date.now());
      worker.on('message', (message: { type?: string }) => {
        if (message.type === 'listening') listening(worker);
      });
      worker.once('exit', (code, signal) => {
        const uptime = Date.now() - (started.get(worker) ?? 0);
        started.delete(worker);
        failed(new Error(`an HTTP worker exited while starting (code ${code ?? signal})`));
        if (stopping || code === 0) return;
        logger.error({ pid: worker.process.pid, code, signal }, 'HTTP worker died');
        if (uptime >= MIN_UPTIME_FOR_RESTART_MS) {
          fork().then(
            (replacement) => logger.info({ pid: replacement.process.pid }, 'HTTP worker replaced'),
            (error: unknown) => logger.error({ err: error }, 'HTTP worker could not be replaced'),
          );
        }
      });
    });

  const stopAll = async (): Promise<void> => {
    stopping = true;
    const workers = [...started.keys()];
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((exited) => {
            if (worker.isDead()) return exited();
            const kill = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
            worker.once('exit', () => {
              clearTimeout(kill);
              exited();
            });
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  };

  try {
    await Promise.all(Array.from({ length: count }, fork));
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { stop: stopAll };
}
