import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage } from '../src/language/detect-language.js';
import { parseScore } from '../src/scoring/parse-score.js';
import { labelledDir, readLabelled } from '../src/tagging/labelled-data.js';
import { loadModels } from '../src/tagging/model-store.js';
import { getTagger } from '../src/tagging/tagger.js';
import { TAGGER_LANGUAGES } from '../src/tagging/tagger-languages.js';
import { TAG_IDS } from '../src/tagging/taxonomy.js';
import type { BenchSection } from './report.js';
import { measureTagCli } from './tagging/cli-throughput.js';
import { evaluateTagger } from './tagging/evaluate.js';

const CLI_LINES = 24_000;

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

function scoreParseAccuracy(): { correct: number; total: number; misses: string[] } {
  const path = join(labelledDir(), 'score-parse.test.jsonl');
  const rows = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { text: string; lang?: string; score: number | null });
  const misses = rows.filter((r) => parseScore(r.text, r.lang) !== r.score).map((r) => `${JSON.stringify(r.text)} → ${parseScore(r.text, r.lang)} (want ${r.score})`);
  return { correct: rows.length - misses.length, total: rows.length, misses };
}

/**
 * `npm run bench -- tagging`: quality of tags, sentiment, score parsing and language detection on
 * the held-out test splits (never used in training or tuning), and the speed of the real CLI.
 */
export async function runTaggingBench(): Promise<BenchSection> {
  const source = loadModels().source;
  const tagger = getTagger();
  const test = readLabelled('test');
  const results = evaluateTagger(tagger, test);

  const rows: BenchSection['rows'] = results.map((r) => {
    const detected = test.filter((t) => t.lang === r.lang);
    const detectionAccuracy = detected.filter((t) => detectLanguage(t.text) === t.lang).length / detected.length;
    const perTag = Object.fromEntries(TAG_IDS.map((tag) => {
      const score = r.tags.find((s) => s.tag === tag);
      return [tag, score ? round(score.f1, 2) : null];
    }));
    return { lang: r.lang, reasons: r.count, 'macro-F1': round(r.macroF1), sentiment: round(r.sentimentAccuracy), 'lang-detect': round(detectionAccuracy), ...perTag };
  });

  const parse = scoreParseAccuracy();
  const reasons = test.map((r) => r.text);
  const lines = Array.from({ length: CLI_LINES }, (_, i) => JSON.stringify({ id: i, text: reasons[i % reasons.length] }));
  const cli = await measureTagCli(lines);

  const notes = [
    `test split: ${test.length} reasons (${TAGGER_LANGUAGES.map((l) => `${l} ${test.filter((t) => t.lang === l).length}`).join(', ')}), tagged with their language given; tagger ${tagger.version} (models from ${source})`,
    `score parsing on the held-out table: ${parse.correct}/${parse.total} = ${round(parse.correct / parse.total)}${parse.misses.length > 0 ? `; misses: ${parse.misses.join('; ')}` : ''}`,
    `language detection on all test reasons: ${round(test.filter((t) => detectLanguage(t.text) === t.lang).length / test.length)}`,
    `tag CLI: ${cli.lines} reasons (no lang, so detection runs) in ${Math.round(cli.milliseconds)} ms from spawn to last line = ${Math.round(cli.linesPerSecond)} reasons/s; first answer after ${Math.round(cli.firstLineMilliseconds)} ms`,
    ...results.map((r) => `${r.lang} weakest tags: ${[...r.tags].sort((a, b) => a.f1 - b.f1).slice(0, 3).map((s) => `${s.tag} ${round(s.f1, 2)} (n=${s.support})`).join(', ')}; mix-ups: ${r.confusions.slice(0, 4).map((c) => `${c.pair} ×${c.count}`).join(', ') || 'none'}`),
  ];
  return { title: 'Reason tagging, sentiment, score parsing (held-out test splits)', rows, notes };
}
