import { expandContractions, foldedText } from '../../language/normalize.js';

type Piece = { kind: 'exact' | 'prefix' | 'suffix' | 'infix'; text: string } | { kind: 'any' };

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
  const text = raw.replace(/^\*|\*$/g, '');
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
  return list
    .split(',')
    .map((p) => expandContractions(foldedText(p)).replace(/[^\p{L}\p{N}*?\s]/gu, ' ').trim().replace(/\s+/g, ' '))
    .filter((p) => p !== '' && p !== '*');
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

  add(pattern: string, value: T): void {
    const pieces = pattern.split(' ').map(pieceOf);
    const first = pieces[0];
    if (!first) return;
    const phrase = { pieces, value };
    if (first.kind === 'exact') {
      const bucket = this.exact.get(first.text) ?? [];
      this.exact.set(first.text, [...bucket, phrase]);
    } else if (first.kind === 'prefix') {
      const bucket = this.prefix.get(first.text) ?? [];
      this.prefix.set(first.text, [...bucket, phrase]);
      this.prefixLengths.add(first.text.length);
    } else {
      this.scanned.push(phrase);
    }
  }

  addAll(list: string | undefined, value: T): this {
    for (const pattern of patternsOf(list)) this.add(pattern, value);
    return this;
  }

  find(tokens: readonly string[]): Array<PhraseHit<T>> {
    const hits: Array<PhraseHit<T>> = [];
    const tryPhrase = (phrase: CompiledPhrase<T>, start: number): void => {
      let position = start;
      for (const piece of phrase.pieces) {
        const token = tokens[position];
        if (token === undefined || !matches(piece, token)) return;
        position += 1;
      }
      hits.push({ value: phrase.value, start, end: position - 1 });
    };
    tokens.forEach((token, start) => {
      for (const phrase of this.exact.get(token) ?? []) tryPhrase(phrase, start);
      for (const length of this.prefixLengths) {
        if (length > token.length) continue;
        for (const phrase of this.prefix.get(token.slice(0, length)) ?? []) tryPhrase(phrase, start);
      }
      for (const phrase of this.scanned) tryPhrase(phrase, start);
    });
    return hits;
  }
}
