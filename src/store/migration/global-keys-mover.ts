import type { Redis } from 'ioredis';
import type { Keys } from '../../redis/keys.js';
import type { LegacyKeys } from './legacy-keys.js';
import { scanKeys } from './migration-commands.js';

/** How many keys of each kind moved to their new names. */
export interface GlobalMoveCounts {
  dayCounters: number;
  supervisors: number;
  reviewQueues: number;
  rollups: number;
  campaignContactIndexes: number;
  idleChatCursor: number;
  queueKeys: number;
}

/**
 * Renames the keys outside the partitions that changed names. Each move is one atomic script
 * (rename, or merge into the new key and delete the old), so a second run finds nothing to do and
 * never counts anything twice. The old day counters go whole into partition 0: a reader adds up a
 * day over every partition, so where they sit does not change a number.
 */
export async function moveGlobalKeys(redis: Redis, legacy: LegacyKeys, keys: Keys): Promise<GlobalMoveCounts> {
  const counts: GlobalMoveCounts = { dayCounters: 0, supervisors: 0, reviewQueues: 0, rollups: 0, campaignContactIndexes: 0, idleChatCursor: 0, queueKeys: 0 };
  const move = (oldKey: string, newKey: string, mode: 'add' | 'keep' = 'keep'): Promise<number> => redis.migrationMoveKey(oldKey, newKey, mode);

  for await (const page of scanKeys(redis, legacy.dailyCountersPattern())) {
    for (const key of page) counts.dayCounters += await move(key, keys.dailyCounters(0, legacy.dayOf(key)), 'add');
  }

  const usernames = await redis.smembers(legacy.supervisors());
  for (const username of usernames) counts.supervisors += await move(legacy.supervisor(username), keys.supervisor(username));
  await move(legacy.supervisors(), keys.supervisors());

  for (const state of ['open', 'done'] as const) counts.reviewQueues += await move(legacy.reviewQueue(state), keys.reviewQueue(state));

  for await (const page of scanKeys(redis, legacy.rollupPattern())) {
    for (const key of page) {
      const rest = key.slice(`${legacy.prefix}rollup:`.length);
      const colon = rest.indexOf(':');
      // `rollup:{D…}:part` is the new name: the pattern finds those too.
      if (rest.startsWith('{') || colon < 0) continue;
      counts.rollups += await move(key, keys.reportRollup(rest.slice(0, colon), rest.slice(colon + 1)));
    }
  }

  counts.campaignContactIndexes += await moveCampaignContactIndexes(redis, legacy.campaignContactsOfPhonePattern(), `${legacy.prefix}campaign-contacts:phone:`, keys.campaignContactsOfPhone);
  counts.campaignContactIndexes += await moveCampaignContactIndexes(redis, legacy.campaignContactsOfCustomerPattern(), `${legacy.prefix}campaign-contacts:customer:`, keys.campaignContactsOfCustomer);

  counts.idleChatCursor = await moveIdleChatCursor(redis, legacy, keys);

  counts.queueKeys += await renamePrefix(redis, legacy.alertQueuePattern(), `${legacy.prefix}bull:`, `${keys.alertQueuePrefix()}:`);
  counts.queueKeys += await renamePrefix(redis, legacy.dialerQueuePattern(), `${legacy.prefix}dialer:`, `${keys.dialerQueuePrefix()}:`);
  return counts;
}

/**
 * The old erasure indexes held `campaignId:contactId` for every campaign; the new ones are per
 * campaign (in its slot) and hold contact ids. One MULTI per old index: the adds are idempotent.
 */
async function moveCampaignContactIndexes(redis: Redis, pattern: string, head: string, newKey: (campaignId: string, value: string) => string): Promise<number> {
  let moved = 0;
  for await (const page of scanKeys(redis, pattern)) {
    for (const key of page) {
      const value = key.slice(head.length);
      const refs = await redis.smembers(key);
      if (refs.length === 0) continue;
      const transaction = redis.multi();
      for (const ref of refs) {
        const colon = ref.indexOf(':');
        if (colon > 0) transaction.sadd(newKey(ref.slice(0, colon), value), ref.slice(colon + 1));
      }
      await transaction.del(key).exec();
      moved += 1;
    }
  }
  return moved;
}

/** The closer's one cursor becomes every partition's starting point (no chat older than it was still open). */
async function moveIdleChatCursor(redis: Redis, legacy: LegacyKeys, keys: Keys): Promise<number> {
  const cursor = await redis.get(legacy.idleChatCursor());
  if (cursor === null) return 0;
  const transaction = redis.multi();
  for (const partition of keys.partitionList) transaction.set(keys.idleChatCursor(partition), cursor, 'NX');
  await transaction.del(legacy.idleChatCursor()).exec();
  return 1;
}

/** BullMQ keys (`<prefix>:<queue>:…`) under the new, braced prefix; their values name no keys. */
async function renamePrefix(redis: Redis, pattern: string, oldHead: string, newHead: string): Promise<number> {
  let moved = 0;
  for await (const page of scanKeys(redis, pattern)) {
    for (const key of page) {
      await redis.rename(key, `${newHead}${key.slice(oldHead.length)}`);
      moved += 1;
    }
  }
  return moved;
}
