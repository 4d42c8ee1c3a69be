import type { ClientContext, Redis, Result } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import type { Keys } from '../redis/keys.js';
import { pairsToObject } from '../store/record-codec.js';
import type { ReasonTagger } from '../tagging/tagger.js';
import { RETAG_RESPONSE_LUA } from './retag-response.lua.js';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    retagResponse(responseKey: string, countersKey: string, ...args: string[]): Result<number, Context>;
  }
}

export interface RetagProgress {
  state: 'idle' | 'running' | 'done' | 'failed';
  taggerVersion: string;
  /** Completed responses looked at so far. */
  scanned: number;
  /** Responses whose tags were replaced. */
  retagged: number;
  startedAt?: string;
  finishedAt?: string;
  error?: string;
}

const BATCH = 200;
const LEASE_MS = 60_000;

/**
 * Re-tags stored reasons when the tagger's version changes, reading the response event stream
 * from its start in batches and yielding between them, so the service keeps answering. One
 * instance runs it at a time (a lease in Redis); progress is kept in Redis for every instance.
 */
export class Retagger {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly tagger: () => ReasonTagger,
    private readonly logger: Logger,
  ) {
    if (typeof redis.retagResponse !== 'function') redis.defineCommand('retagResponse', { numberOfKeys: 2, lua: RETAG_RESPONSE_LUA });
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
      let cursor = '-';
      for (;;) {
        const entries = await this.redis.xrange(this.keys.events(), cursor, '+', 'COUNT', BATCH);
        if (entries.length === 0) break;
        const ids = entries.filter(([, fields]) => pairsToObject(fields).type === 'completed').map(([, fields]) => pairsToObject(fields).id ?? '');
        await this.retagBatch(ids.filter(Boolean), progress);
        cursor = `(${entries[entries.length - 1]?.[0] ?? '0'}`;
        if (leaseToken) await this.redis.set(this.keys.retagLease(), leaseToken, 'PX', LEASE_MS, 'XX');
        await this.save(progress);
        await new Promise((resolve) => setImmediate(resolve));
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

  private async retagBatch(ids: string[], progress: RetagProgress): Promise<void> {
    if (ids.length === 0) return;
    const read = this.redis.pipeline();
    for (const id of ids) read.hmget(this.keys.response(id), 'reason', 'score', 'taggerVersion', 'completedAt');
    const rows = ((await read.exec()) ?? []).map(([, fields]) => (fields ?? []) as Array<string | null>);
    const tagger = this.tagger();
    const write = this.redis.pipeline();
    let changed = 0;
    rows.forEach(([reasonJson, score, version, completedAt], index) => {
      progress.scanned += 1;
      if (!reasonJson || version === tagger.version) return;
      const reason = JSON.parse(reasonJson) as string;
      const tagged = tagger.tag(reason, { score: score ? Number(score) : null });
      const id = ids[index] as string;
      write.retagResponse(this.keys.response(id), this.keys.dailyCounters((completedAt ?? new Date().toISOString()).slice(0, 10)), JSON.stringify(tagged.tags), tagged.sentiment, tagger.version, ...tagged.tags);
      changed += 1;
    });
    if (changed > 0) await write.exec();
    progress.retagged += changed;
  }

  private async save(progress: RetagProgress): Promise<void> {
    await this.redis.set(this.keys.retagProgress(), JSON.stringify(progress));
  }
}
