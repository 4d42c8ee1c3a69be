import { ActivityTypes, InputHints, MessageFactory, type Activity } from 'botbuilder';
import type { SurveyPrompt } from '../src/survey/survey-prompt.js';

export const SCORE_CHOICES = Array.from({ length: 11 }, (_unused, score) => String(score));

/**
 * The survey's prompt as Bot Framework messages, in order. `speak` repeats the text, because the
 * phone wording talks about keys a chat user does not have. The last message carries the input
 * hint, and the score question offers 0-10 as suggested actions.
 */
export function promptActivities(prompt: SurveyPrompt): Array<Partial<Activity>> {
  return prompt.replies.map((reply, index) => {
    const last = index === prompt.replies.length - 1;
    if (last && prompt.expects === 'score') {
      const activity = MessageFactory.suggestedActions(SCORE_CHOICES, reply.text, reply.text, InputHints.ExpectingInput);
      activity.type = ActivityTypes.Message;
      return activity;
    }
    return MessageFactory.text(reply.text, reply.text, last && prompt.expects !== null ? InputHints.ExpectingInput : InputHints.IgnoringInput);
  });
}
