import { loadModels } from '../src/tagging/model-store.js';
import { readLabelled } from '../src/tagging/labelled-data.js';
import { getTagger } from '../src/tagging/tagger.js';
import { TAGGER_LANGUAGES } from '../src/tagging/tagger-languages.js';
import { TAG_IDS } from '../src/tagging/taxonomy.js';
import type { BenchSection } from './report.js';
import { measureEchoFloor, measureTagCli } from './tagging/cli-throughput.js';
import { evaluateTagger } from './tagging/evaluate.js';
import { detection, detectionTable, outsideCheck, readingChecks, scoreParsing } from './tagging/held-out-tables.js';
import { longInput } from './tagging/long-input.js';

const CLI_LINES = 24_000;

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
const share = (part: number, whole: number): number | null => (whole === 0 ? null : round(part / whole));

/**
 * `npm run bench -- tagging`: quality of tags, sentiment, score parsing and language detection on
 * the held-out test splits (never used in training or tuning), the cost of a 100 KB reply, and the
 * speed of the real CLI against a floor of the same reader and writer doing nothing.
 */
export async function runTaggingBench(): Promise<BenchSection> {
  const source = loadModels().source;
  const tagger = getTagger();
  const test = readLabelled('test');
  const results = evaluateTagger(tagger, test);
  const withoutScores = new Map(evaluateTagger(tagger, test, false).map((r) => [r.lang, r.sentimentAccuracy]));
  const parsing = scoreParsing();

  const rows: BenchSection['rows'] = results.map((r) => {
    const detected = detection(test.filter((t) => t.lang === r.lang));
    const parsed = parsing.byLanguage.get(r.lang) ?? { correct: 0, total: 0 };
    const perTag = Object.fromEntries(TAG_IDS.map((tag) => {
      const score = r.tags.find((s) => s.tag === tag);
      return [tag, score ? round(score.f1, 2) : null];
    }));
    return {
      lang: r.lang, reasons: r.count, 'macro-F1': round(r.macroF1), sentiment: round(r.sentimentAccuracy),
      'sentiment (no score)': round(withoutScores.get(r.lang) ?? 0), 'score-parse': share(parsed.correct, parsed.total),
      'lang-detect': share(detected.right, detected.total), 'lang-confident': share(detected.confidentRight, detected.total),
      'confident-wrong': detected.confidentWrong, ...perTag,
    };
  });

  const reading = readingChecks(tagger);
  const table = detectionTable();
  const long = longInput(tagger);
  const reasons = test.map((r) => r.text);
  const lines = Array.from({ length: CLI_LINES }, (_, i) => JSON.stringify({ id: i, text: reasons[i % reasons.length] }));
  const floor = await measureEchoFloor(lines);
  const cli = await measureTagCli(lines);
  const parsedAll = [...parsing.byLanguage.values()].reduce((sum, c) => ({ correct: sum.correct + c.correct, total: sum.total + c.total }), { correct: 0, total: 0 });

  const notes = [
    `test split: ${test.length} reasons (${TAGGER_LANGUAGES.map((l) => `${l} ${test.filter((t) => t.lang === l).length}`).join(', ')}), tagged with their language given; tagger ${tagger.version} (models from ${source})`,
    `score parsing on the held-out table: ${parsedAll.correct}/${parsedAll.total} = ${round(parsedAll.correct / parsedAll.total)}${parsing.misses.length > 0 ? `; misses: ${parsing.misses.join('; ')}` : ''}`,
    `outside check (written after the lexicons, never trained on): ${outsideCheck(tagger).join('; ')}`,
    `reading checks (suggestions neutral, a fast fix is no waiting): ${reading.passed}/${reading.total}${reading.failed.length > 0 ? `; failed: ${reading.failed.join('; ')}` : ''}`,
    `language detection table: greetings and short texts in ours confidently right ${table.ours.right}/${table.ours.total}; texts in other languages confidently taken for one of ours ${table.others.mistaken.length}/${table.others.total}${table.others.mistaken.length > 0 ? ` (${table.others.mistaken.join('; ')})` : ''}`,
    `100 KB reply: score reading ${round(long.parseMs, 1)} ms (median; the first call ${round(long.parseFirstMs, 1)} ms), tagging ${round(long.tagMs, 1)} ms, detection ${round(long.detectMs, 2)} ms; floor (lower-case and split the same 100 KB) ${round(long.floorMs, 1)} ms`,
    `tag CLI: ${cli.lines} reasons (no lang, so detection runs) in ${Math.round(cli.milliseconds)} ms from spawn to last line = ${Math.round(cli.linesPerSecond)} reasons/s; first answer after ${Math.round(cli.firstLineMilliseconds)} ms; floor (the same JSON-lines reader and writer answering nothing) ${Math.round(floor.milliseconds)} ms = ${Math.round(floor.linesPerSecond)} lines/s`,
    ...results.map((r) => `${r.lang} weakest tags: ${[...r.tags].sort((a, b) => a.f1 - b.f1).slice(0, 3).map((s) => `${s.tag} ${round(s.f1, 2)} (n=${s.support})`).join(', ')}; mix-ups: ${r.confusions.slice(0, 4).map((c) => `${c.pair} ×${c.count}`).join(', ') || 'none'}`),
  ];
  return { title: 'Reason tagging, sentiment, score parsing, language detection (held-out test splits)', rows, notes };
}
