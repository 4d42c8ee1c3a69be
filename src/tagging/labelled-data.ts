import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SENTIMENTS, isTagId, type Sentiment, type TagId } from './taxonomy.js';
import { TAGGER_LANGUAGES, type TaggerLanguage } from './tagger-languages.js';

/** One hand-labelled reason from data/labelled/<lang>.<split>.jsonl. */
export interface LabelledReason {
  text: string;
  lang: TaggerLanguage;
  tags: TagId[];
  sentiment: Sentiment;
  score?: number;
}

export type Split = 'train' | 'test';

let cachedDir: string | undefined;

/** data/labelled, found by walking up from this file (it runs from src/ under vitest and from dist/src/ when built). */
export function labelledDir(): string {
  if (cachedDir) return cachedDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'data', 'labelled');
    if (existsSync(join(candidate, 'en.train.jsonl'))) return (cachedDir = candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('data/labelled not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

function parseReason(line: string, where: string): LabelledReason {
  const row = JSON.parse(line) as Record<string, unknown>;
  const { text, lang, tags, sentiment, score } = row;
  const valid =
    typeof text === 'string' && typeof lang === 'string' && (TAGGER_LANGUAGES as readonly string[]).includes(lang) &&
    Array.isArray(tags) && tags.every((t) => typeof t === 'string' && isTagId(t)) &&
    typeof sentiment === 'string' && (SENTIMENTS as readonly string[]).includes(sentiment) &&
    (score === undefined || (typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= 10));
  if (!valid) throw new Error(`invalid labelled reason at ${where}: ${line}`);
  return row as unknown as LabelledReason;
}

export function readLabelledFile(path: string): LabelledReason[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), where: `${path}:${i + 1}` }))
    .filter(({ line }) => line !== '')
    .map(({ line, where }) => parseReason(line, where));
}

export function labelledPath(lang: TaggerLanguage, split: Split): string {
  return join(labelledDir(), `${lang}.${split}.jsonl`);
}

export function readLabelled(split: Split, languages: readonly TaggerLanguage[] = TAGGER_LANGUAGES): LabelledReason[] {
  return languages.flatMap((lang) => readLabelledFile(labelledPath(lang, split)));
}

/** FNV-1a: a stable hash, so the validation carve-out is the same on every run. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const FOLDS = 5;

/** A stable fold number in 0..FOLDS-1, for cross-validation on the training split. */
export function foldOf(reason: LabelledReason): number {
  return hash(reason.text) % FOLDS;
}

/** Fold 0 of the training split: held back for tuning (never the test split). */
export function isValidation(reason: LabelledReason): boolean {
  return foldOf(reason) === 0;
}
