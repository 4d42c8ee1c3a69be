import { TAG_IDS, type Sentiment, type TagId } from '../../src/tagging/taxonomy.js';

export interface Prediction {
  gold: { tags: readonly TagId[]; sentiment: Sentiment };
  predicted: { tags: readonly TagId[]; sentiment: Sentiment };
}

export interface TagScore {
  tag: TagId;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

function f1Of(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** F1 per tag; a tag neither present nor predicted is left out (it has no F1 to speak of). */
export function tagScores(predictions: readonly Prediction[]): TagScore[] {
  return TAG_IDS.flatMap((tag) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { gold, predicted } of predictions) {
      const inGold = gold.tags.includes(tag);
      const inPredicted = predicted.tags.includes(tag);
      if (inGold && inPredicted) tp += 1;
      else if (inPredicted) fp += 1;
      else if (inGold) fn += 1;
    }
    if (tp + fp + fn === 0) return [];
    return [{ tag, support: tp + fn, ...f1Of(tp, fp, fn) }];
  });
}

export function macroF1(predictions: readonly Prediction[]): number {
  const scores = tagScores(predictions);
  return scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + s.f1, 0) / scores.length;
}

export function sentimentAccuracy(predictions: readonly Prediction[]): number {
  if (predictions.length === 0) return 0;
  return predictions.filter((p) => p.gold.sentiment === p.predicted.sentiment).length / predictions.length;
}

/** "gold → predicted" tag mix-ups, most frequent first: a missed tag paired with each wrongly added one. */
export function tagConfusions(predictions: readonly Prediction[], limit = 8): Array<{ pair: string; count: number }> {
  const counts = new Map<string, number>();
  for (const { gold, predicted } of predictions) {
    const missed = gold.tags.filter((t) => !predicted.tags.includes(t));
    const added = predicted.tags.filter((t) => !gold.tags.includes(t));
    for (const m of missed) for (const a of added) counts.set(`${m} → ${a}`, (counts.get(`${m} → ${a}`) ?? 0) + 1);
    if (missed.length > 0 && added.length === 0) for (const m of missed) counts.set(`${m} → (nothing)`, (counts.get(`${m} → (nothing)`) ?? 0) + 1);
    if (added.length > 0 && missed.length === 0) for (const a of added) counts.set(`(nothing) → ${a}`, (counts.get(`(nothing) → ${a}`) ?? 0) + 1);
  }
  return [...counts].map(([pair, count]) => ({ pair, count })).sort((a, b) => b.count - a.count || a.pair.localeCompare(b.pair)).slice(0, limit);
}
