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

// Written by `node dist/bench/tagging/tune.js` from cross-validation on the training split
// (never the test split). Edit by re-running it.
export const TUNED_SETTINGS: TunedSettings = {
  training: {
    epochs: 10,
    learningRate: 0.3,
    stemL2: 0.05,
    cueL2: 0.002
  },
  decision: {
    thresholds: {
      wait_time: 0.45,
      resolution: 0.4,
      agent_attitude: 0.4,
      agent_knowledge: 0.35,
      transfers: 0.25,
      process_friction: 0.45,
      price_billing: 0.3,
      product_quality: 0.25,
      self_service: 0.3,
      communication: 0.25
    },
    scorePrior: 1
  }
};
