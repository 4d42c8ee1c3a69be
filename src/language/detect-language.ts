import { readLabelled } from '../tagging/labelled-data.js';
import { CharProfiles, charNgrams } from './char-profile.js';
import { DETECTED_LANGUAGES, FUNCTION_WORDS, OTHER_LANGUAGES, type DetectedLanguage, type OtherLanguage } from './function-words.js';
import { foldAccents, foldedText, normalizeText, words } from './normalize.js';

type Candidate = DetectedLanguage | OtherLanguage;

interface Detector {
  /** word as written (lower case, accents kept) → languages that use it */
  wordLanguages: Map<string, Candidate[]>;
  /** the same keyed by the accent-folded word, for people who type without accents */
  foldedWordLanguages: Map<string, Candidate[]>;
  profiles: CharProfiles<DetectedLanguage>;
}

// How much one unit of mean n-gram log-probability counts against one function word, and how
// much a word matched only without its accents counts.
const NGRAM_WEIGHT = 1.5;
const FOLDED_MATCH_WEIGHT = 0.5;
// Letters that belong to one language only among ours.
const TELLTALE: Array<[RegExp, DetectedLanguage]> = [
  [/[ñ¿¡]/u, 'es'],
  [/ß/u, 'de'],
  [/[őű]/u, 'hu'],
  [/[çœèêëîïûù]/u, 'fr'],
];

let detector: Detector | undefined;

function build(): Detector {
  const wordLanguages = new Map<string, Candidate[]>();
  const foldedWordLanguages = new Map<string, Candidate[]>();
  const add = (map: Map<string, Candidate[]>, word: string, lang: Candidate): void => {
    const languages = map.get(word) ?? [];
    if (!languages.includes(lang)) map.set(word, [...languages, lang]);
  };
  for (const lang of [...DETECTED_LANGUAGES, ...OTHER_LANGUAGES]) {
    for (const word of FUNCTION_WORDS[lang].trim().split(/\s+/)) {
      add(wordLanguages, normalizeText(word), lang);
      add(foldedWordLanguages, foldedText(word), lang);
    }
  }
  // Only the training split: the test split stays unseen so accuracy on it means something.
  const training = readLabelled('train');
  const profiles = new CharProfiles(DETECTED_LANGUAGES, (lang) => [...training.filter((r) => r.lang === lang).map((r) => r.text), FUNCTION_WORDS[lang]]);
  return { wordLanguages, foldedWordLanguages, profiles };
}

// With this lead in known words, letter n-grams would not change the answer; skipping them keeps long
// texts cheap. When every word is a known one ("eight", "alles gut"), any lead is enough.
const CLEAR_LEAD = 3;

function clearWinner(score: Map<Candidate, number>, lead: number): DetectedLanguage | 'und' | undefined {
  const ranked = [...score].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] - (second?.[1] ?? 0) < lead) return undefined;
  return (OTHER_LANGUAGES as readonly string[]).includes(first[0]) ? 'und' : (first[0] as DetectedLanguage);
}

/**
 * The language of a short text among English, Spanish, German, French and Hungarian, or `und`
 * when there is nothing to go on ("ok", "8", an emoji) or it looks like another language.
 */
export function detectLanguage(text: string): DetectedLanguage | 'und' {
  detector ??= build();
  const tokens = words(normalizeText(text)).filter((w) => /\p{L}/u.test(w));
  if (tokens.length === 0) return 'und';

  const score = new Map<Candidate, number>();
  let wordEvidence = 0;
  for (const token of tokens) {
    const exact = detector.wordLanguages.get(token);
    const languages = exact ?? detector.foldedWordLanguages.get(foldAccents(token));
    if (!languages) continue;
    const weight = exact ? 1 : FOLDED_MATCH_WEIGHT;
    wordEvidence += weight;
    for (const lang of languages) score.set(lang, (score.get(lang) ?? 0) + weight / languages.length);
  }
  const lower = text.toLowerCase();
  for (const [pattern, lang] of TELLTALE) if (pattern.test(lower)) score.set(lang, (score.get(lang) ?? 0) + 1.5);
  const decided = clearWinner(score, wordEvidence >= tokens.length ? 0.5 : CLEAR_LEAD);
  if (decided) return decided;

  const letters = tokens.join('').length;
  if (wordEvidence === 0 && letters < 4 && ![...score.values()].some((v) => v > 0)) return 'und';

  const likelihood = detector.profiles.meanLogProbabilities(charNgrams(text));
  const bestLikelihood = Math.max(...likelihood);
  DETECTED_LANGUAGES.forEach((lang, l) => score.set(lang, (score.get(lang) ?? 0) + NGRAM_WEIGHT * ((likelihood[l] ?? bestLikelihood) - bestLikelihood)));

  let best: Candidate | undefined;
  let bestScore = -Infinity;
  for (const lang of [...DETECTED_LANGUAGES, ...OTHER_LANGUAGES]) {
    const value = score.get(lang);
    // Ties go to our languages, which come first.
    if (value !== undefined && value > bestScore) {
      best = lang;
      bestScore = value;
    }
  }
  if (!best || (OTHER_LANGUAGES as readonly string[]).includes(best)) return 'und';
  return best as DetectedLanguage;
}
