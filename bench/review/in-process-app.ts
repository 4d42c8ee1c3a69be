import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startServices, type Services } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp } from '../../src/app/create-app.js';
import { createLogger } from '../../src/logging/logger.js';
import { connectRedis, untilReady } from '../../src/redis/connect.js';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../src/redis/embedded-redis.js';

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789';

export interface InProcessApp {
  base: string;
  services: Services;
  redisServer: EmbeddedRedis;
  close(): Promise<void>;
}

/** The real app in this process on a throwaway redis-server (no data kept), for the review bench and screenshots. */
export async function startInProcessApp(environment: Record<string, string> = {}): Promise<InProcessApp> {
  const redisServer = await startEmbeddedRedis();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({ ADMIN_TOKEN: BENCH_ADMIN_TOKEN, PUBLIC_URL: base, REDIS_URL: redisServer.url, LOG_LEVEL: 'warn', DIGEST_TIME: 'off', ...environment });
  const redis = connectRedis(redisServer.url, { commandTimeout: 60_000 });
  await untilReady(redis);
  const services = await startServices(config, createLogger(config.LOG_LEVEL), redis);
  server.on('request', createApp(services));
  return {
    base,
    services,
    redisServer,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
      redis.disconnect();
      await redisServer.stop();
    },
  };
}

/** Debian's chromium, headless, as the browser tests run it. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: sudo apt-get install chromium`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
