import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpService } from '../../src/app/http-service.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/logging/logger.js';
import { consumerLag } from '../../src/metrics/consumer-lag.js';
import { countedInvitations } from '../../src/metrics/counted-invitations.js';
import { createKeys } from '../../src/redis/keys.js';
import { TEST_ADMIN_TOKEN, TEST_TWILIO_AUTH_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { sendChatMessage } from '../support/chat-client.js';
import { metricValue } from '../support/metrics-scrape.js';
import { createTestRedis } from '../support/test-redis.js';
import { callFields, newCallSid, postTwilioWebhook, textFields } from '../support/twilio-webhook.js';

async function scrape(app: TestApp, token: string | null = TEST_ADMIN_TOKEN): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${app.baseUrl}/metrics`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

const sample = metricValue;

/** A port nobody listens on right now (the OS's choice), for a server that takes its port from the configuration. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('metrics', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_TOKENS_PER_MINUTE: '1' });
  });
  afterAll(async () => app?.close());

  it('when /metrics is asked without the bearer token, then it is 401; with it, Prometheus text', async () => {
    expect((await scrape(app, null)).status).toBe(401);
    expect((await scrape(app, 'wrong-token')).status).toBe(401);
    const { status, type, text } = await scrape(app);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(text).toContain('# TYPE survey_turns_total counter');
    expect(text).toContain('# TYPE survey_http_request_duration_seconds histogram');
    expect(text).toMatch(/^survey_dialer_calls_in_progress 0$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^survey_event_consumer_lag\{group="review"\} \d+$/m);
  });

  it('when a signed voice turn is taken, then the turn and the webhook latency of its route pattern are counted', async () => {
    const before = await scrape(app);
    const reply = await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(newCallSid()));
    expect(reply.status).toBe(200);
    const after = await scrape(app);
    const turn = 'survey_turns_total{channel="voice",outcome="asked"}';
    expect(sample(after.text, turn) - sample(before.text, turn)).toBe(1);
    const latency = 'survey_http_request_duration_seconds_count{method="POST",route="/voice/incoming",status="200"}';
    expect(sample(after.text, latency) - sample(before.text, latency)).toBe(1);
  });

  it('when a chat customer answers the score, then the chat turn is counted with its outcome', async () => {
    const before = await scrape(app);
    await sendChatMessage(app.baseUrl, 'metrics-chat', 'hello');
    await sendChatMessage(app.baseUrl, 'metrics-chat', '9');
    const after = await scrape(app);
    const asked = 'survey_turns_total{channel="chat",outcome="asked"}';
    expect(sample(after.text, asked) - sample(before.text, asked)).toBe(2);
    expect(sample(after.text, 'survey_http_request_duration_seconds_count{method="POST",route="/api/messages",status="200"}')).toBeGreaterThanOrEqual(2);
  });

  it('when a text message answers the score, then the SMS turn is counted and the /sms/incoming latency too', async () => {
    const before = await scrape(app);
    const reply = await postTwilioWebhook(`${app.baseUrl}/sms/incoming`, textFields('+15551239001', '9'));
    expect(reply.status).toBe(200);
    const after = await scrape(app);
    const turns = (text: string) => ['asked', 'completed'].reduce((sum, outcome) => sum + sample(text, `survey_turns_total{channel="sms",outcome="${outcome}"}`), 0);
    expect(turns(after.text) - turns(before.text)).toBe(1);
    expect(sample(after.text, 'survey_http_request_duration_seconds_count{method="POST",route="/sms/incoming",status="200"}')).toBe(1);
  });

  it('when webhooks come unsigned or signed with another token, then each refusal is counted by reason', async () => {
    const unsigned = await fetch(`${app.baseUrl}/voice/answer?step=score&attempt=1&lang=en`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'CallSid=x' });
    expect(unsigned.status).toBe(403);
    expect((await postTwilioWebhook(`${app.baseUrl}/voice/status`, callFields(newCallSid(), { CallStatus: 'completed' }), `not-${TEST_TWILIO_AUTH_TOKEN}`)).status).toBe(403);
    const { text } = await scrape(app);
    expect(sample(text, 'survey_webhook_signature_rejections_total{reason="missing"}')).toBe(1);
    expect(sample(text, 'survey_webhook_signature_rejections_total{reason="invalid"}')).toBe(1);
    expect(sample(text, 'survey_http_request_duration_seconds_count{method="POST",route="/voice/answer",status="403"}')).toBe(1);
  });

  it('when an address asks for more Direct Line tokens than its limit, then the refusal is counted', async () => {
    const statuses = [];
    for (let request = 0; request < 2; request += 1) statuses.push((await fetch(`${app.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' })).status);
    expect(statuses).toEqual([200, 429]);
    expect(sample((await scrape(app)).text, 'survey_rate_limit_refusals_total{route_class="tokens",scope="address"}')).toBe(1);
  });

  it('when the Redis connection is killed, then the reconnect is counted', async () => {
    const before = sample((await scrape(app)).text, 'survey_redis_reconnects_total');
    const reconnected = new Promise<void>((resolve) => app.services.redis.once('ready', () => resolve()));
    const id = (await app.services.redis.client('ID'));
    await app.redis.redis.client('KILL', 'ID', String(id));
    await reconnected;
    expect(sample((await scrape(app)).text, 'survey_redis_reconnects_total') - before).toBe(1);
  });

  it('when a second app runs in the same process, then it counts apart (a registry per instance)', async () => {
    const other = await startTestApp({}, { shareRedisWith: app });
    try {
      expect(sample((await scrape(other)).text, 'survey_turns_total{channel="voice",outcome="asked"}')).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('METRICS_PORT', () => {
  it('when it is set, then /metrics is served there without a token, and nothing else is', async () => {
    const redis = await createTestRedis();
    const [port, metricsPort] = [await freePort(), await freePort()];
    const config = loadConfig({ ADMIN_TOKEN: TEST_ADMIN_TOKEN, PORT: String(port), METRICS_PORT: String(metricsPort), REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.prefix, LOG_LEVEL: 'error' });
    const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
    const service = await startHttpService(config, createLogger('error', quiet), redis.url);
    try {
      expect(service.metricsServer).toBeDefined();
      const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('# TYPE survey_turns_total counter');
      expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
    } finally {
      await service.stop();
      await redis.cleanup();
    }
  });
});

describe('replica shortfalls', () => {
  it('when REDIS_WAIT_REPLICAS asks for a replica Redis does not have, then each turn is counted as a shortfall', async () => {
    const app = await startTestApp({ REDIS_WAIT_REPLICAS: '1' });
    try {
      expect((await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(newCallSid()))).status).toBe(200);
      const text = await (await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })).text();
      expect(metricValue(text, 'survey_redis_replica_shortfalls_total')).toBe(1);
    } finally {
      await app.close();
    }
  });
});

