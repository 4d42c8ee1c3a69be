import type { Decision } from './engine.js';
import type { SurveyLanguage } from './messages/message-catalog.js';
import { fillsPersonalValue, renderMessage, type MessageValues, type RenderedText } from './render-message.js';

export interface ReplyContext {
  language: SurveyLanguage;
  values: MessageValues;
  /** Values for the spoken form, when they differ (a phone number read out digit by digit). */
  speechValues?: MessageValues;
}

/** The messages of a decision in the conversation's language, one per message key. */
export function composeReply(decision: Pick<Decision, 'say' | 'score'>, context: ReplyContext): RenderedText[] {
  const withScore = (values: MessageValues): MessageValues => (decision.score === undefined ? values : { ...values, score: decision.score });
  const values = withScore(context.values);
  const speechValues = context.speechValues ? withScore(context.speechValues) : values;
  return decision.say.map((key) => {
    const message = context.language.messages[key];
    return { ...renderMessage(message, values, speechValues), key, personal: fillsPersonalValue(message.speech ?? message.text, speechValues) };
  });
}
