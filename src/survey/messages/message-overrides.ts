import { MESSAGE_KEYS, type MessageKey, type SurveyLanguage } from './message-catalog.js';
import { SURVEY_LANGUAGE_CODES, surveyLanguage } from './languages.js';

/** Wording a deployment (SURVEY_MESSAGES_FILE) or a campaign puts in place of the built-in one: language → message key → text. */
export type MessageOverrides = Readonly<Record<string, Readonly<Partial<Record<MessageKey, string>>>>>;

export interface CheckedOverrides {
  overrides: MessageOverrides;
  /** One line per problem, naming the language, message and placeholder; empty when the overrides are usable. */
  problems: string[];
}

const MAX_MESSAGE_LENGTH = 2000;
const PLACEHOLDER = /\{(\w+)\}/g;
const KEY_SET: ReadonlySet<string> = new Set(MESSAGE_KEYS);

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** The deployment's own values, filled into any message. */
const EVERYWHERE = ['businessName', 'callbackNumber'];

/** The values a message may use: the deployment's, and those the built-in wording of that message uses in any language. */
function allowedPlaceholders(key: MessageKey): ReadonlySet<string> {
  const names = new Set<string>(EVERYWHERE);
  for (const code of SURVEY_LANGUAGE_CODES) {
    const message = surveyLanguage(code).messages[key];
    for (const name of [...placeholdersIn(message.text), ...placeholdersIn(message.speech ?? '')]) names.add(name);
  }
  return names;
}

/** Values a message cannot do without: the score it confirms, the menu digit it names. */
function requiredPlaceholders(key: MessageKey): string[] {
  return placeholdersIn(surveyLanguage('en').messages[key].text).filter((name) => name === 'score' || name === 'digit');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks overrides read from JSON: every language, message key and placeholder must be known, and `{score}` kept where the message confirms a score. */
export function checkMessageOverrides(raw: unknown): CheckedOverrides {
  const problems: string[] = [];
  const overrides: Record<string, Partial<Record<MessageKey, string>>> = {};
  if (!isRecord(raw)) return { overrides, problems: ['must be a JSON object: { "<lang>": { "<messageKey>": "text" } }'] };
  for (const [language, messages] of Object.entries(raw)) {
    if (!SURVEY_LANGUAGE_CODES.includes(language)) {
      problems.push(`${language}: unknown language (known: ${SURVEY_LANGUAGE_CODES.join(', ')})`);
      continue;
    }
    if (!isRecord(messages)) {
      problems.push(`${language}: must be an object of message key → text`);
      continue;
    }
    const checked: Partial<Record<MessageKey, string>> = {};
    for (const [key, text] of Object.entries(messages)) {
      if (!KEY_SET.has(key)) {
        problems.push(`${language}.${key}: unknown message key`);
        continue;
      }
      const messageKey = key as MessageKey;
      if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_MESSAGE_LENGTH) {
        problems.push(`${language}.${key}: must be a non-empty text of at most ${MAX_MESSAGE_LENGTH} characters`);
        continue;
      }
      const allowed = allowedPlaceholders(messageKey);
      const used = placeholdersIn(text);
      const unknown = [...new Set(used.filter((name) => !allowed.has(name)))];
      const missing = requiredPlaceholders(messageKey).filter((name) => !used.includes(name));
      for (const name of unknown) problems.push(`${language}.${key}: unknown placeholder {${name}} (this message may use ${[...allowed].map((known) => `{${known}}`).join(', ') || 'none'})`);
      for (const name of missing) problems.push(`${language}.${key}: missing {${name}}`);
      if (unknown.length === 0 && missing.length === 0) checked[messageKey] = text;
    }
    overrides[language] = checked;
  }
  return { overrides, problems };
}

/** A language with some of its messages reworded: the new text is both written and spoken. */
export function withOverrides(language: SurveyLanguage, ...layers: (MessageOverrides | undefined)[]): SurveyLanguage {
  let messages = language.messages;
  for (const layer of layers) {
    const reworded = layer?.[language.code];
    if (!reworded) continue;
    messages = { ...messages };
    for (const [key, text] of Object.entries(reworded)) if (text !== undefined) messages[key as MessageKey] = { text };
  }
  return messages === language.messages ? language : { ...language, messages };
}
