import { mappedAsciiDigits } from './digits.js';
import { mappedNormalize, mappedReplace, originalSpan, type MappedText } from './mapped-text.js';
import { CUED_ONLY_NUMBER_WORDS, NOT_NUMBERS_WITH_ACCENT, SCORE_LANGUAGES, WEAK_NUMBER_WORDS, type ScoreLanguage } from './number-words.js';
import { isSym, isWord, readTokens, type Role } from './score-reading.js';
import { SCALE_MARK, scoreTokens, type ScoreToken } from './score-tokens.js';
import { CLAUSE_ENDS, DOUBTERS, DOUBTERS_AFTER, FILLERS, SCALE_PHRASES, SCORE_CUES } from './score-words.js';
import { phraseAround } from './score-span.js';

/** Only the start of a long reply is read: a score comes early, and reading stays cheap whatever is sent. */
export const MAX_SCORE_TEXT = 2_000;

const SEPARATORS = new Set([',', '.', '!', ';', ':', '-', ')', '(', '?']);
const SEPARATOR_LIST = [...SEPARATORS];
const CONTRACTED_NOT = /n't\b/g;

export interface ScoreMention {
  score: number;
  /** The score phrase in the text as given ("I'd say 7" in "I'd say 7, the wait was long"): text.slice(start, end). */
  start: number;
  end: number;
}

/** The start of `text`, cut at a space near MAX_SCORE_TEXT so no word is split. */
function leading(text: string): string {
  if (text.length <= MAX_SCORE_TEXT) return text;
  const space = text.lastIndexOf(' ', MAX_SCORE_TEXT);
  return text.slice(0, space > MAX_SCORE_TEXT / 2 ? space : MAX_SCORE_TEXT);
}

function prepare(text: string): MappedText {
  let prepared = mappedReplace(mappedAsciiDigits(mappedNormalize(text)), CONTRACTED_NOT, () => ' not');
  for (const phrase of SCALE_PHRASES) prepared = mappedReplace(prepared, phrase, () => ` ${SCALE_MARK} `);
  return prepared;
}

function languagesFor(lang: string | undefined): readonly ScoreLanguage[] {
  const code = lang?.toLowerCase().slice(0, 2);
  const known = SCORE_LANGUAGES.find((l) => l === code);
  return known ? [...new Set<ScoreLanguage>([known, 'en'])] : SCORE_LANGUAGES;
}

const isWeak = (token: ScoreToken | undefined): boolean => token?.kind === 'word' && WEAK_NUMBER_WORDS.has(token.folded);
const needsCue = (token: ScoreToken | undefined): boolean => token?.kind === 'word' && CUED_ONLY_NUMBER_WORDS.has(token.folded);

/** True when a token within `wordsBefore`/`wordsAfter` of `i`, inside its clause, passes `test`. */
function nearby(tokens: ScoreToken[], roles: Role[], i: number, wordsBefore: number, wordsAfter: number, test: (token: ScoreToken, role: Role | undefined) => boolean): boolean {
  for (const [step, limit] of [[-1, wordsBefore], [1, wordsAfter]] as const) {
    let seen = 0;
    for (let k = i + step; k >= 0 && k < tokens.length && seen < limit; k += step) {
      const token = tokens[k];
      if (!token || (token.kind === 'sym' && SEPARATORS.has(token.text))) break;
      if (test(token, roles[k])) return true;
      seen += 1;
    }
  }
  return false;
}

