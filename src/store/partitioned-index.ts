import type { RedisClient } from '../redis/redis-client.js';

export interface ScoredMember {
  member: string;
  score: number;
}

function pairs(flat: string[]): ScoredMember[] {
  const members: ScoredMember[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) members.push({ member: flat[index] as string, score: Number(flat[index + 1]) });
  return members;
}

/** Newest first, then by member, so pages across partitions are stable. */
const newestFirst = (a: ScoredMember, b: ScoredMember): number => b.score - a.score || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0);

/**
 * The members `offset` … `offset + limit` of the union of sorted sets kept one per partition,
 * newest (highest score) first: each partition's first `offset + limit` are read, in one round
 * trip per Redis node, and merged.
 */
export async function newestAcross(redis: RedisClient, indexes: readonly string[], offset: number, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const pages = await Promise.all(indexes.map((index) => redis.zrevrange(index, 0, offset + limit - 1, 'WITHSCORES')));
  return pages
    .flatMap(pairs)
    .sort(newestFirst)
    .slice(offset, offset + limit)
    .map((entry) => entry.member);
}

/** Every member scored in [min, max) across the partitions' sorted sets, oldest first. */
export async function scoredBetweenAcross(redis: RedisClient, indexes: readonly string[], min: number | '-inf', maxExclusive: number | '+inf'): Promise<ScoredMember[]> {
  const max = maxExclusive === '+inf' ? '+inf' : `(${maxExclusive}`;
  const pages = await Promise.all(indexes.map((index) => redis.zrangebyscore(index, min, max, 'WITHSCORES')));
  return pages.flatMap(pairs).sort((a, b) => a.score - b.score || (a.member < b.member ? -1 : 1));
}

/** The newest `limit` members scored in [min, max) across the partitions' sorted sets, newest first. */
export async function newestBetweenAcross(redis: RedisClient, indexes: readonly string[], min: number, maxExclusive: number, limit: number): Promise<string[]> {
  const pages = await Promise.all(indexes.map((index) => redis.zrevrangebyscore(index, `(${maxExclusive}`, min, 'WITHSCORES', 'LIMIT', 0, limit)));
  return pages
    .flatMap(pairs)
    .sort(newestFirst)
    .slice(0, limit)
    .map((entry) => entry.member);
}
