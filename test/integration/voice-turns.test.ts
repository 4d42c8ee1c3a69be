import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';
import { dayCounters } from '../support/redis-inspection.js';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

describe('voice turns', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  const answer = (step: string, attempt: number, lang = 'en') => `${app.baseUrl}/voice/answer?step=${step}&attempt=${attempt}&lang=${lang}`;
  const counters = async () => dayCounters(app.redis.redis, app.services.keys, new Date().toISOString().slice(0, 10));

  it('when Twilio delivers the same score twice, then one score is stored, counted once, and both answers are the same TwiML', async () => {
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid, { From: '+15557770001' }));
    const before = Number((await counters())['voice|-|-|detractor'] ?? 0);
    const first = await postTwilioWebhook(answer('score', 1), callFields(callSid, { Digits: '2', From: '+15557770001' }));
    const second = await postTwilioWebhook(answer('score', 1), callFields(callSid, { Digits: '2', From: '+15557770001' }));
    expect(second).toEqual(first);
    expect(Number((await counters())['voice|-|-|detractor'])).toBe(before + 1);
    const record = await app.services.store.get(callSid);
    expect(record?.transcript.filter((turn) => turn.speaker === 'customer')).toHaveLength(1);
  });

  it('when the caller keys 1 then silence at the score question, then 1 is the score', async () => {
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
    await postTwilioWebhook(answer('score', 1), callFields(callSid, { Digits: '1' }));
    expect((await app.services.store.get(callSid))?.score).toBe(1);
  });

  it('when the caller presses the opt-out key, then the call says goodbye, hangs up, and the number joins the do-not-call list', async () => {
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid, { From: '+15557770002' }));
    const reply = await postTwilioWebhook(answer('score', 1), callFields(callSid, { Digits: '*', From: '+15557770002' }));
    expect(reply.body).toBe(`${XML}<Response><Say language="en-US" voice="Polly.Joanna">You won't be contacted for surveys again. Goodbye.</Say><Hangup/></Response>`);
    expect(await app.services.doNotCall.hasPhone('+15557770002')).toBe(true);
    expect((await app.services.store.get(callSid))?.status).toBe('opted_out');
  });

  it('when the do-not-call list cannot be written, then the caller is not told they opted out and no opt-out is recorded', async () => {
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid, { From: '+15557770003' }));
    const dncKey = app.services.keys.doNotCall();
    const saved = await app.redis.redis.smembers(dncKey);
    await app.redis.redis.del(dncKey);
    await app.redis.redis.set(dncKey, 'wrong type: SADD fails');
    try {
      const reply = await postTwilioWebhook(answer('score', 1), callFields(callSid, { Digits: '*', From: '+15557770003' }));
      expect(reply.body).not.toContain("won't be contacted");
      expect(reply.body).toContain('<Hangup/>');
      expect((await app.services.store.get(callSid))?.status).toBe('in_progress');
    } finally {
      await app.redis.redis.del(dncKey);
      if (saved.length > 0) await app.redis.redis.sadd(dncKey, ...saved);
    }
  });

  it('when the hang-up callback overtakes the key press that carried the score, then the score is still stored and the call counts as partial', async () => {
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
    await postTwilioWebhook(`${app.baseUrl}/voice/status`, callFields(callSid, { CallStatus: 'completed' }));
    expect((await app.services.store.get(callSid))?.status).toBe('abandoned');
    const before = await counters();
    await postTwilioWebhook(answer('score', 1), callFields(callSid, { Digits: '6' }));
    expect(await app.services.store.get(callSid)).toMatchObject({ score: 6, category: 'detractor', status: 'partial' });
    const after = await counters();
    expect(Number(after['voice|-|-|abandoned'])).toBe(Number(before['voice|-|-|abandoned']) - 1);
    expect(Number(after['voice|-|-|partial'] ?? 0)).toBe(Number(before['voice|-|-|partial'] ?? 0) + 1);
    expect(Number(after['voice|-|-|detractor'] ?? 0)).toBe(Number(before['voice|-|-|detractor'] ?? 0) + 1);
  });

  it('when the caller hangs up after the score, then the status callback keeps the response as partial', async () => {
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
    await postTwilioWebhook(answer('score', 1), callFields(callSid, { Digits: '8' }));
    const status = await postTwilioWebhook(`${app.baseUrl}/voice/status`, callFields(callSid, { CallStatus: 'completed' }));
    expect(status.status).toBe(204);
    expect(await app.services.store.get(callSid)).toMatchObject({ score: 8, status: 'partial', reason: null });
  });

  it('when a late status callback says "ringing" after completion, then the completed response does not move back', async () => {
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
    await postTwilioWebhook(answer('score', 1), callFields(callSid, { Digits: '10' }));
    await postTwilioWebhook(answer('reason', 1), callFields(callSid, { SpeechResult: 'Quick and friendly', Confidence: '0.8' }));
    await postTwilioWebhook(`${app.baseUrl}/voice/status`, callFields(callSid, { CallStatus: 'completed' }));
    await postTwilioWebhook(`${app.baseUrl}/voice/status`, callFields(callSid, { CallStatus: 'ringing' }));
    expect((await app.services.store.get(callSid))?.status).toBe('completed');
  });

  it('when Twilio asks again for a call already at the reason question, then the call resumes there', async () => {
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
    await postTwilioWebhook(answer('score', 1), callFields(callSid, { Digits: '4' }));
    const resumed = await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
    expect(resumed.body).toBe(
      `${XML}<Response><Gather input="speech dtmf" action="${answer('reason', 1).replace(/&/g, '&amp;')}" method="POST" finishOnKey="#" timeout="5" speechTimeout="auto" language="en-US" actionOnEmptyResult="true"><Say language="en-US" voice="Polly.Joanna">We're sorry to hear that. How could we do better? Please tell us in a few words.</Say></Gather></Response>`,
    );
  });

  it('when the survey runs in Spanish, then the TwiML speaks and listens in Spanish', async () => {
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
    const reply = await postTwilioWebhook(answer('score', 1, 'es'), callFields(callSid, { Digits: '9' }));
    expect(reply.body).toContain('language="es-ES"');
    expect(reply.body).toContain('<Say language="es-ES" voice="Polly.Lucia">Gracias: 9 de 10. ¡Nos alegra! ¿Cómo podríamos mejorar? Díganoslo en pocas palabras.</Say>');
  });

  it.each([
    ['a malformed CallSid', { CallSid: 'CA*:bad\r\n' }, '/voice/incoming'],
    ['an unknown step', {}, '/voice/answer?step=hack&attempt=1&lang=en'],
    ['a fourth attempt', {}, '/voice/answer?step=score&attempt=4&lang=en'],
  ])('when a signed request carries %s, then it is refused with 400', async (_name, fields, path) => {
    const reply = await postTwilioWebhook(`${app.baseUrl}${path}`, { ...callFields(newCallSid()), ...fields });
    expect(reply.status).toBe(400);
  });

  it('when the signature is missing, then the webhook gets 403', async () => {
    const response = await fetch(`${app.baseUrl}/voice/incoming`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(callFields(newCallSid())) });
    expect(response.status).toBe(403);
  });

  it('when a client spoofs X-Forwarded-Host and Proto, then the signature is still checked against PUBLIC_URL', async () => {
    const fields = callFields(newCallSid());
    const twilio = (await import('twilio')).default;
    const spoofedUrl = 'https://evil.example/voice/incoming';
    const response = await fetch(`${app.baseUrl}/voice/incoming`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-twilio-signature': twilio.getExpectedTwilioSignature('test-twilio-auth-token', spoofedUrl, fields) },
      body: new URLSearchParams(fields),
    });
    expect(response.status).toBe(403);
  });
});
