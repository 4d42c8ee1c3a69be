import { detectLanguage } from '../language/detect-language.js';
import { npsCategory } from '../survey/category.js';
import { MAX_REASON_LENGTH } from '../survey/survey-rules.js';
import { analyse } from './analyse.js';
import type { DecisionSettings } from './tagger-settings.js';
import type { ReasonModels } from './reason-models.js';
import { taggerLanguageOf, type TaggerLanguage } from './tagger-languages.js';
import type { ReasonTagger, TagOptions, TagResult } from './tagger.js';
import { SENTIMENTS, TAG_IDS, type Sentiment } from './taxonomy.js';

// Words or emoji: anything else ("...", "?", a bare number) is no reason at all.
const HAS_CONTENT = /[\p{L}\p{Extended_Pictographic}]/u;

function sentimentPrior(score: number | null | undefined): Sentiment | null {
  if (score === null || score === undefined || !Number.isFinite(score) || score < 0 || score > 10) return null;
  const category = npsCategory(Math.round(score));
  return category === 'promoter' ? 'positive' : category === 'detractor' ? 'negative' : 'neutral';
}

/** The tagger over trained models: language, tags above their thresholds, sentiment with the score as a small prior. */
export function createReasonTagger(models: ReasonModels, settings: DecisionSettings, version: string): ReasonTagger {
  return {
    version,
    tag(whole: string, options: TagOptions = {}): TagResult {
      // A stored reason holds at most MAX_REASON_LENGTH characters; the tag command reads no more either.
      const text = whole.length > MAX_REASON_LENGTH ? whole.slice(0, MAX_REASON_LENGTH) : whole;
      const given = taggerLanguageOf(options.lang);
      const lang: TaggerLanguage | 'und' = given ?? detectLanguage(text);
      if (!HAS_CONTENT.test(text)) return { tags: [], sentiment: 'neutral', lang };

      const analysis = analyse(text, lang);
      const probabilities = models.tagProbabilities(analysis);
      const tags = TAG_IDS.filter((tag, i) => (probabilities[i] ?? 0) >= settings.thresholds[tag]);

      const scores = models.sentimentScores(analysis);
      const prior = sentimentPrior(options.score);
      if (prior) scores[SENTIMENTS.indexOf(prior)] = (scores[SENTIMENTS.indexOf(prior)] ?? 0) + settings.scorePrior;
      let best = 0;
      scores.forEach((value, i) => {
        if (value > (scores[best] ?? -Infinity)) best = i;
      });
      return { tags, sentiment: SENTIMENTS[best] ?? 'neutral', lang };
    },
  };
}
