import type { TagId } from './taxonomy.js';

export interface TrainingSettings {
  epochs: number;
  learningRate: number;
  /** L2 on stems and stem pairs, and on everything else (lexicon cues, polarity). */
  stemL2: number;
  cueL2: number;
}

export interface DecisionSettings {
  thresholds: Record<TagId, number>;
  /** Added to the sentiment the NPS category points to: small, so the text decides. */
  scorePrior: number;
}

export interface TunedSettings {
  training: TrainingSettings;
  decision: DecisionSettings;
}
