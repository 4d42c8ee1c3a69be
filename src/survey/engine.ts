import { isOptOutRequest } from '../scoring/opt-out.js';
import { parseScore } from '../scoring/parse-score.js';
import { readScoreAndReason } from '../scoring/score-and-reason.js';
import { npsCategory } from './category.js';
import type { MessageKey } from './messages/message-catalog.js';
import { CONSENT_KEY, MAX_REASON_LENGTH, MAX_TRIES, MIN_SPEECH_CONFIDENCE, OPT_OUT_KEY } from './survey-rules.js';

/**
 * The survey as a pure step function, shared by every channel: given where the conversation is
 * and one answer, it says what happened, what to say next and where the conversation goes.
 */
export type SurveyStep = 'consent' | 'score' | 'reason';

export interface SurveyPosition {
  step: SurveyStep;
  /** 1 for the first time the question is asked, up to MAX_TRIES. */
  attempt: number;
}

export type Answer =
  | { kind: 'keys'; digits: string }
  | { kind: 'text'; text: string; confidence?: number }
  | { kind: 'silence' };

export type SurveyEvent =
  | { type: 'score'; score: number }
  | { type: 'reason'; reason: string }
  /** One message answered both questions. */
  | { type: 'scoreAndReason'; score: number; reason: string }
  | { type: 'optedOut' }
  | { type: 'gaveUp'; step: SurveyStep };

export interface Decision {
  event: SurveyEvent | null;
  /** Messages to say, in order. */
  say: MessageKey[];
  /** Where the conversation waits next; null when it ends. */
  next: SurveyPosition | null;
  /** The score known at this point, for messages that mention it. */
  score?: number;
}

/** `textInvitation`: the business's first text message (SMS, WhatsApp), which already asks for the score. */
export type Opening = 'chat' | 'inboundCall' | 'outboundCall' | 'textInvitation';

const DTMF_SCORE = /^(10|[0-9])$/;

export function reasonQuestionFor(score: number): MessageKey {
  const category = npsCategory(score);
  if (category === 'promoter') return 'reasonQuestionPromoter';
  if (category === 'passive') return 'reasonQuestionPassive';
  return 'reasonQuestionDetractor';
}

function isOptOut(answer: Answer, lang?: string): boolean {
  if (answer.kind === 'keys') return answer.digits === OPT_OUT_KEY;
  if (answer.kind === 'text') return isOptOutRequest(answer.text, lang);
  return false;
}

function heardText(answer: Answer): string | null {
  if (answer.kind !== 'text') return null;
  if (answer.confidence !== undefined && answer.confidence < MIN_SPEECH_CONFIDENCE) return null;
  const text = answer.text.trim();
  return text === '' ? null : text;
}

function readScore(answer: Answer, lang?: string): number | null {
  if (answer.kind === 'keys') return DTMF_SCORE.test(answer.digits) ? Number(answer.digits) : null;
  const text = heardText(answer);
  return text === null ? null : parseScore(text, lang);
}

function retryOrGiveUp(position: SurveyPosition, retry: MessageKey, giveUp: MessageKey): Decision {
  if (position.attempt < MAX_TRIES) {
    return { event: null, say: [retry], next: { step: position.step, attempt: position.attempt + 1 } };
  }
  return { event: { type: 'gaveUp', step: position.step }, say: [giveUp], next: null };
}

export function scoreAccepted(score: number): Decision {
  return { event: { type: 'score', score }, say: ['scoreThanks', reasonQuestionFor(score)], next: { step: 'reason', attempt: 1 }, score };
}

/** A score, or a score and the reason in one message ("7, the wait was long"); null when the answer holds no score. */
function scoreAnswer(answer: Answer, lang?: string): Decision | null {
  const text = heardText(answer);
  const both = text === null ? null : readScoreAndReason(text, lang);
  if (both) {
    const reason = both.reason.slice(0, MAX_REASON_LENGTH);
    return { event: { type: 'scoreAndReason', score: both.score, reason }, say: ['scoreThanks', 'thanks'], next: null, score: both.score };
  }
  const score = readScore(answer, lang);
  return score === null ? null : scoreAccepted(score);
}

/** One answer at one position. `lang` helps read typed or spoken words. */
export function decide(position: SurveyPosition, answer: Answer, lang?: string): Decision {
  if (isOptOut(answer, lang)) return { event: { type: 'optedOut' }, say: ['optedOut'], next: null };
  switch (position.step) {
    case 'consent': {
      const started = answer.kind === 'keys' ? answer.digits === CONSENT_KEY : readScore(answer, lang) === 1;
      if (started) return { event: null, say: ['scoreQuestion'], next: { step: 'score', attempt: 1 } };
      return retryOrGiveUp(position, 'consentRetry', 'giveUp');
    }
    case 'score':
      return scoreAnswer(answer, lang) ?? retryOrGiveUp(position, 'scoreRetry', 'giveUp');
    case 'reason': {
      const text = heardText(answer);
      if (text !== null) return { event: { type: 'reason', reason: text.slice(0, MAX_REASON_LENGTH) }, say: ['thanks'], next: null };
      return retryOrGiveUp(position, 'reasonRetry', 'thanks');
    }
  }
}

/**
 * How a conversation opens. A chat whose first message already is a score (or an opt-out)
 * is answered at once; otherwise the person is greeted and asked.
 */
export function open(opening: Opening, firstMessage?: string, lang?: string): Decision {
  if (opening === 'outboundCall') return { event: null, say: ['callIntro', 'consentQuestion'], next: { step: 'consent', attempt: 1 } };
  if (opening === 'textInvitation') return { event: null, say: ['smsInvitation'], next: { step: 'score', attempt: 1 } };
  if (opening === 'inboundCall') return { event: null, say: ['scoreQuestion'], next: { step: 'score', attempt: 1 } };
  if (firstMessage !== undefined) {
    const answer: Answer = { kind: 'text', text: firstMessage };
    if (isOptOut(answer, lang)) return decide({ step: 'score', attempt: 1 }, answer, lang);
    const scored = scoreAnswer(answer, lang);
    if (scored) return scored;
  }
  return { event: null, say: ['greeting', 'scoreQuestion'], next: { step: 'score', attempt: 1 } };
}
