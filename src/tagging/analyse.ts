import { splitClauses } from './clauses.js';
import { compiledLexicon, type TopicCue } from './compiled-lexicon.js';
import type { PhraseHit } from './lexicons/phrase-matcher.js';
import { naturalVocabulary } from './natural-vocabulary.js';
import { readPolarity, type PolaritySignals } from './polarity.js';
import { stem } from './stemmers.js';
import type { TaggerLanguage } from './tagger-languages.js';

export interface Analysis {
  lang: TaggerLanguage | 'und';
  /** Lower-case, accent-folded words. */
  tokens: string[];
  /** Whether each word stands shortly after a negator in its clause ("not [rude]", "keine [Wartezeit]"). */
  negated: boolean[];
  /** Stems in the analysis language (English for `und`), accent-folded. */
  stems: string[];
  topics: Array<PhraseHit<TopicCue>>;
  polarity: PolaritySignals;
  /** General polarity from natural's vocabulary (AFINN, Pattern), negation applied. */
  natural: { positive: number; negative: number };
}

/** Everything the tag and sentiment models look at, computed once per reason. */
export function analyse(text: string, lang: TaggerLanguage | 'und'): Analysis {
  const lexicon = compiledLexicon(lang);
  const parts = splitClauses(text, lexicon);
  const stemLang: TaggerLanguage = lang === 'und' ? 'en' : lang;
  const stems = parts.raw.map((word) => (/^\d+$/.test(word) ? '<num>' : stem(word, stemLang)));
  const suggestions = parts.cues.suggestions;
  const polarity = readPolarity(text, parts, lexicon, suggestions);

  const vocabulary = naturalVocabulary(stemLang);
  const natural = { positive: 0, negative: 0 };
  parts.tokens.forEach((token, i) => {
    const value = polarity.covered.has(i) ? undefined : vocabulary.get(token);
    if (value === undefined) return;
    const signed = polarity.negated[i] ? -value : value;
    if (signed > 0) natural.positive += signed;
    else natural.negative -= signed;
  });

  const topics = readableTopics(parts.tokens.length, parts.cues.topics, suggestions);
  return { lang, tokens: parts.tokens, negated: polarity.negated, stems, topics, polarity: polarity.signals, natural };
}

/** For each word, the length of the longest phrase of `hits` that covers it (0 when none does). */
function coverLengths(count: number, hits: Array<PhraseHit<unknown>>): Int32Array {
  const lengths = new Int32Array(count);
  for (const hit of hits) {
    const length = hit.end - hit.start + 1;
    for (let i = hit.start; i <= hit.end; i += 1) lengths[i] = Math.max(lengths[i] ?? 0, length);
  }
  return lengths;
}

/**
 * Topic cues, less those that a longer phrase explains: a cue inside a suggestion ("wäre nett" is
 * no praise of an agent), and a waiting cue inside a phrase about the fix ("fixed it fast",
 * "schnell behoben" is no waiting time).
 */
function readableTopics(count: number, hits: Array<PhraseHit<TopicCue>>, suggestions: Array<PhraseHit<true>>): Array<PhraseHit<TopicCue>> {
  const suggested = coverLengths(count, suggestions);
  const fixed = coverLengths(count, hits.filter((hit) => hit.value.tag === 'resolution'));
  return hits.filter((hit) => {
    const length = hit.end - hit.start + 1;
    if ((suggested[hit.start] ?? 0) > 0 && (suggested[hit.end] ?? 0) > 0) return false;
    return !(hit.value.tag === 'wait_time' && (fixed[hit.start] ?? 0) > length && (fixed[hit.end] ?? 0) > length);
  });
}
