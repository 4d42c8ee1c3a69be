import { foldAccents } from '../language/normalize.js';

export type ScoreToken =
  | { kind: 'digits'; text: string; suffix: string; joinedBefore: boolean; joinedAfter: boolean }
  | { kind: 'word'; folded: string; raw: string }
  | { kind: 'sym'; text: string; joinedBefore: boolean; joinedAfter: boolean };

// Digits with an optional attached suffix ("8-ast", "10-ből", "9s", "8pm"), words, and the
// symbols that change what a number means.
const TOKEN = /(\d+)(?:-?(\p{L}+))?|(\p{L}+)|([/,.!?:;+%€$£#()&-])/gu;

/** Splits prepared text (lower case, ASCII digits, accents kept) into the tokens the score reader looks at. */
export function scoreTokens(text: string): ScoreToken[] {
  const tokens: ScoreToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    const joinedBefore = start > 0 && !/\s/.test(text[start - 1] ?? ' ');
    const joinedAfter = end < text.length && !/\s/.test(text[end] ?? ' ');
    if (match[1] !== undefined) {
      tokens.push({ kind: 'digits', text: match[1], suffix: foldAccents(match[2] ?? ''), joinedBefore, joinedAfter });
    } else if (match[3] !== undefined) {
      tokens.push({ kind: 'word', folded: foldAccents(match[3]), raw: match[3] });
    } else if (match[4] !== undefined) {
      tokens.push({ kind: 'sym', text: match[4], joinedBefore, joinedAfter });
    }
  }
  return tokens;
}
