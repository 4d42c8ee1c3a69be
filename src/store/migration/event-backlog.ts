import type { Redis } from 'ioredis';
import type { Keys } from '../../redis/keys.js';
import { pairsToObject } from '../record-codec.js';
import type { LegacyKeys } from './legacy-keys.js';

export interface EventBacklogCounts {
  /** Events a consumer group had not finished (never read, or read and not acknowledged): written again into their partition's stream. */
  reemitted: number;
  /** Events every group had already handled: history, dropped with the old stream. */
  dropped: number;
}

type Entry = [string, string[]];

function compareIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs - bMs || aSeq - bSeq;
}

/**
 * The old single event stream becomes one stream per partition. What some consumer group still
 * had to do (entries after its last delivered id, and its pending ones) is written again, in order,
 * into the stream of the response's partition, and each group is created on every partition stream
 * from the start, so the service handles those events once it runs (handlers are idempotent). The
 * rest, already handled, is dropped. One MULTI: the old stream is either still whole or gone.
 */
export async function moveEventBacklog(redis: Redis, legacy: LegacyKeys, keys: Keys): Promise<EventBacklogCounts> {
  const stream = legacy.events();
  const length = await redis.xlen(stream);
  if (length === 0) return { reemitted: 0, dropped: 0 };
  const groups = ((await redis.xinfo('GROUPS', stream)) as unknown[][]).map((fields) => pairsToObject(fields as string[]));
  const backlog = new Map<string, string[]>();
  if (groups.length > 0) {
    const oldestDelivered = groups.map((group) => group['last-delivered-id'] ?? '0-0').sort(compareIds)[0] ?? '0-0';
    for (const [id, fields] of (await redis.xrange(stream, `(${oldestDelivered}`, '+')) as Entry[]) backlog.set(id, fields);
    for (const group of groups) {
      const pending = (await redis.xpending(stream, group.name ?? '', '-', '+', 1_000_000)) as Array<[string, ...unknown[]]>;
      for (const [id] of pending) {
        if (backlog.has(id)) continue;
        const [entry] = (await redis.xrange(stream, id, id)) as Entry[];
        if (entry) backlog.set(id, entry[1]);
      }
    }
  }
  const transaction = redis.multi();
  for (const id of [...backlog.keys()].sort(compareIds)) {
    const fields = backlog.get(id) as string[];
    const responseId = pairsToObject(fields).id ?? '';
    transaction.xadd(keys.events(keys.partitionOf(responseId)), 'MAXLEN', '~', '1000000', '*', ...fields);
  }
  for (const group of groups) {
    for (const partition of keys.partitionList) transaction.xgroup('CREATE', keys.events(partition), group.name ?? '', '0', 'MKSTREAM');
  }
  transaction.del(stream);
  const replies = (await transaction.exec()) ?? [];
  const failed = replies.find(([error]) => error && !String(error.message).includes('BUSYGROUP'));
  if (failed?.[0]) throw failed[0];
  return { reemitted: backlog.size, dropped: length - backlog.size };
}
