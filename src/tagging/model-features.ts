import type { FeatureSink } from './features.js';
import type { FeatureIndex, SparseRow } from './linear-model.js';

const STEM_NAME = /^([ub]):([^:]+):(.*)$/;

/**
 * The columns of a trained model's stem and pair features, keyed by the stems themselves: a stem
 * string is reused from the stem cache, so looking it up costs no hashing of a fresh name.
 */
class StemColumns {
  private readonly unigrams = new Map<string, Map<string, number>>();
  private readonly pairs = new Map<string, Map<string, Map<string, number>>>();

  constructor(index: FeatureIndex) {
    for (const [name, column] of index.columnsByName) {
      const match = STEM_NAME.exec(name);
      if (!match) continue;
      const [, kind, lang = '', rest = ''] = match;
      if (kind === 'u') {
        this.languageMap(this.unigrams, lang).set(rest, column);
      } else {
        const split = rest.indexOf('_');
        const byFirst = this.languageMap(this.pairs, lang);
        const first = rest.slice(0, split);
        const seconds = byFirst.get(first) ?? new Map<string, number>();
        seconds.set(rest.slice(split + 1), column);
        byFirst.set(first, seconds);
      }
    }
  }

  private languageMap<V>(maps: Map<string, Map<string, V>>, lang: string): Map<string, V> {
    let map = maps.get(lang);
    if (!map) {
      map = new Map();
      maps.set(lang, map);
    }
    return map;
  }

  unigram(lang: string, stem: string): number | undefined {
    return this.unigrams.get(lang)?.get(stem);
  }

  pair(lang: string, first: string, second: string): number | undefined {
    return this.pairs.get(lang)?.get(first)?.get(second);
  }
}

/**
 * Features written straight to the columns of one trained model, read back as a sparse row in the
 * order they were first written; unknown features are dropped. One instance is reused for every
 * reason (the tagger is synchronous), so predicting allocates almost nothing.
 */
export class ColumnFeatures implements FeatureSink {
  private readonly columns: ReadonlyMap<string, number>;
  private readonly stems: StemColumns;
  private readonly values: Float64Array;
  private readonly written: Uint8Array;
  private readonly order: number[] = [];

  constructor(index: FeatureIndex) {
    this.columns = index.columnsByName;
    this.stems = new StemColumns(index);
    this.values = new Float64Array(index.size);
    this.written = new Uint8Array(index.size);
  }

  private put(column: number | undefined, value: number): void {
    if (column === undefined) return;
    if (this.written[column] === 0) {
      this.written[column] = 1;
      this.order.push(column);
    }
    this.values[column] = value;
  }

  get(name: string): number | undefined {
    const column = this.columns.get(name);
    return column === undefined || this.written[column] === 0 ? undefined : this.values[column];
  }

  set(name: string, value: number): void {
    this.put(this.columns.get(name), value);
  }

  stem(lang: string, stem: string, negated: boolean): void {
    this.put(this.stems.unigram(lang, negated ? `!${stem}` : stem), 1);
  }

  pair(lang: string, first: string, second: string): void {
    this.put(this.stems.pair(lang, first, second), 1);
  }

  /** The row written since the last call, and a clean slate for the next reason. */
  take(): SparseRow {
    const indices: number[] = [];
    const values: number[] = [];
    for (const column of this.order) {
      const value = this.values[column] ?? 0;
      this.written[column] = 0;
      if (value === 0) continue;
      indices.push(column);
      values.push(value);
    }
    this.order.length = 0;
    return { indices, values };
  }
}
