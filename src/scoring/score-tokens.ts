import { foldAccents } from '../language/normalize.js';

interface Position {
  /** Where the token starts and ends in the prepared text. */
  start: number;
  end: number;
}

export type ScoreToken = Position & (
  | { kind: 'digits'; text: string; suffix: string; joinedBefore: boolean; joinedAfter: boolean }
  | { kind: 'word'; folded: string; raw: string }
  | { kind: 'sym'; text: string; joinedBefore: boolean; joinedAfter: boolean }
);

// Digits with an optional attached suffix ("8-ast", "10-ből", "9s", "8pm"), words, and the
// symbols that change what a number means.
const TOKEN = /(\d+)(?:-?(\p{L}+))?|(\p{L}+)|([/,.!?:;+%€$£#()&\u060c\u061b\u061f\ue000-])/gu;
const SPACE = /\s/;

/** Stands in the prepared text for a whole scale phrase ("on a scale of 0 to 10"), a symbol of its own. */
export const SCALE_MARK = '\ue000';
// Persian comma, semicolon and question mark read as their Latin counterparts.
const LATIN_PUNCTUATION: Record<string, string> = { '\u060c': ',', '\u061b': ';', '\u061f': '?' };

/** Splits prepared text (lower case, ASCII digits, accents kept) into the tokens the score reader looks at. */
export function scoreTokens(text: string): ScoreToken[] {
  const tokens: ScoreToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    const joinedBefore = start > 0 && !SPACE.test(text[start - 1] ?? ' ');
    const joinedAfter = end < text.length && !SPACE.test(text[end] ?? ' ');
    if (match[1] !== undefined) {
      tokens.push({ kind: 'digits', text: match[1], suffix: foldAccents(match[2] ?? ''), joinedBefore, joinedAfter, start, end });
    } else if (match[3] !== undefined) {
      tokens.push({ kind: 'word', folded: foldAccents(match[3]), raw: match[3], start, end });
    } else if (match[4] !== undefined) {
      tokens.push({ kind: 'sym', text: LATIN_PUNCTUATION[match[4]] ?? match[4], joinedBefore, joinedAfter, start, end });
    }
  }
  return tokens;
}
