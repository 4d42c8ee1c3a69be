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
import { PhraseMatcher, patternsOf, type PhraseHit } from './lexicons/phrase-matcher.js';
import type { TaggerLanguage } from './tagger-languages.js';

export interface TopicCue {
  tag: TagId;
  strong: boolean;
}

/** What one lexicon phrase says; all kinds are matched in one pass over a reason. */
type Cue =
  | { kind: 'topic'; topic: TopicCue }
  | { kind: 'polarity'; value: number }
  | { kind: 'negator' | 'negatesBackward' | 'contrast' | 'suggestion' };

/** A language's lexicon turned into one matcher over folded tokens. */
export interface CompiledLexicon {
  phrases: PhraseMatcher<Cue>;
  limiters: ReadonlySet<string>;
}

/** The phrases of a lexicon found in a reason, by kind, each in order of position. */
export interface LexiconHits {
  topics: Array<PhraseHit<TopicCue>>;
  polarity: Array<PhraseHit<number>>;
  negators: Array<PhraseHit<true>>;
  negatesBackward: Array<PhraseHit<true>>;
  contrast: Array<PhraseHit<true>>;
  suggestions: Array<PhraseHit<true>>;
}

export const LEXICONS: Record<TaggerLanguage, LanguageLexicon> = { en: EN, es: ES, de: DE, fr: FR, hu: HU, lt: LT, fa: FA };

function compile(lexicons: LanguageLexicon[]): CompiledLexicon {
  const phrases = new PhraseMatcher<Cue>();
  const limiters = new Set<string>();
  for (const lexicon of lexicons) {
    for (const tag of TAG_IDS) {
      phrases.addAll(lexicon.topics[tag].strong, { kind: 'topic', topic: { tag, strong: true } });
      phrases.addAll(lexicon.topics[tag].weak, { kind: 'topic', topic: { tag, strong: false } });
    }
    for (const [value, list] of Object.entries(lexicon.polarity)) phrases.addAll(list, { kind: 'polarity', value: Number(value) });
    phrases.addAll(lexicon.negators, { kind: 'negator' });
    phrases.addAll(lexicon.negatesBackward, { kind: 'negatesBackward' });
    phrases.addAll(lexicon.contrast, { kind: 'contrast' });
    phrases.addAll(lexicon.suggestion, { kind: 'suggestion' });
    for (const word of patternsOf(lexicon.limiters)) limiters.add(word);
  }
  return { phrases, limiters };
}

/** Every phrase of `lexicon` in `tokens`, sorted by kind. */
export function findCues(lexicon: CompiledLexicon, tokens: readonly string[]): LexiconHits {
  const hits: LexiconHits = { topics: [], polarity: [], negators: [], negatesBackward: [], contrast: [], suggestions: [] };
  lexicon.phrases.forEachHit(tokens, (value, start, end) => {
    switch (value.kind) {
      case 'topic': hits.topics.push({ value: value.topic, start, end }); break;
      case 'polarity': hits.polarity.push({ value: value.value, start, end }); break;
      case 'negator': hits.negators.push({ value: true, start, end }); break;
      case 'negatesBackward': hits.negatesBackward.push({ value: true, start, end }); break;
      case 'contrast': hits.contrast.push({ value: true, start, end }); break;
      case 'suggestion': hits.suggestions.push({ value: true, start, end }); break;
    }
  });
  return hits;
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
