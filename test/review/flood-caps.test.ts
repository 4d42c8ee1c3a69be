import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';
import { WebhookReceiver } from './support/webhook-receiver.js';
import { reviewSettled as settled } from './support/review-settled.js';

const SECRET = 'crm-shared-secret-0123456789';

/** A whole detractor call: score 2, then a reason. */
async function detractorCall(app: TestApp, from: string): Promise<string> {
  const callSid = newCallSid();
  await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid, { From: from }));
  await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=score&attempt=1&lang=en`, callFields(callSid, { Digits: '2', From: from }));
  await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=reason&attempt=1&lang=en`, callFields(callSid, { SpeechResult: 'Nobody ever called me back', Confidence: '0.9', From: from }));
  return callSid;
}

/** A whole detractor web chat from one client address (behind the trusted proxy); answers its conversation id. */
async function detractorWebChat(app: TestApp, address: string): Promise<string> {
  const forwarded = { 'x-forwarded-for': address };
  const generated = (await (await fetch(`${app.baseUrl}/v3/directline/tokens/generate`, { method: 'POST', headers: forwarded })).json()) as { token: string; conversationId: string };
  const headers = { ...forwarded, authorization: `Bearer ${generated.token}`, 'content-type': 'application/json' };
  const url = `${app.baseUrl}/v3/directline/conversations`;
  expect((await fetch(url, { method: 'POST', headers })).status).toBe(201);
  for (const activity of [{ type: 'event', name: 'startSurvey' }, { type: 'message', text: '2' }, { type: 'message', text: 'Nobody ever called me back' }]) {
    expect((await fetch(`${url}/${generated.conversationId}/activities`, { method: 'POST', headers, body: JSON.stringify(activity) })).status).toBe(200);
  }
  return generated.conversationId;
}

const today = (): string => new Date().toISOString().slice(0, 10);

describe('flood caps on review items and detractor alerts', () => {
  const opened: Array<{ close(): Promise<void> }> = [];
  const open = async (receiver: WebhookReceiver, extra: Record<string, string> = {}): Promise<TestApp> => {
    const app = await startTestApp({ ALERT_WEBHOOK_URL: receiver.url, ALERT_WEBHOOK_SECRET: SECRET, ALERT_RETRY_BASE_MS: '50', ALERT_REASON_WAIT_SECONDS: '60', DIGEST_TIME: 'off', ...extra });
    opened.unshift(app);
    return app;
  };
  afterEach(async () => {
    for (const item of opened.splice(0)) await item.close();
  });

  it('when one caller gives four detractor surveys, then the queue takes two of them, the CRM hears once, another caller is not held back, and "suppressed" is logged and counted', async () => {
    const receiver = await new WebhookReceiver().start();
    opened.push(receiver);
    const app = await open(receiver, { REVIEW_MAX_PER_SOURCE_PER_DAY: '2' });
    const flooder: string[] = [];
    for (let index = 0; index < 4; index += 1) flooder.push(await detractorCall(app, '+12125550170'));
    const other = await detractorCall(app, '+12125550171');
    await settled(app);

    // Events of different conversations live in different partition streams, so which two of the flood come first is not fixed.
    const queued = (await app.services.review.queue.list('open', 100)).items.map((item) => item.responseId);
    expect(queued).toHaveLength(3);
    expect(queued).toContain(other);
    expect(queued.filter((id) => flooder.includes(id))).toHaveLength(2);
    const posts = await receiver.waitFor(2);
    const alerted = posts.map((post) => (JSON.parse(post.rawBody) as { response: { id: string } }).response.id);
    expect(alerted).toContain(other);
    expect(alerted.filter((id) => flooder.includes(id))).toHaveLength(1);
    expect(await app.services.review.floodCaps.suppressedOn(today())).toEqual({ reviewItems: 2, duplicateAlerts: 3, alertsOverCap: 0 });

    await app.services.review.reportSuppressed();
    const warning = app.logLines.map((line) => JSON.parse(line) as { msg: string; suppressed?: unknown }).find((line) => line.suppressed);
    expect(warning?.msg).toBe('suppressed 3 detractor alert(s) (3 from a source already alerted, 0 over the per-minute cap) and 2 review item(s) over the per-source cap');
    const [entry] = await app.services.review.deliveries.newest(1);
    expect(entry).toMatchObject({ kind: 'flood', outcome: 'suppressed', error: warning?.msg });
    expect(receiver.received).toHaveLength(2);
  });

  it('when detractors from many callers pass ALERT_MAX_PER_MINUTE, then only that many alerts go out and the rest are counted as over the cap, while every one is in the queue', async () => {
    const receiver = await new WebhookReceiver().start();
    opened.push(receiver);
    const app = await open(receiver, { ALERT_MAX_PER_MINUTE: '2' });
    const calls: string[] = [];
    for (let index = 0; index < 5; index += 1) calls.push(await detractorCall(app, `+1212555018${index}`));
    await settled(app);
    expect(await app.services.review.floodCaps.suppressedOn(today())).toEqual({ reviewItems: 0, duplicateAlerts: 0, alertsOverCap: 3 });
    expect((await app.services.review.queue.list('open', 100)).total).toBe(5);
    const posts = await receiver.waitFor(2);
    const alerted = posts.map((post) => (JSON.parse(post.rawBody) as { response: { id: string } }).response.id);
    expect(new Set(alerted).size).toBe(2);
    expect(alerted.every((id) => calls.includes(id))).toBe(true);
  });

  it('when one web chat client runs three detractor surveys in fresh conversations, then it adds one review item and one alert; a client at another address is counted apart', async () => {
    const receiver = await new WebhookReceiver().start();
    opened.push(receiver);
    const app = await open(receiver, { TRUST_PROXY: 'loopback', REVIEW_MAX_PER_SOURCE_PER_DAY: '1' });
    const sameClient = [await detractorWebChat(app, '198.51.100.23'), await detractorWebChat(app, '198.51.100.23'), await detractorWebChat(app, '198.51.100.23')];
    const elsewhere = await detractorWebChat(app, '198.51.100.24');
    await settled(app);
    const queued = await app.services.review.queue.list('open', 100);
    const conversations = (await Promise.all(queued.items.map((item) => app.services.store.get(item.responseId)))).map((record) => record?.conversationId ?? '');
    // Events of different partitions are read in no set order, so which of the three is admitted is not fixed; one is.
    expect(conversations.filter((conversation) => sameClient.includes(conversation))).toHaveLength(1);
    expect(conversations.filter((conversation) => conversation === elsewhere)).toHaveLength(1);
    expect(conversations).toHaveLength(2);
    const first = sameClient[0] ?? '';
    expect(await receiver.waitFor(2)).toHaveLength(2);
    expect(await app.services.review.floodCaps.suppressedOn(today())).toEqual({ reviewItems: 2, duplicateAlerts: 2, alertsOverCap: 0 });
    // The address itself is not stored, only a hash of it.
    expect(await app.redis.redis.get(app.services.keys.webChatClient(first))).toMatch(/^[0-9a-f]{32}$/);
  });
});
