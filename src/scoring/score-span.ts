import type { Role } from './score-reading.js';
import type { ScoreToken } from './score-tokens.js';
import { FILLERS, SCORE_CUES } from './score-words.js';
import { WEAK_NUMBER_WORDS } from './number-words.js';

const list = (words: string): Set<string> => new Set(words.trim().split(/\s+/));

/**
 * Words that may follow a score inside its own phrase ("8 I guess", "3 from me", "8 geben",
 * "nyolcat adok", "septynis duočiau", "۷ میدم"). Fewer than before it: what follows a score is
 * usually the reason ("10 the agent was lovely").
 */
const AFTER_SCORE = list(`
  i d would say guess think reckon suppose from me us overall honestly probably maybe tbh imo
  le doy pondria diria yo de mi parte creo
  wurde wuerde ich geben gebe von mir sagen wurd
  je dirais de ma part pour moi donne mets mettrais
  adok adnek adnam tolem szerintem mondanam
  nuo manes jums as
  می رو را بهتون بهت به شما از طرف من است هست میشه
`);

function belongs(token: ScoreToken | undefined, role: Role | undefined, words: ReadonlySet<string>): boolean {
  if (!token) return false;
  if (role === 'scale' || role === 'connector') return true;
  if (token.kind !== 'word') return false;
  return words.has(token.folded) || SCORE_CUES.has(token.folded) || WEAK_NUMBER_WORDS.has(token.folded);
}

/**
 * The tokens of the score phrase around the score at `index`, as offsets in the prepared text:
 * the score, its scale ("8/10", "7 iš 10"), and the cue and filler words next to it in the same
 * clause ("I'd say 7", "le doy un 8", "un petit 6"). A scale before the answer joins too ("out of 10, 7", "nuo 0 iki 10 – 8").
 */
export function phraseAround(tokens: ScoreToken[], roles: Role[], index: number): { start: number; end: number } {
  let first = index;
  let last = index;
  for (;;) {
    const before = tokens[first - 1];
    if (belongs(before, roles[first - 1], FILLERS)) first -= 1;
    else if (before?.kind === 'sym' && [',', '-', ':'].includes(before.text) && roles[first - 2] === 'scale') first -= 1;
    else break;
  }
  while (belongs(tokens[last + 1], roles[last + 1], AFTER_SCORE)) last += 1;
  return { start: tokens[first]?.start ?? 0, end: tokens[last]?.end ?? 0 };
}
