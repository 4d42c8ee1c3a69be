import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendChatMessage } from '../support/chat-client.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

const bearer = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

async function postJson(app: TestApp, path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function directLineChat(app: TestApp): Promise<{ token: string; conversationId: string }> {
  const generated = (await (await fetch(`${app.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string };
  await fetch(`${app.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${generated.token}` } });
  return generated;
}

describe('hostile traffic', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('when a Direct Line activity value nests 100,000 levels deep, then it gets 400 naming the limit, nothing runs, and the service still answers', async () => {
    const chat = await directLineChat(app);
    const deep = `{"type":"event","name":"survey","value":${nested(100_000)}}`;
    const refused = await postJson(app, `/v3/directline/conversations/${chat.conversationId}/activities`, deep, { authorization: `Bearer ${chat.token}` });
    expect(refused).toEqual({ status: 400, body: { error: 'the JSON body nests deeper than 64 levels' } });
    const withinLimit = await postJson(app, `/v3/directline/conversations/${chat.conversationId}/activities`, `{"type":"event","name":"survey","value":${nested(60)}}`, { authorization: `Bearer ${chat.token}` });
    expect(withinLimit.status).toBe(200);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });

  it('when any JSON endpoint gets a body nested past 64 levels, then each answers 400 with the same message and changes nothing', async () => {
    const deep = `{"phones":${nested(65)},"contacts":${nested(65)},"customerId":${nested(65)}}`;
    const campaignsBefore = (await app.services.campaigns.list()).length;
    for (const [path, headers] of [
      ['/api/messages', {}],
      ['/api/campaigns', bearer],
      ['/api/dnc', bearer],
      ['/api/review/erasure', bearer],
      ['/simulator/calls', bearer],
    ] as const) {
      expect(await postJson(app, path, deep, headers), path).toEqual({ status: 400, body: { error: 'the JSON body nests deeper than 64 levels' } });
    }
    expect((await app.services.campaigns.list()).length).toBe(campaignsBefore);
    // Brackets inside strings are text, not nesting.
    expect((await sendChatMessage(app.baseUrl, 'c-brackets', `${'['.repeat(500)} hello`)).status).toBe(200);
  });

  it('when a signed Twilio webhook or the sign-in form has 150 fields, then the 413 names the field limit, not a size', async () => {
    const fields = callFields(newCallSid(), Object.fromEntries(Array.from({ length: 145 }, (_, index) => [`Extra${index}`, 'x'])));
    const voice = await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, fields);
    expect(voice.status).toBe(413);
    expect(JSON.parse(voice.body)).toEqual({ error: 'the form has more fields than 100 (too many parameters)' });
    const signIn = await fetch(`${app.baseUrl}/review/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`f${index}`, 'x']))),
    });
    expect(signIn.status).toBe(413);
    expect(await signIn.json()).toEqual({ error: 'the form has more fields than 20 (too many parameters)' });
  });

  it('when any /api answer comes back (data, an error, a 401 or a 404), then it carries Cache-Control: no-store', async () => {
    for (const [path, headers] of [
      ['/api/review/responses', bearer],
      ['/api/review/summary', bearer],
      ['/api/campaigns', bearer],
      ['/api/dnc?phone=%2B12125550123', bearer],
      ['/api/review/summary?from=yesterday', bearer],
      ['/api/review/summary', {}],
      ['/api/nothing-here', bearer],
    ] as const) {
      const response = await fetch(`${app.baseUrl}${path}`, { headers });
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('when a Direct Line token is refreshed, then the old token stops working at once (reading, posting, refreshing again) and the new one works', async () => {
    const chat = await directLineChat(app);
    const old = { authorization: `Bearer ${chat.token}` };
    const refreshed = await fetch(`${app.baseUrl}/v3/directline/tokens/refresh`, { method: 'POST', headers: old });
    expect(refreshed.status).toBe(200);
    const fresh = (await refreshed.json()) as { token: string; conversationId: string };
    expect(fresh.conversationId).toBe(chat.conversationId);
    expect(fresh.token).not.toBe(chat.token);
    const activities = `${app.baseUrl}/v3/directline/conversations/${chat.conversationId}/activities`;
    expect((await fetch(activities, { headers: old })).status).toBe(403);
    expect((await postJson(app, `/v3/directline/conversations/${chat.conversationId}/activities`, '{"type":"message","text":"hi"}', old)).status).toBe(403);
    expect((await fetch(`${app.baseUrl}/v3/directline/tokens/refresh`, { method: 'POST', headers: old })).status).toBe(403);
    expect((await fetch(activities, { headers: { authorization: `Bearer ${fresh.token}` } })).status).toBe(200);
  });

  it('when one token is refreshed twice at the same moment, then only one new token is issued', async () => {
    const chat = await directLineChat(app);
    const refresh = (): Promise<Response> => fetch(`${app.baseUrl}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${chat.token}` } });
    const statuses = (await Promise.all([refresh(), refresh(), refresh()])).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 403, 403]);
  });
});
