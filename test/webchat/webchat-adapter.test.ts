import { Writable } from 'node:stream';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { createKeys } from '../../src/redis/keys.js';
import { ConversationFullError, MAX_ACTIVITIES_PER_CONVERSATION, WebChatConversations } from '../../dialogs/webchat/conversation-log.js';
import { WEB_CHAT_CHANNEL_ID, WebChatAdapter } from '../../dialogs/webchat/webchat-adapter.js';
import { createTestRedis, type TestRedis } from '../support/test-redis.js';

const CONVERSATION = 'adapterTestConversation01';
const customerSays = (text: string) => ({ type: ActivityTypes.Message, text, from: { id: 'customer-1' } });

describe('WebChatAdapter', () => {
  let redis: TestRedis;
  let conversations: WebChatConversations;
  let adapter: WebChatAdapter;
  let logLines: string[];

  beforeEach(async () => {
    redis = await createTestRedis();
    const keys = createKeys(redis.prefix);
    conversations = new WebChatConversations(redis.redis, keys);
    logLines = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    adapter = new WebChatAdapter({ conversations, logger: createLogger('error', sink), serviceUrl: 'http://127.0.0.1/v3/directline' });
    await conversations.open(CONVERSATION, new Date());
  });
  afterEach(async () => redis?.cleanup());

  const texts = async () => (await conversations.readFrom(CONVERSATION, 0)).activities.map((activity) => `${activity.from?.role}: ${activity.text ?? `[${activity.type}]`}`);

  it('when the bot replies, then the customer activity and the replies are logged in order, addressed as Direct Line addresses them', async () => {
    const id = await adapter.processActivity(CONVERSATION, customerSays('9'), async (context) => {
      await context.sendActivities([{ type: ActivityTypes.Message, text: 'Thanks!' }, { type: 'delay', value: 1 }, { type: ActivityTypes.Trace, name: 'debug' }, { type: ActivityTypes.Message, text: 'Why?' }]);
    });
    expect(id).toBe(`${CONVERSATION}|0000000`);
    expect(await texts()).toEqual(['user: 9', 'bot: Thanks!', 'bot: Why?']);
    const [, reply] = (await conversations.readFrom(CONVERSATION, 0)).activities;
    expect(reply).toMatchObject({ id: `${CONVERSATION}|0000001`, channelId: WEB_CHAT_CHANNEL_ID, conversation: { id: CONVERSATION }, replyToId: id, recipient: { id: 'customer-1' } });
  });

  it('when the bot fails mid-turn, then the error goes to onTurnError, whose apology follows the customer message', async () => {
    const id = await adapter.processActivity(CONVERSATION, customerSays('hello'), () => Promise.reject(new Error('dialog exploded')));
    expect(id).toBe(`${CONVERSATION}|0000000`);
    expect(await texts()).toEqual(['user: hello', 'bot: Sorry, something went wrong on our side. Please try again in a moment.']);
    expect(logLines.join('')).toContain('dialog exploded');
  });

  it('when the bot tries to edit or delete a sent message, then the adapter refuses', async () => {
    const refusals: string[] = [];
    await adapter.processActivity(CONVERSATION, customerSays('hi'), async (context: TurnContext) => {
      const sent = await context.sendActivity('first');
      await context.updateActivity({ id: sent?.id, type: ActivityTypes.Message, text: 'edited' }).catch((error: Error) => refusals.push(error.message));
      await context.deleteActivity(sent?.id ?? '').catch((error: Error) => refusals.push(error.message));
    });
    expect(refusals).toEqual(['WebChatAdapter.updateActivity(): not supported', 'WebChatAdapter.deleteActivity(): not supported']);
    expect(await texts()).toEqual(['user: hi', 'bot: first']);
  });

  it('when the bot continues a conversation proactively, then its message reaches the log', async () => {
    await adapter.continueConversation({ conversation: { id: CONVERSATION, isGroup: false, conversationType: 'personal', name: '' } }, async (context) => {
      await context.sendActivity('Are you still there?');
    });
    expect(await texts()).toEqual(['bot: Are you still there?']);
  });

  it('when a conversation already holds the most activities allowed, then a further one is refused and the bot never sees it', async () => {
    const keys = createKeys(redis.prefix);
    await redis.redis.rpush(keys.webChatActivities(CONVERSATION), ...Array.from({ length: MAX_ACTIVITIES_PER_CONVERSATION }, () => '{"type":"typing"}'));
    let ran = false;
    const turn = adapter.processActivity(CONVERSATION, customerSays('9'), () => {
      ran = true;
      return Promise.resolve();
    });
    await expect(turn).rejects.toBeInstanceOf(ConversationFullError);
    expect(ran).toBe(false);
  });
});
