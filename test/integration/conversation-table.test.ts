import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeReply } from '../../src/survey/compose-reply.js';
import { english } from '../../src/survey/messages/en.js';
import type { MessageKey } from '../../src/survey/messages/message-catalog.js';
import { sendChatMessage } from '../support/chat-client.js';
import { CONVERSATIONS, type ConversationCase } from '../support/survey-conversations.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, gatherAction, newCallSid, postTwilioWebhook, textFields } from '../support/twilio-webhook.js';

const values = { businessName: 'Example Telecom', callbackNumber: '+15550001111' };

function worded(say: MessageKey[], score: number | null): { texts: string[]; speech: string } {
  const replies = composeReply({ say, ...(score === null ? {} : { score }) }, { language: english, values });
  return { texts: replies.map((reply) => reply.text), speech: replies.map((reply) => reply.speech).join(' ') };
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function spoken(twiml: string): string {
  return [...twiml.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((match) => unescapeXml(match[1] ?? '')).join(' ');
}

/** The one text message of a TwiML messaging response (the turn's replies, joined). */
function texted(twiml: string): string {
  const match = /<Message>([^<]*)<\/Message>/.exec(twiml);
  return match ? unescapeXml(match[1] ?? '') : '';
}

async function storedResponse(app: TestApp, channel: 'chat' | 'voice' | 'sms', conversationId: string): Promise<Record<string, unknown>> {
  const list = await fetch(`${app.baseUrl}/api/review/responses?channel=${channel}&limit=100`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  const { items } = (await list.json()) as { items: Array<Record<string, unknown>> };
  const found = items.find((item) => item.conversationId === conversationId || (channel === 'sms' && item.phone === conversationId));
  if (!found) throw new Error(`no ${channel} response for ${conversationId}`);
  return found;
}

function expectStored(record: Record<string, unknown>, conversation: ConversationCase): void {
  const { tag, ...fields } = conversation.stored;
  expect(record).toMatchObject(fields);
  if (tag) expect(record.tags).toContain(tag);
}

describe('the conversation table', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  describe.each(CONVERSATIONS)('when $name', (conversation) => {
    const score = conversation.stored.score;

    it('then chat replies and stores it the same way', async () => {
      const conversationId = `conv-${Math.random().toString(36).slice(2)}`;
      const opening = await sendChatMessage(app.baseUrl, conversationId, 'hi');
      expect(opening.texts).toEqual(worded(['greeting', 'scoreQuestion'], null).texts);
      for (const turn of conversation.turns) {
        const reply = await sendChatMessage(app.baseUrl, conversationId, turn.chat);
        expect(reply.status).toBe(200);
        expect(reply.texts).toEqual(worded(turn.replies, score).texts);
      }
      expectStored(await storedResponse(app, 'chat', conversationId), conversation);
    });

    it('then voice replies and stores it the same way', async () => {
      const callSid = newCallSid();
      let twiml = (await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid))).body;
      expect(spoken(twiml)).toBe(worded(['scoreQuestion'], null).speech);
      for (const turn of conversation.turns) {
        const fields: Record<string, string> = 'keys' in turn.voice ? { Digits: turn.voice.keys } : 'speech' in turn.voice ? { SpeechResult: turn.voice.speech, Confidence: String(turn.voice.confidence ?? 0.9) } : {};
        twiml = (await postTwilioWebhook(gatherAction(twiml), callFields(callSid, fields))).body;
        expect(spoken(twiml)).toBe(worded(turn.replies, score).speech);
      }
      expect(twiml).toContain('<Hangup/>');
      expectStored(await storedResponse(app, 'voice', callSid), conversation);
    });

    it('then SMS replies and stores it the same way', async () => {
      const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      const text = async (body: string) => texted((await postTwilioWebhook(`${app.baseUrl}/sms/incoming`, textFields(phone, body))).body);
      expect(await text('hi')).toBe(worded(['greeting', 'scoreQuestion'], null).texts.join(' '));
      for (const turn of conversation.turns) expect(await text(turn.chat)).toBe(worded(turn.replies, score).texts.join(' '));
      const stored = await storedResponse(app, 'sms', phone);
      expect(stored.channel).toBe('sms');
      expectStored(stored, conversation);
    });
  });
});
