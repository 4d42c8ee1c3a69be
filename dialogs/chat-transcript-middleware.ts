import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { TranscriptTurn } from '../src/store/response-record.js';
import { CHAT_CONVERSATION, chatConversationOf, describeChatConversation } from './chat-conversation.js';
import type { ChatSurveyRecorder } from './chat-survey-recorder.js';

export const START_SURVEY_EVENT = 'startSurvey';

function startsOrContinuesSurvey(context: TurnContext): boolean {
  const { activity } = context;
  return activity.type === ActivityTypes.Message || (activity.type === ActivityTypes.Event && activity.name === START_SURVEY_EVENT);
}

/**
 * Works out the conversation for the turn and, after the turn, appends what the customer said and
 * every message the bot sent to the response's transcript, in order, in one write.
 */
export class ChatTranscriptMiddleware implements Middleware {
  constructor(
    private readonly recorder: ChatSurveyRecorder,
    private readonly defaultLanguage: string,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!startsOrContinuesSurvey(context)) return next();
    context.turnState.set(CHAT_CONVERSATION, describeChatConversation(context, this.defaultLanguage));
    const turns: TranscriptTurn[] = [];
    const { activity } = context;
    if (activity.type === ActivityTypes.Message) {
      turns.push({ at: new Date().toISOString(), speaker: 'customer', text: activity.text ?? '', via: 'text' });
    }
    context.onSendActivities(async (_context, activities, sendNext) => {
      const at = new Date().toISOString();
      for (const sent of activities) {
        if (sent.type === ActivityTypes.Message && sent.text) turns.push({ at, speaker: 'bot', text: sent.text });
      }
      return sendNext();
    });
    await next();
    await this.recorder.appendTurns(chatConversationOf(context), turns);
  }
}
