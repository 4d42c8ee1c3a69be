import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatResponseId } from '../../dialogs/chat-subject.js';
import { sendChatMessage } from '../support/chat-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const GREETING = 'Hi! Thanks for contacting Example Telecom. Two quick questions; type "stop" at any time to opt out.';
const SCORE_QUESTION = 'How likely are you to recommend us, from 0 to 10?';

/** A conversationUpdate as the Emulator or Teams sends it when people join; the replies come back in the body. */
async function membersAdded(app: TestApp, conversationId: string, memberIds: string[]): Promise<Array<Partial<Activity>>> {
  const response = await fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'conversationUpdate',
      channelId: 'emulator',
      from: { id: 'user-1' },
      recipient: { id: 'survey-bot' },
      conversation: { id: conversationId },
      membersAdded: memberIds.map((id) => ({ id })),
      deliveryMode: 'expectReplies',
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { activities: Array<Partial<Activity>> }).activities;
}

describe('chat survey turns', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ BUSINESS_NAME: 'Example Telecom' });
  });
  afterAll(async () => app?.close());

  const transcriptLength = (channelId: string, conversationId: string) => app.redis.redis.llen(app.services.keys.transcript(chatResponseId(channelId, conversationId)));

  it('when the user joins the conversation, then the bot greets and asks the score once, and the bot joining alone gets nothing', async () => {
    expect(await membersAdded(app, 'c-join-bot', ['survey-bot'])).toEqual([]);
    const greeting = await membersAdded(app, 'c-join', ['survey-bot', 'user-1']);
    expect(greeting.map((activity) => activity.text)).toEqual([GREETING, SCORE_QUESTION]);
    expect(greeting[1]?.suggestedActions?.actions.map((action) => action.value)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(await membersAdded(app, 'c-join', ['user-1'])).toEqual([]);
  });

  it('when the person has opted out and writes again, then they are told they opted out and nothing is appended', async () => {
    await sendChatMessage(app.baseUrl, 'c-out', 'hello');
    expect((await sendChatMessage(app.baseUrl, 'c-out', 'stop')).texts).toEqual(["You won't be contacted for surveys again. Goodbye."]);
    const before = await transcriptLength('test', 'c-out');
    expect((await sendChatMessage(app.baseUrl, 'c-out', '9')).texts).toEqual(["You've opted out, so we won't contact you for surveys again."]);
    expect(await transcriptLength('test', 'c-out')).toBe(before);
  });

  it('when a finished survey gets "stop", then the customer it was about joins the do-not-call list, although the message names nobody', async () => {
    await sendChatMessage(app.baseUrl, 'c-late-stop', 'hi', { channelData: { survey: { customerId: 'cust-late-stop' } } });
    await sendChatMessage(app.baseUrl, 'c-late-stop', '9');
    await sendChatMessage(app.baseUrl, 'c-late-stop', 'all good');
    expect((await sendChatMessage(app.baseUrl, 'c-late-stop', 'stop')).texts).toEqual(["You won't be contacted for surveys again. Goodbye."]);
    expect(await app.services.doNotCall.hasCustomer('cust-late-stop')).toBe(true);
    const [record] = (await app.services.store.listNewest({ channel: 'chat', limit: 50 })).filter((item) => item.conversationId === 'c-late-stop');
    expect(record?.status).toBe('completed');
  });

  it('when a later message carries another customer id, then the survey stays about the first one', async () => {
    await sendChatMessage(app.baseUrl, 'c-subject', 'hi', { channelData: { survey: { customerId: 'cust-first' } } });
    await sendChatMessage(app.baseUrl, 'c-subject', 'stop', { channelData: { survey: { customerId: 'cust-second' } } });
    expect(await app.services.doNotCall.hasCustomer('cust-first')).toBe(true);
    expect(await app.services.doNotCall.hasCustomer('cust-second')).toBe(false);
  });

  it('when the customer name is Markdown with a link, then the greeting shows it as literal text', async () => {
    const reply = await sendChatMessage(app.baseUrl, 'c-markdown', 'hi', { channelData: { survey: { customerName: '[Claim your refund](https://evil.example)' } } });
    expect(reply.texts[0]).toBe(
      'Hi \\[Claim your refund\\]\\(https\\:\\/\\/evil\\.example\\)! Thanks for contacting Example Telecom. Two quick questions; type "stop" at any time to opt out.',
    );
  });

  it('when a survey is over and the person keeps writing, then each message gets one short reply and the transcript stops growing', async () => {
    await sendChatMessage(app.baseUrl, 'c-closed', 'hi');
    await sendChatMessage(app.baseUrl, 'c-closed', '11');
    await sendChatMessage(app.baseUrl, 'c-closed', '12');
    expect((await sendChatMessage(app.baseUrl, 'c-closed', '13')).texts).toEqual(["Sorry, we couldn't get your answer. Thank you for your time. Goodbye."]);
    const lines = await transcriptLength('test', 'c-closed');
    for (let message = 0; message < 5; message += 1) expect((await sendChatMessage(app.baseUrl, 'c-closed', 'hello?')).texts).toEqual(['This survey is closed. Thank you!']);
    expect(await transcriptLength('test', 'c-closed')).toBe(lines);
  });
});
