import { ConnectionStatus, DirectLine, type Activity } from 'botframework-directlinejs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';

const SCORE_QUESTION = 'How likely are you to recommend us, from 0 to 10?';
const REASON_QUESTION = 'Glad to hear it! How could we do better?';
const GOODBYE = 'Thank you for your feedback. Goodbye!';

/** The official client, as its README says to run it in Node: with XMLHttpRequest and WebSocket supplied globally. */
const nodeGlobals = globalThis as unknown as Record<string, unknown>;

/** What a person would read of an activity (its text), or the event's name. */
const said = (activity: Activity): string | undefined => (activity as { text?: string }).text ?? (activity as { name?: string }).name;

interface Watched {
  client: DirectLine;
  activities: Activity[];
  /** Resolves with the activities once one from the bot has this text. */
  botSaid(text: string): Promise<Activity[]>;
  end(): void;
}

function watch(client: DirectLine): Watched {
  const activities: Activity[] = [];
  const waiters: Array<() => void> = [];
  const subscription = client.activity$.subscribe((activity) => {
    activities.push(activity);
    for (const waiter of waiters.splice(0)) waiter();
  });
  const botSaid = (text: string): Promise<Activity[]> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bot never said "${text}"; heard: ${JSON.stringify(activities.map(said))}`)), 15_000);
      const check = (): void => {
        if (activities.some((activity) => activity.from.role === 'bot' && said(activity) === text)) {
          clearTimeout(timer);
          resolve(activities);
        } else waiters.push(check);
      };
      check();
    });
  return {
    client,
    activities,
    botSaid,
    end() {
      subscription.unsubscribe();
      client.end();
    },
  };
}

function post(client: DirectLine, activity: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    client.postActivity({ from: { id: 'customer-7' }, ...activity } as Activity).subscribe({ next: resolve, error: reject });
  });
}

async function tokenFor(app: TestApp): Promise<string> {
  const issued = (await (await fetch(`${app.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string };
  return issued.token;
}

describe('the official Direct Line client (botframework-directlinejs)', () => {
  const saved = { XMLHttpRequest: nodeGlobals.XMLHttpRequest, WebSocket: nodeGlobals.WebSocket };
  let app: TestApp;
  const clients: Watched[] = [];
  beforeAll(() => {
    nodeGlobals.XMLHttpRequest = XMLHttpRequest;
    nodeGlobals.WebSocket = WebSocket;
  });
  afterAll(() => {
    nodeGlobals.XMLHttpRequest = saved.XMLHttpRequest;
    nodeGlobals.WebSocket = saved.WebSocket;
  });
  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    for (const watched of clients.splice(0)) watched.end();
    await app?.close();
  });

  const requests = (path: RegExp) =>
    app.logLines.map((line) => JSON.parse(line) as { msg: string; method?: string; path?: string }).filter((record) => record.msg === 'request' && record.method === 'GET' && path.test(record.path ?? ''));

  async function completeSurvey(options: { webSocket?: boolean }): Promise<Watched> {
    const watched = watch(new DirectLine({ domain: `${app.baseUrl}/v3/directline`, token: await tokenFor(app), ...options }));
    clients.push(watched);
    await post(watched.client, { type: 'event', name: 'startSurvey', channelData: { survey: { customerName: 'Ana' } } });
    await watched.botSaid(SCORE_QUESTION);
    await post(watched.client, { type: 'message', text: '9' });
    await watched.botSaid(REASON_QUESTION);
    await post(watched.client, { type: 'message', text: 'Quick and friendly' });
    await watched.botSaid(GOODBYE);
    return watched;
  }

  async function storedResponses(): Promise<Array<Record<string, unknown>>> {
    const answer = await fetch(`${app.baseUrl}/api/review/responses?channel=chat`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    return ((await answer.json()) as { items: Array<Record<string, unknown>> }).items;
  }

  it('when it runs with its default settings, then it receives over the WebSocket stream (no polling) and completes the survey', async () => {
    const watched = await completeSurvey({});
    expect(watched.client.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);
    expect(watched.activities.filter((activity) => activity.from.role === 'bot').map(said)).toEqual([
      expect.stringMatching(/^Hi Ana!/),
      SCORE_QUESTION,
      'Thank you, Ana: 9 out of 10.',
      REASON_QUESTION,
      GOODBYE,
    ]);
    expect(app.logLines.some((line) => line.includes('"msg":"web chat stream opened"'))).toBe(true);
    expect(requests(/\/activities$/)).toEqual([]);
    expect(await storedResponses()).toMatchObject([{ score: 9, reason: 'Quick and friendly', status: 'completed', customerName: 'Ana' }]);
  });

  it('when it runs with webSocket: false, then it polls and completes the survey', async () => {
    const watched = await completeSurvey({ webSocket: false });
    expect(watched.activities.filter((activity) => activity.from.role === 'user').map(said)).toEqual(['startSurvey', '9', 'Quick and friendly']);
    expect(requests(/\/activities$/).length).toBeGreaterThan(0);
    expect(app.logLines.some((line) => line.includes('"msg":"web chat stream opened"'))).toBe(false);
    expect(await storedResponses()).toMatchObject([{ score: 9, reason: 'Quick and friendly', status: 'completed' }]);
  });

  it('when a client reconnects to a conversation with its watermark, then its new stream carries on after that watermark', async () => {
    const token = await tokenFor(app);
    const first = watch(new DirectLine({ domain: `${app.baseUrl}/v3/directline`, token }));
    clients.push(first);
    await post(first.client, { type: 'event', name: 'startSurvey' });
    await first.botSaid(SCORE_QUESTION);
    const conversationId = String(first.activities[0]?.conversation?.id);
    const watermark = String(first.activities.length);
    first.end();

    const second = watch(new DirectLine({ domain: `${app.baseUrl}/v3/directline`, token, conversationId, watermark }));
    clients.push(second);
    await post(second.client, { type: 'message', text: '9' });
    await second.botSaid(REASON_QUESTION);
    expect(second.activities.map(said)).toEqual(['9', 'Thank you: 9 out of 10.', REASON_QUESTION]);
    expect(requests(new RegExp(`/conversations/${conversationId}$`))).toHaveLength(1);
  });
});
