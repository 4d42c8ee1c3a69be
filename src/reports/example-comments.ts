import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';
import { newestBetweenAcross } from '../store/partitioned-index.js';
import { matchesFilter, type ReportFilter } from './report-filter.js';

/** How many of the newest scored responses in the range are read to find example comments. */
export const EXAMPLE_SCAN_LIMIT = 2000;

export interface ExampleComment {
  id: string;
  score: number;
  category: string;
  reason: string;
}

function decode<T>(json: string | null, fallback: T): T {
  if (!json) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

/**
 * Up to `perTag` recent reasons for each tag, from a bounded scan of the newest scored responses in
 * [from, to): detractors' reasons first for tags that drag the score down, promoters' for the others.
 */
export async function exampleComments(
  redis: RedisClient,
  keys: Keys,
  range: { from: number; to: number; filter: ReportFilter },
  wanted: Array<{ tag: string; prefer: 'detractor' | 'promoter' }>,
  perTag = 3,
): Promise<Map<string, ExampleComment[]>> {
  const ids = await newestBetweenAcross(redis, keys.partitionList.map((partition) => keys.responsesByScoreTime(partition)), range.from, range.to, EXAMPLE_SCAN_LIMIT);
  const found = new Map<string, ExampleComment[]>(wanted.map(({ tag }) => [tag, []]));
  if (ids.length === 0) return found;
  const rows = await Promise.all(ids.map((id) => redis.hmget(keys.response(id), 'reason', 'tags', 'score', 'category', 'test', 'channel', 'agentId', 'campaignId')));
  const candidates = rows.flatMap(([reasonJson, tagsJson, score, category, test, channel, agentId, campaignId], index) => {
    const reason = decode<string | null>(reasonJson ?? null, null);
    if (test === '1' || typeof reason !== 'string' || !reason.trim() || !category) return [];
    if (!matchesFilter({ channel: channel ?? '-', agentId: agentId || '-', campaignId: campaignId || '-' }, range.filter)) return [];
    const tags = decode<string[]>(tagsJson ?? null, []);
    if (range.filter.tag && !tags.includes(range.filter.tag)) return [];
    return [{ comment: { id: ids[index] as string, score: Number(score), category, reason }, tags }];
  });
  for (const { tag, prefer } of wanted) {
    const withTag = candidates.filter((candidate) => candidate.tags.includes(tag));
    const ordered = [...withTag.filter((candidate) => candidate.comment.category === prefer), ...withTag.filter((candidate) => candidate.comment.category !== prefer)];
    found.set(tag, ordered.slice(0, perTag).map((candidate) => candidate.comment));
  }
  return found;
}
