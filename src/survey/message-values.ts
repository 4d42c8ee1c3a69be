import type { SurveySubject } from '../store/response-record.js';
import type { MessageValues } from './render-message.js';
import { spokenPhoneNumber } from './spoken-phone-number.js';

/** How a channel shows text: Markdown (Bot Framework and web chat render it) or plain (text messages). */
export type TextFormat = 'markdown' | 'plain';

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()<>#+\-.!|~:/@&=?"']/g;

/**
 * A name as Markdown shows it, literally: every punctuation mark is escaped, so a name such as
 * `[Claim your refund](https://…)` is neither a link nor, with its dots and colon split apart,
 * something a renderer's autolinker can turn into one.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_PUNCTUATION, (mark) => `\\${mark}`);
}

export interface BusinessValues {
  businessName: string;
  callbackNumber?: string;
}

/** The values messages are filled with, for the written text and for speech. */
export interface ReplyValues {
  text: MessageValues;
  speech: MessageValues;
}

export function replyValues(business: BusinessValues, subject: Pick<SurveySubject, 'customerName' | 'agentName'>, format: TextFormat): ReplyValues {
  const names = { customerName: subject.customerName, agentName: subject.agentName };
  const written = format === 'markdown' ? { customerName: names.customerName && escapeMarkdown(names.customerName), agentName: names.agentName && escapeMarkdown(names.agentName) } : names;
  return {
    text: { businessName: business.businessName, callbackNumber: business.callbackNumber, ...written },
    speech: { businessName: business.businessName, callbackNumber: business.callbackNumber && spokenPhoneNumber(business.callbackNumber), ...names },
  };
}
