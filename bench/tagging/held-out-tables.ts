import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { identifyLanguage } from '../../src/language/detect-language.js';
import { parseScore } from '../../src/scoring/parse-score.js';
import { labelledDir, readLabelledFile, type LabelledReason } from '../../src/tagging/labelled-data.js';
import type { ReasonTagger } from '../../src/tagging/tagger.js';
import { evaluateTagger } from './evaluate.js';

const OURS = ['en', 'es', 'de', 'fr', 'hu', 'lt', 'fa'];

function readTable<T>(file: string): T[] {
  return readFileSync(join(labelledDir(), file), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as T);
}

export interface ScoreParsing {
  byLanguage: Map<string, { correct: number; total: number }>;
  misses: string[];
}

/** data/labelled/score-parse.test.jsonl: held-out answers with the score meant (or null), per language. */
export function scoreParsing(): ScoreParsing {
  const byLanguage = new Map<string, { correct: number; total: number }>();
  const misses: string[] = [];
  for (const row of readTable<{ text: string; lang?: string; score: number | null }>('score-parse.test.jsonl')) {
    const got = parseScore(row.text, row.lang);
    const counts = byLanguage.get(row.lang ?? 'und') ?? { correct: 0, total: 0 };
    counts.total += 1;
    if (got === row.score) counts.correct += 1;
    else misses.push(`${JSON.stringify(row.text)} → ${got} (want ${row.score})`);
    byLanguage.set(row.lang ?? 'und', counts);
  }
  return { byLanguage, misses };
}

export interface Detection {
  /** Best guess right, confidently right, confidently wrong. */
  right: number;
  confidentRight: number;
  confidentWrong: number;
  total: number;
}

/** Language detection on the held-out reasons of one language. */
export function detection(reasons: readonly LabelledReason[]): Detection {
  const result: Detection = { right: 0, confidentRight: 0, confidentWrong: 0, total: reasons.length };
  for (const reason of reasons) {
    const found = identifyLanguage(reason.text);
    if (found.code === reason.lang) result.right += 1;
    if (found.confident && found.code === reason.lang) result.confidentRight += 1;
    if (found.confident && found.code !== reason.lang) result.confidentWrong += 1;
  }
  return result;
}

/** data/labelled/language-detection.test.jsonl: greetings in ours, texts in others that must not be taken for ours. */
export function detectionTable(): { ours: { right: number; total: number }; others: { mistaken: string[]; total: number } } {
  const rows = readTable<{ text: string; lang: string }>('language-detection.test.jsonl');
  const ours = rows.filter((r) => OURS.includes(r.lang));
  const others = rows.filter((r) => !OURS.includes(r.lang));
  const mistaken = others.flatMap((r) => {
    const found = identifyLanguage(r.text);
    return found.confident && OURS.includes(found.code) ? [`${JSON.stringify(r.text)} (${r.lang}) → ${found.code}`] : [];
  });
  const right = ours.filter((r) => {
    const found = identifyLanguage(r.text);
    return found.confident && found.code === r.lang;
  }).length;
  return { ours: { right, total: ours.length }, others: { mistaken, total: others.length } };
}

/** data/labelled/reading.test.jsonl: suggestions read as neutral, a fast fix not read as waiting. */
export function readingChecks(tagger: ReasonTagger): { passed: number; total: number; failed: string[] } {
  const rows = readTable<{ text: string; lang: string; sentiment?: string; has?: string[]; lacks?: string[] }>('reading.test.jsonl');
  const failed = rows.flatMap((row) => {
    const result = tagger.tag(row.text, { lang: row.lang });
    const pass = (row.sentiment === undefined || result.sentiment === row.sentiment) &&
      (row.has ?? []).every((tag) => (result.tags as string[]).includes(tag)) && (row.lacks ?? []).every((tag) => !(result.tags as string[]).includes(tag));
    return pass ? [] : [`${row.lang} ${JSON.stringify(row.text)} → ${result.tags.join('+') || 'no tags'}, ${result.sentiment}`];
  });
  return { passed: rows.length - failed.length, total: rows.length, failed };
}

/**
 * data/labelled/outside-check.jsonl: Lithuanian and Persian reasons written after their lexicons
 * and models were done, kept out of training; per language macro-F1 and sentiment accuracy.
 */
export function outsideCheck(tagger: ReasonTagger): string[] {
  const rows = readLabelledFile(join(labelledDir(), 'outside-check.jsonl'));
  return evaluateTagger(tagger, rows).map((r) => `${r.lang} ${r.count} reasons: macro-F1 ${r.macroF1.toFixed(3)}, sentiment ${r.sentimentAccuracy.toFixed(3)}`);
}
