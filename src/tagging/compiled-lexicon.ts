import type { TagId } from './taxonomy.js';
import { TAG_IDS } from './taxonomy.js';
import { DE } from './lexicons/de.js';
import { EN } from './lexicons/en.js';
import { ES } from './lexicons/es.js';
import { FR } from './lexicons/fr.js';
import { FA } from './lexicons/fa.js';
import { HU } from './lexicons/hu.js';
import { LT } from './lexicons/lt.js';
import type { LanguageLexicon } from './lexicons/lexicon-types.js';
import { PhraseMatcher, patternsOf } from './lexicons/phrase-matcher.js';
import type { TaggerLanguage } from './tagger-languages.js';

export interface TopicCue {
  tag: TagId;
  strong: boolean;
}

/** A language's lexicon turned into matchers over folded tokens. */
export interface CompiledLexicon {
  topics: PhraseMatcher<TopicCue>;
  polarity: PhraseMatcher<number>;
  negators: PhraseMatcher<true>;
  negatesBackward: PhraseMatcher<true>;
  contrast: PhraseMatcher<true>;
  suggestion: PhraseMatcher<true>;
  limiters: ReadonlySet<string>;
}

export const LEXICONS: Record<TaggerLanguage, LanguageLexicon> = { en: EN, es: ES, de: DE, fr: FR, hu: HU, lt: LT, fa: FA };

function compile(lexicons: LanguageLexicon[]): CompiledLexicon {
  const topics = new PhraseMatcher<TopicCue>();
  const polarity = new PhraseMatcher<number>();
  const negators = new PhraseMatcher<true>();
  const negatesBackward = new PhraseMatcher<true>();
  const contrast = new PhraseMatcher<true>();
  const suggestion = new PhraseMatcher<true>();
  const limiters = new Set<string>();
  for (const lexicon of lexicons) {
    for (const tag of TAG_IDS) {
      topics.addAll(lexicon.topics[tag].strong, { tag, strong: true });
      topics.addAll(lexicon.topics[tag].weak, { tag, strong: false });
    }
    for (const [value, list] of Object.entries(lexicon.polarity)) polarity.addAll(list, Number(value));
    negators.addAll(lexicon.negators, true);
    negatesBackward.addAll(lexicon.negatesBackward, true);
    contrast.addAll(lexicon.contrast, true);
    suggestion.addAll(lexicon.suggestion, true);
    for (const word of patternsOf(lexicon.limiters)) limiters.add(word);
  }
  return { topics, polarity, negators, negatesBackward, contrast, suggestion, limiters };
}

const compiled = new Map<TaggerLanguage | 'und', CompiledLexicon>();

/** The lexicon of one language, or for `und` all of them together (a reason in an unknown language may still share words). */
export function compiledLexicon(lang: TaggerLanguage | 'und'): CompiledLexicon {
  let lexicon = compiled.get(lang);
  if (!lexicon) {
    lexicon = compile(lang === 'und' ? Object.values(LEXICONS) : [LEXICONS[lang]]);
    compiled.set(lang, lexicon);
  }
  return lexicon;
}
