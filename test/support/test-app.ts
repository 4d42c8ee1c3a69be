import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { startServices, type Services } from '../../src/app/services.js';
import type { DialerOverrides } from '../../voice/dialer/create-dialer.js';
import type { TextInvitationSender } from '../../src/survey/text-invitation.js';
import { loadConfig } from '../../src/config/load-config.js';
import { serveApp } from '../../src/app/create-app.js';
import { applyServerTimeouts, createHttpServer } from '../../src/app/server-timeouts.js';
import { createLogger } from '../../src/logging/logger.js';
import { connectClient, untilReady } from '../../src/redis/connect.js';
import { createTestRedis, type TestRedis } from './test-redis.js';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
export const TEST_TWILIO_AUTH_TOKEN = 'test-twilio-auth-token';
export const TEST_TWILIO_ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';

export interface TestApp {
  baseUrl: string;
  services: Services;
  redis: TestRedis;
  /** Every JSON log line the app wrote. */
  logLines: string[];
  close(): Promise<void>;
}

async function listenOnFreePort(): Promise<Server> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
}

/**
 * The real service in-process on a free port, on the run's private Redis under a fresh key prefix
 * (in the `cluster` project: on the run's Redis Cluster, through REDIS_CLUSTER_NODES). PUBLIC_URL is
 * the listening address, so Twilio signatures are computed against it.
 */
export interface TestAppOptions {
  /** Run on another app's Redis prefix (a second instance, or a restart); its owner cleans it up. */
  shareRedisWith?: TestApp;
  /** Run on this Redis prefix (e.g. a store a test wrote first); its owner cleans it up. */
  onRedis?: TestRedis;
  /** The dialer's clock (window, retry and 30-day decisions), shorter waits, or another Calls API. */
  dialer?: DialerOverrides;
  /** The messaging channel's text invitations (surveys after contacts on sms and whatsapp). */
  textInvitations?: TextInvitationSender;
}

export async function startTestApp(environment: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const shared = options.shareRedisWith?.redis ?? options.onRedis;
  const redis = shared ?? (await createTestRedis());
  const logLines: string[] = [];
  const logSink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const server = await listenOnFreePort();
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN,
    TWILIO_ACCOUNT_SID: TEST_TWILIO_ACCOUNT_SID,
    TWILIO_FROM_NUMBER: '+15550001111',
    PUBLIC_URL: baseUrl,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: redis.prefix,
    ...(redis.clusterNodes ? { REDIS_CLUSTER_NODES: redis.clusterNodes } : {}),
    LOG_LEVEL: 'debug',
    // Tests seed past days after start; a background close mid-seed would roll up half a day. Tests close days themselves.
    REPORT_CLOSE_EVERY_MINUTES: '0',
    ...environment,
  });
  const client = connectClient({ url: redis.url, clusterNodes: config.REDIS_CLUSTER_NODES });
  await untilReady(client);
  const services = await startServices(config, createLogger(config.LOG_LEVEL, logSink), client, {
    ...(options.dialer ? { dialer: options.dialer } : {}),
    ...(options.textInvitations ? { textInvitations: options.textInvitations } : {}),
  });
  serveApp(server, services);
  applyServerTimeouts(server, config);
  return {
    baseUrl,
    services,
    redis,
    logLines,
    async close() {
      server.closeAllConnections();
      // Upgraded sockets (web chat streams) are no longer the HTTP server's to close.
      await services.webChat.streams.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
      client.disconnect();
      if (!shared) await redis.cleanup();
    },
  };
}
