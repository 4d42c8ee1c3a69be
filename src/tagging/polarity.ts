import type { Clauses } from './clauses.js';
import type { CompiledLexicon } from './compiled-lexicon.js';
import type { PhraseHit } from './lexicons/phrase-matcher.js';

/** Polarity of the reason from the domain lexicon, after negation and sarcasm. */
export interface PolaritySignals {
  positive: number;
  negative: number;
  /** The same, counted only in clauses after "but" and its kin, which carry the point. */
  contrastPositive: number;
  contrastNegative: number;
  /** Polar words under negation: "not rude" (negated negative), "not helpful" (negated positive). */
  negatedPositive: number;
  negatedNegative: number;
  sarcasm: boolean;
  /** Said as an idea ("a callback option would be nice"), which is neutral unless it also complains. */
  suggestion: boolean;
}

export interface PolarityReading {
  signals: PolaritySignals;
  /** Positions of the words inside polar phrases, which natural's vocabulary should not count again. */
  covered: Set<number>;
  /** Whether each word stands shortly after a negator in its clause ("not [rude]", "keine [Wartezeit]"). */
  negated: boolean[];
}

// Emoji carry sentiment but no words; they count like a polar word of strength 2.
const POSITIVE_EMOJI = /[😀😃😄😁😊🙂😍🥰😘👍👌🙏💯❤♥⭐🌟👏🤩😎]/gu;
const NEGATIVE_EMOJI = /[😡😠🤬😤😞😢😭👎💩🙄😒😩😫🤮😖😣😕☹🙁]/gu;
const NEGATION_REACH = 3;

