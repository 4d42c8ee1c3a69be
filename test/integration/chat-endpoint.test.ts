import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendChatMessage } from '../support/chat-client.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

async function postActivity(app: TestApp, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${app.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

const base = { type: 'message', text: 'hi', from: { id: 'u' }, conversation: { id: 'c-guard' }, channelId: 'test', deliveryMode: 'expectReplies' };

describe('POST /api/messages', () => {
  let app: TestApp;
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector();
    app = await startTestApp({ ALLOWED_SERVICE_URLS: `${connector.url}/allowed/` });
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
  });

  it('when the first message is already a score, then it answers the score question', async () => {
    const reply = await sendChatMessage(app.baseUrl, 'c-first-score', '8 out of 10');
    expect(reply.texts).toEqual(['Thank you: 8 out of 10.', 'How could we do better?']);
    expect((await app.services.store.listNewest({ channel: 'chat', limit: 10 })).find((r) => r.conversationId === 'c-first-score')).toMatchObject({ score: 8, status: 'in_progress' });
  });

  it('when a chat channel reads the questions aloud, then it says what the person reads, without keypad instructions', async () => {
    const body = JSON.parse((await postActivity(app, { ...base, conversation: { id: 'c-speak' } })).text) as { activities: { text?: string; speak?: string }[] };
    expect(body.activities.map((activity) => activity.speak)).toEqual(body.activities.map((activity) => activity.text));
    expect(body.activities[1]?.speak).toBe('How likely are you to recommend us, from 0 to 10?');
  });

  it('when the person writes in Spanish, then the survey speaks Spanish', async () => {
    const reply = await sendChatMessage(app.baseUrl, 'c-es', 'ocho', { locale: 'es-ES' });
    expect(reply.texts).toEqual(['Gracias: 8 de 10.', '¿Cómo podríamos mejorar?']);
  });

  it('when the channel names the customer and the agent, then the greeting is personalised and the response carries the agent', async () => {
    const reply = await sendChatMessage(app.baseUrl, 'c-named', 'hello', { channelData: { survey: { customerName: 'Ana', agentName: 'Bo', agentId: 'agent-42' } } });
    expect(reply.texts[0]).toBe('Hi Ana! Thanks for contacting Example Telecom — you spoke with Bo. Two quick questions; type "stop" at any time to opt out.');
    const stored = await app.services.store.listNewest({ channel: 'chat', limit: 10 });
    expect(stored.find((record) => record.conversationId === 'c-named')).toMatchObject({ agentId: 'agent-42', customerName: 'Ana' });
  });

  it('when a survey is finished and the person writes again, then they are told it is already answered', async () => {
    await sendChatMessage(app.baseUrl, 'c-done', '10');
    await sendChatMessage(app.baseUrl, 'c-done', 'all good');
    const again = await sendChatMessage(app.baseUrl, 'c-done', 'hello?');
    expect(again.texts).toEqual(["You've already answered this survey. Thank you!"]);
  });

  it.each([
    ['no conversation', { ...base, conversation: undefined }, 'conversation'],
    ['no from', { ...base, from: undefined }, 'from'],
    ['no text', { ...base, text: undefined }, 'text'],
    ['an unknown type', { ...base, type: 'hack' }, 'unknown activity type'],
    ['a CRLF in the conversation id', { ...base, conversation: { id: 'a\r\nb' } }, 'control characters'],
  ])('when an activity has %s, then it is refused with 400 and nothing is stored', async (_name, body, message) => {
    const before = await app.services.store.listNewest({ limit: 1000 });
    const reply = await postActivity(app, body);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text).error).toContain(message);
    expect(await app.services.store.listNewest({ limit: 1000 })).toHaveLength(before.length);
  });

  it('when the body is not JSON, then it is refused with 400', async () => {
    const reply = await postActivity(app, '{"type": "message",');
    expect(reply).toEqual({ status: 400, text: JSON.stringify({ error: 'request body is not valid JSON' }) });
  });

  it('when the body is over 1 MB, then it is refused with 413', async () => {
    const reply = await postActivity(app, { ...base, text: 'x'.repeat(1_100_000) });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text)).toEqual({ error: 'request body is larger than 1 MB' });
  });

  it('when replies would go to a serviceUrl outside the allowed list (a metadata address), then it is refused and nothing is sent', async () => {
    const reply = await postActivity(app, { ...base, deliveryMode: undefined, serviceUrl: 'http://169.254.169.254/latest/', conversation: { id: 'c-ssrf' } });
    expect(reply.status).toBe(403);
    expect(await app.services.store.listNewest({ channel: 'chat', limit: 100 })).not.toContainEqual(expect.objectContaining({ conversationId: 'c-ssrf' }));
  });

  it('when the serviceUrl is allowed, then the replies are posted to the channel', async () => {
    const reply = await postActivity(app, { ...base, deliveryMode: undefined, serviceUrl: `${connector.url}/allowed/`, conversation: { id: 'c-posted' } });
    expect(reply.status).toBe(200);
    const texts = connector.received.filter((entry) => entry.path.includes('c-posted')).map((entry) => entry.body.text);
    expect(texts).toEqual(['Hi! Thanks for contacting Example Telecom. Two quick questions; type "stop" at any time to opt out.', 'How likely are you to recommend us, from 0 to 10?']);
  });
});

describe('POST /api/messages with Bot Framework credentials', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' });
  });
  afterAll(async () => app?.close());

  it('when an activity comes without a Bot Framework token, then it gets 401 without internals and nothing is stored', async () => {
    const reply = await postActivity(app, { ...base, conversation: { id: 'c-no-token' } });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.text)).toEqual({ error: 'Bot Framework authentication failed' });
    expect(await app.services.store.listNewest({ channel: 'chat', limit: 10 })).toEqual([]);
  });
});
