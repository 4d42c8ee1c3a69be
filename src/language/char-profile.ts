/**
 * Character n-gram profiles (naive Bayes over letter bi- and trigrams with word boundaries),
 * trained from example texts per language. Short texts carry few n-grams, so the detector
 * combines this with word evidence.
 */

const NON_LETTERS = /[^\p{L}]+/gu;

export function charNgrams(text: string): string[] {
  const grams: string[] = [];
  for (const word of text.normalize('NFKC').toLowerCase().replace(NON_LETTERS, ' ').split(' ')) {
    if (word === '') continue;
    const padded = ` ${word} `;
    for (let i = 0; i + 2 <= padded.length; i += 1) grams.push(padded.slice(i, i + 2));
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.push(padded.slice(i, i + 3));
  }
  return grams;
}

/** The profiles of several languages in one table, so each n-gram of a text is looked up once. */
export class CharProfiles<L extends string> {
  private readonly logProbabilities = new Map<string, Float64Array>();
  private readonly unseen: Float64Array;

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
        if (!row) {
          row = Float64Array.from(this.unseen);
          this.logProbabilities.set(gram, row);
        }
        row[l] = Math.log((n + 1) / (total + (spaces[l] ?? 1)));
      }
    });
  }

  /** Mean log-probability per n-gram for each language (in `languages` order); comparable between languages for the same text. */
  meanLogProbabilities(grams: readonly string[]): Float64Array {
    const sums = new Float64Array(this.languages.length);
    for (const gram of grams) {
      const row = this.logProbabilities.get(gram) ?? this.unseen;
      for (let l = 0; l < sums.length; l += 1) sums[l] = (sums[l] as number) + (row[l] as number);
    }
    const count = Math.max(grams.length, 1);
    return sums.map((sum, l) => (grams.length === 0 ? (this.unseen[l] as number) : sum / count));
  }
}