/** Longest phrases win; a word belongs to at most one polar phrase ("not bad" beats "bad"). */
function nonOverlapping<T>(hits: Array<PhraseHit<T>>): Array<PhraseHit<T>> {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Set<number>();
  const chosen: Array<PhraseHit<T>> = [];
  for (const hit of sorted) {
    let free = true;
    for (let i = hit.start; i <= hit.end; i += 1) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = hit.start; i <= hit.end; i += 1) taken.add(i);
    chosen.push(hit);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * Which words stand shortly after a negator in their clause ("not [rude]"), or shortly before a
 * backward negator ("[مهربان] نبود"). Clause ids never decrease along a reason, so the nearest
 * negator decides, and one sweep each way is enough.
 */
function negatedWords(count: number, negatorEnds: readonly number[], backwardStarts: readonly number[], clause: readonly number[]): boolean[] {
  const negated = new Array<boolean>(count).fill(false);
  let next = 0;
  let lastEnd = -Infinity;
  for (let i = 0; i < count; i += 1) {
    while (next < negatorEnds.length && (negatorEnds[next] ?? Infinity) < i) lastEnd = negatorEnds[next++] ?? lastEnd;
    if (i - lastEnd <= NEGATION_REACH && clause[lastEnd] === clause[i]) negated[i] = true;
  }
  let previous = backwardStarts.length - 1;
  let firstStart = Infinity;
  for (let i = count - 1; i >= 0; i -= 1) {
    while (previous >= 0 && (backwardStarts[previous] ?? -Infinity) > i) firstStart = backwardStarts[previous--] ?? firstStart;
    if (firstStart - i <= NEGATION_REACH && clause[firstStart] === clause[i]) negated[i] = true;
  }
  return negated;
}

/**
 * A negator turns only the first polar phrase after it ("didn't understand my problem" turns
 * "understand"), a backward negator only the last one before it, and neither turns a phrase that
 * carries its own negation ("n'est toujours pas résolu"). `hits` are in order and do not overlap.
 */
function negatedHits(hits: Array<PhraseHit<number>>, negatorEnds: readonly number[], backwardStarts: readonly number[], negatorStarts: Set<number>, clause: number[]): Set<PhraseHit<number>> {
  const negated = new Set<PhraseHit<number>>();
  const carriesNegation = (hit: PhraseHit<number>): boolean => {
    for (let i = hit.start; i <= hit.end; i += 1) if (negatorStarts.has(i)) return true;
    return false;
  };
  let h = 0;
  for (const end of negatorEnds) {
    while (h < hits.length && (hits[h]?.start ?? Infinity) <= end) h += 1;
    const next = hits[h];
    if (next && next.start - end <= NEGATION_REACH && clause[end] === clause[next.start] && !carriesNegation(next)) negated.add(next);
  }
  h = hits.length - 1;
  for (let k = backwardStarts.length - 1; k >= 0; k -= 1) {
    const start = backwardStarts[k] ?? 0;
    while (h >= 0 && (hits[h]?.end ?? -Infinity) >= start) h -= 1;
    const previous = hits[h];
    if (previous && start - previous.end <= NEGATION_REACH && clause[start] === clause[previous.end] && !carriesNegation(previous)) negated.add(previous);
  }
  return negated;
}

function signalsOf(parts: Clauses, lexicon: CompiledLexicon, hits: Array<PhraseHit<number>>, negators: { ends: number[]; backwardStarts: number[]; starts: Set<number> }): PolaritySignals {
  const negatorEnds = negators.ends;
  const signals: PolaritySignals = { positive: 0, negative: 0, contrastPositive: 0, contrastNegative: 0, negatedPositive: 0, negatedNegative: 0, sarcasm: false, suggestion: false };
  const turned = negatedHits(hits, negatorEnds, negators.backwardStarts, negators.starts, parts.clause);
  const values = hits.map((hit) => {
    const negated = turned.has(hit);
    if (negated && hit.value > 0) signals.negatedPositive += 1;
    if (negated && hit.value < 0) signals.negatedNegative += 1;
    return { hit, value: negated ? -hit.value : hit.value };
  });

  // Sarcasm: a short positive opener followed by a complaint or by "only"/"just" ("great, only 2 hours on hold"),
  // or a positive sentence closed by a lone "Not."
  const firstClause = parts.clause[0];
  const openerLength = parts.clause.filter((c) => c === firstClause).length;
  const openerValue = values.filter(({ hit }) => parts.clause[hit.start] === firstClause).reduce((sum, { value }) => sum + value, 0);
  const later = values.filter(({ hit }) => parts.clause[hit.start] !== firstClause);
  const laterValue = later.reduce((sum, { value }) => sum + value, 0);
  const laterClauses = parts.clause.filter((c) => c !== firstClause);
  const limited = parts.tokens.some((token, i) => parts.clause[i] !== firstClause && lexicon.limiters.has(token));
  const nextIsContrast = laterClauses.length > 0 && parts.contrastClauses.has(laterClauses[0] ?? -1);
  const lastClause = parts.clause[parts.clause.length - 1];
  const lastClauseTokens = parts.tokens.filter((_, i) => parts.clause[i] === lastClause);
  const closingNot = lastClause !== firstClause && lastClauseTokens.length === 1 && negatorEnds.includes(parts.tokens.length - 1);
  signals.sarcasm =
    (openerLength <= 3 && openerValue >= 2 && laterClauses.length > 0 && !nextIsContrast && (limited || laterValue < 0)) ||
    (closingNot && values.some(({ value }) => value > 0));

  for (const { hit, value } of values) {
    const inOpener = parts.clause[hit.start] === firstClause;
    const adjusted = signals.sarcasm && value > 0 && (inOpener || closingNot) ? -value : value;
    if (adjusted > 0) signals.positive += adjusted;
    else signals.negative -= adjusted;
    if (parts.contrastClauses.has(parts.clause[hit.start] ?? -1)) {
      if (adjusted > 0) signals.contrastPositive += adjusted;
      else signals.contrastNegative -= adjusted;
    }
  }
  return signals;
}

/** Reads polar phrases, negators and emoji of one reason. */
export function readPolarity(text: string, parts: Clauses, lexicon: CompiledLexicon, suggestions: Array<PhraseHit<true>>): PolarityReading {
  // The praise inside a suggestion ("would be nice", "jó lenne") is not praise.
  const covered = new Set<number>();
  for (const hit of suggestions) for (let i = hit.start; i <= hit.end; i += 1) covered.add(i);
  const inSuggestion = (hit: PhraseHit<number>): boolean => covered.has(hit.start) && covered.has(hit.end);
  const polarHits = nonOverlapping(parts.cues.polarity.filter((hit) => !inSuggestion(hit)));
  for (const hit of polarHits) for (let i = hit.start; i <= hit.end; i += 1) covered.add(i);
  const forward = parts.cues.negators;
  const backward = parts.cues.negatesBackward.filter((hit) => !covered.has(hit.start) && !covered.has(hit.end));
  const starts = new Set([...forward, ...backward].map((hit) => hit.start));
  const ends = forward.filter((hit) => !covered.has(hit.start) && !covered.has(hit.end)).map((hit) => hit.end).sort((a, b) => a - b);
  const backwardStarts = backward.map((hit) => hit.start);

  const signals = signalsOf(parts, lexicon, polarHits, { ends, backwardStarts, starts });
  signals.suggestion = suggestions.length > 0;
  signals.positive += 2 * (text.match(POSITIVE_EMOJI)?.length ?? 0);
  signals.negative += 2 * (text.match(NEGATIVE_EMOJI)?.length ?? 0);
  return { signals, covered, negated: negatedWords(parts.tokens.length, ends, backwardStarts, parts.clause) };
}
