import { expandContractions, foldedText } from '../../language/normalize.js';

type Piece = { kind: 'exact' | 'prefix' | 'suffix' | 'infix'; text: string } | { kind: 'any' };

const MAX_CACHED_TOKENS = 50_000;
const NOT_PATTERN = /[^\p{L}\p{N}*?\s]/gu;
const SPACES = /\s+/g;
/** Lexicon lists are fixed: each is split and folded once, also when the union of all lexicons is built. */
const compiledLists = new Map<string, string[]>();

interface CompiledPhrase<T> {
  pieces: Piece[];
  value: T;
}

export interface PhraseHit<T> {
  value: T;
  start: number;
  /** Index of the last token of the phrase. */
  end: number;
}

function pieceOf(raw: string): Piece {
  if (raw === '?') return { kind: 'any' };
  const starts = raw.startsWith('*');
  const ends = raw.endsWith('*');
  const text = raw.slice(starts ? 1 : 0, ends && raw.length > 1 ? -1 : undefined);
  if (starts && ends) return { kind: 'infix', text };
  if (starts) return { kind: 'suffix', text };
  if (ends) return { kind: 'prefix', text };
  return { kind: 'exact', text };
}

function matches(piece: Piece, token: string): boolean {
  switch (piece.kind) {
    case 'any': return true;
    case 'exact': return token === piece.text;
    case 'prefix': return token.startsWith(piece.text);
    case 'suffix': return token.endsWith(piece.text);
    case 'infix': return token.includes(piece.text);
  }
}

/**
 * Splits a comma-separated pattern list and folds it the way input text is tokenised: apostrophes
 * and hyphens separate words ("file d'attente" → "file d attente", "wi-fi" → "wi fi").
 */
export function patternsOf(list: string | undefined): string[] {
  if (!list) return [];
  const known = compiledLists.get(list);
  if (known) return known;
  // Folding the whole list at once is the same as folding each pattern (commas fold to themselves), and far quicker.
  const patterns = expandContractions(foldedText(list))
    .split(',')
    .map((p) => p.replace(NOT_PATTERN, ' ').trim().replace(SPACES, ' '))
    .filter((p) => p !== '' && p !== '*');
  compiledLists.set(list, patterns);
  return patterns;
}

/**
 * Finds phrases in a list of folded tokens. Phrases are indexed by their first word (exactly or
 * by prefix), so a text is matched in time proportional to its length, not to the lexicon's size.
 */
export class PhraseMatcher<T> {
  private readonly exact = new Map<string, Array<CompiledPhrase<T>>>();
  private readonly prefix = new Map<string, Array<CompiledPhrase<T>>>();
  private readonly prefixLengths = new Set<number>();
  private readonly scanned: Array<CompiledPhrase<T>> = [];
  /** The phrases whose first piece each token matches, worked out once per distinct token. */
  private readonly starting = new Map<string, Array<CompiledPhrase<T>>>();

  add(pattern: string, value: T): void {
    if (this.starting.size > 0) this.starting.clear();
    const pieces = pattern.split(' ').map(pieceOf);
    const first = pieces[0];
    if (!first) return;
    const phrase = { pieces, value };
    if (first.kind === 'exact') {
      const bucket = this.exact.get(first.text);
      if (bucket) bucket.push(phrase);
      else this.exact.set(first.text, [phrase]);
    } else if (first.kind === 'prefix') {
      const bucket = this.prefix.get(first.text);
      if (bucket) bucket.push(phrase);
      else this.prefix.set(first.text, [phrase]);
      this.prefixLengths.add(first.text.length);
    } else {
      this.scanned.push(phrase);
    }
  }

  addAll(list: string | undefined, value: T): this {
    for (const pattern of patternsOf(list)) this.add(pattern, value);
    return this;
  }

  private startingWith(token: string): Array<CompiledPhrase<T>> {
    const known = this.starting.get(token);
    if (known) return known;
    const phrases = [...(this.exact.get(token) ?? [])];
    for (const length of this.prefixLengths) {
      if (length <= token.length) phrases.push(...(this.prefix.get(token.slice(0, length)) ?? []));
    }
    for (const phrase of this.scanned) if (phrase.pieces[0] && matches(phrase.pieces[0], token)) phrases.push(phrase);
    if (this.starting.size >= MAX_CACHED_TOKENS) this.starting.clear();
    this.starting.set(token, phrases);
    return phrases;
  }

  /** Calls `visit` for every phrase found, in order of its first token. */
  forEachHit(tokens: readonly string[], visit: (value: T, start: number, end: number) => void): void {
    for (let start = 0; start < tokens.length; start += 1) {
      for (const phrase of this.startingWith(tokens[start] as string)) {
        let position = start + 1;
        let matched = true;
        for (let p = 1; p < phrase.pieces.length && matched; p += 1) {
          const next = tokens[position];
          const piece = phrase.pieces[p];
          matched = next !== undefined && piece !== undefined && matches(piece, next);
          position += 1;
        }
        if (matched) visit(phrase.value, start, position - 1);
      }
    }
  }

  find(tokens: readonly string[]): Array<PhraseHit<T>> {
    const hits: Array<PhraseHit<T>> = [];
    this.forEachHit(tokens, (value, start, end) => hits.push({ value, start, end }));
    return hits;
  }
}
