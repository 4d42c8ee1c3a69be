import type { RedisClient } from '../redis/redis-client.js';
import { runPeriodically } from '../app/periodic-task.js';
import type { Logger } from '../logging/logger.js';
import type { Keys } from '../redis/keys.js';
import { IDLE_SURVEY_MS } from './effective-status.js';
import type { ResponseStore } from './response-store.js';

const BATCH = 500;

/**
 * Ends chat surveys left idle for IDLE_SURVEY_MS, as a call's hang-up ends a call: the response
 * becomes partial (score, no reason) or abandoned, and the event and counters follow. Chats are
 * read in creation order from a cursor kept in Redis; the cursor stops at the oldest chat still
 * going, so it is looked at again next time. Instances may run it at once: ending is idempotent.
 */
export class IdleChatCloser {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly store: ResponseStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** One pass over every partition; answers how many chats it ended. */
  async closeIdle(): Promise<number> {
    let ended = 0;
    for (const partition of this.keys.partitionList) ended += await this.closeIdleIn(partition);
    return ended;
  }

  private async closeIdleIn(partition: number): Promise<number> {
    const idleBefore = this.now() - IDLE_SURVEY_MS;
    const cursor = Number((await this.redis.get(this.keys.idleChatCursor(partition))) ?? 0);
    let ended = 0;
    let keepFrom: number | null = null;
    let next = cursor;
    for (let offset = 0; ; offset += BATCH) {
      const page = await this.redis.zrangebyscore(this.keys.responsesByCreationForChannel(partition, 'chat'), cursor, idleBefore, 'WITHSCORES', 'LIMIT', offset, BATCH);
      if (page.length === 0) break;
      const { closed, stillGoingFrom, lastCreated } = await this.endIdle(page, idleBefore);
      ended += closed;
      keepFrom ??= stillGoingFrom;
      next = lastCreated + 1;
      if (page.length < BATCH * 2) break;
    }
    await this.redis.set(this.keys.idleChatCursor(partition), String(keepFrom ?? next));
    return ended;
  }

  private async endIdle(page: string[], idleBefore: number): Promise<{ closed: number; stillGoingFrom: number | null; lastCreated: number }> {
    const ids = page.filter((_member, index) => index % 2 === 0);
    const rows = await Promise.all(ids.map((id) => this.redis.hmget(this.keys.response(id), 'status', 'updatedAt')));
    let closed = 0;
    let stillGoingFrom: number | null = null;
    for (const [row, [status, updatedAt]] of rows.entries()) {
      if (status !== 'in_progress') continue;
      const id = page[row * 2] as string;
      if (Date.parse(updatedAt ?? '') > idleBefore) {
        stillGoingFrom ??= Number(page[row * 2 + 1]);
        continue;
      }
      // The position stays: a person who comes back carries on where they were.
      const result = await this.store.applyTurn({ id, expectStatus: 'in_progress', events: [{ type: 'ended' }], at: new Date(this.now()), returnResponse: false });
      if (result.outcome === 'ok') closed += 1;
    }
    return { closed, stillGoingFrom, lastCreated: Number(page[page.length - 1]) };
  }
}

/** Runs a pass every minute until stopped. */
export function startIdleChatCloser(closer: IdleChatCloser, logger: Logger, everyMs = 60_000): () => void {
  const pass = async (): Promise<void> => {
    const ended = await closer.closeIdle();
    if (ended > 0) logger.info({ ended }, 'ended idle chat surveys');
  };
  return runPeriodically(pass, { everyMs, logger, failure: 'closing idle chats failed; will try again' });
}
