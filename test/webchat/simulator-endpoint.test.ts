import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

interface Turn {
  callSid: string;
  twiml: string;
  captions: Array<{ text: string; language: string | null }>;
  next: { kind: 'gather'; input: 'keys' | 'speech'; action: string } | { kind: 'hangup' };
  stored: { status: string; score: number | null; reason: string | null; test: boolean } | null;
}

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

describe('phone simulator endpoint', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => app?.close());

  async function call(path: string, body: unknown, token = TEST_ADMIN_TOKEN): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${app.baseUrl}/simulator${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const action = (turn: Turn) => (turn.next.kind === 'gather' ? turn.next.action : '');

  it('when a supervisor keys 10 and says a reason, then the TwiML is the phone flow and the response is stored as a test the summary leaves out', async () => {
    const started = (await call('/calls', { language: 'en', customerName: 'Ana', agentName: 'Sam' })).body as unknown as Turn;
    expect(started.callSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(started.twiml).toBe(
      `${XML}<Response><Gather input="dtmf" action="${app.baseUrl}/voice/answer?step=score&amp;attempt=1&amp;lang=en" method="POST" finishOnKey="#" timeout="5" actionOnEmptyResult="true"><Say language="en-US" voice="Polly.Joanna">How likely are you to recommend us, from 0 to 10? Key your score, then press hash. Press star at any time to stop.</Say></Gather></Response>`,
    );
    expect(started.next).toMatchObject({ kind: 'gather', input: 'keys' });
    expect(started.stored).toEqual({ status: 'in_progress', score: null, reason: null, test: true });

    const scored = (await call(`/calls/${started.callSid}/answer`, { action: action(started), digits: '10' })).body as unknown as Turn;
    expect(scored.captions.map((caption) => caption.text)).toEqual(['Thank you: 10 out of 10. Glad to hear it! How could we do better? Please tell us in a few words.']);
    expect(scored.next).toMatchObject({ kind: 'gather', input: 'speech' });

    const done = (await call(`/calls/${started.callSid}/answer`, { action: action(scored), speech: 'Quick and friendly help' })).body as unknown as Turn;
    expect(done.twiml).toBe(`${XML}<Response><Say language="en-US" voice="Polly.Joanna">Thank you for your feedback. Goodbye!</Say><Hangup/></Response>`);
    expect(done.stored).toEqual({ status: 'completed', score: 10, reason: 'Quick and friendly help', test: true });

    const headers = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const { items } = (await (await fetch(`${app.baseUrl}/api/review/responses?channel=voice`, { headers })).json()) as { items: Array<Record<string, unknown>> };
    expect(items).toMatchObject([{ conversationId: started.callSid, score: 10, test: true, customerName: 'Ana', agentName: 'Sam', phone: null }]);
    expect(await (await fetch(`${app.baseUrl}/api/review/summary`, { headers })).json()).toMatchObject({ total: 0, promoters: 0 });
  });

  it('when the survey language is Spanish, then the call speaks Spanish with a Spanish voice', async () => {
    const started = (await call('/calls', { language: 'es' })).body as unknown as Turn;
    expect(started.captions[0]?.language).toBe('es-ES');
    expect(started.captions[0]?.text).toMatch(/recomiende|recomendar/);
  });

  it('when the caller hangs up after the score, then the test response is kept as partial', async () => {
    const started = (await call('/calls', { language: 'en' })).body as unknown as Turn;
    await call(`/calls/${started.callSid}/answer`, { action: action(started), digits: '6' });
    const hung = await call(`/calls/${started.callSid}/hangup`, {});
    expect(hung).toMatchObject({ status: 200, body: { stored: { status: 'partial', score: 6, test: true } } });
  });

  it('when the CallSid is a real call, then the simulator refuses to answer for it and the call is untouched', async () => {
    const realCall = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(realCall));
    const answer = await call(`/calls/${realCall}/answer`, { action: `${app.baseUrl}/voice/answer?step=score&attempt=1&lang=en`, digits: '0' });
    expect(answer).toMatchObject({ status: 404, body: { error: 'no simulated call with that CallSid' } });
    expect((await call(`/calls/${realCall}/hangup`, {})).status).toBe(404);
    expect(await app.services.store.get(realCall)).toMatchObject({ score: null, status: 'in_progress', test: false });
  });

  it('when the input is bad, then the simulator answers 4xx with the reason and stores nothing', async () => {
    expect(await call('/calls', { language: 'xx' })).toMatchObject({ status: 400, body: { error: 'language: language must be one of en, es, de, fr, hu, lt, fa' } });
    expect((await call('/calls', { language: 'en', customerName: 'x'.repeat(101) })).status).toBe(400);
    const started = (await call('/calls', { language: 'en' })).body as unknown as Turn;
    expect(await call(`/calls/${started.callSid}/answer`, { action: 'https://elsewhere.example/voice/answer?step=score&attempt=1&lang=en', digits: '9' })).toMatchObject({
      status: 400,
      body: { error: 'action must be the URL from the last <Gather>' },
    });
    expect((await call(`/calls/${started.callSid}/answer`, { action: `${app.baseUrl}/voice/answer?step=score&attempt=9&lang=en`, digits: '9' })).status).toBe(400);
    expect((await call(`/calls/${started.callSid}/answer`, { action: action(started), digits: '9abc' })).status).toBe(400);
    const form = await fetch(`${app.baseUrl}/simulator/calls`, { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'language=en' });
    expect(form.status).toBe(415);
    const crossSite = await fetch(`${app.baseUrl}/simulator/calls`, { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json', origin: 'https://evil.example.net' }, body: '{"language":"en"}' });
    expect(crossSite.status).toBe(403);
    expect(await app.services.store.get(started.callSid)).toMatchObject({ score: null, status: 'in_progress' });
  });

  it('when nobody is signed in, then a browser is sent to the sign-in form and the API answers 401', async () => {
    const browserVisit = await fetch(`${app.baseUrl}/simulator`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(browserVisit.status).toBe(303);
    expect(browserVisit.headers.get('location')).toBe('/review/sign-in?next=%2Fsimulator');
    expect((await fetch(`${app.baseUrl}/simulator`, { headers: { accept: 'application/json' } })).status).toBe(401);
    expect((await call('/calls', { language: 'en' }, 'wrong-token-0000000000')).status).toBe(401);
    const anonymous = await fetch(`${app.baseUrl}/simulator/calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"language":"en"}' });
    expect(anonymous.status).toBe(401);
  });
});
