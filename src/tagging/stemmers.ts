import { createRequire } from 'node:module';
import { foldAccents } from '../language/normalize.js';
import { stemHungarian } from '../language/hungarian-stemmer.js';
import { stemLithuanian } from '../language/lithuanian-stemmer.js';
import { stemPersian } from '../language/persian-stemmer.js';
import type { TaggerLanguage } from './tagger-languages.js';

interface NaturalStemmer {
  stem(word: string): string;
}

// Deep imports only: natural's root module loads database clients and reads .env.
const require = createRequire(import.meta.url);
const porter = (path: string): NaturalStemmer => require(`natural/lib/natural/stemmers/${path}`) as NaturalStemmer;

const STEMMERS: Record<TaggerLanguage, NaturalStemmer> = {
  en: porter('porter_stemmer.js'),
  es: porter('porter_stemmer_es.js'),
  de: porter('porter_stemmer_de.js'),
  fr: porter('porter_stemmer_fr.js'),
  // natural has no stemmer for these three: light suffix strippers of ours, on accent-folded words.
  hu: { stem: (word) => stemHungarian(foldAccents(word)) },
  lt: { stem: (word) => stemLithuanian(foldAccents(word)) },
  fa: { stem: (word) => stemPersian(foldAccents(word)) },
};

const MAX_CACHED = 50_000;
const caches = new Map<TaggerLanguage, Map<string, string>>();

/** The accent-folded stem of a lower-case word; the accents are folded after stemming, as the stemmers expect them. */
export function stem(word: string, lang: TaggerLanguage): string {
  let cache = caches.get(lang);
  if (!cache) {
    cache = new Map();
    caches.set(lang, cache);
  }
  const known = cache.get(word);
  if (known !== undefined) return known;
  const stemmed = foldAccents(STEMMERS[lang].stem(word));
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(word, stemmed);
  return stemmed;
}
