import { german } from './de.js';
import { english } from './en.js';
import { spanish } from './es.js';
import { persian } from './fa.js';
import { french } from './fr.js';
import { hungarian } from './hu.js';
import { lithuanian } from './lt.js';
import type { SurveyLanguage } from './message-catalog.js';

const LANGUAGES: ReadonlyMap<string, SurveyLanguage> = new Map([english, spanish, german, french, hungarian, lithuanian, persian].map((language) => [language.code, language]));

export const SURVEY_LANGUAGE_CODES: readonly string[] = [...LANGUAGES.keys()];

export function isSurveyLanguage(code: string | undefined): code is string {
  return code !== undefined && LANGUAGES.has(code);
}

/** The survey language for an ISO 639-1 code or a BCP 47 locale ("es-MX" → Spanish); English when unknown. */
export function surveyLanguage(codeOrLocale: string | undefined, fallback = 'en'): SurveyLanguage {
  const code = codeOrLocale?.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.get(code ?? '') ?? LANGUAGES.get(fallback) ?? english;
}
