import { describe, expect, it } from 'vitest';
import { findScoreInText, readScoreMention } from '../../../src/scoring/parse-score.js';

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

describe('score reading cost', () => {
  // The same amount of text read as ten 20 KB replies or as one 200 KB reply: linear reading costs
  // about the same both ways, quadratic reading ten times as much for the long one.
  it.each([
    ['"1 1 1 …"', '1 '],
    ['a sentence with numbers', 'waited 20 minutes, maybe 7 or 8, '],
    ['Persian digits and words', '۷ از ۱۰ هفت '],
  ])('when 200 KB of %s is read as one reply and as ten, then the one reply costs less than 5 times as much', (_name, unit) => {
    const short = unit.repeat(Math.ceil(20_000 / unit.length));
    const long = short.repeat(10);
    const asTen = fastest(() => {
      for (let i = 0; i < 10; i += 1) readScoreMention(short, 'en');
    });
    const asOne = fastest(() => readScoreMention(long, 'en'));
    expect(asOne / asTen).toBeLessThan(5);
  });

  it('when a 100 KB reply arrives, then only its start is read and the answer is the same as for that start', () => {
    const reply = `8, ${'1 '.repeat(50_000)}`;
    expect(findScoreInText(reply, 'en')).toEqual(readScoreMention(reply.slice(0, 2_000), 'en'));
    expect(findScoreInText(reply, 'en')).toBeNull();
    expect(findScoreInText(`${'the agent was lovely and '.repeat(4)}so 8.${' '.repeat(100_000)}`, 'en')?.score).toBe(8);
  });
});
