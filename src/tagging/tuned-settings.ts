import type { TunedSettings } from './tagger-settings.js';

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
