import type { Redis } from 'ioredis';
import type { Keys } from '../../redis/keys.js';
import type { LegacyKeys } from './legacy-keys.js';
import { scanKeys } from './migration-commands.js';

export interface ResponseMoveCounts {
  moved: number;
  /** Keys of the old layout whose new name was taken: left where they were. */
  conflicts: string[];
}

export interface ResponseMoveOptions {
  /** Stop after moving this many (a later run carries on). */
  limit?: number;
  onBatch?: (counts: ResponseMoveCounts) => void;
}

/**
 * Moves every response of the old layout into its partition, one atomic script each (a crash leaves
 * each response wholly old or wholly new). The responses are found by scanning for their old keys,
 * so a run after an interruption only sees what is still to move.
 */
export async function moveResponses(redis: Redis, legacy: LegacyKeys, keys: Keys, options: ResponseMoveOptions = {}): Promise<ResponseMoveCounts & { finished: boolean }> {
  const counts: ResponseMoveCounts = { moved: 0, conflicts: [] };
  const limit = options.limit ?? Infinity;
  for await (const page of scanKeys(redis, legacy.responsePattern())) {
    const ids = [...new Set(page.map((key) => legacy.responseIdOf(key)).filter((id): id is string => id !== null))];
    const batch = ids.slice(0, Math.max(0, limit - counts.moved));
    const outcomes = await Promise.all(batch.map((id) => moveOne(redis, legacy, keys, id)));
    outcomes.forEach((outcome, index) => {
      if (outcome === 'moved') counts.moved += 1;
      else if (outcome === 'conflict') counts.conflicts.push(batch[index] as string);
    });
    if (batch.length > 0) options.onBatch?.(counts);
    if (counts.moved >= limit) return { ...counts, finished: false };
  }
  return { ...counts, finished: true };
}

async function moveOne(redis: Redis, legacy: LegacyKeys, keys: Keys, id: string): Promise<'moved' | 'gone' | 'conflict'> {
  const [channel, customerId, phone] = await redis.hmget(legacy.response(id), 'channel', 'customerId', 'phone');
  const partition = keys.partitionOf(id);
  const channelName = channel ?? 'unknown';
  return redis.migrationMoveResponse(
    legacy.response(id),
    legacy.transcript(id),
    legacy.responseSteps(id),
    keys.response(id),
    keys.transcript(id),
    keys.responseSteps(id),
    legacy.responsesByCreation(),
    legacy.responsesByCreationForChannel(channelName),
    legacy.responsesByScoreTime(),
    legacy.responsesOfCustomer(customerId ?? ''),
    legacy.responsesOfPhone(phone ?? ''),
    keys.responsesByCreation(partition),
    keys.responsesByCreationForChannel(partition, channelName),
    keys.responsesByScoreTime(partition),
    keys.responsesOfCustomer(partition, customerId ?? ''),
    keys.responsesOfPhone(partition, phone ?? ''),
    id,
  );
}
