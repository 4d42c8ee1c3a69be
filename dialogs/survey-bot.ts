import { ActivityHandler, type TurnContext } from 'botbuilder';
import type { ConversationInput, SurveyConversation } from '../src/survey/survey-conversation.js';
import { PAGE_SURVEY, chatRef, chatStart, type PageSurvey } from './chat-subject.js';
import { promptActivities } from './survey-activities.js';

/** The web chat page's event that opens the survey (it carries the page's personalisation). */
export const START_SURVEY_EVENT = 'startSurvey';

/**
 * Chat channels: a thin translation between Bot Framework activities and the survey. A message is
 * an answer; the user joining the conversation, or the web chat page's `startSurvey` event, opens
 * it with the greeting. Every decision and every write is SurveyConversation's.
 */
export class SurveyBot extends ActivityHandler {
  constructor(private readonly survey: SurveyConversation) {
    super();
  }

  // Overrides rather than onMessage/onEvent handlers: each registered handler runs inside two more
  // chains of generator-based awaits, measurable on every turn.
  protected override async onMessageActivity(context: TurnContext): Promise<void> {
    await this.take(context, { kind: 'message', text: context.activity.text ?? '' });
  }

  protected override async onEventActivity(context: TurnContext): Promise<void> {
    if (context.activity.name === START_SURVEY_EVENT) await this.take(context, { kind: 'start' });
  }

  protected override async onConversationUpdateActivity(context: TurnContext): Promise<void> {
    const { membersAdded, recipient } = context.activity;
    if (membersAdded?.some((member) => member.id !== recipient?.id)) await this.take(context, { kind: 'start' });
  }

  private async take(context: TurnContext, input: ConversationInput): Promise<void> {
    const page = context.turnState.get<PageSurvey | undefined>(PAGE_SURVEY);
    const prompt = await this.survey.converse(chatRef(context.activity, context.turnState.has(PAGE_SURVEY)), chatStart(context.activity, page), input);
    const activities = promptActivities(prompt);
    if (activities.length > 0) await context.sendActivities(activities);
  }
}
