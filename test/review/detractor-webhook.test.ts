import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { isValidSignature } from '../../src/alerts/webhook-signature.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';
import { seedResponse } from './support/seed.js';
import { WebhookReceiver } from './support/webhook-receiver.js';
import { reviewSettled as settled } from './support/review-settled.js';

const SECRET = 'crm-shared-secret-0123456789';

describe('detractor webhook', () => {
  const opened: Array<{ close(): Promise<void> }> = [];
  const open = async (receiver: WebhookReceiver, extra: Record<string, string> = {}, shareWith?: TestApp): Promise<TestApp> => {
    const app = await startTestApp(
      { ALERT_WEBHOOK_URL: receiver.url, ALERT_WEBHOOK_SECRET: SECRET, ALERT_RETRY_BASE_MS: '50', ALERT_REASON_WAIT_SECONDS: '60', DIGEST_TIME: 'off', ...extra },
      shareWith ? { shareRedisWith: shareWith } : {},
    );
    opened.unshift(app);
    return app;
  };
  afterEach(async () => {
    for (const item of opened.splice(0)) await item.close();
  });

  it('when a caller scores 3 and gives a reason, then the CRM receives the response signed with HMAC-SHA256 of the timestamp and the raw body', async () => {
    const receiver = await new WebhookReceiver().start();
    opened.push(receiver);
    const app = await open(receiver);
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
    await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=score&attempt=1&lang=en`, callFields(callSid, { Digits: '3' }));
    await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=reason&attempt=1&lang=en`, callFields(callSid, { SpeechResult: 'Nobody called me back about my broken router', Confidence: '0.9' }));

    const [post] = await receiver.waitFor(1);
    const signature = post?.headers['x-signature'] as string;
    const timestamp = post?.headers['x-timestamp'] as string;
    // Computed here independently of the service's own signing code: the timestamp is signed with the body.
    expect(signature).toBe(createHmac('sha256', SECRET).update(`${timestamp}.${post?.rawBody ?? ''}`).digest('hex'));
    expect(isValidSignature(SECRET, post?.rawBody ?? '', signature, timestamp)).toBe(true);
    expect(isValidSignature(SECRET, post?.rawBody ?? '', signature, String(Number(timestamp) + 1))).toBe(false);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(300);
    const body = JSON.parse(post?.rawBody ?? '{}') as { event: string; response: Record<string, unknown> };
    expect(body.event).toBe('detractor');
    expect(body.response).toMatchObject({ id: callSid, score: 3, category: 'detractor', reason: 'Nobody called me back about my broken router', status: 'completed' });

    await settled(app);
    const item = await app.services.review.queue.get(callSid);
    expect(item).toMatchObject({ kinds: ['detractor'], status: 'open' });
    const log = await app.services.review.deliveries.newest(10);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ kind: 'detractor', subject: callSid, outcome: 'delivered', status: 200, attempt: 1 });
  });

  it('when the CRM answers 500 twice, then the webhook is retried with backoff and each attempt is logged', async () => {
    const receiver = await new WebhookReceiver().start();
    opened.push(receiver);
    receiver.answerNext(500, 503);
    const app = await open(receiver);
    await seedResponse(app.services, { id: 'retry-me', at: new Date(), score: 0, reason: 'awful' });
    const posts = await receiver.waitFor(3);
    expect(new Set(posts.map((post) => post.headers['x-delivery-id']))).toEqual(new Set(['detractor-retry-me']));
    const deadline = Date.now() + 5000;
    let log = await app.services.review.deliveries.newest(10);
    while (log.length < 3 && Date.now() < deadline) log = await app.services.review.deliveries.newest(10);
    expect(log.map((entry) => [entry.attempt, entry.outcome, entry.status])).toEqual([
      [3, 'delivered', 200],
      [2, 'retrying', 503],
      [1, 'retrying', 500],
    ]);
  });

  it('when the CRM refuses the request with 400, then it is not retried and the log says failed', async () => {
    const receiver = await new WebhookReceiver().start();
    opened.push(receiver);
    receiver.answerNext(400);
    const app = await open(receiver);
    await seedResponse(app.services, { id: 'refused', at: new Date(), score: 2, reason: 'bad' });
    await receiver.waitFor(1);
    const deadline = Date.now() + 5000;
    let log = await app.services.review.deliveries.newest(10);
    while (log.length < 1 && Date.now() < deadline) log = await app.services.review.deliveries.newest(10);
    expect(log).toMatchObject([{ attempt: 1, outcome: 'failed', status: 400 }]);
    expect(receiver.received).toHaveLength(1);
  });

  it('when two app instances share the stream, then each detractor is posted once, and promoters, mismatches and tests are sorted right', async () => {
    const receiver = await new WebhookReceiver().start();
    opened.push(receiver);
    const first = await open(receiver);
    await open(receiver, {}, first);
    for (let n = 0; n < 6; n += 1) await seedResponse(first.services, { id: `d${n}`, at: new Date(), score: n, reason: 'slow', sentiment: 'negative' });
    await seedResponse(first.services, { id: 'angry-ten', at: new Date(), score: 10, reason: 'Rude agent, never again', sentiment: 'negative' });
    await seedResponse(first.services, { id: 'happy-promoter', at: new Date(), score: 9, reason: 'great', sentiment: 'positive' });
    await seedResponse(first.services, { id: 'simulated', at: new Date(), score: 1, reason: 'test call', test: true });
    await receiver.waitFor(6);
    await settled(first);
    const ids = receiver.received.map((post) => (JSON.parse(post.rawBody) as { response: { id: string } }).response.id).sort();
    expect(ids).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5']);
    const open_ = await first.services.review.queue.list('open', 50);
    expect(open_.items.map((item) => [item.responseId, item.kinds.join('+')]).sort()).toEqual([
      ['angry-ten', 'mismatch'],
      ['d0', 'detractor'],
      ['d1', 'detractor'],
      ['d2', 'detractor'],
      ['d3', 'detractor'],
      ['d4', 'detractor'],
      ['d5', 'detractor'],
    ]);
  });
});
