import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { SurveySubject } from '../src/store/response-record.js';

/** What the chat side knows of a conversation, worked out once per turn and kept in turn state. */
export interface ChatConversation {
  /** The response id: derived from channel and conversation, so one conversation is one response. */
  responseId: string;
  channelId: string;
  conversationId: string;
  /** The survey language; settled when the survey begins. */
  language: string;
  subject: SurveySubject;
  /** Set by the language hint of the channel, if any. */
  requestedLanguage?: string;
  test: boolean;
}

export const CHAT_CONVERSATION = Symbol('chatConversation');

const shortText = z.string().trim().min(1).max(100);

/** Optional survey context a channel or the web chat page may send in `channelData.survey`. */
const surveyChannelDataSchema = z
  .object({
    customerName: shortText.optional(),
    customerId: shortText.optional(),
    agentName: shortText.optional(),
    agentId: z.string().regex(/^[\w.@-]{1,64}$/).optional(),
    language: z.string().regex(/^[a-z]{2}(-[A-Za-z]{2})?$/).optional(),
  })
  .partial();

export function chatResponseId(channelId: string, conversationId: string): string {
  return `chat-${createHash('sha256').update(`${channelId}\n${conversationId}`).digest('hex').slice(0, 32)}`;
}

function surveyChannelData(context: TurnContext): z.infer<typeof surveyChannelDataSchema> {
  const channelData = context.activity.channelData as { survey?: unknown } | undefined;
  const parsed = surveyChannelDataSchema.safeParse(channelData?.survey ?? {});
  return parsed.success ? parsed.data : {};
}

const GENERIC_NAMES = /^(user|you|guest|anonymous)$/i;

export function describeChatConversation(context: TurnContext, defaultLanguage: string): ChatConversation {
  const { activity } = context;
  const channelId = activity.channelId ?? 'unknown';
  const conversationId = activity.conversation.id;
  const hints = surveyChannelData(context);
  const fromName = activity.from?.name?.trim();
  const subject: SurveySubject = {};
  const customerName = hints.customerName ?? (fromName && !GENERIC_NAMES.test(fromName) ? fromName.slice(0, 100) : undefined);
  if (customerName) subject.customerName = customerName;
  if (hints.customerId) subject.customerId = hints.customerId;
  if (hints.agentName) subject.agentName = hints.agentName;
  if (hints.agentId) subject.agentId = hints.agentId;
  const conversation: ChatConversation = {
    responseId: chatResponseId(channelId, conversationId),
    channelId,
    conversationId,
    language: defaultLanguage,
    subject,
    test: false,
  };
  if (hints.language) conversation.requestedLanguage = hints.language;
  return conversation;
}

export function chatConversationOf(context: TurnContext): ChatConversation {
  const conversation = context.turnState.get<ChatConversation | undefined>(CHAT_CONVERSATION);
  if (!conversation) throw new Error('the chat conversation middleware did not run for this turn');
  return conversation;
}
