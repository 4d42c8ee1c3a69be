import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSurveyFields } from '../../src/links/signed-link.js';
import type { SurveyIdentity } from '../../src/links/survey-identity.js';
import { sendChatMessage } from '../support/chat-client.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { DirectLineClient } from './direct-line-client.js';

const SECRET = 'signed-links-test-secret-0123456789abcdef';
const OPTED_OUT = "You won't be contacted for surveys again. Goodbye.";
const DAY = 86_400;

type Stored = Record<string, unknown>;

async function adminGet(app: TestApp, path: string): Promise<Response> {
  return fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
}

async function storedChat(app: TestApp, conversationId: string): Promise<Stored | undefined> {
  const answer = (await (await adminGet(app, '/api/review/responses?channel=chat&limit=200')).json()) as { items: Stored[] };
  return answer.items.find((item) => item.conversationId === conversationId);
}

/** Opens a web chat as the page does, sends startSurvey with `survey`, then the customer's messages. */
async function chat(app: TestApp, survey: Record<string, unknown>, ...messages: string[]): Promise<{ client: DirectLineClient; greeting: string[]; replies: string[] }> {
  const client = new DirectLineClient(app.baseUrl);
  await client.start();
  expect((await client.post({ type: 'event', name: 'startSurvey', channelData: { survey } })).status).toBe(200);
  const greeting = (await client.botMessages()).map((activity) => activity.text ?? '');
  const replies: string[] = [];
  for (const text of messages) {
    expect((await client.post({ type: 'message', text })).status).toBe(200);
    replies.push(...(await client.botMessages()).map((activity) => activity.text ?? ''));
  }
  return { client, greeting, replies };
}

const signed = (identity: SurveyIdentity, ttlSeconds = 7 * DAY, now?: Date) => signSurveyFields(identity, { secret: SECRET, ttlSeconds, ...(now ? { now } : {}) });

