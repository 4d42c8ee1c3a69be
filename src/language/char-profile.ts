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

export class CharProfile {
  private readonly logProbability = new Map<string, number>();
  private readonly unseen: number;

  constructor(texts: readonly string[]) {
    const counts = new Map<string, number>();
    let total = 0;
    for (const text of texts) {
      for (const gram of charNgrams(text)) {
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
        total += 1;
      }
    }
    // Add-one smoothing over an assumed n-gram space larger than what any language shows.
    const space = Math.max(counts.size, 1) * 4;
    for (const [gram, count] of counts) this.logProbability.set(gram, Math.log((count + 1) / (total + space)));
    this.unseen = Math.log(1 / (total + space));
  }

  /** Mean log-probability per n-gram; comparable between profiles for the same text. */
  meanLogProbability(grams: readonly string[]): number {
    if (grams.length === 0) return this.unseen;
    let sum = 0;
    for (const gram of grams) sum += this.logProbability.get(gram) ?? this.unseen;
    return sum / grams.length;
  }
}
