import type { MessageKey } from '../../src/survey/messages/message-catalog.js';
import type { ResponseStatus } from '../../src/store/response-record.js';

/** One thing the person does: the same answer typed in chat and keyed or said on the phone. */
export interface PersonTurn {
  chat: string;
  voice: { keys: string } | { speech: string; confidence?: number } | { silence: true };
  /** What the survey says back, as message keys (worded per channel from the catalogue). */
  replies: MessageKey[];
}

export interface ConversationCase {
  name: string;
  turns: PersonTurn[];
  stored: { score: number | null; category: string | null; reason: string | null; status: ResponseStatus; tag?: string };
}

const keys = (value: string, replies: MessageKey[]): PersonTurn => ({ chat: value, voice: { keys: value }, replies });
const said = (value: string, replies: MessageKey[]): PersonTurn => ({ chat: value, voice: { speech: value, confidence: 0.9 }, replies });

/** The conversation table both channels must follow identically. */
export const CONVERSATIONS: ConversationCase[] = [
  {
    name: 'a promoter answers both questions',
    turns: [keys('9', ['scoreThanks', 'reasonQuestionPromoter']), said('I waited too long on hold', ['thanks'])],
    stored: { score: 9, category: 'promoter', reason: 'I waited too long on hold', status: 'completed', tag: 'wait_time' },
  },
  {
    name: 'two invalid scores are asked again, the third try counts',
    turns: [keys('11', ['scoreRetry']), keys('42', ['scoreRetry']), keys('7', ['scoreThanks', 'reasonQuestionPassive']), said('the agent was rude', ['thanks'])],
    stored: { score: 7, category: 'passive', reason: 'the agent was rude', status: 'completed' },
  },
  {
    name: 'three invalid scores end the survey politely with no score',
    turns: [keys('11', ['scoreRetry']), keys('12', ['scoreRetry']), keys('99', ['giveUp'])],
    stored: { score: null, category: null, reason: null, status: 'abandoned' },
  },
  {
    name: 'a detractor gives a score but no reason three times',
    turns: [keys('3', ['scoreThanks', 'reasonQuestionDetractor']), { chat: ' ', voice: { silence: true }, replies: ['reasonRetry'] }, { chat: ' ', voice: { silence: true }, replies: ['reasonRetry'] }, { chat: ' ', voice: { silence: true }, replies: ['thanks'] }],
    stored: { score: 3, category: 'detractor', reason: null, status: 'partial' },
  },
  {
    name: 'the person opts out at the score question',
    turns: [{ chat: 'stop', voice: { keys: '*' }, replies: ['optedOut'] }],
    stored: { score: null, category: null, reason: null, status: 'opted_out' },
  },
  {
    name: 'one message gives the score and the reason',
    turns: [said("I'd say 7, the wait was long", ['scoreThanks', 'thanks'])],
    stored: { score: 7, category: 'passive', reason: 'the wait was long', status: 'completed', tag: 'wait_time' },
  },
  {
    name: 'a detractor gives the score and the reason after a dash',
    turns: [said('2 — nobody called back', ['scoreThanks', 'thanks'])],
    stored: { score: 2, category: 'detractor', reason: 'nobody called back', status: 'completed' },
  },
  {
    name: 'a bare score still asks for the reason',
    turns: [said('8.', ['scoreThanks', 'reasonQuestionPassive']), said('Nothing, all good', ['thanks'])],
    stored: { score: 8, category: 'passive', reason: 'Nothing, all good', status: 'completed' },
  },
  {
    name: 'the person opts out after scoring',
    turns: [keys('10', ['scoreThanks', 'reasonQuestionPromoter']), { chat: 'unsubscribe', voice: { keys: '*' }, replies: ['optedOut'] }],
    stored: { score: 10, category: 'promoter', reason: null, status: 'opted_out' },
  },
];
