/**
 * What the survey says, per language. A message has `text` for chat and `speech` for voice when
 * the two differ. `{name}` inserts a value; `[ … ]` is dropped when a value inside it is unknown.
 */
export interface MessageText {
  text: string;
  speech?: string;
}

export const MESSAGE_KEYS = [
  'greeting',
  'scoreQuestion',
  'scoreRetry',
  'scoreThanks',
  'reasonQuestionDetractor',
  'reasonQuestionPassive',
  'reasonQuestionPromoter',
  'reasonRetry',
  'thanks',
  'giveUp',
  'optedOut',
  'alreadyAnswered',
  'alreadyOptedOut',
  'surveyClosed',
  'transcriptFull',
  'smsInvitation',
  'smsHelp',
  'optedIn',
  'callIntro',
  'consentQuestion',
  'consentRetry',
  'machineMessage',
  'serviceUnavailable',
  /** One line of the inbound language menu, in its own language: "For English, press 1." */
  'languageMenuOption',
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];

export type MessageCatalog = Record<MessageKey, MessageText>;

export interface SurveyLanguage {
  /** ISO 639-1 code. */
  code: string;
  /** BCP 47 tag for Twilio's <Say> and speech recognition. */
  voiceLocale: string;
  messages: MessageCatalog;
}
