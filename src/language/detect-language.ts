import { readLabelled } from '../tagging/labelled-data.js';
import { CharProfiles, letterWords, type ProfileFit } from './char-profile.js';
import { DETECTED_LANGUAGES, FUNCTION_WORDS, OTHER_LANGUAGES, type DetectedLanguage, type OtherLanguage } from './function-words.js';
import { foldAccents, foldedText, normalizeText, words } from './normalize.js';
import { dominantScript, languageOfScript, type Script } from './scripts.js';

type Candidate = DetectedLanguage | OtherLanguage;

/** What a text is written in, and whether the evidence is strong enough to act on. */
export interface LanguageIdentification {
  /** ISO 639-1 code, ours or not ("ru", "he" …), or `und` when nothing says. */
  code: string;
  /** True only on strong evidence: words that belong to the language, or a long text whose letters fit it well. */
  confident: boolean;
}

const CANDIDATES: Partial<Record<Script, readonly Candidate[]>> = {
  latin: ['en', 'es', 'de', 'fr', 'hu', 'lt', 'it', 'pt', 'nl', 'pl', 'lv', 'cs', 'sv', 'tr', 'ro'],
  arabic: ['fa', 'ar', 'ur'],
  hebrew: ['he', 'yi'],
};

// Letters that only some of the candidates use; the weight is shared among them.
const TELLTALE: Array<[RegExp, Candidate[]]> = [
  [/[ñ¿¡]/u, ['es']], [/ß/u, ['de']], [/[őű]/u, ['hu']], [/[œû]/u, ['fr']], [/ç/u, ['fr', 'pt', 'tr']], [/[èù]/u, ['fr', 'it']],
  [/ê/u, ['fr', 'pt']], [/[ëï]/u, ['fr', 'nl']], [/î/u, ['fr', 'ro']], [/[ãõ]/u, ['pt']], [/[òì]/u, ['it']], [/[ėįų]/u, ['lt']],
  [/[ąę]/u, ['lt', 'pl']], [/ū/u, ['lt', 'lv']], [/[āēīķļņģ]/u, ['lv']], [/[čšž]/u, ['lt', 'lv', 'cs']], [/[łśźżń]/u, ['pl']],
  [/[ěřůťď]/u, ['cs']], [/[ğış]/u, ['tr']], [/[șță]/u, ['ro']], [/å/u, ['sv']],
  // Arabic, Persian and Urdu keyboards type different letter forms for the same sounds.
  [/[\u0629\u064a\u0643\u0649]/u, ['ar']], [/[پچژگکی]/u, ['fa', 'ur']], [/[ٹڈڑںےہھ]/u, ['ur']],
  [/װ|ױ|ײ|\u05b7|\u05b8|\u05bf/u, ['yi']],
];
const TELLTALE_WEIGHT = 1.5;

// How much one unit of mean n-gram log-probability counts against one function word, and how
// much a word matched only without its accents counts.
const NGRAM_WEIGHT = 1.5;
const FOLDED_MATCH_WEIGHT = 0.5;
// With this lead in known words, letter n-grams would not change the answer; skipping them keeps
// long texts cheap. When every word is a known one ("eight", "alles gut"), any lead is enough.
const CLEAR_LEAD = 3;
// Letters alone decide only for a text long enough, whose trigrams the language's examples mostly
// contain, and with a clear lead; below SEEN_FLOOR the text is none of ours, whatever ranks first.
const MIN_LETTERS_FOR_NGRAMS = 12;
const SEEN_CONFIDENT = 0.75;
const SEEN_FLOOR = 0.45;
const FUSED_LEAD = 1;
// Only the start is read: a language shows in its first words.
const MAX_TEXT = 1_000;

interface Detector {
  /** word as written (lower case, accents kept) → languages that use it */
  wordLanguages: Map<string, Candidate[]>;
  /** the same keyed by the accent-folded word, for people who type without accents */
  foldedWordLanguages: Map<string, Candidate[]>;
  profiles: CharProfiles<DetectedLanguage>;
}

