import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort, startEmbeddedRedis, type EmbeddedRedis } from '../../src/redis/embedded-redis.js';
import { bareEnvironment, runService, type ServiceProcess } from '../support/service-process.js';
import { TEST_ADMIN_TOKEN, TEST_TWILIO_AUTH_TOKEN } from '../support/test-app.js';
import { createTestRedis, type TestRedis } from '../support/test-redis.js';
import { callFields, gatherAction, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

const PUBLIC_URL = 'https://survey.example.test';

interface Running {
  service: ServiceProcess;
  base: string;
}

async function startService(redisUrl: string, prefix: string): Promise<Running> {
  const port = await findFreePort();
  const service = runService(
    bareEnvironment({ PORT: String(port), REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, PUBLIC_URL, TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN, ADMIN_TOKEN: TEST_ADMIN_TOKEN, LOG_LEVEL: 'warn' }),
  );
  await service.waitFor('Survey agent listening');
  return { service, base: `http://127.0.0.1:${port}` };
}

async function responseFor(base: string, callSid: string): Promise<Record<string, unknown> | undefined> {
  const reply = await fetch(`${base}/api/review/responses?channel=voice&limit=50`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  const { items } = (await reply.json()) as { items: Array<Record<string, unknown>> };
  return items.find((item) => item.conversationId === callSid);
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('faults', { timeout: 90_000 }, () => {
  const running: ServiceProcess[] = [];
  let redis: TestRedis | undefined;
  let ownRedis: EmbeddedRedis | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((service) => service.stop('SIGKILL')));
    await redis?.cleanup();
    redis = undefined;
    await ownRedis?.stop();
    ownRedis = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('when the app is killed between the score and the reason, then the score is kept and another instance carries the call on', async () => {
    redis = await createTestRedis();
    const first = await startService(redis.url, redis.prefix);
    running.push(first.service);
    const callSid = newCallSid();
    const opening = await postTwilioWebhook(`${PUBLIC_URL}/voice/incoming`, callFields(callSid), undefined, first.base);
    const afterScore = await postTwilioWebhook(gatherAction(opening.body), callFields(callSid, { Digits: '9' }), undefined, first.base);
    expect(afterScore.body).toContain('Glad to hear it!');
    first.service.child.kill('SIGKILL');
    await first.service.exited;

    const second = await startService(redis.url, redis.prefix);
    running.push(second.service);
    const done = await postTwilioWebhook(gatherAction(afterScore.body), callFields(callSid, { SpeechResult: 'Long hold times', Confidence: '0.9' }), undefined, second.base);
    expect(done.body).toContain('Thank you for your feedback. Goodbye!');
    expect(await responseFor(second.base, callSid)).toMatchObject({ score: 9, reason: 'Long hold times', status: 'completed' });
  });

  it('when the app is killed after the score and the call ends, then the response is kept as partial', async () => {
    redis = await createTestRedis();
    const first = await startService(redis.url, redis.prefix);
    running.push(first.service);
    const callSid = newCallSid();
    const opening = await postTwilioWebhook(`${PUBLIC_URL}/voice/incoming`, callFields(callSid), undefined, first.base);
    await postTwilioWebhook(gatherAction(opening.body), callFields(callSid, { Digits: '4' }), undefined, first.base);
    first.service.child.kill('SIGKILL');
    const second = await startService(redis.url, redis.prefix);
    running.push(second.service);
    await postTwilioWebhook(`${PUBLIC_URL}/voice/status`, callFields(callSid, { CallStatus: 'completed' }), undefined, second.base);
    expect(await responseFor(second.base, callSid)).toMatchObject({ score: 4, status: 'partial' });
  });

  it('when Redis is killed and restarted (appendfsync always), then nothing acknowledged is lost, calls hear an apology meanwhile, and the service recovers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'survey-aof-'));
    dirs.push(dataDir);
    ownRedis = await startEmbeddedRedis({ dataDir, appendfsync: 'always' });
    const { port } = ownRedis;
    const app = await startService(ownRedis.url, 'fault:');
    running.push(app.service);
    const callSid = newCallSid();
    const opening = await postTwilioWebhook(`${PUBLIC_URL}/voice/incoming`, callFields(callSid), undefined, app.base);
    const afterScore = await postTwilioWebhook(gatherAction(opening.body), callFields(callSid, { Digits: '10' }), undefined, app.base);
    expect(afterScore.status).toBe(200);

    process.kill(ownRedis.pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const duringOutage = await postTwilioWebhook(gatherAction(afterScore.body), callFields(callSid, { SpeechResult: 'fine', Confidence: '0.9' }), undefined, app.base);
    const waited = Date.now() - started;
    expect(duringOutage.status).toBe(200);
    expect(duringOutage.body).toContain("Sorry, we can't take your answers right now.");
    expect(duringOutage.body).toContain('<Hangup/>');
    expect(waited).toBeLessThan(2000);

    ownRedis = await startEmbeddedRedis({ dataDir, appendfsync: 'always', port });
    expect(await until(async () => (await fetch(`${app.base}/healthz`)).status === 200, 10_000)).toBe(true);
    expect(await responseFor(app.base, callSid)).toMatchObject({ score: 10, category: 'promoter' });
  });
});
