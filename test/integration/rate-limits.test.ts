import { afterEach, describe, expect, it } from 'vitest';
import { addressKey } from '../../src/http/client-address.js';
import { sendChatMessage } from '../support/chat-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

interface Answer {
  status: number;
  retryAfter: string | null;
  body: Record<string, unknown>;
  headers: Headers;
}

async function call(app: TestApp, method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Pages answer HTML.
  }
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: parsed, headers: response.headers };
}

const from = (address: string): Record<string, string> => ({ 'x-forwarded-for': address });

async function generateToken(app: TestApp, headers: Record<string, string> = {}): Promise<Answer> {
  return call(app, 'POST', '/v3/directline/tokens/generate', headers);
}

function expectTooMany(answer: Answer, message: string): void {
  expect(answer.status).toBe(429);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
  expect(answer.body.error).toBe(`${message}; try again in ${answer.retryAfter} s`);
}

describe('rate limits of the public routes', () => {
  const apps: TestApp[] = [];
  const open = async (environment: Record<string, string> = {}, shareWith?: TestApp): Promise<TestApp> => {
    const app = await startTestApp(environment, shareWith ? { shareRedisWith: shareWith } : {});
    apps.unshift(app);
    return app;
  };
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('when one address asks for a 31st Direct Line token within a minute under the defaults, then it gets 429 with Retry-After, and X-Forwarded-For (not trusted without TRUST_PROXY) does not get it out', async () => {
    const app = await open();
    for (let index = 0; index < 30; index += 1) expect((await generateToken(app, from(`198.51.100.${index}`))).status).toBe(200);
    expectTooMany(await generateToken(app, from('198.51.100.200')), 'too many requests from this address');
    expectTooMany(await generateToken(app), 'too many requests from this address');
  });

  it('when TRUST_PROXY names the proxy, then each X-Forwarded-For client has its own limit and a refresh counts as a token request', async () => {
    const app = await open({ TRUST_PROXY: 'loopback', RATE_LIMIT_TOKENS_PER_MINUTE: '2' });
    const first = await generateToken(app, from('203.0.113.5'));
    expect(first.status).toBe(200);
    const refreshed = await call(app, 'POST', '/v3/directline/tokens/refresh', { ...from('203.0.113.5'), authorization: `Bearer ${String(first.body.token)}` });
    expect(refreshed.status).toBe(200);
    expectTooMany(await generateToken(app, from('203.0.113.5')), 'too many requests from this address');
    expect((await generateToken(app, from('203.0.113.6'))).status).toBe(200);
    // Only the address the trusted proxy appended counts, not what the client put before it.
    expectTooMany(await generateToken(app, from('192.0.2.1, 203.0.113.5')), 'too many requests from this address');
  });

  it('when TRUST_PROXY is a hop count, then the address that many hops back is the client', async () => {
    const app = await open({ TRUST_PROXY: '1', RATE_LIMIT_TOKENS_PER_MINUTE: '1' });
    expect((await generateToken(app, from('192.0.2.7, 203.0.113.9'))).status).toBe(200);
    expectTooMany(await generateToken(app, from('192.0.2.8, 203.0.113.9')), 'too many requests from this address');
  });

  it('when addresses of one IPv6 /64 take turns, then they share one limit, and another /64 has its own', async () => {
    const app = await open({ TRUST_PROXY: 'loopback', RATE_LIMIT_TOKENS_PER_MINUTE: '2' });
    expect((await generateToken(app, from('2001:db8:1:2::1'))).status).toBe(200);
    expect((await generateToken(app, from('2001:db8:1:2:ffff:ffff:ffff:fffe'))).status).toBe(200);
    expectTooMany(await generateToken(app, from('2001:0db8:0001:0002::abcd')), 'too many requests from this address');
    expect((await generateToken(app, from('2001:db8:1:3::1'))).status).toBe(200);
    expect(addressKey('::ffff:198.51.100.4')).toBe('198.51.100.4');
    expect(addressKey('2001:db8::1')).toBe('2001:0db8:0000:0000::/64');
    expect(addressKey('::1')).toBe('0000:0000:0000:0000::/64');
  });

  it('when many addresses together pass the global ceiling, then the ones over it get 429 "the service is busy"', async () => {
    const app = await open({ TRUST_PROXY: 'loopback', RATE_LIMIT_TOKENS_GLOBAL_PER_SECOND: '2' });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, index) => generateToken(app, from(`198.51.100.${index + 1}`))));
    const admitted = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 429);
    // A burst can straddle a second boundary: at most two windows' worth get through.
    expect(admitted.length).toBeGreaterThanOrEqual(2);
    expect(admitted.length).toBeLessThanOrEqual(4);
    expect(refused.length).toBe(12 - admitted.length);
    for (const answer of refused) expectTooMany(answer, 'the service is busy');
  });

  it('when two instances share Redis, then an address spends one limit across both', async () => {
    const first = await open({ RATE_LIMIT_TOKENS_PER_MINUTE: '2' });
    const second = await open({ RATE_LIMIT_TOKENS_PER_MINUTE: '2' }, first);
    expect((await generateToken(first)).status).toBe(200);
    expect((await generateToken(second)).status).toBe(200);
    expectTooMany(await generateToken(first), 'too many requests from this address');
    expectTooMany(await generateToken(second), 'too many requests from this address');
  });

  it('when a chat opens its conversation and posts past the chat limit, then the next post gets 429 and is not run', async () => {
    const app = await open({ RATE_LIMIT_CHAT_PER_MINUTE: '3' });
    const token = await generateToken(app);
    const auth = { authorization: `Bearer ${String(token.body.token)}` };
    const conversationId = String(token.body.conversationId);
    expect((await call(app, 'POST', '/v3/directline/conversations', auth)).status).toBe(201);
    const post = (text: string): Promise<Answer> => call(app, 'POST', `/v3/directline/conversations/${conversationId}/activities`, auth, { type: 'message', text, from: { id: 'customer' } });
    expect((await post('hello')).status).toBe(200);
    expect((await post('9')).status).toBe(200);
    expectTooMany(await post('the wait was far too long'), 'too many requests from this address');
    const page = await call(app, 'GET', `/v3/directline/conversations/${conversationId}/activities`, auth);
    expect(JSON.stringify(page.body)).not.toContain('the wait was far too long');
  });

  it('when a page on an allowed site is refused, then the 429 carries its CORS headers so the page can read it', async () => {
    const app = await open({ WIDGET_ALLOWED_ORIGINS: 'https://shop.example.com', RATE_LIMIT_TOKENS_PER_MINUTE: '1' });
    const origin = { origin: 'https://shop.example.com' };
    expect((await generateToken(app, origin)).status).toBe(200);
    const refused = await generateToken(app, origin);
    expectTooMany(refused, 'too many requests from this address');
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
  });

  it('when the chat page, the widget and the sign-in page are loaded past the page limit, then they get 429', async () => {
    const app = await open({ RATE_LIMIT_PAGES_PER_MINUTE: '3' });
    expect((await call(app, 'GET', '/')).status).toBe(200);
    expect((await call(app, 'GET', '/widget.js')).status).toBe(200);
    expect((await call(app, 'GET', '/review/sign-in')).status).toBe(200);
    for (const path of ['/', '/widget.js', '/review/sign-in']) expectTooMany(await call(app, 'GET', path), 'too many requests from this address');
  });

  it('when sign-in forms are posted past the sign-in limit, then the next one gets 429 before any password is checked', async () => {
    const app = await open({ RATE_LIMIT_SIGN_IN_PER_MINUTE: '2' });
    const post = (): Promise<Answer> => call(app, 'POST', '/review/sign-in', { 'content-type': 'application/x-www-form-urlencoded' });
    expect((await post()).status).toBe(403);
    expect((await post()).status).toBe(403);
    expectTooMany(await post(), 'too many requests from this address');
  });

  it('when Bot Framework activities and signed Twilio webhooks come in numbers from one address, then none is limited', async () => {
    const app = await open({ RATE_LIMIT_TOKENS_PER_MINUTE: '1', RATE_LIMIT_CHAT_PER_MINUTE: '1', RATE_LIMIT_PAGES_PER_MINUTE: '1', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1' });
    for (let index = 0; index < 5; index += 1) expect((await sendChatMessage(app.baseUrl, `c-unlimited-${index}`, 'hello')).status).toBe(200);
    for (let index = 0; index < 5; index += 1) expect((await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(newCallSid()))).status).toBe(200);
  });
});
