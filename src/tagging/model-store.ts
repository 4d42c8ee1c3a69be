import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEXICONS } from './compiled-lexicon.js';
import { labelledDir, labelledPath, readLabelled } from './labelled-data.js';
import { ReasonModels, trainWeights, type ModelWeights } from './reason-models.js';
import { TAGGER_LANGUAGES } from './tagger-languages.js';
import { TUNED_SETTINGS } from './tuned-settings.js';


export interface LoadedModels {
  models: ReasonModels;
  version: string;
  /** Where the weights came from, for the bench and for logs. */
  source: 'cache' | 'trained';
}

const HERE = dirname(fileURLToPath(import.meta.url));
const KEPT_MODELS = 4;
// The code that turns text into features and predictions: when it changes, so may every answer.
const CODE_DIRECTORIES = [HERE, join(HERE, 'lexicons'), join(HERE, '..', 'language')];

/** Hash of everything the answers depend on: training data, lexicons, tuned settings and the tagging code itself. */
function fingerprint(): string {
  const hash = createHash('sha256');
  for (const lang of TAGGER_LANGUAGES) hash.update(readFileSync(labelledPath(lang, 'train')));
  hash.update(JSON.stringify(LEXICONS));
  hash.update(JSON.stringify(TUNED_SETTINGS));
  for (const dir of CODE_DIRECTORIES) {
    for (const file of readdirSync(dir).filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts')).sort()) hash.update(readFileSync(join(dir, file)));
  }
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
    // Keep a few recent models (tests run from src/ and the CLI from dist/ hash differently); drop the rest.
    const dir = dirname(path);
    const older = readdirSync(dir)
      .filter((file) => /^reason-models-[0-9a-f]+\.json$/.test(file))
      .map((file) => ({ file: join(dir, file), modified: statSync(join(dir, file)).mtimeMs }))
      .sort((a, b) => b.modified - a.modified)
      .slice(KEPT_MODELS);
    for (const { file } of older) rmSync(file, { force: true });
  } catch {
    // A read-only install still works: it trains in memory on every start (under a second).
  }
}

/**
 * The models for the current training data and lexicons: read from the cache when one matches
 * their fingerprint, otherwise trained from data/labelled/*.train.jsonl and cached.
 */
export function loadModels(): LoadedModels {
  const hex = fingerprint();
  const version = `reasons-${hex}`;
  const path = cacheFile(hex);
  const cached = readCache(path);
  if (cached) return { models: new ReasonModels(cached), version, source: 'cache' };
  const weights = trainWeights(readLabelled('train'));
  writeCache(path, weights);
  return { models: new ReasonModels(weights), version, source: 'trained' };
}
