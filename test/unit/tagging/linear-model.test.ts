import { describe, expect, it } from 'vitest';
import { FeatureIndex, logits, probability, trainOneVsRest, trainSoftmax } from '../../../src/tagging/linear-model.js';

const options = { epochs: 30, learningRate: 0.5, l2: () => 1e-4, seed: 1 };

describe('linear model', () => {
  const index = new FeatureIndex();
  const rows = [
    ['bias', 'hold'], ['bias', 'queue'], ['bias', 'hold', 'rude'], ['bias', 'rude'], ['bias', 'kind'], ['bias'],
  ].map((names) => index.row(new Map(names.map((n) => [n, 1])), true));

  it('when two tags are learned from separable examples, then each fires on its own cue only', () => {
    const labels = [[true, false], [true, false], [true, true], [false, true], [false, true], [false, false]];
    const [wait, attitude] = trainOneVsRest(rows, index.size, labels, options);
    const holdOnly = index.row(new Map([['bias', 1], ['hold', 1]]), false);
    expect(probability(wait!, holdOnly)).toBeGreaterThan(0.7);
    expect(probability(attitude!, holdOnly)).toBeLessThan(0.3);
  });

  it('when three classes are learned, then the softmax ranks the right class first', () => {
    const weights = trainSoftmax(rows, index.size, [2, 2, 2, 2, 0, 1], 3, options);
    const kind = logits(weights, index.row(new Map([['bias', 1], ['kind', 1]]), false));
    expect(kind.indexOf(Math.max(...kind))).toBe(0);
  });

  it('when a feature was never seen in training, then it is ignored rather than added', () => {
    const before = index.size;
    expect(index.row(new Map([['unseen', 1]]), false).indices).toEqual([]);
    expect(index.size).toBe(before);
  });
});
