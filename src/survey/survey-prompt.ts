import type { Decision, SurveyPosition } from './engine.js';
import type { MessageKey } from './messages/message-catalog.js';
import type { RenderedText } from './render-message.js';

/** What the person is expected to give next: a keypad entry, free text (or speech), a 0-10 score, the consent key. */
export type Expectation = 'keys' | 'text' | 'score' | 'consent' | null;

/**
 * The survey's answer to one turn, the same for every channel: each channel turns it into its own
 * form (Bot Framework activities, TwiML, a text message).
 */
export interface SurveyPrompt {
  /** What the survey says, in order: `text` to write, `speech` to say. */
  replies: RenderedText[];
  expects: Expectation;
  /** What to say when the answer does not come or does not fit; null when nothing more is asked. */
  reprompt: RenderedText | null;
  /** The conversation is over: nothing more is asked. */
  end: boolean;
  /** Where the conversation waits for the answer (voice carries it in the signed action URL); null when it ended. */
  position: SurveyPosition | null;
  /** The conversation's language (ISO 639-1). */
  language: string;
  /** This turn put the person on the do-not-call list: the channel's own lists (the dialer's contacts) follow. */
  optedOut: boolean;
}

export function expectationAt(position: SurveyPosition | null): Expectation {
  if (position === null) return null;
  if (position.step === 'score') return 'score';
  if (position.step === 'consent') return 'consent';
  return 'text';
}

export function retryMessageAt(position: SurveyPosition | null): MessageKey | null {
  if (position === null) return null;
  if (position.step === 'score') return 'scoreRetry';
  if (position.step === 'consent') return 'consentRetry';
  return 'reasonRetry';
}

/** The prompt for a decision whose messages are already rendered. */
export function promptFor(decision: Pick<Decision, 'next' | 'event'>, replies: RenderedText[], reprompt: RenderedText | null, language: string): SurveyPrompt {
  return { replies, expects: expectationAt(decision.next), reprompt, end: decision.next === null, position: decision.next, language, optedOut: decision.event?.type === 'optedOut' };
}
