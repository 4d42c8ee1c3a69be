import { normalizeText } from '../language/normalize.js';
import { toAsciiDigits } from './digits.js';
import { NOT_NUMBERS_WITH_ACCENT, SCORE_LANGUAGES, WEAK_NUMBER_WORDS, numberWord, type ScoreLanguage } from './number-words.js';
import {
  CLAUSE_ENDS, DOUBTERS, FILLERS, NOT_SCORE_BEFORE, OTHER_SCALE_WORDS, OUT_OF, SCALE_PHRASES, SCALE_SUFFIXES, SCORE_CUES,
  SCORE_SUFFIXES, UNITS, UNIT_SUFFIXES,
} from './score-words.js';
import { scoreTokens, type ScoreToken } from './score-tokens.js';

/**
 * What each token turned out to be. `candidate` is a number that may be the score; `count` a
 * number that is something else (a duration, a time, an identifier); `scale` the "10" of "8/10".
 */
type Role = 'candidate' | 'count' | 'scale' | 'connector' | 'other';

interface Reading {
  roles: Role[];
  values: Array<number | null>;
  /** A number is marked as the score by its own form or its neighbours ("nyolcas", "8/10", "give it 8"). */
  cued: boolean[];
  ambiguous: boolean;
}

const SEPARATORS = new Set([',', '.', '!', ';', ':', '-', ')', '(', '?']);
const NOT_AN_ANSWER = null;

