import type { RedisClient } from '../../redis/redis-client.js';
import type { Keys } from '../../redis/keys.js';
import type { Logger } from '../../logging/logger.js';
import { pairsToObject } from '../../store/record-codec.js';

export interface ResponseEvent {
  /** Stream entry id. */
  entryId: string;
  type: string;
  id: string;
  at: string;
}

export interface EventHandler {
  (event: ResponseEvent): Promise<void>;
  /**
   * Called with a whole batch before its events are handled one by one, in order: a handler can
   * read what the batch needs in one round trip instead of one per event, which would otherwise
   * leave the consumer far behind the stream under load.
   */
  beforeBatch?(events: ResponseEvent[]): Promise<void>;
}

export interface ConsumerOptions {
  /** A connection of its own, for reads that may wait. */
  redis: RedisClient;
  keys: Keys;
  group: string;
  consumer: string;
  handle: EventHandler;
  logger: Logger;
  /** How long an idle consumer waits before it looks at the streams again. */
  idleWaitMs?: number;
  /** A pending entry idle this long belonged to a consumer that died; another one takes it over. */
  claimIdleMs?: number;
}

/** Entries per read: each batch costs three round trips (read, the handler's batch read, XACK), so under load larger is faster. */
const READ_BATCH = 500;

/** How long `stop` waits for the round in progress before it closes the connection anyway. */
const STOP_GRACE_MS = 2000;

type StreamReply = Array<[string, Array<[string, string[] | null]>]> | null;

/**
 * Reads the response event streams, one per partition, each in a consumer group of the same name:
 * every entry is handled by one consumer of the group and acknowledged after its handler finished,
 * so a crash loses nothing (the entry stays pending and is handled again: handlers must be
 * idempotent) and two app instances share the work. Streams of different partitions live in
 * different Redis Cluster slots, so one command cannot block on all of them: the consumer reads
 * every partition without blocking and, when all were empty, waits a moment before looking again.
 */
export class ResponseEventConsumer {
  private running = false;
  private loop: Promise<void> | undefined;
  private lastClaim = 0;
  private readonly createdAt = Date.now();
  private wake: (() => void) | undefined;

  constructor(private readonly options: ConsumerOptions) {}

  /**
   * Creates the group on first start: from the beginning of an empty or absent stream, else from a
   * minute before this consumer was made (stream ids are times), so events written while the app was
   * starting are not missed and older history is not replayed.
   */
  async ensureGroup(): Promise<void> {
    const { redis, keys, group } = this.options;
    await Promise.all(
      keys.partitionList.map(async (partition) => {
        const stream = keys.events(partition);
        const length = await redis.xlen(stream);
        const start = length === 0 ? '0' : `${this.createdAt - 60_000}-0`;
        try {
          await redis.xgroup('CREATE', stream, group, start, 'MKSTREAM');
        } catch (error) {
          if (!(error instanceof Error && error.message.includes('BUSYGROUP'))) throw error;
        }
      }),
    );
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Lets the round in progress finish on the open connection, then closes it. Disconnecting first
   * could strand that round for good: a command an ioredis Cluster is handed while it disconnects
   * waits in its offline queue, which nothing flushes. A round that cannot finish (Redis away) is
   * left behind after a grace period.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS)));
    await Promise.race([this.loop?.catch(() => undefined), grace]);
    clearTimeout(timer);
    this.options.redis.disconnect();
  }

  /** Handles what is there now (own pending entries, stale ones of dead consumers, new ones) without waiting. */
  async drain(): Promise<number> {
    let handled = await this.readAndHandle('0');
    handled += await this.claimStale(true);
    for (let batch = await this.readAndHandle('>'); batch > 0; batch = await this.readAndHandle('>')) handled += batch;
    return handled;
  }

  private async idle(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.options.idleWaitMs ?? 250);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
  }

  private async run(): Promise<void> {
    let ready = false;
    while (this.running) {
      try {
        if (!ready) {
          await this.ensureGroup();
          await this.readAndHandle('0');
          ready = true;
        }
        await this.claimStale(false);
        if ((await this.readAndHandle('>')) === 0 && this.running) await this.idle();
      } catch (error) {
        if (!this.running) return;
        this.options.logger.warn({ err: error }, 'response event consumer: retrying in 1 s');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async claimStale(force: boolean): Promise<number> {
    const idle = this.options.claimIdleMs ?? 60_000;
    if (!force && Date.now() - this.lastClaim < idle / 2) return 0;
    this.lastClaim = Date.now();
    const { redis, keys, group, consumer } = this.options;
    let handled = 0;
    for (const partition of keys.partitionList) {
      const reply = (await redis.xautoclaim(keys.events(partition), group, consumer, idle, '0-0', 'COUNT', 100)) as [string, Array<[string, string[]]>, string[]?];
      handled += await this.handleEntries(partition, reply[1] ?? []);
    }
    return handled;
  }

  /** One read of every partition's stream (batched by the client, one round trip per Redis node), then their entries in turn. */
  private async readAndHandle(from: '0' | '>'): Promise<number> {
    const { redis, keys, group, consumer } = this.options;
    const replies = await Promise.all(
      keys.partitionList.map(async (partition) => (await redis.xreadgroup('GROUP', group, consumer, 'COUNT', READ_BATCH, 'STREAMS', keys.events(partition), from)) as StreamReply),
    );
    let handled = 0;
    for (const [partition, reply] of replies.entries()) handled += await this.handleEntries(partition, reply?.[0]?.[1] ?? []);
    return handled;
  }

  /** Acknowledges the handled entries of a batch in one XACK at its end; a crash before it only means handling them again. */
  private async handleEntries(partition: number, entries: Array<[string, string[] | null]>): Promise<number> {
    if (entries.length === 0) return 0;
    const { redis, keys, group, handle, logger } = this.options;
    const handled: string[] = [];
    const batch: Array<{ entryId: string; event: ResponseEvent | null }> = entries.map(([entryId, fields]) => {
      const event = fields ? pairsToObject(fields) : {};
      return { entryId, event: event.type && event.id ? { entryId, type: event.type, id: event.id, at: event.at ?? '' } : null };
    });
    const events = batch.flatMap((entry) => (entry.event ? [entry.event] : []));
    // Only a head start: a handler left without it reads for itself.
    if (events.length > 0) await handle.beforeBatch?.(events).catch((error: unknown) => logger.warn({ err: error }, 'response event batch read failed'));
    for (const { entryId, event } of batch) {
      if (event) {
        try {
          await handle(event);
        } catch (error) {
          // Left pending: handled again after a restart or by another instance once it is stale.
          logger.warn({ err: error, entryId }, 'response event handler failed');
          continue;
        }
      }
      handled.push(entryId);
    }
    if (handled.length > 0) await redis.xack(keys.events(partition), group, ...handled);
    return entries.length;
  }
}
