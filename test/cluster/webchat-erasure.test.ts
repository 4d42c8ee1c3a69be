import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { signSurveyFields } from '../../src/links/signed-link.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { DirectLineClient } from '../webchat/direct-line-client.js';

const SIGNING_SECRET = 'cluster-erasure-signing-secret-0123456789';

describe('erasure of web chats spread over a Redis Cluster', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ WEBCHAT_SIGNING_SECRET: SIGNING_SECRET });
  });
  afterAll(async () => app?.close());

  it('when a customer whose web chats live on different masters is erased, then every chat and its message log are gone', async () => {
    const cluster = app.redis.redis;
    if (!(cluster instanceof Cluster)) throw new Error('this test runs on a Redis Cluster');
    const keys = app.services.keys;
    const masterOf = async (key: string): Promise<string | undefined> => cluster.slots[Number(await cluster.cluster('KEYSLOT', key))]?.[0];

    // Chats get random ids: open them until two live on different masters.
    const chats: string[] = [];
    const masters = new Set<string | undefined>();
    while (masters.size < 2 && chats.length < 12) {
      const client = new DirectLineClient(app.baseUrl);
      await client.start();
      // A customer id from the page counts only from a signed link.
      const survey = signSurveyFields({ customerId: 'cust-spread' }, { secret: SIGNING_SECRET, ttlSeconds: 3600 });
      await client.post({ type: 'message', text: '9', channelData: { survey } });
      await eventually(() => client.botMessages(), (messages) => messages.length > 0);
      chats.push(client.conversationId);
      masters.add(await masterOf(keys.webChatActivities(client.conversationId)));
    }
    expect(masters.size).toBe(2);

    const reply = await fetch(`${app.baseUrl}/api/review/erasure`, { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ customerId: 'cust-spread' }) });
    expect(await reply.json()).toMatchObject({ erased: chats.length, campaignContacts: 0 });
    for (const conversationId of chats) expect(await cluster.exists(keys.webChatActivities(conversationId), keys.webChatConversation(conversationId))).toBe(0);
  });
});
