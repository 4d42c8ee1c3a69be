import { TAG_IDS } from '../tagging/taxonomy.js';
import type { CategoryCounts } from './nps.js';

/** Counts by counter metric (`promoter`, `started`, `tag:wait_time:detractor`, …) for one group of responses. */
export type MetricTotals = Map<string, number>;

export const CATEGORY_METRICS = ['promoter', 'passive', 'detractor'] as const;
export const VOLUME_METRICS = ['started', 'completed', 'optedOut', 'partial', 'abandoned'] as const;
/** Every tag count a counter hash may hold: `tag:<tag>:<category>`. */
export const TAG_METRICS: readonly string[] = TAG_IDS.flatMap((tag) => CATEGORY_METRICS.map((category) => `tag:${tag}:${category}`));
/** The metrics a summary reads from a roll-up (tag counts are read by the drivers and a tag filter). */
export const ROLLUP_METRICS: readonly string[] = [...CATEGORY_METRICS, ...VOLUME_METRICS];

export interface VolumeCounts {
  /** Surveys started (every channel start, scored or not). */
  started: number;
  completed: number;
  optedOut: number;
  partial: number;
  abandoned: number;
}

export function addMetric(totals: MetricTotals, metric: string, count: number): void {
  if (count !== 0) totals.set(metric, (totals.get(metric) ?? 0) + count);
}

export function mergeTotals(target: MetricTotals, source: MetricTotals): MetricTotals {
  for (const [metric, count] of source) addMetric(target, metric, count);
  return target;
}

export function categoryCounts(totals: MetricTotals): CategoryCounts {
  return { promoters: totals.get('promoter') ?? 0, passives: totals.get('passive') ?? 0, detractors: totals.get('detractor') ?? 0 };
}

export function volumeCounts(totals: MetricTotals): VolumeCounts {
  return {
    started: totals.get('started') ?? 0,
    completed: totals.get('completed') ?? 0,
    optedOut: totals.get('optedOut') ?? 0,
    partial: totals.get('partial') ?? 0,
    abandoned: totals.get('abandoned') ?? 0,
  };
}

/** `tag:<tag>:<category>` → [tag, category]; anything else → null. */
export function parseTagMetric(metric: string): [string, string] | null {
  if (!metric.startsWith('tag:')) return null;
  const rest = metric.slice(4);
  const colon = rest.lastIndexOf(':');
  return colon > 0 ? [rest.slice(0, colon), rest.slice(colon + 1)] : null;
}

/** Category counts of the responses carrying `tag`, from the tag metrics. */
export function taggedCategoryCounts(totals: MetricTotals, tag: string): CategoryCounts {
  return {
    promoters: totals.get(`tag:${tag}:promoter`) ?? 0,
    passives: totals.get(`tag:${tag}:passive`) ?? 0,
    detractors: totals.get(`tag:${tag}:detractor`) ?? 0,
  };
}
