import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';
import { scoredBetweenAcross } from '../store/partitioned-index.js';
import { addMetric, type MetricTotals } from './metric-totals.js';
import { matchesFilter, type ReportFilter } from './report-filter.js';

const TERMINAL_METRIC: Record<string, string> = { completed: 'completed', opted_out: 'optedOut', partial: 'partial', abandoned: 'abandoned' };
const FIELDS = ['category', 'channel', 'agentId', 'campaignId', 'tags', 'test', 'status'] as const;

function parseTags(json: string | null): string[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}

type Row = Record<(typeof FIELDS)[number], string | null>;

async function readRows(redis: RedisClient, keys: Keys, ids: string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  const rows = await Promise.all(ids.map((id) => redis.hmget(keys.response(id), ...FIELDS)));
  return rows.map((list) => Object.fromEntries(FIELDS.map((field, index) => [field, list[index] ?? null])) as Row);
}

function group(byAgent: Map<string, MetricTotals>, agentId: string): MetricTotals {
  let totals = byAgent.get(agentId);
  if (!totals) byAgent.set(agentId, (totals = new Map<string, number>()));
  return totals;
}

/**
 * Counts for a piece of a day, read response by response (the day counters only answer whole days):
 * categories and tags by score time from the score index, volumes by creation time from the creation
 * index. Test responses never count. With a tag filter only responses carrying the tag count, by category.
 */
export async function scanPartialRange(redis: RedisClient, keys: Keys, start: number, end: number, filter: ReportFilter): Promise<Map<string, MetricTotals>> {
  const byAgent = new Map<string, MetricTotals>();
  const [scoredIds, createdIds] = await Promise.all([
    scoredBetweenAcross(redis, keys.partitionList.map((partition) => keys.responsesByScoreTime(partition)), start, end).then((members) => members.map((entry) => entry.member)),
    filter.tag ? Promise.resolve([]) : scoredBetweenAcross(redis, keys.partitionList.map((partition) => keys.responsesByCreation(partition)), start, end).then((members) => members.map((entry) => entry.member)),
  ]);
  const [scored, created] = await Promise.all([readRows(redis, keys, scoredIds), readRows(redis, keys, createdIds)]);
  const dimensionOf = (row: Row) => ({ channel: row.channel ?? '-', agentId: row.agentId || '-', campaignId: row.campaignId || '-' });
  for (const row of scored) {
    const dimension = dimensionOf(row);
    if (row.test === '1' || !row.category || !matchesFilter(dimension, filter)) continue;
    const tags = parseTags(row.tags);
    if (filter.tag && !tags.includes(filter.tag)) continue;
    const totals = group(byAgent, dimension.agentId);
    addMetric(totals, row.category, 1);
    if (!filter.tag) for (const tag of tags) addMetric(totals, `tag:${tag}:${row.category}`, 1);
  }
  for (const row of created) {
    const dimension = dimensionOf(row);
    if (row.test === '1' || !matchesFilter(dimension, filter)) continue;
    const totals = group(byAgent, dimension.agentId);
    addMetric(totals, 'started', 1);
    const terminal = row.status ? TERMINAL_METRIC[row.status] : undefined;
    if (terminal) addMetric(totals, terminal, 1);
  }
  return byAgent;
}
