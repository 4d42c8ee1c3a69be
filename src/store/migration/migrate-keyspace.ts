import type { Redis } from 'ioredis';
import { createKeys } from '../../redis/keys.js';
import { KeyspaceError } from '../keyspace.js';
import { moveEventBacklog, type EventBacklogCounts } from './event-backlog.js';
import { moveGlobalKeys, type GlobalMoveCounts } from './global-keys-mover.js';
import { createLegacyKeys } from './legacy-keys.js';
import { defineMigrationCommands, scanKeys } from './migration-commands.js';
import { moveResponses } from './response-mover.js';

export interface MigrationOptions {
  prefix: string;
  /** REDIS_PARTITIONS; a keyspace that already stores another P keeps its own (or is refused). */
  partitions: number;
  /** Stop after moving this many responses; a later run carries on. */
  limit?: number;
  onProgress?: (line: string) => void;
}

export interface MigrationReport {
  partitions: number;
  /** Responses of the old layout when the run began. */
  responsesBefore: number;
  moved: number;
  /** False when the run stopped at its limit: the keyspace is not switched over yet. */
  finished: boolean;
  globals?: GlobalMoveCounts;
  events?: EventBacklogCounts;
  oldIndexesDeleted?: number;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/**
 * Moves a single Redis from the layout before partitions into the partitioned one: every response
 * (one atomic script each), then the renamed global keys, then the event backlog, and last the
 * old indexes and, in one MULTI, the keyspace marker with P and the old creation index. Until that
 * last step the service still refuses the store (the old creation index marks it), and every step
 * is safe to run again, so an interrupted run is simply run again.
 */
export async function migrateKeyspace(redis: Redis, options: MigrationOptions): Promise<MigrationReport> {
  const say = options.onProgress ?? (() => undefined);
  const legacy = createLegacyKeys(options.prefix);
  const keys = createKeys(options.prefix, options.partitions);
  const stored = await redis.get(keys.keyspacePartitions());
  if (stored !== null && Number(stored) !== options.partitions) {
    throw new KeyspaceError(`REDIS_PARTITIONS is ${options.partitions}, but this keyspace was created with ${stored} partitions and cannot change: set REDIS_PARTITIONS=${stored}.`);
  }
  defineMigrationCommands(redis);

  const responsesBefore = await redis.zcard(legacy.responsesByCreation());
  say(`migrating the keyspace under "${options.prefix}" into ${keys.partitions} partitions: about ${responsesBefore} responses in the old layout`);
  const started = Date.now();
  let lastSaid = started;
  const responses = await moveResponses(redis, legacy, keys, {
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    onBatch: (counts) => {
      // A line a second at most: a store of millions has thousands of batches.
      if (Date.now() - lastSaid < 1000) return;
      lastSaid = Date.now();
      say(`responses: ${counts.moved} moved (${Math.round(counts.moved / Math.max(0.001, (lastSaid - started) / 1000))}/s)`);
    },
  });
  say(`responses: ${responses.moved} moved${responses.finished ? ', none left in the old layout' : ''}`);
  const report: MigrationReport = { partitions: keys.partitions, responsesBefore, moved: responses.moved, finished: false };
  if (responses.conflicts.length > 0) {
    const sample = responses.conflicts.slice(0, 5).join(', ');
    throw new MigrationError(`${responses.conflicts.length} responses exist in both layouts (e.g. ${sample}); the old keys were left as they are. Compare them, delete the copy you do not want, and run again.`);
  }
  if (!responses.finished) return report;

  report.globals = await moveGlobalKeys(redis, legacy, keys);
  const globals = report.globals;
  say(`renamed: ${globals.dayCounters} day counters, ${globals.supervisors} supervisors, ${globals.reviewQueues} review queue indexes, ${globals.rollups} roll-ups, ${globals.campaignContactIndexes} campaign contact indexes, ${globals.queueKeys} queue keys`);
  report.events = await moveEventBacklog(redis, legacy, keys);
  say(`events: ${report.events.reemitted} re-emitted into the partition streams, ${report.events.dropped} already handled and dropped`);

  // The old indexes: every response took its places along; the creation index goes last, with the marker.
  let oldIndexesDeleted = 0;
  for await (const page of scanKeys(redis, legacy.indexPattern())) {
    const others = page.filter((key) => key !== legacy.responsesByCreation());
    if (others.length > 0) oldIndexesDeleted += await redis.unlink(...others);
  }
  const [, [, deleted] = [null, 0]] = ((await redis.multi().set(keys.keyspacePartitions(), String(keys.partitions), 'NX').del(legacy.responsesByCreation()).exec()) ?? []) as Array<[Error | null, unknown]>;
  report.oldIndexesDeleted = oldIndexesDeleted + Number(deleted);
  report.finished = true;
  return report;
}
