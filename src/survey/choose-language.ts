import { detectLanguage } from '../language/detect-language.js';
import { isSurveyLanguage, surveyLanguage } from './messages/languages.js';

export interface LanguageChoice {
  /** The survey's language: a supported one. */
  code: string;
  /** What the text looked like when that was not supported (recorded with the response); undefined otherwise. */
  detected?: string;
}

/**
 * The survey language, settled when a conversation starts: an explicit choice (a locale, a campaign
 * contact's language) when it is supported, else the language the first message is confidently
 * written in, else the default. An unsupported language is never swapped for another by guesswork.
 */
export function chooseLanguage(explicit: string | undefined, firstMessage: string | undefined, defaultLanguage: string): LanguageChoice {
  const asked = explicit?.toLowerCase().split(/[-_]/)[0];
  if (isSurveyLanguage(asked)) return { code: asked };
  const detected = firstMessage ? detectLanguage(firstMessage) : 'und';
  if (isSurveyLanguage(detected)) return { code: detected };
  const fallback = surveyLanguage(defaultLanguage).code;
  return detected === 'und' ? { code: fallback } : { code: fallback, detected };
}
