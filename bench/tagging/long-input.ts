import { identifyLanguage } from '../../src/language/detect-language.js';
import { findScoreInText } from '../../src/scoring/parse-score.js';
import type { ReasonTagger } from '../../src/tagging/tagger.js';

/** Median milliseconds of `runs` calls. */
function median(run: () => void, runs = 15): number {
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? 0;
}

export interface LongInput {
  parseMs: number;
  parseFirstMs: number;
  tagMs: number;
  detectMs: number;
  /** Lower-casing and splitting the same 100 KB: the floor any reading of it pays. */
  floorMs: number;
}

/** A 100 KB reply of "1 1 1 …" (and one of words) through the score reader, the tagger and the detector. */
export function longInput(tagger: ReasonTagger): LongInput {
  const ones = '1 '.repeat(50_000);
  const words = 'the agent was rude and I waited far too long on hold '.repeat(1_900);
  let started = performance.now();
  findScoreInText(`${ones} `, 'en');
  const parseFirstMs = performance.now() - started;
  started = performance.now();
  return {
    parseFirstMs,
    parseMs: median(() => findScoreInText(ones, 'en')),
    tagMs: median(() => tagger.tag(words, { lang: 'en' })),
    detectMs: median(() => identifyLanguage(words)),
    floorMs: median(() => ones.toLowerCase().split(' ')),
  };
}
