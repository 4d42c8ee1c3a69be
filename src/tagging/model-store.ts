import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LEXICONS } from './compiled-lexicon.js';
import { labelledDir, labelledPath, readLabelled } from './labelled-data.js';
import { ReasonModels, trainWeights, type ModelWeights } from './reason-models.js';
import { TAGGER_LANGUAGES } from './tagger-languages.js';
import { TUNED_SETTINGS } from './tuned-settings.js';

/** Bump when code changes what the models output; data, lexicon and setting changes are hashed in. */
const MODEL_REVISION = 1;

export interface LoadedModels {
  models: ReasonModels;
  version: string;
  /** Where the weights came from, for the bench and for logs. */
  source: 'cache' | 'trained';
}

function fingerprint(): string {
  const hash = createHash('sha256');
  hash.update(String(MODEL_REVISION));
  for (const lang of TAGGER_LANGUAGES) hash.update(readFileSync(labelledPath(lang, 'train')));
  hash.update(JSON.stringify(LEXICONS));
  hash.update(JSON.stringify(TUNED_SETTINGS));
  return hash.digest('hex').slice(0, 12);
}

/** dist/cache under the project root (the folder holding data/labelled). */
function cacheFile(fingerprintHex: string): string {
  return join(dirname(dirname(labelledDir())), 'dist', 'cache', `reason-models-${fingerprintHex}.json`);
}

function readCache(path: string): ModelWeights | undefined {
  try {
    const weights = JSON.parse(readFileSync(path, 'utf8')) as ModelWeights;
    return Array.isArray(weights.tag?.weights) && Array.isArray(weights.sentiment?.weights) ? weights : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(path: string, weights: ModelWeights): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    // Write then rename, so a process starting at the same moment never reads half a file.
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(weights));
    renameSync(partial, path);
  } catch {
    // A read-only install still works: it trains in memory on every start (~0.2 s).
  }
}

/**
 * The models for the current training data and lexicons: read from the cache when one matches
 * their fingerprint, otherwise trained from data/labelled/*.train.jsonl and cached.
 */
export function loadModels(): LoadedModels {
  const hex = fingerprint();
  const version = `reasons-${MODEL_REVISION}-${hex}`;
  const path = cacheFile(hex);
  const cached = readCache(path);
  if (cached) return { models: new ReasonModels(cached), version, source: 'cache' };
  const weights = trainWeights(readLabelled('train'));
  writeCache(path, weights);
  return { models: new ReasonModels(weights), version, source: 'trained' };
}