describe('event-consumer lag', () => {
  it('when events wait unread in two partition streams and one was read but not acknowledged, then lag and pending add up over the partitions', async () => {
    const redis = await createTestRedis();
    try {
      const keys = createKeys(redis.prefix, 2);
      expect(await consumerLag(redis.redis, keys, 'review')).toBe(0);
      for (const partition of keys.partitionList) await redis.redis.xgroup('CREATE', keys.events(partition), 'review', '$', 'MKSTREAM');
      for (const partition of keys.partitionList) for (let entry = 0; entry < 2; entry += 1) await redis.redis.xadd(keys.events(partition), '*', 'id', `r${partition}-${entry}`);
      expect(await consumerLag(redis.redis, keys, 'review')).toBe(4);
      await redis.redis.xreadgroup('GROUP', 'review', 'one', 'COUNT', 1, 'STREAMS', keys.events(0), '>');
      expect(await consumerLag(redis.redis, keys, 'review')).toBe(3);
      expect(await consumerLag(redis.redis, keys, 'review', 'pending')).toBe(1);
      expect(await consumerLag(redis.redis, keys, 'another-group')).toBe(0);
    } finally {
      await redis.cleanup();
    }
  });
});

describe('invitations sent', () => {
  it('when a counted sender sends, is refused and fails, then each invitation is counted by channel and outcome', async () => {
    const app = await startTestApp();
    try {
      let call = 0;
      const sender = countedInvitations(
        {
          invite: () => {
            call += 1;
            if (call === 1) return Promise.resolve({ sent: true as const, messageSid: 'SM1', segments: 1 });
            if (call === 2) return Promise.resolve({ sent: false as const, reason: 'do-not-call' as const });
            return Promise.reject(new Error('Twilio is down'));
          },
        },
        app.services.metrics,
      );
      await sender.invite({ channel: 'sms', phone: '+15551230001', language: 'en' });
      await sender.invite({ channel: 'sms', phone: '+15551230002', language: 'en' });
      await expect(sender.invite({ channel: 'whatsapp', phone: '+15551230003', language: 'en' })).rejects.toThrow('Twilio is down');
      const text = await (await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })).text();
      expect(metricValue(text, 'survey_invitations_sent_total{channel="sms",outcome="sent"}')).toBe(1);
      expect(metricValue(text, 'survey_invitations_sent_total{channel="sms",outcome="do-not-call"}')).toBe(1);
      expect(metricValue(text, 'survey_invitations_sent_total{channel="whatsapp",outcome="failed"}')).toBe(1);
    } finally {
      await app.close();
    }
  });
});
