/**
 * Tunes the tagger on the training split only: 5-fold cross-validation picks the training
 * settings, the threshold per tag and the weight of the score prior, then rewrites
 * src/tagging/tuned-settings.ts. The test split is never read here.
 *
 *   npx tsc -b && node dist/bench/tagging/tune.js
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, type Analysis } from '../../src/tagging/analyse.js';
import { FOLDS, foldOf, labelledDir, readLabelled, type LabelledReason } from '../../src/tagging/labelled-data.js';
import { ReasonModels, trainOnAnalyses } from '../../src/tagging/reason-models.js';
import { SENTIMENTS, TAG_IDS, type TagId } from '../../src/tagging/taxonomy.js';
import type { TrainingSettings, TunedSettings } from '../../src/tagging/tagger-settings.js';
import { npsCategory } from '../../src/survey/category.js';

interface OutOfFold {
  reason: LabelledReason;
  probabilities: number[];
  sentimentScores: number[];
}

const THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
const PRIORS = [0, 0.25, 0.5, 0.75, 1];

function outOfFold(reasons: LabelledReason[], analyses: Analysis[], settings: TrainingSettings): OutOfFold[] {
  const results: OutOfFold[] = [];
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const inFold = reasons.map((r) => foldOf(r) === fold);
    const models = new ReasonModels(trainOnAnalyses(analyses.filter((_, i) => !inFold[i]), reasons.filter((_, i) => !inFold[i]), settings));
    reasons.forEach((reason, i) => {
      const analysis = analyses[i];
      if (!inFold[i] || !analysis) return;
      results.push({ reason, probabilities: models.tagProbabilities(analysis), sentimentScores: models.sentimentScores(analysis) });
    });
  }
  return results;
}

function f1(results: OutOfFold[], tagIndex: number, tag: TagId, threshold: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { reason, probabilities } of results) {
    const predicted = (probabilities[tagIndex] ?? 0) >= threshold;
    const gold = reason.tags.includes(tag);
    if (predicted && gold) tp += 1;
    else if (predicted) fp += 1;
    else if (gold) fn += 1;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** The threshold in the middle of the best-scoring run, which moves less between data sets than the single best point. */
function bestThreshold(results: OutOfFold[], tagIndex: number, tag: TagId): { threshold: number; f1: number } {
  const scores = THRESHOLDS.map((t) => f1(results, tagIndex, tag, t));
  const best = Math.max(...scores);
  const nearBest = THRESHOLDS.filter((_, i) => (scores[i] ?? 0) >= best - 0.005);
  const middle = nearBest[Math.floor(nearBest.length / 2)] ?? 0.5;
  return { threshold: middle, f1: best };
}

function sentimentAccuracy(results: OutOfFold[], prior: number): number {
  let correct = 0;
  for (const { reason, sentimentScores } of results) {
    const scores = [...sentimentScores];
    if (reason.score !== undefined) {
      const category = npsCategory(reason.score);
      const index = SENTIMENTS.indexOf(category === 'promoter' ? 'positive' : category === 'detractor' ? 'negative' : 'neutral');
      scores[index] = (scores[index] ?? 0) + prior;
    }
    const best = scores.indexOf(Math.max(...scores));
    if (SENTIMENTS[best] === reason.sentiment) correct += 1;
  }
  return correct / results.length;
}

function main(): void {
  const reasons = readLabelled('train');
  const analyses = reasons.map((r) => analyse(r.text, r.lang));
  const grid: TrainingSettings[] = [];
  for (const epochs of [10, 20]) for (const stemL2 of [8e-3, 2e-2, 5e-2]) for (const cueL2 of [3e-4, 2e-3]) grid.push({ epochs, learningRate: 0.3, stemL2, cueL2 });

  let chosen: { settings: TunedSettings; objective: number } | undefined;
  for (const training of grid) {
    const results = outOfFold(reasons, analyses, training);
    const thresholds = Object.fromEntries(TAG_IDS.map((tag, i) => [tag, bestThreshold(results, i, tag).threshold])) as Record<TagId, number>;
    const macro = TAG_IDS.reduce((sum, tag, i) => sum + f1(results, i, tag, thresholds[tag]), 0) / TAG_IDS.length;
    const priors = PRIORS.map((p) => sentimentAccuracy(results, p));
    const bestAccuracy = Math.max(...priors);
    // The smallest prior within half a point of the best: the text should decide.
    const scorePrior = PRIORS.find((_, i) => (priors[i] ?? 0) >= bestAccuracy - 0.005) ?? 0;
    const objective = macro + 0.5 * bestAccuracy;
    console.log(JSON.stringify(training), 'macro-F1', macro.toFixed(3), 'sentiment', bestAccuracy.toFixed(3), 'prior', scorePrior);
    if (!chosen || objective > chosen.objective) chosen = { settings: { training, decision: { thresholds, scorePrior } }, objective };
  }
  if (!chosen) return;
  const path = join(labelledDir(), '..', '..', 'src', 'tagging', 'tuned-settings.ts');
  const source = `import type { TunedSettings } from './tagger-settings.js';

// Written by \`node dist/bench/tagging/tune.js\` from cross-validation on the training split
// (never the test split). Edit by re-running it.
export const TUNED_SETTINGS: TunedSettings = ${JSON.stringify(chosen.settings, null, 2).replace(/"(\w+)":/g, '$1:').replace(/"/g, "'")};
`;
  writeFileSync(path, source);
  console.log('wrote', path, JSON.stringify(chosen.settings));
}

main();
