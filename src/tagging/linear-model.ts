/**
 * Sparse logistic regression trained by AdaGrad SGD: one-vs-rest binary models for tags, a
 * softmax for sentiment. natural's LogisticRegressionClassifier works on dense matrices and
 * takes seconds for a few thousand reasons; this trains in tens of milliseconds.
 */

export interface SparseRow {
  indices: number[];
  values: number[];
}

/** Feature names ↔ column numbers; grows while training, fixed afterwards. */
export class FeatureIndex {
  readonly names: string[] = [];
  private readonly columns = new Map<string, number>();

  constructor(names: readonly string[] = []) {
    for (const name of names) this.add(name);
  }

  add(name: string): number {
    let column = this.columns.get(name);
    if (column === undefined) {
      column = this.names.length;
      this.names.push(name);
      this.columns.set(name, column);
    }
    return column;
  }

  row(features: ReadonlyMap<string, number>, grow: boolean): SparseRow {
    const indices: number[] = [];
    const values: number[] = [];
    for (const [name, value] of features) {
      const column = grow ? this.add(name) : this.columns.get(name);
      if (column === undefined || value === 0) continue;
      indices.push(column);
      values.push(value);
    }
    return { indices, values };
  }

  get size(): number {
    return this.names.length;
  }

  /** Every name with its column. */
  get columnsByName(): ReadonlyMap<string, number> {
    return this.columns;
  }
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 strength per column (lets stems be held back more than lexicon cues). */
  l2: (column: number) => number;
  seed: number;
  /** Columns an output may use; the others keep weight 0. All when absent. */
  uses?: (output: number, column: number) => boolean;
}

function shuffled(count: number, seed: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let state = seed >>> 0;
  for (let i = count - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function dot(weights: Float64Array, row: SparseRow): number {
  let sum = 0;
  for (let k = 0; k < row.indices.length; k += 1) sum += (weights[row.indices[k] as number] ?? 0) * (row.values[k] as number);
  return sum;
}

interface PackedRow {
  indices: Int32Array;
  values: Float64Array;
}

function packedDot(weights: Float64Array, row: PackedRow): number {
  let sum = 0;
  for (let k = 0; k < row.indices.length; k += 1) sum += (weights[row.indices[k] as number] as number) * (row.values[k] as number);
  return sum;
}

/** Trains `outputs` weight vectors on the same rows; `target(row, output)` is 0/1 (binary) or the class (softmax). */
function train(sparseRows: SparseRow[], width: number, outputs: number, softmax: boolean, target: (row: number, output: number) => number, options: TrainingOptions): Float64Array[] {
  // Typed arrays make the inner loop several times faster than plain arrays.
  const rows: PackedRow[] = sparseRows.map((r) => ({ indices: Int32Array.from(r.indices), values: Float64Array.from(r.values) }));
  const weights = Array.from({ length: outputs }, () => new Float64Array(width));
  const squared = Array.from({ length: outputs }, () => new Float64Array(width).fill(1e-8));
  const l2 = Float64Array.from({ length: width }, (_, c) => options.l2(c));
  const uses = Array.from({ length: outputs }, (_, o) => Uint8Array.from({ length: width }, (_, c) => (options.uses?.(o, c) ?? true ? 1 : 0)));
  const errors = new Float64Array(outputs);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const r of shuffled(rows.length, options.seed + epoch)) {
      const row = rows[r] as PackedRow;
      if (softmax) {
        const scores = weights.map((w) => packedDot(w, row));
        const max = Math.max(...scores);
        const exps = scores.map((s) => Math.exp(s - max));
        const total = exps.reduce((a, b) => a + b, 0);
        const cls = target(r, 0);
        for (let o = 0; o < outputs; o += 1) errors[o] = (exps[o] as number) / total - (o === cls ? 1 : 0);
      } else {
        for (let o = 0; o < outputs; o += 1) errors[o] = sigmoid(packedDot(weights[o] as Float64Array, row)) - target(r, o);
      }
      for (let o = 0; o < outputs; o += 1) {
        const w = weights[o] as Float64Array;
        const g2 = squared[o] as Float64Array;
        const used = uses[o] as Uint8Array;
        const error = errors[o] as number;
        for (let k = 0; k < row.indices.length; k += 1) {
          const c = row.indices[k] as number;
          if (used[c] === 0) continue;
          const gradient = error * (row.values[k] as number) + (l2[c] as number) * (w[c] as number);
          g2[c] = (g2[c] as number) + gradient * gradient;
          w[c] = (w[c] as number) - (options.learningRate * gradient) / Math.sqrt(g2[c]);
        }
      }
    }
  }
  return weights;
}

export function trainOneVsRest(rows: SparseRow[], width: number, labels: boolean[][], options: TrainingOptions): Float64Array[] {
  const outputs = labels[0]?.length ?? 0;
  return train(rows, width, outputs, false, (r, o) => (labels[r]?.[o] ? 1 : 0), options);
}

export function trainSoftmax(rows: SparseRow[], width: number, classes: number[], classCount: number, options: TrainingOptions): Float64Array[] {
  return train(rows, width, classCount, true, (r) => classes[r] ?? 0, options);
}

export function probability(weights: Float64Array, row: SparseRow): number {
  return sigmoid(dot(weights, row));
}

export function logits(weights: readonly Float64Array[], row: SparseRow): number[] {
  return weights.map((w) => dot(w, row));
}
