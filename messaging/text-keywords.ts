import { foldedText, words } from '../src/language/normalize.js';
import { isOptOutRequest } from '../src/scoring/opt-out.js';

export type TextKeyword = 'stop' | 'start' | 'help';

/** Carrier keywords and each supported language's word for help (accent-folded). */
const HELP_WORDS = new Map<string, string | undefined>([
  ['help', 'en'],
  ['info', undefined],
  ['ayuda', 'es'],
  ['hilfe', 'de'],
  ['aide', 'fr'],
  ['segitseg', 'hu'],
  ['sugo', 'hu'],
  ['pagalba', 'lt'],
  ['راهنما', 'fa'],
]);

/** Twilio's opt-in keywords, which take a number off the list; `yes` only counts from a number on it. */
const START_WORDS = new Set(['start', 'unstop', 'resume']);
const START_WORDS_WHEN_LISTED = new Set([...START_WORDS, 'yes']);

/** The language a bare keyword gives away, for a reply before any survey is open ("baja" → es). */
const OPT_OUT_WORD_LANGUAGES = new Map<string, string>([
  ['stop', 'en'],
  ['unsubscribe', 'en'],
  ['baja', 'es'],
  ['alto', 'es'],
  ['stopp', 'de'],
  ['abmelden', 'de'],
  ['arret', 'fr'],
  ['arreter', 'fr'],
  ['desabonner', 'fr'],
  ['desinscrire', 'fr'],
  ['leiratkozas', 'hu'],
  ['leiratkozom', 'hu'],
  ['atsisakyti', 'lt'],
  ['atsisakau', 'lt'],
  ['stopas', 'lt'],
  ['لغو', 'fa'],
  ['انصراف', 'fa'],
]);

function bareWord(text: string): string {
  return words(foldedText(text)).join(' ');
}

/** A whole message that is a keyword: an opt-out in any supported language, a carrier opt-in, or help. */
export function textKeyword(text: string, onDoNotCallList: boolean): TextKeyword | null {
  const word = bareWord(text);
  if (HELP_WORDS.has(word)) return 'help';
  if ((onDoNotCallList ? START_WORDS_WHEN_LISTED : START_WORDS).has(word)) return 'start';
  if (isOptOutRequest(text)) return 'stop';
  return null;
}

/** The language a keyword is written in, when the word alone says so. */
export function keywordLanguage(text: string): string | undefined {
  const word = bareWord(text);
  return HELP_WORDS.get(word) ?? OPT_OUT_WORD_LANGUAGES.get(word);
}
