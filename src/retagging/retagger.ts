import type { ClientContext, Result } from 'ioredis';
import type { RedisClient } from '../redis/redis-client.js';
import type { Logger } from '../logging/logger.js';
import type { Keys } from '../redis/keys.js';
import type { ReasonTagger } from '../tagging/tagger.js';
import { defineLuaCommands } from '../redis/lua-commands.js';
import { utcDay, type DayOf } from '../store/response-store.js';
import { ReportRollups } from '../reports/report-rollups.js';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    retagResponse(responseKey: string, countersKey: string, ...args: string[]): Result<0 | [1] | [1, string, string, string, string, string], Context>;
  }
}

export interface RetagProgress {
  state: 'idle' | 'running' | 'done' | 'failed';
  taggerVersion: string;
  /** Responses looked at so far (a response may be looked at twice; it is re-tagged once). */
  scanned: number;
  /** Responses whose tags were replaced. */
  retagged: number;
  startedAt?: string;
  finishedAt?: string;
  error?: string;
}

const BATCH = 200;

function parseTags(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}
const LEASE_MS = 60_000;

/**
 * Re-tags stored reasons when the tagger's version changes, walking every stored response (the
 * creation index, not the event stream, which is trimmed to its latest million events) in batches
 * and yielding between them, so the service keeps answering. One
 * instance runs it at a time (a lease in Redis); progress is kept in Redis for every instance.
 */
export class Retagger {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly tagger: () => ReasonTagger,
    private readonly logger: Logger,
    private readonly dayOf: DayOf = utcDay,
    private readonly rollups = new ReportRollups(redis, keys),
  ) {
    defineLuaCommands(redis, import.meta.url, [{ name: 'retagResponse', file: 'retag-response.lua', numberOfKeys: 2 }]);
  }

  async progress(): Promise<RetagProgress> {
    const stored = await this.redis.get(this.keys.retagProgress());
    return stored ? (JSON.parse(stored) as RetagProgress) : { state: 'idle', taggerVersion: this.tagger().version, scanned: 0, retagged: 0 };
  }

  /** Starts a run in the background; false when one is already running somewhere. */
  async start(): Promise<boolean> {
    const token = `${process.pid}-${Date.now()}`;
    if ((await this.redis.set(this.keys.retagLease(), token, 'PX', LEASE_MS, 'NX')) !== 'OK') return false;
    const progress: RetagProgress = { state: 'running', taggerVersion: this.tagger().version, scanned: 0, retagged: 0, startedAt: new Date().toISOString() };
    await this.save(progress);
    void this.run(progress, token);
    return true;
  }

  /** Runs to the end in this call (for the CLI and tests). */
  async runToEnd(): Promise<RetagProgress> {
    const progress: RetagProgress = { state: 'running', taggerVersion: this.tagger().version, scanned: 0, retagged: 0, startedAt: new Date().toISOString() };
    await this.run(progress, undefined);
    return progress;
  }

  private async run(progress: RetagProgress, leaseToken: string | undefined): Promise<void> {
    try {
      for (const partition of this.keys.partitionList) {
        let cursor = '0';
        do {
          const [next, members] = await this.redis.zscan(this.keys.responsesByCreation(partition), cursor, 'COUNT', BATCH);
          cursor = next;
          await this.retagBatch(partition, members.filter((_member, index) => index % 2 === 0), progress);
          if (leaseToken) await this.redis.set(this.keys.retagLease(), leaseToken, 'PX', LEASE_MS, 'XX');
          await this.save(progress);
          await new Promise((resolve) => setImmediate(resolve));
        } while (cursor !== '0');
      }
      progress.state = 'done';
    } catch (error) {
      progress.state = 'failed';
      progress.error = error instanceof Error ? error.message : String(error);
      this.logger.error({ err: error }, 're-tagging failed');
    } finally {
      progress.finishedAt = new Date().toISOString();
      await this.save(progress).catch(() => undefined);
      if (leaseToken) await this.redis.del(this.keys.retagLease()).catch(() => undefined);
    }
  }

  private async retagBatch(partition: number, ids: string[], progress: RetagProgress): Promise<void> {
    if (ids.length === 0) return;
    const rows = await Promise.all(ids.map((id) => this.redis.hmget(this.keys.response(id), 'reason', 'score', 'taggerVersion', 'completedAt')));
    const tagger = this.tagger();
    const writes: Array<Promise<unknown>> = [];
    let changed = 0;
    rows.forEach(([reasonJson, score, version, completedAt], index) => {
      progress.scanned += 1;
      // Without a reason there is nothing to tag; the version check makes a second look harmless.
      if (!reasonJson || version === tagger.version) return;
      const reason = JSON.parse(reasonJson) as string;
      const tagged = tagger.tag(reason, { score: score ? Number(score) : null });
      const id = ids[index] as string;
      const day = this.dayOf(completedAt ? new Date(completedAt) : new Date());
      writes.push(
        this.redis.retagResponse(this.keys.response(id), this.keys.dailyCounters(partition, day), JSON.stringify(tagged.tags), tagged.sentiment, tagger.version, ...tagged.tags).then(async (moved) => {
          if (moved === 0 || moved.length < 6) return;
          const [, channel, agentId, campaignId, category, oldTags] = moved as [1, string, string, string, string, string];
          await this.rollups.adjustTags(day, { channel, agentId, campaignId }, category, parseTags(oldTags), tagged.tags);
        }),
      );
      changed += 1;
    });
    await Promise.all(writes);
    progress.retagged += changed;
  }

  private async save(progress: RetagProgress): Promise<void> {
    await this.redis.set(this.keys.retagProgress(), JSON.stringify(progress));
  }
}
