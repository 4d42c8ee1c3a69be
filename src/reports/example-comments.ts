import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';
import { newestBetweenAcross } from '../store/partitioned-index.js';
import { matchesFilter, type ReportFilter } from './report-filter.js';

/** How many of the newest scored responses in the range are read to find example comments. */
export const EXAMPLE_SCAN_LIMIT = 2000;
/** The scan reads this many of the newest first, then more while a tag still lacks examples. */
const SCAN_ROUNDS = [200, 800, EXAMPLE_SCAN_LIMIT];

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
  const found = new Map<string, ExampleComment[]>(wanted.map(({ tag }) => [tag, []]));
  if (wanted.length === 0 || perTag <= 0) return found;
  const indexes = keys.partitionList.map((partition) => keys.responsesByScoreTime(partition));
  const candidates: Candidate[] = [];
  // Newest first in growing rounds: once every tag has its preferred examples, older ones cannot change the answer.
  let read = 0;
  for (const limit of SCAN_ROUNDS) {
    const ids = (await newestBetweenAcross(redis, indexes, range.from, range.to, limit)).slice(read);
    if (ids.length === 0) break;
    read += ids.length;
    candidates.push(...(await readCandidates(redis, keys, ids, range.filter)));
    if (read < limit || wanted.every(({ tag, prefer }) => candidates.filter((candidate) => candidate.comment.category === prefer && candidate.tags.includes(tag)).length >= perTag)) break;
  }
  for (const { tag, prefer } of wanted) {
    const withTag = candidates.filter((candidate) => candidate.tags.includes(tag));
    const ordered = [...withTag.filter((candidate) => candidate.comment.category === prefer), ...withTag.filter((candidate) => candidate.comment.category !== prefer)];
    found.set(tag, ordered.slice(0, perTag).map((candidate) => candidate.comment));
  }
  return found;
}

interface Candidate {
  comment: ExampleComment;
  tags: string[];
}

async function readCandidates(redis: RedisClient, keys: Keys, ids: string[], filter: ReportFilter): Promise<Candidate[]> {
  const rows = await Promise.all(ids.map((id) => redis.hmget(keys.response(id), 'reason', 'tags', 'score', 'category', 'test', 'channel', 'agentId', 'campaignId')));
  return rows.flatMap(([reasonJson, tagsJson, score, category, test, channel, agentId, campaignId], index) => {
    const reason = decode<string | null>(reasonJson ?? null, null);
    if (test === '1' || typeof reason !== 'string' || !reason.trim() || !category) return [];
    if (!matchesFilter({ channel: channel ?? '-', agentId: agentId || '-', campaignId: campaignId || '-' }, filter)) return [];
    const tags = decode<string[]>(tagsJson ?? null, []);
    if (filter.tag && !tags.includes(filter.tag)) return [];
    return [{ comment: { id: ids[index] as string, score: Number(score), category, reason }, tags }];
  });
}