let detector: Detector | undefined;

const isOurs = (code: string): code is DetectedLanguage => (DETECTED_LANGUAGES as readonly string[]).includes(code);

function build(): Detector {
  const wordLanguages = new Map<string, Candidate[]>();
  const foldedWordLanguages = new Map<string, Candidate[]>();
  const add = (map: Map<string, Candidate[]>, word: string, lang: Candidate): void => {
    const languages = map.get(word) ?? [];
    if (!languages.includes(lang)) map.set(word, [...languages, lang]);
  };
  const listOf = (lang: Candidate): string[] => FUNCTION_WORDS[lang].trim().split(/\s+/);
  const ours = new Set(DETECTED_LANGUAGES.flatMap((lang) => listOf(lang).map(foldedText)));
  for (const lang of [...DETECTED_LANGUAGES, ...OTHER_LANGUAGES]) {
    for (const word of listOf(lang)) {
      // Another language's word that one of ours also uses would only blur the evidence for ours.
      if (!isOurs(lang) && ours.has(foldedText(word))) continue;
      add(wordLanguages, normalizeText(word), lang);
      add(foldedWordLanguages, foldedText(word), lang);
    }
  }
  // Only the training split: the test split stays unseen so accuracy on it means something.
  const training = readLabelled('train');
  const profiles = new CharProfiles(DETECTED_LANGUAGES, (lang) => [...training.filter((r) => r.lang === lang).map((r) => r.text), FUNCTION_WORDS[lang]]);
  return { wordLanguages, foldedWordLanguages, profiles };
}

interface WordEvidence {
  score: Map<Candidate, number>;
  /** Languages with at least one word matched as written, or one of their letters. */
  direct: Set<Candidate>;
  /** How many words were known at all (folded matches count half). */
  known: number;
  /** The languages behind each word matched as written and each telltale letter found. */
  sources: Candidate[][];
}

function wordEvidence(text: string, tokens: string[], candidates: readonly Candidate[], found: Detector): WordEvidence {
  const score = new Map<Candidate, number>();
  const direct = new Set<Candidate>();
  const sources: Candidate[][] = [];
  const allowed = new Set(candidates);
  let known = 0;
  for (const token of tokens) {
    const exact = found.wordLanguages.get(token)?.filter((lang) => allowed.has(lang));
    const languages = exact && exact.length > 0 ? exact : found.foldedWordLanguages.get(foldAccents(token))?.filter((lang) => allowed.has(lang));
    if (!languages || languages.length === 0) continue;
    const weight = languages === exact ? 1 : FOLDED_MATCH_WEIGHT;
    known += weight;
    if (languages === exact) sources.push(languages);
    for (const lang of languages) {
      score.set(lang, (score.get(lang) ?? 0) + weight / languages.length);
      if (languages === exact) direct.add(lang);
    }
  }
  const lower = text.toLowerCase();
  for (const [pattern, languages] of TELLTALE) {
    const present = languages.filter((lang) => allowed.has(lang));
    if (present.length === 0 || !pattern.test(lower)) continue;
    sources.push(present);
    for (const lang of present) {
      score.set(lang, (score.get(lang) ?? 0) + TELLTALE_WEIGHT / present.length);
      direct.add(lang);
    }
  }
  // Arabic writes the article joined to most nouns ("المشكلة"); Persian seldom does.
  if (allowed.has('ar')) {
    const withArticle = tokens.filter((token) => token.startsWith('ال') && token.length > 3).length;
    if (withArticle >= Math.max(1, tokens.length * 0.3)) score.set('ar', (score.get('ar') ?? 0) + TELLTALE_WEIGHT);
  }
  return { score, direct, known, sources };
}

function ranked(score: Map<Candidate, number>, candidates: readonly Candidate[]): Array<[Candidate, number]> {
  // Ties go to our languages, which come first in every candidate list.
  return candidates.map((lang): [Candidate, number] => [lang, score.get(lang) ?? 0]).sort((a, b) => b[1] - a[1]);
}