describe('signed personal links on the web chat', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ WEBCHAT_SIGNING_SECRET: SECRET });
  });
  afterAll(async () => app?.close());

  it('when the page sends a signed link and the customer types "stop", then their customer id is on the do-not-call list and the response names the agent and campaign', async () => {
    const survey = signed({ customerId: 'cust-signed-1', customerName: 'Ana', agentId: 'ag-sam', agentName: 'Sam', campaignId: 'spring-2027' });
    const { client, greeting, replies } = await chat(app, { ...survey, language: 'en' }, 'stop');
    expect(greeting[0]).toMatch(/^Hi Ana!.*Sam/);
    expect(replies).toContain(OPTED_OUT);
    expect(await app.services.doNotCall.hasCustomer('cust-signed-1')).toBe(true);
    const stored = await storedChat(app, client.conversationId);
    expect(stored).toMatchObject({ status: 'opted_out', customerId: 'cust-signed-1', customerName: 'Ana', agentId: 'ag-sam', agentName: 'Sam', campaignId: 'spring-2027', unverified: false });
  });

  it('when a signed link is scored, then the agents report counts the response for its agent', async () => {
    const { client } = await chat(app, signed({ agentId: 'ag-signed-2', agentName: 'Bea' }), '9', 'Quick and friendly');
    expect(await storedChat(app, client.conversationId)).toMatchObject({ status: 'completed', agentId: 'ag-signed-2', unverified: false });
    const agents = (await (await adminGet(app, '/api/review/agents')).json()) as { agents: Array<{ agentId: string }> };
    expect(agents.agents.map((agent) => agent.agentId)).toContain('ag-signed-2');
  });

  it('when the page names a customer with punctuation or Markdown, then our page, which shows plain text, greets them exactly as typed, link syntax included', async () => {
    const { greeting } = await chat(app, signed({ customerName: "Anne-Marie O'Brien", agentName: 'Dr. Sam [bot](https://evil.example)' }));
    expect(greeting[0]).toBe("Hi Anne-Marie O'Brien! Thanks for contacting Example Telecom — you spoke with Dr. Sam [bot](https://evil.example). Two quick questions; type \"stop\" at any time to opt out.");
  });

  const forged: Array<[string, () => Record<string, unknown>]> = [
    ['unsigned', () => ({ customerId: 'cust-forged', customerName: 'Ana', agentId: 'ag-forged', agentName: 'Sam', campaignId: 'camp-forged' })],
    ['tampered (another customer id under a real signature)', () => ({ ...signed({ customerId: 'cust-real', customerName: 'Ana', agentId: 'ag-forged', agentName: 'Sam', campaignId: 'camp-forged' }), customerId: 'cust-forged' })],
    ['signed with a field added afterwards', () => ({ ...signed({ customerName: 'Ana', agentName: 'Sam' }), customerId: 'cust-forged', agentId: 'ag-forged', campaignId: 'camp-forged' })],
    ['expired', () => signed({ customerId: 'cust-forged', customerName: 'Ana', agentId: 'ag-forged', agentName: 'Sam', campaignId: 'camp-forged' }, 60, new Date(Date.now() - 120_000))],
    ['signed with another secret', () => signSurveyFields({ customerId: 'cust-forged', customerName: 'Ana', agentId: 'ag-forged', agentName: 'Sam', campaignId: 'camp-forged' }, { secret: 'x'.repeat(40), ttlSeconds: DAY })],
    ['claiming to be verified', () => ({ customerId: 'cust-forged', customerName: 'Ana', agentId: 'ag-forged', agentName: 'Sam', campaignId: 'camp-forged', verified: true, exp: '99999999999', sig: '0'.repeat(64) })],
  ];

  it.each(forged)('when the link is %s and the customer types "stop", then the names are shown, the customer id stays off the do-not-call list and the response is unverified with no agent or campaign', async (_name, survey) => {
    const { client, greeting, replies } = await chat(app, survey(), 'stop');
    expect(greeting[0]).toMatch(/^Hi Ana!.*Sam/);
    expect(replies).toContain(OPTED_OUT);
    expect(await app.services.doNotCall.hasCustomer('cust-forged')).toBe(false);
    expect(await app.services.doNotCall.hasCustomer('cust-real')).toBe(false);
    const stored = await storedChat(app, client.conversationId);
    expect(stored).toMatchObject({ status: 'opted_out', customerName: 'Ana', agentName: 'Sam', customerId: null, agentId: null, campaignId: null, unverified: true });
  });

  it('when an unsigned link is scored, then no agent is credited with it and the review page says the identity is unverified', async () => {
    const { client } = await chat(app, { agentId: 'ag-unsigned-3', agentName: 'Cy' }, '2', 'Nobody called back');
    const stored = await storedChat(app, client.conversationId);
    expect(stored).toMatchObject({ status: 'completed', agentName: 'Cy', agentId: null, unverified: true });
    const agents = (await (await adminGet(app, '/api/review/agents')).json()) as { agents: Array<{ agentId: string }> };
    expect(agents.agents.map((agent) => agent.agentId)).not.toContain('ag-unsigned-3');
    const page = await (await adminGet(app, `/review/responses/${encodeURIComponent(String(stored?.id))}`)).text();
    expect(page).toMatch(/<dd id="identity"><span class="badge none">Unverified<\/span>/);
  });

  it('when the page sends no identity at all, then the response is not marked unverified', async () => {
    const { client } = await chat(app, {}, '9');
    expect(await storedChat(app, client.conversationId)).toMatchObject({ customerName: null, unverified: false });
  });

  it('when a Bot Framework channel sends channelData.survey on /api/messages, then it is trusted: "stop" puts the customer id on the list and the agent is kept', async () => {
    const survey = { customerId: 'cust-channel-4', customerName: 'Dee', agentId: 'ag-channel', campaignId: 'camp-channel' };
    const first = await sendChatMessage(app.baseUrl, 'bf-signed-links-4', 'hello', { channelData: { survey } });
    expect(first.status).toBe(200);
    const stop = await sendChatMessage(app.baseUrl, 'bf-signed-links-4', 'stop');
    expect(stop.texts).toContain(OPTED_OUT);
    expect(await app.services.doNotCall.hasCustomer('cust-channel-4')).toBe(true);
    expect(await storedChat(app, 'bf-signed-links-4')).toMatchObject({ status: 'opted_out', customerId: 'cust-channel-4', agentId: 'ag-channel', campaignId: 'camp-channel', unverified: false });
  });
});

describe('web chat links without WEBCHAT_SIGNING_SECRET', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('when the secret is unset, then even a correctly signed link is unverified and its customer id stays off the do-not-call list', async () => {
    const { client, replies } = await chat(app, signed({ customerId: 'cust-nosecret', customerName: 'Eve', agentId: 'ag-nosecret' }), 'stop');
    expect(replies).toContain(OPTED_OUT);
    expect(await app.services.doNotCall.hasCustomer('cust-nosecret')).toBe(false);
    expect(await storedChat(app, client.conversationId)).toMatchObject({ status: 'opted_out', customerName: 'Eve', customerId: null, agentId: null, unverified: true });
  });
});
