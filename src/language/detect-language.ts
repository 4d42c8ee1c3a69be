import { readDerived, writeDerived } from '../tagging/derived-cache.js';
import { taggingFingerprint } from '../tagging/fingerprint.js';
import { readLabelled } from '../tagging/labelled-data.js';
import { CharProfiles, letterWords, type PackedProfiles, type ProfileFit } from './char-profile.js';
import { DETECTED_LANGUAGES, FUNCTION_WORDS, type DetectedLanguage, type OtherLanguage } from './function-words.js';
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
const TELLTALE: Array<[string, Candidate[]]> = [
  ['ñ¿¡', ['es']], ['ß', ['de']], ['őű', ['hu']], ['œû', ['fr']], ['ç', ['fr', 'pt', 'tr']], ['èù', ['fr', 'it']], ['ê', ['fr', 'pt']],
  ['ëï', ['fr', 'nl']], ['î', ['fr', 'ro']], ['ãõ', ['pt']], ['òì', ['it']], ['ėįų', ['lt']], ['ąę', ['lt', 'pl']], ['ū', ['lt', 'lv']],
  ['āēīķļņģ', ['lv']], ['čšž', ['lt', 'lv', 'cs']], ['łśźżń', ['pl']], ['ěřůťď', ['cs']], ['ğış', ['tr']], ['șță', ['ro']], ['å', ['sv']],
  // Arabic, Persian and Urdu keyboards type different letter forms for the same sounds.
  ['\u0629\u064a\u0643\u0649', ['ar']], ['پچژگکی', ['fa', 'ur']], ['ٹڈڑںےہھ', ['ur']],
  ['װױײ\u05b7\u05b8\u05bf', ['yi']],
];
const TELLTALE_OF = new Map<string, number>();
TELLTALE.forEach(([letters], index) => {
  for (const letter of letters) TELLTALE_OF.set(letter, index);
});

/** The telltale groups whose letters appear in `text`, in one pass over it. */
function telltalesIn(text: string): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) < 0xc0) continue;
    const index = TELLTALE_OF.get(text.charAt(i));
    if (index !== undefined) found.add(index);
  }
  return found;
}
const TELLTALE_WEIGHT = 1.5;
const HAS_LETTER = /\p{L}/u;
const ALLOWED = new Map(Object.values(CANDIDATES).map((list) => [list, new Set(list)]));

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

interface WordTable {
  /** word as written (lower case, accents kept) → languages of the script that use it */
  exact: Map<string, Candidate[]>;
  /** the same keyed by the accent-folded word, for people who type without accents */
  folded: Map<string, Candidate[]>;
}

interface Detector {
  words: Map<Script, WordTable>;
  profiles: CharProfiles<DetectedLanguage>;
}

let detector: Detector | undefined;

const isOurs = (code: string): code is DetectedLanguage => (DETECTED_LANGUAGES as readonly string[]).includes(code);

function build(): Detector {
  const add = (map: Map<string, Candidate[]>, word: string, lang: Candidate): void => {
    const languages = map.get(word) ?? [];
    if (!languages.includes(lang)) map.set(word, [...languages, lang]);
  };
  const listOf = (lang: Candidate): string[] => FUNCTION_WORDS[lang].trim().split(/\s+/);
  const ours = new Set(DETECTED_LANGUAGES.flatMap((lang) => listOf(lang).map(foldedText)));
  const tables = new Map<Script, WordTable>();
  for (const [script, candidates] of Object.entries(CANDIDATES) as Array<[Script, readonly Candidate[]]>) {
    const table: WordTable = { exact: new Map(), folded: new Map() };
    for (const lang of candidates) {
      for (const word of listOf(lang)) {
        // Another language's word that one of ours also uses would only blur the evidence for ours.
        if (!isOurs(lang) && ours.has(foldedText(word))) continue;
        add(table.exact, normalizeText(word), lang);
        add(table.folded, foldedText(word), lang);
      }
    }
    tables.set(script, table);
  }
  return { words: tables, profiles: letterProfiles() };
}

/** The letter profiles from the cache in dist/cache, or trained and cached. */
function letterProfiles(): CharProfiles<DetectedLanguage> {
  const fingerprint = taggingFingerprint();
  const cached = readDerived('letter-profiles', fingerprint);
  const unpacked = cached && CharProfiles.unpack(DETECTED_LANGUAGES, cached.data as PackedProfiles, cached.numbers);
  if (unpacked) return unpacked;
  // Only the training split: the test split stays unseen so accuracy on it means something.
  const training = readLabelled('train');
  const profiles = CharProfiles.train(DETECTED_LANGUAGES, (lang) => [...training.filter((r) => r.lang === lang).map((r) => r.text), FUNCTION_WORDS[lang]]);
  const { packed, values } = profiles.pack();
  writeDerived('letter-profiles', fingerprint, packed, values);
  return profiles;
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

function wordEvidence(text: string, tokens: string[], candidates: readonly Candidate[], table: WordTable): WordEvidence {
  const score = new Map<Candidate, number>();
  const direct = new Set<Candidate>();
  const sources: Candidate[][] = [];
  const allowed = ALLOWED.get(candidates) ?? new Set(candidates);
  let known = 0;
  for (const token of tokens) {
    const exact = table.exact.get(token);
    const languages = exact ?? table.folded.get(foldAccents(token));
    if (!languages) continue;
    const weight = languages === exact ? 1 : FOLDED_MATCH_WEIGHT;
    known += weight;
    if (languages === exact) sources.push(languages);
    for (const lang of languages) {
      score.set(lang, (score.get(lang) ?? 0) + weight / languages.length);
      if (languages === exact) direct.add(lang);
    }
  }
  for (const index of telltalesIn(text.toLowerCase())) {
    const present = (TELLTALE[index]?.[1] ?? []).filter((lang) => allowed.has(lang));
    if (present.length === 0) continue;
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

/** The two best candidates with their scores; ties go to our languages, which come first in every candidate list. */
function topTwo(score: Map<Candidate, number>, candidates: readonly Candidate[]): [[Candidate, number] | undefined, [Candidate, number] | undefined] {
  let first: [Candidate, number] | undefined;
  let second: [Candidate, number] | undefined;
  for (const lang of candidates) {
    const entry: [Candidate, number] = [lang, score.get(lang) ?? 0];
    if (!first || entry[1] > first[1]) {
      second = first;
      first = entry;
    } else if (!second || entry[1] > second[1]) {
      second = entry;
    }
  }
  return [first, second];
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
  const normalized = normalizeText(text);
  const tokens = words(normalized).filter((w) => HAS_LETTER.test(w));
  const evidence = wordEvidence(text, tokens, candidates, found.words.get(script) ?? { exact: new Map(), folded: new Map() });
  const [first, second] = topTwo(evidence.score, candidates);
  if (!first) return { code: 'und', confident: false };
  const lead = first[1] - (second?.[1] ?? 0);
  const allKnown = evidence.known >= tokens.length;
  if (first[1] > 0 && lead >= (allKnown ? 0.5 : CLEAR_LEAD)) return { code: first[0], confident: evidence.direct.has(first[0]) };

  const ngramLanguages = candidates.filter(isOurs);
  if (ngramLanguages.length === 0 || (evidence.known === 0 && letters < 4)) {
    return first[1] > 0 && lead > 0 ? { code: first[0], confident: false } : { code: 'und', confident: false };
  }
  const fit = found.profiles.fit(letterWords(normalized));
  const [best, next] = topTwo(withLetters(evidence.score, fit), candidates);
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
