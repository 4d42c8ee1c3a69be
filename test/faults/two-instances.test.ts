import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendChatMessage } from '../support/chat-client.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, gatherAction, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

describe('two app instances behind one Redis', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await startTestApp({ PUBLIC_URL: 'https://survey.example.test' });
    second = await startTestApp({ PUBLIC_URL: 'https://survey.example.test' }, { shareRedisWith: first });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('when a call and a chat alternate between instances, then both complete and the summary counts each once', async () => {
    const callSid = newCallSid();
    const opening = await postTwilioWebhook('https://survey.example.test/voice/incoming', callFields(callSid), undefined, first.baseUrl);
    const afterScore = await postTwilioWebhook(gatherAction(opening.body), callFields(callSid, { Digits: '9' }), undefined, second.baseUrl);
    // Twilio retries the score on the other instance: still one response, one count.
    await postTwilioWebhook(gatherAction(opening.body), callFields(callSid, { Digits: '9' }), undefined, first.baseUrl);
    const done = await postTwilioWebhook(gatherAction(afterScore.body), callFields(callSid, { SpeechResult: 'all good', Confidence: '0.9' }), undefined, first.baseUrl);
    expect(done.body).toContain('Thank you for your feedback. Goodbye!');

    expect((await sendChatMessage(first.baseUrl, 'alternating-chat', 'hi')).texts[1]).toBe('How likely are you to recommend us, from 0 to 10?');
    expect((await sendChatMessage(second.baseUrl, 'alternating-chat', '10')).texts).toEqual(['Thank you: 10 out of 10.', 'Glad to hear it! How could we do better?']);
    expect((await sendChatMessage(first.baseUrl, 'alternating-chat', 'nothing, all good')).texts).toEqual(['Thank you for your feedback. Goodbye!']);

    for (const instance of [first, second]) {
      const summary = await (await fetch(`${instance.baseUrl}/api/review/summary`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })).json();
      expect(summary).toMatchObject({ total: 2, promoters: 2, nps: 100 });
    }
  });

  it('when two turns of one chat arrive at both instances at once, then they run one after the other and the dialog state stays whole', async () => {
    await sendChatMessage(first.baseUrl, 'racing-chat', 'hi');
    await Promise.all([sendChatMessage(first.baseUrl, 'racing-chat', '8'), sendChatMessage(second.baseUrl, 'racing-chat', '9')]);
    // Run one after the other, whichever came first is the score and the other the reason.
    // Run together on one dialog state, both would be taken as the score and the survey would hang.
    const record = (await first.services.store.listNewest({ channel: 'chat', limit: 10 })).find((item) => item.conversationId === 'racing-chat');
    expect(record?.status).toBe('completed');
    expect([String(record?.score), record?.reason].sort()).toEqual(['8', '9']);
  });
});
