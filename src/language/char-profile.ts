/**
 * Character n-gram profiles (naive Bayes over letter bi- and trigrams with word boundaries),
 * trained from example texts per language. Short texts carry few n-grams, so the detector
 * combines this with word evidence.
 */

const NON_LETTERS = /[^\p{L}]+/gu;

/** Lower-case words of letters only, the units n-grams are taken from. */
export function letterWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(NON_LETTERS, ' ').split(' ').filter((word) => word !== '');
}

function gramsOf(word: string): string[] {
  const padded = ` ${word} `;
  const grams: string[] = [];
  for (let i = 0; i + 2 <= padded.length; i += 1) grams.push(padded.slice(i, i + 2));
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.push(padded.slice(i, i + 3));
  return grams;
}

export function charNgrams(text: string): string[] {
  return letterWords(text).flatMap(gramsOf);
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

/** The profiles of several languages in one table, so each n-gram of a text is looked up once. */
export class CharProfiles<L extends string> {
  private readonly logProbabilities = new Map<string, Float64Array>();
  private readonly seen = new Map<string, Uint8Array>();
  private readonly unseen: Float64Array;
  private readonly words = new Map<string, WordFit>();

  constructor(readonly languages: readonly L[], textsOf: (lang: L) => readonly string[]) {
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
    this.unseen = Float64Array.from(counts, ({ total }, l) => Math.log(1 / (total + (spaces[l] ?? 1))));
    counts.forEach(({ count, total }, l) => {
      for (const [gram, n] of count) {
        let row = this.logProbabilities.get(gram);
        let seen = this.seen.get(gram);
        if (!row || !seen) {
          row = Float64Array.from(this.unseen);
          seen = new Uint8Array(languages.length);
          this.logProbabilities.set(gram, row);
          this.seen.set(gram, seen);
        }
        row[l] = Math.log((n + 1) / (total + (spaces[l] ?? 1)));
        seen[l] = 1;
      }
    });
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
      const seenIn = this.seen.get(gram);
      if (seenIn) for (let l = 0; l < seen.length; l += 1) seen[l] = (seen[l] as number) + (seenIn[l] as number);
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