/** The token that is the score and its value, or null: exactly one value, clearly meant, no doubt around it. */
function scoreToken(tokens: ScoreToken[], languages: readonly ScoreLanguage[]): { index: number; value: number; roles: Role[] } | null {
  const reading = readTokens(tokens, languages);
  if (reading.ambiguous) return null;
  const { roles, values, cued } = reading;

  const all: number[] = [];
  for (let i = 0; i < tokens.length; i += 1) if (roles[i] === 'candidate') all.push(i);
  const strong = all.filter((i) => !isWeak(tokens[i]));
  const candidates = strong.length > 0 ? strong : all;
  const isCandidate = new Set(candidates);
  const dropped = new Set(all.filter((i) => !isCandidate.has(i)));
  const first = candidates[0];
  if (first === undefined || candidates.some((i) => values[i] !== values[first])) return null;
  const value = values[first];
  if (value === null || value === undefined || value > 10) return null;

  const isCue = (t: ScoreToken, role: Role | undefined): boolean => role === 'scale' || (t.kind === 'word' && SCORE_CUES.has(t.folded));
  for (const i of candidates) {
    if (nearby(tokens, roles, i, 2, 0, (t) => t.kind === 'word' && DOUBTERS.has(t.folded))) return null;
    if (nearby(tokens, roles, i, 0, 2, (t) => t.kind === 'word' && DOUBTERS_AFTER.has(t.folded))) return null;
    if (needsCue(tokens[i]) && !cued[i] && !nearby(tokens, roles, i, 3, 2, isCue)) return null;
  }
  const isFiller = (token: ScoreToken): boolean => token.kind === 'word' && FILLERS.has(token.folded);
  const onlyFillers = tokens.every((token, i) =>
    isCandidate.has(i) || dropped.has(i) || token.kind === 'sym' || roles[i] === 'scale' || roles[i] === 'connector' ||
    isFiller(token) || (token.kind === 'word' && NOT_NUMBERS_WITH_ACCENT.has(token.raw)));
  if (onlyFillers) return { index: first, value, roles };

  // The first and last words that carry meaning: "un 10, muy amables" leads with its score.
  let firstContent = -1;
  let lastContent = -1;
  tokens.forEach((t, i) => {
    if (t.kind === 'sym' || dropped.has(i) || (isFiller(t) && !isCandidate.has(i))) return;
    if (firstContent === -1) firstContent = i;
    lastContent = i;
  });
  const accepted = candidates.find((i) => {
    if (cued[i]) return true;
    if (nearby(tokens, roles, i, 3, 2, isCue)) return true;
    const leads = i === firstContent && isSym(tokens[i + 1], ...SEPARATOR_LIST);
    const trails = i === lastContent && (isSym(tokens[i - 1], ...SEPARATOR_LIST) || isWord(tokens[i - 1], CLAUSE_ENDS));
    return leads || trails;
  });
  return accepted === undefined ? null : { index: accepted, value, roles };
}

/** findScoreInText on the whole of `text`, however long: its cost grows in step with the length. */
export function readScoreMention(text: string, lang?: string): ScoreMention | null {
  const prepared = prepare(text);
  const tokens = scoreTokens(prepared.text);
  const found = scoreToken(tokens, languagesFor(lang));
  if (!found) return null;
  const phrase = phraseAround(tokens, found.roles, found.index);
  const span = originalSpan(prepared, phrase.start, phrase.end);
  return { score: found.value, start: span.start, end: span.end };
}

/**
 * Finds the 0–10 recommendation score in what a person typed or said (English, Spanish, German,
 * French, Hungarian, Lithuanian or Persian) and where it is: the score with the words of its own
 * phrase ("I'd say 7", "le doy un 8", "۷ از ۱۰"), so the rest can be read as the reason. Null
 * unless exactly one score is clearly meant: more than one candidate, a range, a decimal, a count
 * ("3 times", "20 minutes") or no score-like context ("my son is 7") is not an answer, because a
 * wrong score is worse than asking again. Only the first MAX_SCORE_TEXT characters are read.
 */
export function findScoreInText(text: string, lang?: string): ScoreMention | null {
  return readScoreMention(leading(text), lang);
}

/** The 0–10 score in an answer, or null; see findScoreInText. */
export function parseScore(text: string, lang?: string): number | null {
  return findScoreInText(text, lang)?.score ?? null;
}
