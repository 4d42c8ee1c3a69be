import type { LabelledReason } from '../../src/tagging/labelled-data.js';
import type { ReasonTagger } from '../../src/tagging/tagger.js';
import { TAGGER_LANGUAGES, type TaggerLanguage } from '../../src/tagging/tagger-languages.js';
import { macroF1, sentimentAccuracy, tagConfusions, tagScores, type Prediction, type TagScore } from './metrics.js';

export interface LanguageResult {
  lang: TaggerLanguage;
  count: number;
  macroF1: number;
  sentimentAccuracy: number;
  tags: TagScore[];
  confusions: Array<{ pair: string; count: number }>;
  predictions: Array<Prediction & { text: string }>;
}

/** Tags every reason with its own language given, as the survey knows it, and scores the result per language. */
export function evaluateTagger(tagger: ReasonTagger, reasons: readonly LabelledReason[], useScore = true): LanguageResult[] {
  return TAGGER_LANGUAGES.flatMap((lang) => {
    const ofLanguage = reasons.filter((r) => r.lang === lang);
    if (ofLanguage.length === 0) return [];
    const predictions = ofLanguage.map((r) => {
      const result = tagger.tag(r.text, { lang: r.lang, score: useScore ? (r.score ?? null) : null });
      return { text: r.text, gold: { tags: r.tags, sentiment: r.sentiment }, predicted: { tags: result.tags, sentiment: result.sentiment } };
    });
    return [{
      lang,
      count: ofLanguage.length,
      macroF1: macroF1(predictions),
      sentimentAccuracy: sentimentAccuracy(predictions),
      tags: tagScores(predictions),
      confusions: tagConfusions(predictions),
      predictions,
    }];
  });
}
