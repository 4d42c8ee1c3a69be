import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEXICONS } from './compiled-lexicon.js';
import { labelledPath } from './labelled-data.js';
import { TAGGER_LANGUAGES } from './tagger-languages.js';
import { TUNED_SETTINGS } from './tuned-settings.js';

const HERE = dirname(fileURLToPath(import.meta.url));
// The code that turns text into features and predictions: when it changes, so may every answer.
const CODE_DIRECTORIES = [HERE, join(HERE, 'lexicons'), join(HERE, '..', 'language')];

let computed: string | undefined;

/**
 * Hash of everything the tagger's and the detector's answers depend on: training data, lexicons,
 * tuned settings and the code itself. Computed once per process.
 */
export function taggingFingerprint(): string {
  if (computed) return computed;
  const hash = createHash('sha256');
  for (const lang of TAGGER_LANGUAGES) hash.update(readFileSync(labelledPath(lang, 'train')));
  hash.update(JSON.stringify(LEXICONS));
  hash.update(JSON.stringify(TUNED_SETTINGS));
  for (const dir of CODE_DIRECTORIES) {
    for (const file of readdirSync(dir).filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts')).sort()) hash.update(readFileSync(join(dir, file)));
  }
  return (computed = hash.digest('hex').slice(0, 12));
}
