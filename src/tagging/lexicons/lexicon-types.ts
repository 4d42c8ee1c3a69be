import type { TagId } from '../taxonomy.js';

/**
 * Word lists for one language, written with accents for readability (they are folded when
 * compiled). Each list is a comma-separated string of patterns:
 *   "hold"        the word itself
 *   "wait*"       a word starting with "wait"
 *   "*schleife"   a word ending so; "*warte*" a word containing it (German compounds)
 *   "on hold"     consecutive words; "call ? back" allows one word in between
 */
export interface LanguageLexicon {
  /** Per tag: `strong` cues almost always mean the tag, `weak` ones only hint at it. */
  topics: Record<TagId, { strong: string; weak?: string }>;
  /** Polarity of domain words and phrases, from -3 to +3 ("on hold" is -1, "rude" -2, "solved first time" +3). */
  polarity: Partial<Record<'-3' | '-2' | '-1' | '1' | '2' | '3', string>>;
  /** Words that flip the polarity of what follows in the same clause ("not rude", "no wait"). */
  negators: string;
  /** Words that flip the polar phrase just before them, in languages that negate after it (Persian "مهربان نبود", was not kind). */
  negatesBackward?: string;
  /** Words that end a clause and weigh what follows more ("but", "pero", "aber", "mais", "de"). */
  contrast: string;
  /**
   * Phrases that make a reason a suggestion ("would be nice", "maybe add", "jó lenne"): an idea is
   * neutral, and the praise word inside the phrase ("nice") is not praise.
   */
  suggestion: string;
  /** "only", "just": after a positive opener they mark sarcasm ("great, only 2 hours on hold"). */
  limiters: string;
}
