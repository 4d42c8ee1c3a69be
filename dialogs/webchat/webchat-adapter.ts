import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { Logger } from '../../src/logging/logger.js';
import { PAGE_SURVEY } from '../chat-subject.js';
import { ConversationFullError, type StoredActivity, type WebChatConversations } from './conversation-log.js';
import { checkPageSurvey } from './page-survey.js';

export const WEB_CHAT_CHANNEL_ID = 'webchat';
const BOT_ACCOUNT = { id: 'survey-bot', name: 'Survey', role: 'bot' };
/** A `delay` activity pauses the bot's replies; longer pauses would hold the customer's request open. */
const MAX_DELAY_MS = 5_000;

export interface WebChatAdapterOptions {
  conversations: WebChatConversations;
  logger: Logger;
  /** Where the bot's replies notionally go; nothing is ever posted there. */
  serviceUrl: string;
  /** WEBCHAT_SIGNING_SECRET: without it, no identity the page sends is verified. */
  signingSecret?: string | undefined;
  now?: () => Date;
}

/** What the customer's browser posted, already checked. */
export type IncomingActivity = Pick<Activity, 'type'> & Partial<Pick<Activity, 'text' | 'name' | 'value' | 'locale' | 'channelData' | 'textFormat'>> & { from: { id: string; name?: string } };

export class TurnNotRunError extends Error {
  constructor(cause: unknown) {
    super('the turn did not start (the conversation is busy or storage is unavailable)', { cause });
    this.name = 'TurnNotRunError';
  }
}

/**
 * Web Chat's channel, in the style of BotBuilder's console adapter: a turn runs the same middleware
 * and bot as /api/messages, and whatever the bot sends is appended to the conversation's log in
 * Redis, where the page's Direct Line client polls for it. The customer's own activity is logged
 * first, inside the turn: a turn the log's cap refuses never reaches the bot, so it is never
 * recorded either. Every turn carries the page's survey fields as the server checked them
 * (PAGE_SURVEY), never as the page claims them.
 */
export class WebChatAdapter extends BotAdapter {
  constructor(private readonly options: WebChatAdapterOptions) {
    super();
    this.onTurnError = async (context, error) => {
      options.logger.error({ err: error, conversation: context.activity.conversation?.id }, 'web chat turn failed');
      await context.sendActivity('Sorry, something went wrong on our side. Please try again in a moment.');
    };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private reference(conversationId: string): Partial<ConversationReference> {
    return {
      channelId: WEB_CHAT_CHANNEL_ID,
      serviceUrl: this.options.serviceUrl,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      bot: { ...BOT_ACCOUNT },
    };
  }

  /**
   * One turn for an activity the customer posted: answers the id it was logged under. Throws
   * ConversationFullError, or TurnNotRunError when the turn failed before the activity was logged
   * (the bot never saw it).
   */
  async processActivity(conversationId: string, incoming: IncomingActivity, logic: (context: TurnContext) => Promise<void>): Promise<string> {
    const activity = {
      ...incoming,
      from: { ...incoming.from, role: 'user' },
      recipient: { ...BOT_ACCOUNT },
      timestamp: this.now(),
      ...this.reference(conversationId),
    } as Activity;
    const context = new TurnContext(this, activity);
    // The page is on the open internet: the bot reads its survey fields only as checked here.
    const page = checkPageSurvey(incoming.channelData, this.options.signingSecret, this.now());
    if (page.verdict !== 'verified' && page.verdict !== 'unsigned') this.options.logger.info({ conversation: conversationId, verdict: page.verdict }, 'web chat identity not verified');
    context.turnState.set(PAGE_SURVEY, page.survey);
    let loggedId: string | undefined;
    let full: ConversationFullError | undefined;
    try {
      await this.runMiddleware(context, async (turn) => {
        try {
          loggedId = await this.options.conversations.append(conversationId, withoutId(turn.activity));
        } catch (error) {
          if (!(error instanceof ConversationFullError)) throw error;
          full = error;
          return;
        }
        turn.activity.id = loggedId;
        await logic(turn);
      });
    } catch (error) {
      // Only onTurnError itself failing lands here (Redis gone while apologising, say).
      if (loggedId === undefined) throw new TurnNotRunError(error);
      this.options.logger.error({ err: error, conversation: conversationId }, 'web chat turn error handler failed');
    }
    if (full) throw full;
    if (loggedId === undefined) throw new TurnNotRunError(undefined);
    return loggedId;
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation.id;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, Math.min(Number(activity.value) || 0, MAX_DELAY_MS)));
        responses.push({ id: '' });
      } else if (activity.type === ActivityTypes.Trace || activity.type === ActivityTypes.InvokeResponse) {
        // Bot Framework sends neither to a channel: traces are for the Emulator, invoke responses answer an HTTP call.
        responses.push({ id: '' });
      } else {
        const outgoing: StoredActivity = { ...withoutId(activity), from: { ...BOT_ACCOUNT }, timestamp: this.now() };
        responses.push({ id: await this.options.conversations.append(conversationId, outgoing) });
      }
    }
    return responses;
  }

  /** Web Chat over polling has no way to learn of an edit. */
  updateActivity(): Promise<void> {
    return Promise.reject(new Error('WebChatAdapter.updateActivity(): not supported'));
  }

  /** Web Chat over polling has no way to learn of a deletion. */
  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('WebChatAdapter.deleteActivity(): not supported'));
  }

  /** A proactive turn: the bot's messages reach the page at its next poll. */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    if (!reference.conversation?.id) throw new Error('WebChatAdapter.continueConversation(): the reference names no conversation');
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, { ...this.reference(reference.conversation.id), ...reference }, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}

function withoutId(activity: Partial<Activity>): StoredActivity {
  const { id: _id, ...rest } = activity;
  return rest;
}
