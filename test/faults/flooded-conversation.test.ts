import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatResponseId } from '../../dialogs/chat-subject.js';
import { MAX_CUSTOMER_TEXT_BYTES, MAX_TRANSCRIPT_TURNS } from '../../src/store/transcript-limits.js';
import { sendChatMessage } from '../support/chat-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, gatherAction, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

const MESSAGES = 3000;
const IN_FLIGHT = 25;

describe('one chat conversation flooded with messages', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('when 3,000 fast messages arrive, then the transcript stays within its caps and a signed call made meanwhile answers normally', async () => {
    const conversationId = 'c-flood';
    let sent = 0;
    const statuses = new Map<number, number>();
    const sender = async (): Promise<void> => {
      while (sent < MESSAGES) {
        const index = (sent += 1);
        // A mix of what a script would send: non-scores, scores, and long text.
        const text = index % 3 === 0 ? String(index % 11) : index % 3 === 1 ? `message ${index} ${'x'.repeat(900)}` : 'hello?';
        const reply = await sendChatMessage(app.baseUrl, conversationId, text);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      }
    };
    const flood = Promise.all(Array.from({ length: IN_FLIGHT }, sender));

    const callSid = newCallSid();
    const opening = await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
    expect(opening.body).toContain('How likely are you to recommend us, from 0 to 10?');
    const afterScore = await postTwilioWebhook(gatherAction(opening.body), callFields(callSid, { Digits: '9' }));
    expect(afterScore.body).toContain('Thank you: 9 out of 10.');
    const done = await postTwilioWebhook(gatherAction(afterScore.body), callFields(callSid, { SpeechResult: 'fine', Confidence: '0.9' }));
    expect(done.body).toContain('<Hangup/>');
    expect(sent).toBeLessThan(MESSAGES);

    await flood;
    expect(statuses.get(200)).toBe(MESSAGES);
    const id = chatResponseId('test', conversationId);
    expect(await app.redis.redis.llen(app.services.keys.transcript(id))).toBeLessThanOrEqual(MAX_TRANSCRIPT_TURNS);
    const turns = (await app.services.store.get(id))?.transcript ?? [];
    const customerBytes = turns.filter((turn) => turn.speaker === 'customer').reduce((bytes, turn) => bytes + Buffer.byteLength(turn.text), 0);
    expect(customerBytes).toBeLessThanOrEqual(MAX_CUSTOMER_TEXT_BYTES);
    expect((await app.services.store.get(callSid))?.status).toBe('completed');
  }, 120_000);
});
