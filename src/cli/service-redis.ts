import { resolve } from 'node:path';
import type { Config } from '../config/load-config.js';
import { runningServerPort, startEmbeddedRedis, type EmbeddedRedis } from '../redis/embedded-redis.js';

export interface ServiceRedis {
  url: string;
  /** Started for the command when the service's private server was not running: stop it afterwards. */
  embedded: EmbeddedRedis | undefined;
}

/** The Redis `npm start` uses: REDIS_URL, else its private server (running or not) on REDIS_DATA_DIR. */
export async function serviceRedis(config: Pick<Config, 'REDIS_URL' | 'REDIS_DATA_DIR'>): Promise<ServiceRedis> {
  if (config.REDIS_URL) return { url: config.REDIS_URL, embedded: undefined };
  const dataDir = resolve(config.REDIS_DATA_DIR);
  const port = runningServerPort(dataDir);
  if (port) return { url: `redis://127.0.0.1:${port}`, embedded: undefined };
  const embedded = await startEmbeddedRedis({ dataDir, appendfsync: 'always' });
  return { url: embedded.url, embedded };
}
