import { NOT_NUMBERS_WITH_ACCENT, numberWord, type ScoreLanguage } from './number-words.js';
import { NOT_SCORE_BEFORE, OTHER_SCALE_WORDS, OUT_OF, OUT_OF_IN, SCALE_FIRST, SCALE_SUFFIXES, SCORE_SUFFIXES, UNITS, UNIT_SUFFIXES } from './score-words.js';
import { SCALE_MARK, type ScoreToken } from './score-tokens.js';

/**
 * What each token turned out to be. `candidate` is a number that may be the score; `count` a
 * number that is something else (a duration, a time, an identifier); `scale` the "10" of "8/10".
 */
export type Role = 'candidate' | 'count' | 'scale' | 'connector' | 'other';

export interface Reading {
  roles: Role[];
  values: Array<number | null>;
  /** A number is marked as the score by its own form or its neighbours ("nyolcas", "8/10", "give it 8"). */
  cued: boolean[];
  ambiguous: boolean;
}

interface NumberValue {
  value: number;
  scale: boolean;
  grade: boolean;
}

const OUT = new Set(['out']);
const OF = new Set(['of']);
const O = new Set(['o']);
const CLOCK = new Set(['clock']);
const NO_WORDS: ReadonlySet<string> = new Set();

export function valueOf(token: ScoreToken | undefined, languages: readonly ScoreLanguage[]): NumberValue | null {
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

export const isWord = (token: ScoreToken | undefined, words: ReadonlySet<string>): boolean => token?.kind === 'word' && words.has(token.folded);
export const isSym = (token: ScoreToken | undefined, ...chars: string[]): boolean => token?.kind === 'sym' && chars.includes(token.text);

/** The connectors of "N out of 10" for the language given ("iš" only when it is Lithuanian). */
function connectorsFor(languages: readonly ScoreLanguage[]): ReadonlySet<string> {
  return languages.length <= 2 ? (OUT_OF_IN[languages[0] ?? ''] ?? NO_WORDS) : NO_WORDS;
}

/** Marks "N/10", "N out of 10", "N de 10", "N von 10", "N sur 10", "N iš 10"; another denominator makes the answer ambiguous. */
function readOutOf(tokens: ScoreToken[], i: number, reading: Reading, languages: readonly ScoreLanguage[], connectors: ReadonlySet<string>): void {
  let next = i + 1;
  if (isSym(tokens[next], '/')) next += 1;
  else if (isWord(tokens[next], OUT) && isWord(tokens[next + 1], OF)) next += 2;
  else if (isWord(tokens[next], OUT_OF) || isWord(tokens[next], connectors)) next += 1;
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

/** "out of 10, 7", "از ۱۰، ۸": a ten after a connector and before the answer is the scale. */
function isScaleFirst(tokens: ScoreToken[], i: number, value: number, languages: readonly ScoreLanguage[], connectors: ReadonlySet<string>): boolean {
  const before = tokens[i - 1];
  if (value !== 10 || !(isWord(before, SCALE_FIRST) || isWord(before, connectors))) return false;
  return !valueOf(tokens[i - 2], languages) && !valueOf(tokens[i - 3], languages);
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
  if (isWord(after, UNITS) || (isWord(after, O) && isWord(tokens[i + 2], CLOCK))) {
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
  const ordinalLanguage = languages.length <= 2 && (languages[0] === 'de' || languages[0] === 'hu' || languages[0] === 'lt');
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

/** The role of every token of an answer. */
export function readTokens(tokens: ScoreToken[], languages: readonly ScoreLanguage[]): Reading {
  const reading: Reading = { roles: tokens.map(() => 'other'), values: tokens.map(() => null), cued: tokens.map(() => false), ambiguous: false };
  const connectors = connectorsFor(languages);
  let scaleFirstAt = -Infinity;
  tokens.forEach((token, i) => {
    if (token.kind === 'sym' && token.text === SCALE_MARK) reading.roles[i] = 'scale';
    const number = valueOf(token, languages);
    if (!number || reading.roles[i] !== 'other') return;
    reading.values[i] = number.value;
    if (number.scale || isScaleFirst(tokens, i, number.value, languages, connectors)) {
      reading.roles[i] = 'scale';
      if (number.value !== 10) reading.ambiguous = true;
      if (!number.scale) reading.roles[i - 1] = 'connector';
      if (!number.scale && isWord(tokens[i - 2], OUT)) reading.roles[i - 2] = 'connector';
      scaleFirstAt = i;
      return;
    }
    reading.roles[i] = 'candidate';
    reading.cued[i] = number.grade || i - scaleFirstAt <= 2;
    readOutOf(tokens, i, reading, languages, connectors);
    readSurroundings(tokens, i, reading, languages);
  });
  return reading;
}
