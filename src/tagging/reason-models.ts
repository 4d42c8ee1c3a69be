import { analyse, type Analysis } from './analyse.js';
import { NamedFeatures, STEM_FEATURE, sentimentFeatures, tagFeatures } from './features.js';
import { ColumnFeatures } from './model-features.js';
import type { LabelledReason } from './labelled-data.js';
import { FeatureIndex, logits, probability, trainOneVsRest, trainSoftmax, type SparseRow } from './linear-model.js';
import { SENTIMENTS, TAG_IDS } from './taxonomy.js';
import type { TrainingSettings } from './tagger-settings.js';
import { TUNED_SETTINGS } from './tuned-settings.js';

/** The trained weights, plain enough to be written to and read from a JSON cache file. */
export interface ModelWeights {
  tag: { features: string[]; weights: ArrayLike<number>[] };
  sentiment: { features: string[]; weights: ArrayLike<number>[] };
}

function l2For(index: FeatureIndex, settings: TrainingSettings): (column: number) => number {
  return (column) => (STEM_FEATURE.test(index.names[column] ?? '') ? settings.stemL2 : settings.cueL2);
}

export function trainWeights(reasons: readonly LabelledReason[], settings: TrainingSettings = TUNED_SETTINGS.training): ModelWeights {
  return trainOnAnalyses(reasons.map((r) => analyse(r.text, r.lang)), reasons, settings);
}

/** The same on reasons already analysed (`analyses[i]` is `reasons[i]`), so tuning analyses each reason once. */
export function trainOnAnalyses(analyses: readonly Analysis[], reasons: readonly LabelledReason[], settings: TrainingSettings): ModelWeights {
  const options = (index: FeatureIndex, seed: number) => ({ epochs: settings.epochs, learningRate: settings.learningRate, l2: l2For(index, settings), seed });

  const tagIndex = new FeatureIndex();
  const tagRows = analyses.map((a) => tagIndex.row(tagFeatures(a, new NamedFeatures()).names, true));
  const tagLabels = reasons.map((r) => TAG_IDS.map((tag) => r.tags.includes(tag)));
  // Each tag's model sees only its own lexicon cues: "hold" next to "app" must still mean waiting,
  // and a cue of another tag saying "not this one" would not carry over to reasons that mix topics.
  const cueTag = tagIndex.names.map((name) => /^[tw]:(.+)$/.exec(name)?.[1]);
  const uses = (output: number, column: number): boolean => cueTag[column] === undefined || cueTag[column] === TAG_IDS[output];
  const tagWeights = trainOneVsRest(tagRows, tagIndex.size, tagLabels, { ...options(tagIndex, 7), uses });

  const sentimentIndex = new FeatureIndex();
  const sentimentRows = analyses.map((a) => sentimentIndex.row(sentimentFeatures(a, new NamedFeatures()).names, true));
  const classes = reasons.map((r) => SENTIMENTS.indexOf(r.sentiment));
  const sentimentWeights = trainSoftmax(sentimentRows, sentimentIndex.size, classes, SENTIMENTS.length, options(sentimentIndex, 11));

  return {
    tag: { features: tagIndex.names, weights: tagWeights },
    sentiment: { features: sentimentIndex.names, weights: sentimentWeights },
  };
}

/** Trained models ready to score analysed reasons. */
export class ReasonModels {
  private readonly tagIndex: FeatureIndex;
  private readonly tagWeights: Float64Array[];
  private readonly sentimentIndex: FeatureIndex;
  private readonly sentimentWeights: Float64Array[];
  private readonly tagColumns: ColumnFeatures;
  private readonly sentimentColumns: ColumnFeatures;

  constructor(weights: ModelWeights) {
    this.tagIndex = new FeatureIndex(weights.tag.features);
    this.tagWeights = weights.tag.weights.map((w) => Float64Array.from(w));
    this.sentimentIndex = new FeatureIndex(weights.sentiment.features);
    this.sentimentWeights = weights.sentiment.weights.map((w) => Float64Array.from(w));
    this.tagColumns = new ColumnFeatures(this.tagIndex);
    this.sentimentColumns = new ColumnFeatures(this.sentimentIndex);
  }

  /** Probability per tag, in TAG_IDS order. */
  tagProbabilities(analysis: Analysis): number[] {
    const row: SparseRow = tagFeatures(analysis, this.tagColumns).take();
    return this.tagWeights.map((w) => probability(w, row));
  }

  /** Unnormalised scores per sentiment, in SENTIMENTS order. */
  sentimentScores(analysis: Analysis): number[] {
    return logits(this.sentimentWeights, sentimentFeatures(analysis, this.sentimentColumns).take());
  }
}
