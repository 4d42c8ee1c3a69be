import type { Decision } from './engine.js';
import type { SurveyLanguage } from './messages/message-catalog.js';
import { renderMessage, type MessageValues, type RenderedText } from './render-message.js';

export interface ReplyContext {
  language: SurveyLanguage;
  values: MessageValues;
}

/** The messages of a decision in the conversation's language, one per message key. */
export function composeReply(decision: Pick<Decision, 'say' | 'score'>, context: ReplyContext): RenderedText[] {
  const values = decision.score === undefined ? context.values : { ...context.values, score: decision.score };
  return decision.say.map((key) => renderMessage(context.language.messages[key], values));
}
