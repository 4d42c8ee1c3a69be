import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { SurveySubject } from '../src/store/response-record.js';
import type { ConversationRef, ConversationStart } from '../src/survey/survey-conversation.js';

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

/** One chat conversation is one response: its id is derived from the channel and the conversation. */
export function chatResponseId(channelId: string, conversationId: string): string {
  return `chat-${createHash('sha256').update(`${channelId}\n${conversationId}`).digest('hex').slice(0, 32)}`;
}

export function chatRef(activity: Pick<Activity, 'channelId' | 'conversation'>): ConversationRef {
  const channelId = activity.channelId ?? 'unknown';
  return { responseId: chatResponseId(channelId, activity.conversation.id), channel: 'chat', conversationId: activity.conversation.id, channelId };
}

const GENERIC_NAMES = /^(user|you|guest|anonymous)$/i;

/**
 * Who a chat survey is about and in which language, from the activity that starts it: the
 * channel's `channelData.survey` hints, the sender's name, the activity's locale. Read only when
 * the conversation's response is created; later activities never change it.
 */
export function chatStart(activity: Pick<Activity, 'channelData' | 'from' | 'locale'>): ConversationStart {
  const channelData = activity.channelData as { survey?: unknown } | undefined;
  const parsed = surveyChannelDataSchema.safeParse(channelData?.survey ?? {});
  const hints = parsed.success ? parsed.data : {};
  const fromName = activity.from?.name?.trim();
  const subject: SurveySubject = {};
  const customerName = hints.customerName ?? (fromName && !GENERIC_NAMES.test(fromName) ? fromName.slice(0, 100) : undefined);
  if (customerName) subject.customerName = customerName;
  if (hints.customerId) subject.customerId = hints.customerId;
  if (hints.agentName) subject.agentName = hints.agentName;
  if (hints.agentId) subject.agentId = hints.agentId;
  const language = hints.language ?? activity.locale;
  return { subject, ...(language ? { language } : {}) };
}
