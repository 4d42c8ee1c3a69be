import twilio from 'twilio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, TEST_TWILIO_AUTH_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

describe('voice webhooks', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => app?.close());

  const scoreGather = (base: string, attempt: number, say: string): string =>
    `${XML}<Response><Gather input="dtmf" action="${base}/voice/answer?step=score&amp;attempt=${attempt}&amp;lang=en" method="POST" finishOnKey="#" timeout="5" actionOnEmptyResult="true"><Say language="en-US" voice="Polly.Joanna">${say}</Say></Gather></Response>`;

  it('when a call comes in, then the score question is a keypad <Gather> with an absolute action under PUBLIC_URL', async () => {
    const reply = await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(newCallSid()));
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(scoreGather(app.baseUrl, 1, 'How likely are you to recommend us, from 0 to 10? Key your score, then press hash. Press star at any time to stop.'));
  });

  it('when the caller keys 9 and says a reason, then the response is completed with tags and the summary counts it', async () => {
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
    const afterScore = await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=score&attempt=1&lang=en`, callFields(callSid, { Digits: '9' }));
    expect(afterScore.body).toBe(
      `${XML}<Response><Gather input="speech dtmf" action="${app.baseUrl}/voice/answer?step=reason&amp;attempt=1&amp;lang=en" method="POST" finishOnKey="#" timeout="5" speechTimeout="auto" language="en-US" actionOnEmptyResult="true"><Say language="en-US" voice="Polly.Joanna">Thank you: 9 out of 10. Glad to hear it! How could we do better? Please tell us in a few words.</Say></Gather></Response>`,
    );
    const done = await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=reason&attempt=1&lang=en`, callFields(callSid, { SpeechResult: 'I waited too long on hold', Confidence: '0.91' }));
    expect(done.body).toBe(`${XML}<Response><Say language="en-US" voice="Polly.Joanna">Thank you for your feedback. Goodbye!</Say><Hangup/></Response>`);

    const list = await fetch(`${app.baseUrl}/api/review/responses?channel=voice`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const { items } = (await list.json()) as { items: Array<Record<string, unknown>> };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ conversationId: callSid, score: 9, category: 'promoter', reason: 'I waited too long on hold', status: 'completed' });
    expect(items[0]?.tags).toContain('wait_time');
  });

  it('when the request is signed with another token, then it gets 403 and nothing is stored', async () => {
    const callSid = newCallSid();
    const reply = await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid), 'forged-token');
    expect(reply.status).toBe(403);
    expect(await app.services.store.get(callSid)).toBeNull();
  });

  it('when Twilio signed another URL (PUBLIC_URL is not the address Twilio calls), then it gets 403 and a warn line names the URL checked and PUBLIC_URL, never the token or the signature', async () => {
    const twilioCalls = 'https://tunnel.example.test/voice/incoming';
    const fields = callFields(newCallSid());
    const reply = await postTwilioWebhook(twilioCalls, fields, TEST_TWILIO_AUTH_TOKEN, app.baseUrl);
    expect(reply.status).toBe(403);
    const warnings = app.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((record) => record.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ checkedUrl: `${app.baseUrl}/voice/incoming`, publicUrl: app.baseUrl });
    expect(warnings[0]?.msg).toContain(`signature does not match ${app.baseUrl}/voice/incoming`);
    expect(warnings[0]?.msg).toContain('set PUBLIC_URL to the base URL Twilio calls');
    const logged = app.logLines.join('\n');
    expect(logged).not.toContain(TEST_TWILIO_AUTH_TOKEN);
    expect(logged).not.toContain(twilio.getExpectedTwilioSignature(TEST_TWILIO_AUTH_TOKEN, twilioCalls, fields));
  });

  it('when an unsigned request goes to a /voice path that does not exist, then it gets 403; signed, it gets 404', async () => {
    const unsigned = await fetch(`${app.baseUrl}/voice/recording`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'CallSid=x' });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toBe('Missing X-Twilio-Signature header.');
    const signed = await postTwilioWebhook(`${app.baseUrl}/voice/recording`, callFields(newCallSid()));
    expect(signed.status).toBe(404);
  });

  it('when a webhook body is over 1 MB, then it gets 413 with a message and nothing is stored', async () => {
    const callSid = newCallSid();
    const reply = await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid, { Padding: 'x'.repeat(1_100_000) }));
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({ error: 'request body is larger than 1 MB' });
    expect(await app.services.store.get(callSid)).toBeNull();
  });
});
