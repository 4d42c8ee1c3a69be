import { parseScore } from './parse-score.js';

export interface ScoreAndReason {
  score: number;
  reason: string;
}

/** Where a score stops and what follows can begin: punctuation, a dash, or a word that starts a reason. */
const BREAK = /\s*(?:[,;:!?]|\.(?=\s)|\s[—–-]\s|[—–]|\s(?:because|but|as|since|porque|pero|ya que|weil|aber|denn|parce que|mais|car|mert|de|mivel|nes|bet|nors|چون|اما|ولی)\s)\s*/giu;

const LEADING_CONJUNCTION = /^(?:and|but|because|y|pero|porque|und|aber|weil|et|mais|car|és|de|mert|ir|bet|nes|و|اما|چون)\s+/iu;

/** A reason says something: at least two words with letters in them. */
function saysSomething(text: string): boolean {
  return (text.match(/\p{L}+/gu) ?? []).length >= 2;
}

/**
 * One message that answers both questions: "I'd say 7, the wait was long" or "2 — nobody called
 * back" is score 7 (or 2) and the rest as the reason. Null when the message is not a score followed
 * by something worth keeping as a reason ("8. Thanks" is just a score).
 */
export function readScoreAndReason(text: string, lang?: string): ScoreAndReason | null {
  for (const match of text.matchAll(BREAK)) {
    const head = text.slice(0, match.index);
    const rest = text.slice(match.index + match[0].length).trim().replace(LEADING_CONJUNCTION, '');
    if (!saysSomething(rest)) continue;
    const score = parseScore(head, lang);
    if (score !== null) return { score, reason: rest };
  }
  return null;
}
