import type { Sentiment, TagId } from './taxonomy.js';

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

// PLACEHOLDER (replaced by the tagging work): keyword rules in English only.
const RULES: Array<[TagId, RegExp]> = [
  ['wait_time', /\b(wait|waited|waiting|hold|slow|long time|queue)\b/i],
  ['transfers', /\b(transfer|transferred|passed around)\b/i],
  ['price_billing', /\b(bill|billing|price|fee|charge|refund|invoice)\b/i],
  ['agent_attitude', /\b(rude|friendly|kind|polite|helpful)\b/i],
];

const placeholder: ReasonTagger = {
  version: 'placeholder-0',
  tag(text, options = {}) {
    const tags = RULES.filter(([, re]) => re.test(text)).map(([id]) => id);
    const score = options.score ?? null;
    const sentiment: Sentiment = score === null ? 'neutral' : score >= 9 ? 'positive' : score <= 6 ? 'negative' : 'neutral';
    return { tags, sentiment, lang: options.lang ?? 'en' };
  },
};

export function getTagger(): ReasonTagger {
  return placeholder;
}
