/**
 * Character n-gram profiles (naive Bayes over letter bi- and trigrams with word boundaries),
 * trained from example texts per language. Short texts carry few n-grams, so the detector
 * combines this with word evidence.
 */

import { normalizeText } from './normalize.js';

const NON_LETTERS = /[^\p{L}]+/gu;

/** Words of letters only from text already through normalizeText: the units n-grams are taken from. */
export function letterWords(normalized: string): string[] {
  return normalized.replace(NON_LETTERS, ' ').split(' ').filter((word) => word !== '');
}

function gramsOf(word: string): string[] {
  const padded = ` ${word} `;
  const grams: string[] = [];
  for (let i = 0; i + 2 <= padded.length; i += 1) grams.push(padded.slice(i, i + 2));
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.push(padded.slice(i, i + 3));
  return grams;
}

export function charNgrams(text: string): string[] {
  return letterWords(normalizeText(text)).flatMap(gramsOf);
}

/** What the n-grams of a text say about each language, in `languages` order. */
export interface ProfileFit {
  /** Mean log-probability per n-gram; comparable between languages for the same text. */
  meanLogProbabilities: Float64Array;
  /** Share of the text's trigrams that the language's examples contain: how well it fits in absolute terms. */
  seenTrigrams: Float64Array;
  grams: number;
}

interface WordFit {
  sums: Float64Array;
  seen: Float64Array;
  grams: number;
  trigrams: number;
}

const MAX_CACHED_WORDS = 50_000;

/** A trained table in a form that can be written to a file and read back. */
export interface PackedProfiles {
  languages: string[];
  grams: string[];
  unseen: number[];
}

/** The profiles of several languages in one table, so each n-gram of a text is looked up once. */
export class CharProfiles<L extends string> {
  private readonly words = new Map<string, WordFit>();

  private constructor(
    readonly languages: readonly L[],
    private readonly logProbabilities: Map<string, Float64Array>,
    private readonly unseen: Float64Array,
  ) {}

  static train<L extends string>(languages: readonly L[], textsOf: (lang: L) => readonly string[]): CharProfiles<L> {
    const counts = languages.map((lang) => {
      const count = new Map<string, number>();
      let total = 0;
      for (const text of textsOf(lang)) {
        for (const gram of charNgrams(text)) {
          count.set(gram, (count.get(gram) ?? 0) + 1);
          total += 1;
        }
      }
      return { count, total };
    });
    // Add-one smoothing over an assumed n-gram space larger than what any language shows.
    const spaces = counts.map(({ count }) => Math.max(count.size, 1) * 4);
    const unseen = Float64Array.from(counts, ({ total }, l) => Math.log(1 / (total + (spaces[l] ?? 1))));
    const logProbabilities = new Map<string, Float64Array>();
    counts.forEach(({ count, total }, l) => {
      for (const [gram, n] of count) {
        let row = logProbabilities.get(gram);
        if (!row) {
          row = Float64Array.from(unseen);
          logProbabilities.set(gram, row);
        }
        row[l] = Math.log((n + 1) / (total + (spaces[l] ?? 1)));
      }
    });
    return new CharProfiles(languages, logProbabilities, unseen);
  }

  /** The table read back from `pack()`, or undefined when it was made for other languages. */
  static unpack<L extends string>(languages: readonly L[], packed: PackedProfiles, values: Float64Array): CharProfiles<L> | undefined {
    const width = languages.length;
    if (!Array.isArray(packed.grams) || !Array.isArray(packed.languages) || packed.languages.join() !== languages.join() || values.length !== packed.grams.length * width) return undefined;
    const logProbabilities = new Map<string, Float64Array>();
    packed.grams.forEach((gram, g) => logProbabilities.set(gram, values.subarray(g * width, (g + 1) * width)));
    return new CharProfiles(languages, logProbabilities, Float64Array.from(packed.unseen));
  }

  /** The table as JSON-ready names and float64 log-probabilities, `languages.length` per gram. */
  pack(): { packed: PackedProfiles; values: Float64Array } {
    const grams = [...this.logProbabilities.keys()];
    const values = new Float64Array(grams.length * this.languages.length);
    grams.forEach((gram, g) => values.set(this.logProbabilities.get(gram) ?? this.unseen, g * this.languages.length));
    return { packed: { languages: [...this.languages], grams, unseen: Array.from(this.unseen) }, values };
  }

  private fitOfWord(word: string): WordFit {
    const known = this.words.get(word);
    if (known) return known;
    const sums = new Float64Array(this.languages.length);
    const seen = new Float64Array(this.languages.length);
    const grams = gramsOf(word);
    let trigrams = 0;
    for (const gram of grams) {
      const row = this.logProbabilities.get(gram) ?? this.unseen;
      for (let l = 0; l < sums.length; l += 1) sums[l] = (sums[l] as number) + (row[l] as number);
      if (gram.length !== 3) continue;
      trigrams += 1;
      // A gram a language's examples never showed keeps that language's unseen probability.
      for (let l = 0; l < seen.length; l += 1) if (row[l] !== this.unseen[l]) seen[l] = (seen[l] as number) + 1;
    }
    const fit = { sums, seen, grams: grams.length, trigrams };
    if (this.words.size >= MAX_CACHED_WORDS) this.words.clear();
    this.words.set(word, fit);
    return fit;
  }

  /** How the n-grams of `words` (from letterWords) fit each language. */
  fit(words: readonly string[]): ProfileFit {
    const sums = new Float64Array(this.languages.length);
    const seen = new Float64Array(this.languages.length);
    let grams = 0;
    let trigrams = 0;
    for (const word of words) {
      const fit = this.fitOfWord(word);
      for (let l = 0; l < sums.length; l += 1) {
        sums[l] = (sums[l] as number) + (fit.sums[l] as number);
        seen[l] = (seen[l] as number) + (fit.seen[l] as number);
      }
      grams += fit.grams;
      trigrams += fit.trigrams;
    }
    return {
      meanLogProbabilities: sums.map((sum, l) => (grams === 0 ? (this.unseen[l] as number) : sum / grams)),
      seenTrigrams: seen.map((count) => (trigrams === 0 ? 0 : count / trigrams)),
      grams,
    };
  }
}
