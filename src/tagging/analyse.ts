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
  const polarity = readPolarity(text, parts, lexicon);

  const vocabulary = naturalVocabulary(stemLang);
  const natural = { positive: 0, negative: 0 };
  parts.tokens.forEach((token, i) => {
    const value = polarity.covered.has(i) ? undefined : vocabulary.get(token);
    if (value === undefined) return;
    const signed = polarity.negated[i] ? -value : value;
    if (signed > 0) natural.positive += signed;
    else natural.negative -= signed;
  });

  return { lang, tokens: parts.tokens, negated: polarity.negated, stems, topics: lexicon.topics.find(parts.tokens), polarity: polarity.signals, natural };
}
