import { loadModels } from './model-store.js';
import { createReasonTagger } from './reason-tagger.js';
import type { Sentiment, TagId } from './taxonomy.js';
import { TUNED_SETTINGS } from './tuned-settings.js';

export interface TagOptions {
  /** ISO 639-1 code; detected from the text when absent. */
  lang?: string;
  /** The 0-10 score the person gave, used as a prior for sentiment only. */
  score?: number | null;
}

export interface TagResult {
  tags: TagId[];
  sentiment: Sentiment;
  /** The language the text was tagged as (ISO 639-1, or `und`). */
  lang: string;
}

export interface ReasonTagger {
  /** Changes whenever models or lexicons change, so stored reasons can be re-tagged. */
  readonly version: string;
  tag(text: string, options?: TagOptions): TagResult;
}

let tagger: ReasonTagger | undefined;

/**
 * The reason tagger, built on first use and shared afterwards: the models come from the cache in
 * dist/cache (tens of milliseconds) or are trained from data/labelled (under a second) and cached.
 */
export function getTagger(): ReasonTagger {
  if (!tagger) {
    const { models, version } = loadModels();
    tagger = createReasonTagger(models, TUNED_SETTINGS.decision, version);
  }
  return tagger;
}
