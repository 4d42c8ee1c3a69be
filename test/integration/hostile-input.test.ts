import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendChatMessage } from '../support/chat-client.js';
import { TEST_ADMIN_TOKEN, TEST_TWILIO_AUTH_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

describe('hostile input', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it.each(['', '#', '11', '00', '-1', '٣', '１０', '9*9', '9'.repeat(60)])('when %j is keyed at the score question, then the caller is asked again and nothing is stored', async (digits) => {
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
    const reply = await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=score&attempt=1&lang=en`, callFields(callSid, { Digits: digits }));
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Sorry, I did not get that.');
    expect((await app.services.store.get(callSid))?.score).toBeNull();
  });

  it('when a chat activity carries __proto__ keys, then nothing is polluted and the survey still answers', async () => {
    const body = `{"type":"message","text":"hi","from":{"id":"u","__proto__":{"polluted":1}},"conversation":{"id":"c-proto"},"channelId":"test","deliveryMode":"expectReplies","__proto__":{"polluted":1},"channelData":{"survey":{"__proto__":{"polluted":1},"customerName":"Eve"}}}`;
    const response = await fetch(`${app.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('when a signed Twilio form carries __proto__ fields, then it is refused (the parser drops them, so the signature no longer matches) and nothing is polluted or stored', async () => {
    const callSid = newCallSid();
    const fields = { ...callFields(callSid), ...(JSON.parse('{"__proto__":"x","constructor":"y","hasOwnProperty":"z"}') as Record<string, string>) };
    expect(Object.keys(fields)).toContain('__proto__');
    const reply = await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, fields);
    expect(reply.status).toBe(403);
    expect(await app.services.store.get(callSid)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('when requests carry tokens and phone numbers, then the logs carry neither', async () => {
    await fetch(`${app.baseUrl}/api/review/summary`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid, { From: '+15553334444' }));
    await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=score&attempt=1&lang=en`, callFields(callSid, { Digits: '*', From: '+15553334444' }));
    await sendChatMessage(app.baseUrl, 'c-logs', 'call me on +15553334444');
    const logs = app.logLines.join('\n');
    expect(app.logLines.length).toBeGreaterThan(3);
    expect(logs).not.toContain(TEST_ADMIN_TOKEN);
    expect(logs).not.toContain(TEST_TWILIO_AUTH_TOKEN);
    expect(logs).not.toContain('15553334444');
  });

  it('when any endpoint answers, then it sends a Content-Security-Policy with frame-ancestors, nosniff and no x-powered-by', async () => {
    for (const [path, init] of [
      ['/healthz', {}],
      ['/api/review/summary', {}],
      ['/nowhere', {}],
      ['/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ] as const) {
      const response = await fetch(`${app.baseUrl}${path}`, init);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });
});
