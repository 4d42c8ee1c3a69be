import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { identityFieldSchemas, identityOf, type SurveyIdentity } from '../src/links/survey-identity.js';
import type { SurveySubject } from '../src/store/response-record.js';
import type { ConversationRef, ConversationStart } from '../src/survey/survey-conversation.js';

const languageSchema = z.string().regex(/^[a-z]{2}(-[A-Za-z]{2})?$/);

/** Optional survey context a channel or the web chat page may send in `channelData.survey`. */
export const surveyChannelDataSchema = z
  .object({
    ...identityFieldSchemas,
    language: languageSchema,
  })
  .partial();

export interface SurveyHints {
  identity: SurveyIdentity;
  language?: string;
}

/** `channelData.survey` as hints; a malformed one counts as none. */
export function surveyHints(channelData: unknown): SurveyHints {
  const survey = (channelData as { survey?: unknown } | undefined)?.survey;
  const parsed = surveyChannelDataSchema.safeParse(survey ?? {});
  if (!parsed.success) return { identity: {} };
  return { identity: identityOf(parsed.data), ...(parsed.data.language ? { language: parsed.data.language } : {}) };
}

/**
 * Put on the turn (`context.turnState`) by a public channel, our Direct Line endpoint: what the page
 * sent in `channelData.survey`, and whether the server found it signed. A turn without it came from
 * an authenticated Bot Framework channel, whose `channelData.survey` is trusted as sent.
 */
export const PAGE_SURVEY = Symbol('pageSurvey');

export interface PageSurvey extends SurveyHints {
  verified: boolean;
}

/** One chat conversation is one response: its id is derived from the channel and the conversation. */
export function chatResponseId(channelId: string, conversationId: string): string {
  return `chat-${createHash('sha256').update(`${channelId}\n${conversationId}`).digest('hex').slice(0, 32)}`;
}

/** Our own page shows replies as plain text (its Web Chat bundle has no Markdown renderer); Bot Framework channels render Markdown. */
export function chatRef(activity: Pick<Activity, 'channelId' | 'conversation'>, fromOurPage = false): ConversationRef {
  const channelId = activity.channelId ?? 'unknown';
  return { responseId: chatResponseId(channelId, activity.conversation.id), channel: 'chat', conversationId: activity.conversation.id, channelId, ...(fromOurPage ? { textFormat: 'plain' as const } : {}) };
}

const GENERIC_NAMES = /^(user|you|guest|anonymous)$/i;

/**
 * What an unsigned page may set: the names, shown as typed (the greeting escapes them), and nothing
 * that acts on a customer or an agent: no customer id (the do-not-call list), no agent or campaign
 * (reports). The response is marked unverified when the page claimed anything.
 */
function pageStart(page: PageSurvey): ConversationStart {
  const language = page.language ? { language: page.language } : {};
  if (page.verified) return { subject: { ...page.identity }, ...language };
  const subject: SurveySubject = {};
  if (page.identity.customerName) subject.customerName = page.identity.customerName;
  if (page.identity.agentName) subject.agentName = page.identity.agentName;
  const claimed = Object.keys(page.identity).length > 0;
  return { subject, ...language, ...(claimed ? { unverified: true } : {}) };
}

/**
 * Who a chat survey is about and in which language, from the activity that starts it. From a Bot
 * Framework channel: its `channelData.survey` hints, the sender's name, the activity's locale. From
 * the public web chat (`page` given): only what the server verified counts (see pageStart); the
 * page's `from.name` is ignored. Read only when the conversation's response is created; later
 * activities never change it.
 */
export function chatStart(activity: Pick<Activity, 'channelData' | 'from' | 'locale'>, page?: PageSurvey): ConversationStart {
  if (page) {
    const start = pageStart(page);
    return start.language || !activity.locale ? start : { ...start, language: activity.locale };
  }
  const hints = surveyHints(activity.channelData);
  const fromName = activity.from?.name?.trim();
  const subject: SurveySubject = { ...hints.identity };
  if (!subject.customerName && fromName && !GENERIC_NAMES.test(fromName)) subject.customerName = fromName.slice(0, 100);
  const language = hints.language ?? activity.locale;
  return { subject, ...(language ? { language } : {}) };
}