/** Adds what the letters say about our languages of this script, and how well the text fits the best of them. */
function withLetters(score: Map<Candidate, number>, fit: ProfileFit): Map<Candidate, number> {
  const fused = new Map(score);
  const best = Math.max(...fit.meanLogProbabilities);
  DETECTED_LANGUAGES.forEach((lang, l) => fused.set(lang, (fused.get(lang) ?? 0) + NGRAM_WEIGHT * ((fit.meanLogProbabilities[l] ?? best) - best)));
  return fused;
}

function identifyScript(text: string, script: Script, letters: number, found: Detector): LanguageIdentification {
  const candidates = CANDIDATES[script] ?? [];
  const tokens = words(normalizeText(text)).filter((w) => /\p{L}/u.test(w));
  const evidence = wordEvidence(text, tokens, candidates, found);
  const byWords = ranked(evidence.score, candidates);
  const [first, second] = byWords;
  if (!first) return { code: 'und', confident: false };
  const lead = first[1] - (second?.[1] ?? 0);
  const allKnown = evidence.known >= tokens.length;
  if (first[1] > 0 && lead >= (allKnown ? 0.5 : CLEAR_LEAD)) return { code: first[0], confident: evidence.direct.has(first[0]) };

  const ngramLanguages = candidates.filter(isOurs);
  if (ngramLanguages.length === 0 || (evidence.known === 0 && letters < 4)) {
    return first[1] > 0 && lead > 0 ? { code: first[0], confident: false } : { code: 'und', confident: false };
  }
  const fit = found.profiles.fit(letterWords(text));
  const fused = ranked(withLetters(evidence.score, fit), candidates.filter((lang) => !isOurs(lang) || ngramLanguages.includes(lang)));
  const [best, next] = fused;
  if (!best) return { code: 'und', confident: false };
  if (!isOurs(best[0])) return { code: best[0], confident: evidence.direct.has(best[0]) && best[1] - (next?.[1] ?? 0) >= 1 };
  const seen = fit.seenTrigrams[DETECTED_LANGUAGES.indexOf(best[0])] ?? 0;
  // Letters that our languages' examples hardly contain: another language, not the nearest of ours.
  if (seen < SEEN_FLOOR && !evidence.direct.has(best[0])) return { code: 'und', confident: false };
  const fusedLead = best[1] - (next?.[1] ?? 0);
  // Words of another language in the text take away the confidence letters alone would give.
  const contradicted = evidence.sources.some((languages) => !languages.includes(best[0]) && languages.some((lang) => !isOurs(lang)));
  const confident = (letters >= MIN_LETTERS_FOR_NGRAMS && seen >= SEEN_CONFIDENT && fusedLead >= FUSED_LEAD && !contradicted) ||
    (evidence.direct.has(best[0]) && fusedLead >= FUSED_LEAD && allKnown);
  return { code: best[0], confident };
}

/**
 * The language of a short text, ours (en, es, de, fr, hu, lt, fa) or another, and whether the
 * evidence is strong. Never chosen by elimination: "Привет" is `ru` and "שלום" is `he`, not the
 * nearest of ours, and a text with nothing to go on ("ok", "8", an emoji) is `und`.
 */
export function identifyLanguage(text: string): LanguageIdentification {
  const start = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const found = dominantScript(start);
  if (!found) return { code: 'und', confident: false };
  if (!CANDIDATES[found.script]) {
    const code = languageOfScript(found.script, start);
    return { code, confident: code !== 'und' && found.letters >= 2 };
  }
  detector ??= build();
  return identifyScript(start, found.script, found.letters, detector);
}

/**
 * The language of a short text among ours, or `und`: the best guess, confident or not, which is
 * what the tagger wants; a survey that must not guess uses identifyLanguage.
 */
export function detectLanguage(text: string): DetectedLanguage | 'und' {
  const { code } = identifyLanguage(text);
  return isOurs(code) ? code : 'und';
}
