import { beforeAll, describe, expect, it } from 'vitest';
import { identifyLanguage } from '../../../src/language/detect-language.js';
import { analyse } from '../../../src/tagging/analyse.js';
import { loadModels } from '../../../src/tagging/model-store.js';
import type { ReasonModels } from '../../../src/tagging/reason-models.js';
import { getTagger } from '../../../src/tagging/tagger.js';

let models: ReasonModels;

beforeAll(() => {
  models = loadModels().models;
});

/** The fastest of a few runs, which is what the code costs without the machine's noise. */
function fastest(run: () => void, times = 3): number {
  let best = Infinity;
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Analysis and both models on the whole text, as the tagger would without its cut. */
function readWhole(text: string): void {
  const analysis = analyse(text, 'en');
  models.tagProbabilities(analysis);
  models.sentimentScores(analysis);
}

describe('tagging cost', () => {
  // The same amount of text read as ten 20 KB reasons or as one 200 KB reason: linear reading costs
  // about the same both ways, quadratic reading ten times as much for the long one.
  it.each([
    ['"1 1 1 …"', '1 '],
    ['negators and polar words', 'not bad but not great, never rude, only slow '],
    ['suggestions and fixes', 'a callback would be nice, fixed it fast, no wait '],
  ])('when 200 KB of %s is analysed as one reason and as ten, then the one reason costs less than 5 times as much', (_name, unit) => {
    const short = unit.repeat(Math.ceil(20_000 / unit.length));
    const long = short.repeat(10);
    readWhole(short);
    readWhole(long);
    const asTen = fastest(() => {
      for (let i = 0; i < 10; i += 1) readWhole(short);
    });
    const asOne = fastest(() => readWhole(long));
    expect(asOne / asTen).toBeLessThan(5);
  });

  it('when a 100 KB reason is tagged, then only its first 4,000 characters are read', () => {
    const tagger = getTagger();
    const start = 'the agent was rude and I waited an hour. ';
    const long = `${start.repeat(100)}${'the bill is wrong '.repeat(5_000)}`;
    expect(tagger.tag(long, { lang: 'en' })).toEqual(tagger.tag(long.slice(0, 4_000), { lang: 'en' }));
    expect(tagger.tag(long, { lang: 'en' }).tags).not.toContain('price_billing');
  });

  it('when the language of a 100 KB reply is detected, then only its start is read', () => {
    expect(identifyLanguage(`Laba diena, ${'niekas nepaskambino '.repeat(5_000)}`)).toEqual(identifyLanguage(`Laba diena, ${'niekas nepaskambino '.repeat(5_000)}`.slice(0, 1_000)));
  });
});
