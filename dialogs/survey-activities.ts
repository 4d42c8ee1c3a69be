import { ActivityTypes, InputHints, MessageFactory, type Activity } from 'botbuilder';
import type { RenderedText } from '../src/survey/render-message.js';

export const SCORE_CHOICES = Array.from({ length: 11 }, (_unused, score) => String(score));

/** A message; `speak` repeats the text, because the phone wording talks about keys a chat user does not have. */
export function surveyMessage(reply: RenderedText, expectingInput = false): Partial<Activity> {
  return MessageFactory.text(reply.text, reply.text, expectingInput ? InputHints.ExpectingInput : InputHints.IgnoringInput);
}

/** The score question with suggested actions 0-10. */
export function scoreQuestionActivity(reply: RenderedText): Partial<Activity> {
  const activity = MessageFactory.suggestedActions(SCORE_CHOICES, reply.text, reply.text, InputHints.ExpectingInput);
  activity.type = ActivityTypes.Message;
  return activity;
}
