import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { DirectLineClient } from './direct-line-client.js';

const SCORE_QUESTION = 'How likely are you to recommend us, from 0 to 10?';
const SCORES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
const ALLOWED_SITE = 'https://shop.example.com';

async function listChatResponses(app: TestApp): Promise<Array<Record<string, unknown>>> {
  const answer = await fetch(`${app.baseUrl}/api/review/responses?channel=chat`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  return ((await answer.json()) as { items: Array<Record<string, unknown>> }).items;
}

describe('Direct Line endpoint', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp({ WIDGET_ALLOWED_ORIGINS: ALLOWED_SITE });
  });
  afterEach(async () => app?.close());

  it('when the page sends startSurvey with channelData.survey, then the bot greets the customer by name and asks the score with suggested actions 0-10', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.start();
    const posted = await client.post({ type: 'event', name: 'startSurvey', channelData: { clientActivityID: 'c-1', survey: { customerName: 'Ana', agentName: 'Sam' } } });
    expect(posted.status).toBe(200);

    const activities = await client.poll();
    expect(activities[0]).toMatchObject({ id: posted.body.id, type: 'event', name: 'startSurvey', from: { id: 'customer-1', role: 'user' }, channelData: { clientActivityID: 'c-1' } });
    const messages = activities.filter((activity) => activity.from.role === 'bot');
    expect(messages.map((message) => message.text)).toEqual([expect.stringMatching(/^Hi Ana!.*Sam/), SCORE_QUESTION]);
    expect(messages[1]?.suggestedActions?.actions.map((action) => action.value)).toEqual(SCORES);
    expect(messages.every((message) => message.replyToId === posted.body.id)).toBe(true);
  });

  it('when the customer answers 9 and gives a reason, then each message is echoed with its id and the response is stored completed', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.start();
    await client.post({ type: 'event', name: 'startSurvey', channelData: { survey: { customerName: 'Ana' } } });
    await client.poll();

    const nine = await client.post({ type: 'message', text: '9', channelData: { clientActivityID: 'c-9' } });
    const afterScore = await client.poll();
    expect(afterScore[0]).toMatchObject({ id: nine.body.id, text: '9', from: { role: 'user' }, channelData: { clientActivityID: 'c-9' } });
    expect(afterScore.slice(1).map((activity) => activity.text)).toEqual(['Thank you, Ana: 9 out of 10.', 'Glad to hear it! How could we do better?']);

    await client.post({ type: 'message', text: 'The agent was quick and friendly' });
    expect((await client.botMessages()).map((activity) => activity.text)).toEqual(['Thank you for your feedback. Goodbye!']);

    const [stored] = await listChatResponses(app);
    expect(stored).toMatchObject({ channel: 'chat', conversationId: client.conversationId, score: 9, category: 'promoter', reason: 'The agent was quick and friendly', status: 'completed', customerName: 'Ana', test: false });
  });

  it('when a request has no token, a made-up token, or a token of another conversation, then it gets 401, 403 and 403', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.start();
    const other = new DirectLineClient(app.baseUrl);
    await other.start();
    const path = `/conversations/${client.conversationId}/activities`;

    expect(await client.request('GET', path, undefined, '')).toMatchObject({ status: 401, body: { error: { code: 'MissingToken', message: 'missing bearer token (get one from POST /v3/directline/tokens/generate)' } } });
    expect((await client.request('POST', '/conversations', {}, '')).status).toBe(401);
    const madeUp = await client.request('GET', path, undefined, `wc1.${'A'.repeat(43)}`);
    expect(madeUp).toMatchObject({ status: 403, body: { error: { code: 'TokenExpired', message: 'token is invalid or expired' } } });
    expect((await client.request('POST', '/tokens/refresh', undefined, 'not-a-token')).status).toBe(403);
    const crossed = await client.request('POST', path, { type: 'message', text: '9' }, other.token);
    expect(crossed).toMatchObject({ status: 403, body: { error: { code: 'Forbidden', message: 'the token is for another conversation' } } });
    expect(await client.poll()).toEqual([]);
  });

  it('when a conversation is unknown, then reading or posting to it gets 404', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.start();
    const reading = await client.request('GET', '/conversations/NoSuchConversation0000/activities?watermark=0');
    expect(reading).toMatchObject({ status: 404, body: { error: { code: 'NotFound', message: 'unknown conversation' } } });
    const posting = await client.request('POST', '/conversations/NoSuchConversation0000/activities', { type: 'message', text: '9' });
    expect(posting.status).toBe(404);
  });

  it('when the activity is malformed, then it gets 400 with the reason and the bot never sees it', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.start();
    const cases: Array<[unknown, string]> = [
      [{ type: 'message' }, 'text: a message activity needs text'],
      [{ type: 'message', text: '   ' }, 'text: a message activity needs text'],
      [{ type: 'conversationUpdate' }, 'type: type must be message, event or typing'],
      [{ type: 'event' }, 'name: an event activity needs a name'],
      [{ type: 'message', text: 'x'.repeat(20_001) }, 'text: text is longer than 20000 characters'],
      [{ type: 'message', text: 'hi', attachments: [{ contentType: 'image/png', contentUrl: 'http://x' }] }, 'attachments: attachments are not accepted'],
      [{ type: 'message', text: 'hi', channelData: { blob: 'y'.repeat(9000) } }, 'channelData: channelData is larger than 8192 bytes'],
    ];
    for (const [body, error] of cases) {
      expect(await client.post(body as Record<string, unknown>), JSON.stringify(body).slice(0, 60)).toMatchObject({ status: 400, body: { error: { code: 'BadArgument', message: error } } });
    }
    const array = await client.request('POST', `/conversations/${client.conversationId}/activities`, [{ type: 'message', text: '9' }]);
    expect(array).toMatchObject({ status: 400, body: { error: { code: 'BadArgument', message: 'the body must be an activity (a JSON object)' } } });
    const notJson = await client.request('POST', `/conversations/${client.conversationId}/activities`, '{"type":');
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: 'BadArgument', message: 'request body is not valid JSON' } } });
    expect((await client.request('GET', `/conversations/${client.conversationId}/activities?watermark=abc`)).status).toBe(400);
    expect((await client.request('POST', `/conversations/${client.conversationId}/upload?userId=x`, {})).status).toBe(400);
    expect(await client.poll()).toEqual([]);
    expect(await listChatResponses(app)).toEqual([]);
  });

  it('when the token is refreshed, then the new token reconnects to the same conversation and reads it from the start', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.start();
    await client.post({ type: 'event', name: 'startSurvey' });
    const refreshed = await client.request<{ token: string; conversationId: string; expires_in: number }>('POST', '/tokens/refresh');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId: client.conversationId, expires_in: 1800 });
    expect(refreshed.body.token).not.toBe(client.token);

    const reloaded = new DirectLineClient(app.baseUrl);
    reloaded.token = refreshed.body.token;
    reloaded.conversationId = client.conversationId;
    const reconnect = await reloaded.request('GET', `/conversations/${client.conversationId}?watermark=`);
    expect(reconnect).toMatchObject({ status: 200, body: { conversationId: client.conversationId } });
    expect((await reloaded.botMessages()).at(-1)?.text).toBe(SCORE_QUESTION);
  });

  it('when another app instance on the same Redis serves the reloaded page, then it reads the conversation and continues the survey', async () => {
    const second = await startTestApp({}, { shareRedisWith: app });
    try {
      const client = new DirectLineClient(app.baseUrl);
      await client.start();
      await client.post({ type: 'event', name: 'startSurvey' });
      await client.post({ type: 'message', text: '3' });

      const elsewhere = new DirectLineClient(second.baseUrl);
      elsewhere.token = client.token;
      elsewhere.conversationId = client.conversationId;
      expect((await elsewhere.botMessages()).at(-1)?.text).toBe("We're sorry to hear that. How could we do better?");
      await elsewhere.post({ type: 'message', text: 'Too many transfers between departments' });
      expect((await elsewhere.botMessages()).map((activity) => activity.text)).toEqual(['Thank you for your feedback. Goodbye!']);
      expect(await listChatResponses(app)).toMatchObject([{ score: 3, category: 'detractor', status: 'completed' }]);
    } finally {
      await second.close();
    }
  });

  it('when a page on an origin outside WIDGET_ALLOWED_ORIGINS calls the endpoint, then it gets 403, while an allowed origin gets CORS headers', async () => {
    const refused = new DirectLineClient(app.baseUrl, 'https://evil.example.net');
    const generate = await refused.request('POST', '/tokens/generate', undefined, '');
    expect(generate).toMatchObject({ status: 403, body: { error: { code: 'Forbidden', message: 'this origin is not in WIDGET_ALLOWED_ORIGINS' } } });
    expect(generate.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${app.baseUrl}/v3/directline/tokens/generate`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);

    const allowed = new DirectLineClient(app.baseUrl, ALLOWED_SITE);
    const allowedPreflight = await fetch(`${app.baseUrl}/v3/directline/conversations`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED_SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(allowedPreflight.status).toBe(204);
    expect(allowedPreflight.headers.get('access-control-allow-origin')).toBe(ALLOWED_SITE);
    await allowed.start();
    const posted = await allowed.post({ type: 'event', name: 'startSurvey' });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('access-control-allow-origin')).toBe(ALLOWED_SITE);
  });

  /** Opens a WebSocket; resolves with the upgrade's refusal (status and body), or 101 once it opens. */
  function upgrade(url: string, origin?: string): Promise<{ status: number; body?: unknown }> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, origin ? { origin } : {});
      socket.once('open', () => {
        socket.close();
        resolve({ status: 101 });
      });
      socket.once('unexpected-response', (_request, response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      });
      socket.once('error', (error) => reject(error));
    });
  }

  it('when a stream URL is used a second time, from a site outside WIDGET_ALLOWED_ORIGINS, or with a made-up ticket, then the upgrade is refused with a Direct Line error', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.start();
    const streamUrl = async () => String((await client.request('GET', `/conversations/${client.conversationId}?watermark=0`)).body.streamUrl);

    const once = await streamUrl();
    expect(once).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${client.conversationId}/stream\\?t=[\\w-]{32}$`));
    expect(await upgrade(once)).toEqual({ status: 101 });
    const expired = { status: 403, body: { error: { code: 'TokenExpired', message: expect.stringContaining('unknown, used or expired') } } };
    expect(await upgrade(once)).toEqual(expired);
    expect(await upgrade(once.replace(/t=[\w-]+/, `t=${'A'.repeat(32)}`))).toEqual(expired);
    expect(await upgrade(await streamUrl(), 'https://evil.example.net')).toEqual({ status: 403, body: { error: { code: 'Forbidden', message: 'this origin is not in WIDGET_ALLOWED_ORIGINS' } } });
    expect(await upgrade(await streamUrl(), ALLOWED_SITE)).toEqual({ status: 101 });
    expect((await upgrade(`${app.baseUrl.replace('http', 'ws')}/v3/directline/elsewhere`)).status).toBe(404);
    expect((await client.request('GET', `/conversations/${client.conversationId}?watermark=x`)).status).toBe(400);
  });
});
