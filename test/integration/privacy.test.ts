import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { signSurveyFields } from '../../src/links/signed-link.js';
import { sendChatMessage } from '../support/chat-client.js';
import { DirectLineClient } from '../webchat/direct-line-client.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { expectMatchesOpenApi } from '../support/openapi-responses.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

const DAY = 86_400_000;
const SIGNING_SECRET = 'privacy-test-signing-secret-0123456789';

describe('privacy', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ WEBCHAT_SIGNING_SECRET: SIGNING_SECRET });
  });
  afterAll(async () => app?.close());

  const erase = (body: unknown) =>
    fetch(`${app.baseUrl}/api/review/erasure`, { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('when a customer asks to be erased by phone, then their call responses and transcripts are gone and others stay', async () => {
    const mine = newCallSid();
    const other = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(mine, { From: '+15552220001' }));
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(other, { From: '+15552220002' }));
    const reply = await erase({ phone: '+15552220001' });
    const body: unknown = await reply.json();
    expect(body).toEqual({ erased: 1, campaignContacts: 0, contactSurveys: 0 });
    await expectMatchesOpenApi(app.baseUrl, 'POST', '/api/review/erasure', reply.status, body);
    expect(await app.services.store.get(mine)).toBeNull();
    expect(await app.redis.redis.exists(app.services.keys.transcript(mine))).toBe(0);
    expect(await app.services.store.get(other)).not.toBeNull();
  });

  it('when a chat customer is erased by customer id, then the response and its transcript are gone', async () => {
    await sendChatMessage(app.baseUrl, 'c-erase', 'hello', { channelData: { survey: { customerId: 'cust-9' } } });
    const before = await app.services.store.listNewest({ channel: 'chat', limit: 10 });
    expect(before.some((record) => record.customerId === 'cust-9')).toBe(true);
    expect(await (await erase({ customerId: 'cust-9' })).json()).toEqual({ erased: 1, campaignContacts: 0, contactSurveys: 0 });
    const erasedId = before.find((record) => record.customerId === 'cust-9')?.id ?? '';
    expect((await app.services.store.listNewest({ channel: 'chat', limit: 10 })).some((record) => record.customerId === 'cust-9')).toBe(false);
    expect(await app.redis.redis.exists(app.services.keys.response(erasedId), app.services.keys.transcript(erasedId))).toBe(0);
  });

  it('when a detractor who reached the review queue is erased, then the queue item and its notes are gone too', async () => {
    const callSid = newCallSid();
    const answer = (step: string) => `${app.baseUrl}/voice/answer?step=${step}&attempt=1&lang=en`;
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid, { From: '+15552220003' }));
    await postTwilioWebhook(answer('score'), callFields(callSid, { Digits: '1', From: '+15552220003' }));
    await postTwilioWebhook(answer('reason'), callFields(callSid, { SpeechResult: 'Nobody ever called me back', Confidence: '0.9', From: '+15552220003' }));
    const queued = await eventually(() => app.redis.redis.zscore(app.services.keys.reviewQueue('open'), callSid), (score) => score !== null);
    expect(queued).not.toBeNull();
    expect(await (await erase({ phone: '+15552220003' })).json()).toEqual({ erased: 1, campaignContacts: 0, contactSurveys: 0 });
    expect(await app.redis.redis.exists(app.services.keys.reviewItem(callSid))).toBe(0);
    expect(await app.redis.redis.zscore(app.services.keys.reviewQueue('open'), callSid)).toBeNull();
  });

  it('when a web chat customer is erased, then the message log the page reloads from is gone too', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.start();
    // A customer id from the page counts only from a signed link.
    const survey = signSurveyFields({ customerId: 'cust-web' }, { secret: SIGNING_SECRET, ttlSeconds: 3600 });
    await client.post({ type: 'message', text: '9', channelData: { survey } });
    await eventually(() => client.botMessages(), (messages) => messages.length > 0);
    expect(await app.redis.redis.llen(app.services.keys.webChatActivities(client.conversationId))).toBeGreaterThan(0);
    expect(await (await erase({ customerId: 'cust-web' })).json()).toEqual({ erased: 1, campaignContacts: 0, contactSurveys: 0 });
    expect(await app.redis.redis.exists(app.services.keys.webChatActivities(client.conversationId), app.services.keys.webChatConversation(client.conversationId))).toBe(0);
  });

  it.each([{}, { phone: '5552220001' }, { customerId: '' }, { customerId: 'x', extra: 1 }])('when the erasure request is %j, then it is refused with 400', async (body) => {
    const reply = await erase(body);
    expect(reply.status).toBe(400);
  });

  it('when a retention period is set, then an instance erases responses older than it and keeps newer ones', async () => {
    const old = newCallSid();
    const recent = newCallSid();
    for (const [id, at] of [
      [old, new Date(Date.now() - 40 * DAY)],
      [recent, new Date(Date.now() - 5 * DAY)],
    ] as const) {
      await app.services.store.applyTurn({ id, create: { channel: 'voice', conversationId: id, language: 'en' }, at });
    }
    const sweeper = await startTestApp({ RETENTION_DAYS: '30' }, { shareRedisWith: app });
    try {
      expect(await eventually(() => app.services.store.get(old), (record) => record === null)).toBeNull();
      expect(await app.services.store.get(recent)).not.toBeNull();
    } finally {
      await sweeper.close();
    }
  });

  it('when a reason holds NUL, an RTL override, lone surrogates and long emoji, then it is stored exactly as given', async () => {
    const reason = `bad\u0000 \u202Ehold\u202C \ud800 \udfff ${'👩‍👩‍👧‍👦'.repeat(50)}`;
    await sendChatMessage(app.baseUrl, 'c-hostile-text', '2');
    await sendChatMessage(app.baseUrl, 'c-hostile-text', reason);
    const record = (await app.services.store.listNewest({ channel: 'chat', limit: 20 })).find((item) => item.conversationId === 'c-hostile-text');
    expect(record?.reason).toBe(reason);
    expect(record?.status).toBe('completed');
  });
});
