import { readDerived, writeDerived } from './derived-cache.js';
import { taggingFingerprint } from './fingerprint.js';
import { readLabelled } from './labelled-data.js';
import { ReasonModels, trainWeights, type ModelWeights } from './reason-models.js';

export interface LoadedModels {
  models: ReasonModels;
  version: string;
  /** Where the weights came from, for the bench and for logs. */
  source: 'cache' | 'trained';
}

interface PackedLayer {
  features: string[];
  outputs: number;
}

interface PackedModels {
  tag: PackedLayer;
  sentiment: PackedLayer;
}

function unpack(layer: PackedLayer, numbers: Float64Array, offset: number): ModelWeights['tag'] {
  const width = layer.features.length;
  if (numbers.length < offset + width * layer.outputs) throw new Error('cached model does not match its features');
  return { features: layer.features, weights: Array.from({ length: layer.outputs }, (_, o) => numbers.subarray(offset + o * width, offset + (o + 1) * width)) };
}

function readCache(hex: string): ModelWeights | undefined {
  const cached = readDerived('reason-models', hex);
  try {
    const packed = cached?.data as PackedModels | undefined;
    if (!cached || !packed?.tag || !packed.sentiment) return undefined;
    const tag = unpack(packed.tag, cached.numbers, 0);
    return { tag, sentiment: unpack(packed.sentiment, cached.numbers, tag.features.length * tag.weights.length) };
  } catch {
    return undefined;
  }
}

function writeCache(hex: string, weights: ModelWeights): void {
  const layers = [weights.tag, weights.sentiment];
  const numbers = new Float64Array(layers.reduce((sum, layer) => sum + layer.features.length * layer.weights.length, 0));
  let offset = 0;
  for (const layer of layers) {
    for (const row of layer.weights) {
      numbers.set(row, offset);
      offset += layer.features.length;
    }
  }
  const shape = (layer: ModelWeights['tag']): PackedLayer => ({ features: layer.features, outputs: layer.weights.length });
  writeDerived('reason-models', hex, { tag: shape(weights.tag), sentiment: shape(weights.sentiment) }, numbers);
}

/**
 * The models for the current training data and lexicons: read from the cache when one matches
 * their fingerprint, otherwise trained from data/labelled/*.train.jsonl and cached.
 */
export function loadModels(): LoadedModels {
  const hex = taggingFingerprint();
  const version = `reasons-${hex}`;
  const cached = readCache(hex);
  if (cached) return { models: new ReasonModels(cached), version, source: 'cache' };
  const weights = trainWeights(readLabelled('train'));
  writeCache(hex, weights);
  return { models: new ReasonModels(weights), version, source: 'trained' };
}
