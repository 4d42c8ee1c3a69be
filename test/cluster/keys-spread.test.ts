import { Cluster, type Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendChatMessage } from '../support/chat-client.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

const CONVERSATIONS = 200;
const AT_ONCE = 8;

/** Keys matching `pattern` on one node (SCAN only sees the node it is sent to). */
async function keysOn(node: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

async function inBatches(count: number, run: (index: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < count; start += AT_ONCE) await Promise.all(Array.from({ length: Math.min(AT_ONCE, count - start) }, (_, offset) => run(start + offset)));
}

describe('keys on a Redis Cluster', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('when 200 conversations ran, then every master holds keys, the responses spread over the 3 masters, and the summary counts all 200', async () => {
    const cluster = app.redis.redis;
    expect(cluster).toBeInstanceOf(Cluster);
    if (!(cluster instanceof Cluster)) return;

    // Half chat (the score and the reason in one message), half voice (a keyed score).
    await inBatches(CONVERSATIONS, async (index) => {
      if (index % 2 === 0) {
        await sendChatMessage(app.baseUrl, `spread-${index}`, 'hi');
        expect((await sendChatMessage(app.baseUrl, `spread-${index}`, "I'd say 9, all good")).texts[0]).toBe('Thank you: 9 out of 10.');
      } else {
        const callSid = newCallSid();
        await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
        expect((await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=score&attempt=1&lang=en`, callFields(callSid, { Digits: '9' }))).status).toBe(200);
      }
    });

    const masters = cluster.nodes('master');
    expect(masters).toHaveLength(3);
    const responsesPerMaster: number[] = [];
    for (const master of masters) {
      expect(await master.dbsize()).toBeGreaterThan(0);
      const ours = await keysOn(master, `${app.redis.prefix}*`);
      expect(ours.length).toBeGreaterThan(0);
      responsesPerMaster.push(ours.filter((key) => /:resp:[^:]+$/.test(key)).length);
    }
    expect(responsesPerMaster.reduce((sum, count) => sum + count, 0)).toBe(CONVERSATIONS);
    // 16 partitions over 3 masters fall 4 / 5 / 7: each master holds a fair share, none is empty.
    for (const count of responsesPerMaster) expect(count).toBeGreaterThanOrEqual(CONVERSATIONS / 10);

    const summary = await (await fetch(`${app.baseUrl}/api/review/summary`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })).json();
    expect(summary).toMatchObject({ total: CONVERSATIONS, promoters: CONVERSATIONS, nps: 100 });
  }, 60_000);
});
