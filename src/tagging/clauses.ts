import { expandContractions, foldAccents, normalizeText, words } from '../language/normalize.js';
import { findCues, type CompiledLexicon, type LexiconHits } from './compiled-lexicon.js';

const CLAUSE_BREAK = /[.,;:!?()[\]\n…\u060c\u061b\u061f]+|\s[-–—]\s/u;

/** A reason as words, each with the clause it belongs to; punctuation and "but"-like words end clauses. */
export interface Clauses {
  /** Lower-case words with their accents, for the stemmers. */
  raw: string[];
  /** The same words accent-folded, for the lexicons. */
  tokens: string[];
  clause: number[];
  /** Clauses opened by a contrast word: what follows "but" carries the point. */
  contrastClauses: Set<number>;
  /** The lexicon's phrases in `tokens`. */
  cues: LexiconHits;
}

export function splitClauses(text: string, lexicon: CompiledLexicon): Clauses {
  const prepared = expandContractions(normalizeText(text));
  const raw: string[] = [];
  const clause: number[] = [];
  prepared.split(CLAUSE_BREAK).forEach((segment, index) => {
    for (const word of words(segment)) {
      raw.push(word);
      clause.push(index * 8);
    }
  });
  const tokens = raw.map(foldAccents);
  const contrastClauses = new Set<number>();
  const cues = findCues(lexicon, tokens);
  for (const hit of cues.contrast) {
    // A contrast word opens a new clause inside its segment; ids step by 8 per segment to leave room.
    const from = clause[hit.start] ?? 0;
    const opened = from + 1;
    for (let i = hit.start; i < clause.length && clause[i] === from; i += 1) clause[i] = opened;
    contrastClauses.add(opened);
  }
  return { raw, tokens, clause, contrastClauses, cues };
}

