import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, runCli } from './run-cli.js';

let script: string;

beforeAll(() => {
  script = buildOnce('parse-score.js');
}, 120_000);

describe('parse-score command', () => {
  it('when answers arrive as JSON lines, then each gets its score or null, in order', async () => {
    const input = [
      { id: 1, text: '8/10' },
      { id: 2, text: 'ocho', lang: 'es' },
      { id: 3, text: '7 or 8' },
      { id: 4, text: 'nyolcas', lang: 'hu' },
      { id: 5, text: 'waited 20 minutes' },
    ].map((row) => JSON.stringify(row)).join('\n');
    const run = await runCli(script, `${input}\n`);
    expect(run.code).toBe(0);
    expect(run.lines.map((line) => JSON.parse(line))).toEqual([
      { id: 1, score: 8 }, { id: 2, score: 8 }, { id: 3, score: null }, { id: 4, score: 8 }, { id: 5, score: null },
    ]);
  });

  it('when Lithuanian and Persian answers arrive, with or without their language, then words and Persian digits are read', async () => {
    const input = [
      { id: 1, text: 'septyni', lang: 'lt' },
      { id: 2, text: '7 iš 10', lang: 'lt' },
      { id: 3, text: '۷ از ۱۰' },
      { id: 4, text: 'هفت', lang: 'fa' },
      { id: 5, text: 'نه', lang: 'fa' },
    ].map((row) => JSON.stringify(row)).join('\n');
    const run = await runCli(script, `${input}\n`);
    expect(run.lines.map((line) => JSON.parse(line))).toEqual([
      { id: 1, score: 7 }, { id: 2, score: 7 }, { id: 3, score: 7 }, { id: 4, score: 7 }, { id: 5, score: null },
    ]);
  });

  it('when lines are malformed or blank, then errors are reported per line, blank lines are skipped and the exit code is 0', async () => {
    const run = await runCli(script, '{"id":"x","text":5}\r\n\r\n{oops\n{"id":6,"text":"zehn","lang":"de"}');
    expect(run.code).toBe(0);
    expect(run.lines.map((line) => JSON.parse(line))).toEqual([
      { id: 'x', error: '"text" must be a string' },
      { id: null, error: expect.stringContaining('invalid JSON') },
      { id: 6, score: 10 },
    ]);
  });
});