function prepare(text: string): string {
  let prepared = normalizeText(toAsciiDigits(text)).replace(/n't\b/g, ' not');
  for (const phrase of SCALE_PHRASES) prepared = prepared.replace(phrase, ' ');
  return prepared;
}

function languagesFor(lang: string | undefined): readonly ScoreLanguage[] {
  const code = lang?.toLowerCase().slice(0, 2);
  const known = SCORE_LANGUAGES.find((l) => l === code);
  return known ? [...new Set<ScoreLanguage>([known, 'en'])] : SCORE_LANGUAGES;
}

function valueOf(token: ScoreToken | undefined, languages: readonly ScoreLanguage[]): { value: number; scale: boolean; grade: boolean } | null {
  if (!token) return null;
  if (token.kind === 'digits') {
    // "06" or "00" is a code or a key sequence, not a score.
    const value = token.text.length > 1 && token.text.startsWith('0') ? 99 : Number(token.text);
    return { value, scale: SCALE_SUFFIXES.has(token.suffix), grade: SCORE_SUFFIXES.has(token.suffix) };
  }
  if (token.kind !== 'word' || NOT_NUMBERS_WITH_ACCENT.has(token.raw)) return null;
  const word = numberWord(token.folded, languages);
  return word ? { value: word.value, scale: word.isScale, grade: word.isGrade } : null;
}

const isWord = (token: ScoreToken | undefined, words: Set<string>): boolean => token?.kind === 'word' && words.has(token.folded);
const isSym = (token: ScoreToken | undefined, ...chars: string[]): boolean => token?.kind === 'sym' && chars.includes(token.text);

/** Marks "N/10", "N out of 10", "N de 10", "N von 10", "N sur 10"; another denominator makes the answer ambiguous. */
function readOutOf(tokens: ScoreToken[], i: number, reading: Reading, languages: readonly ScoreLanguage[]): void {
  let next = i + 1;
  if (isSym(tokens[next], '/')) next += 1;
  else if (isWord(tokens[next], new Set(['out'])) && isWord(tokens[next + 1], new Set(['of']))) next += 2;
  else if (isWord(tokens[next], OUT_OF)) next += 1;
  else return;
  const denominator = valueOf(tokens[next], languages);
  if (!denominator) return;
  if (isSym(tokens[next + 1], '/', '.') && tokens[next + 2]?.kind === 'digits') {
    // A date such as 8/10/2024.
    reading.roles[i] = 'count';
    reading.roles[next] = 'count';
    return;
  }
  if (denominator.value !== 10) {
    reading.ambiguous = true;
    return;
  }
  for (let k = i + 1; k < next; k += 1) reading.roles[k] = 'connector';
  reading.roles[next] = 'scale';
  reading.cued[i] = true;
}

/** Looks at what is attached to the number at `i`: units, symbols, suffixes, words before it. */
function readSurroundings(tokens: ScoreToken[], i: number, reading: Reading, languages: readonly ScoreLanguage[]): void {
  const token = tokens[i];
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (!token) return;
  if (token.kind === 'digits' && token.suffix !== '') {
    if (UNIT_SUFFIXES.has(token.suffix)) reading.roles[i] = 'count';
    else if (!SCORE_SUFFIXES.has(token.suffix) && !SCALE_SUFFIXES.has(token.suffix)) reading.ambiguous = true;
  }
  if (isWord(after, UNITS) || (isWord(after, new Set(['o'])) && isWord(tokens[i + 2], new Set(['clock'])))) {
    reading.roles[i] = 'count';
    if (valueOf(after, languages)) reading.roles[i + 1] = 'other';
  }
  if (isWord(before, NOT_SCORE_BEFORE) || isSym(before, '#', '€', '$', '£') || isSym(after, '%', '€', '$', '£')) reading.roles[i] = 'count';
  if (isWord(after, OTHER_SCALE_WORDS)) reading.ambiguous = true;
  const joinedToNumber = (sym: ScoreToken | undefined, other: ScoreToken | undefined): boolean =>
    sym?.kind === 'sym' && !!valueOf(other, languages) && other?.kind === 'digits' && token.kind === 'digits' && sym.joinedBefore && sym.joinedAfter;
  if ((isSym(after, ':') && joinedToNumber(after, tokens[i + 2])) || (isSym(before, ':') && joinedToNumber(before, tokens[i - 2]))) {
    reading.roles[i] = 'count';
  }
  if ((isSym(after, '.', ',') && joinedToNumber(after, tokens[i + 2])) || (isSym(before, '.', ',') && joinedToNumber(before, tokens[i - 2]))) {
    // 7.5 or 7,5 — unless it is a duration such as "1.5 hours".
    if (!isWord(tokens[i + 1 + (isSym(after, '.', ',') ? 2 : 0)], UNITS)) reading.ambiguous = true;
  }
  if (isSym(before, '-', '+') && before?.kind === 'sym' && before.joinedAfter && !before.joinedBefore && !valueOf(tokens[i - 2], languages)) {
    reading.ambiguous = true;
  }
  if (isSym(after, '+') && token.kind === 'digits' && token.joinedAfter) reading.ambiguous = true;
  // German and Hungarian write ordinals as "2." ("der 2. Mitarbeiter", "a 2. ügyintéző").
  const ordinalLanguage = languages.length <= 2 && (languages[0] === 'de' || languages[0] === 'hu');
  if (ordinalLanguage && token.kind === 'digits' && isSym(after, '.') && after?.kind === 'sym' && after.joinedBefore && tokens[i + 2]?.kind === 'word') {
    reading.roles[i] = 'count';
  }
  if (isSym(after, '-') && valueOf(tokens[i + 2], languages)) {
    // A range such as 7-8, fine only as a duration ("2-3 days").
    if (isWord(tokens[i + 3], UNITS)) {
      reading.roles[i] = 'count';
      reading.roles[i + 2] = 'count';
    } else {
      reading.ambiguous = true;
    }
  }
}

function read(tokens: ScoreToken[], languages: readonly ScoreLanguage[]): Reading {
  const reading: Reading = { roles: tokens.map(() => 'other'), values: tokens.map(() => null), cued: tokens.map(() => false), ambiguous: false };
  tokens.forEach((token, i) => {
    const number = valueOf(token, languages);
    if (!number || reading.roles[i] !== 'other') return;
    reading.values[i] = number.value;
    if (number.scale) {
      reading.roles[i] = 'scale';
      if (number.value !== 10) reading.ambiguous = true;
      return;
    }
    reading.roles[i] = 'candidate';
    reading.cued[i] = number.grade;
    readOutOf(tokens, i, reading, languages);
    readSurroundings(tokens, i, reading, languages);
  });
  return reading;
}

const isWeak = (token: ScoreToken | undefined): boolean => token?.kind === 'word' && WEAK_NUMBER_WORDS.has(token.folded);

/** True when a cue word, a scale or a doubt word sits close to the number at `i`, within its clause. */
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

/**
 * Reads a 0-10 recommendation score from what a person typed or said, in English, Spanish,
 * German, French or Hungarian. Returns null unless exactly one score is clearly meant: a number
 * with more than one candidate, a range, a decimal, a count ("3 times", "20 minutes") or no
 * score-like context ("my son is 7") is not an answer, because a wrong score is worse than
 * asking again.
 */
export function parseScore(text: string, lang?: string): number | null {
  const tokens = scoreTokens(prepare(text));
  const languages = languagesFor(lang);
  const reading = read(tokens, languages);
  if (reading.ambiguous) return NOT_AN_ANSWER;

  let candidates = tokens.map((_, i) => i).filter((i) => reading.roles[i] === 'candidate');
  const strong = candidates.filter((i) => !isWeak(tokens[i]));
  if (strong.length > 0) candidates = strong;
  const dropped = new Set(tokens.map((_, i) => i).filter((i) => reading.roles[i] === 'candidate' && !candidates.includes(i)));
  const values = new Set(candidates.map((i) => reading.values[i]));
  if (values.size !== 1) return NOT_AN_ANSWER;
  const value = reading.values[candidates[0] ?? -1];
  if (value === null || value === undefined || value > 10) return NOT_AN_ANSWER;

  for (const i of candidates) {
    if (nearby(tokens, reading.roles, i, 2, 0, (t) => t.kind === 'word' && DOUBTERS.has(t.folded))) return NOT_AN_ANSWER;
  }
  const onlyFillers = tokens.every((token, i) =>
    candidates.includes(i) || dropped.has(i) || token.kind === 'sym' || reading.roles[i] === 'scale' || reading.roles[i] === 'connector' ||
    (token.kind === 'word' && (FILLERS.has(token.folded) || NOT_NUMBERS_WITH_ACCENT.has(token.raw))));
  if (onlyFillers) return value;

  // The first and last words that carry meaning: "un 10, muy amables" leads with its score.
  const content = tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t, i }) => t.kind !== 'sym' && !dropped.has(i) && !(t.kind === 'word' && FILLERS.has(t.folded) && !candidates.includes(i)));
  const first = content[0]?.i;
  const last = content[content.length - 1]?.i;
  const accepted = candidates.some((i) => {
    if (reading.cued[i]) return true;
    if (nearby(tokens, reading.roles, i, 3, 2, (t, role) => role === 'scale' || (t.kind === 'word' && SCORE_CUES.has(t.folded)))) return true;
    const leading = i === first && isSym(tokens[i + 1], ...SEPARATORS);
    const trailing = i === last && (isSym(tokens[i - 1], ...SEPARATORS) || isWord(tokens[i - 1], CLAUSE_ENDS));
    return leading || trailing;
  });
  return accepted ? value : NOT_AN_ANSWER;
}
