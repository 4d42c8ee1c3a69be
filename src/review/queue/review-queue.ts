import type { RedisClient } from '../../redis/redis-client.js';
import type { Keys } from '../../redis/keys.js';

export type ItemKind = 'detractor' | 'mismatch';
export type ItemState = 'open' | 'done';

export interface ReviewNote {
  at: string;
  by: string;
  text: string;
}

export interface ReviewItem {
  responseId: string;
  kinds: ItemKind[];
  createdAt: string;
  status: 'open' | 'followed_up';
  assignee: string | null;
  followedUpAt: string | null;
  followedUpBy: string | null;
  notes: ReviewNote[];
}

export const NOTE_MAX_LENGTH = 2000;

function decodeItem(hash: Record<string, string>, notes: string[]): ReviewItem | null {
  if (!hash.responseId) return null;
  const kinds = (['detractor', 'mismatch'] as const).filter((kind) => hash[`kind:${kind}`] === '1');
  return {
    responseId: hash.responseId,
    kinds,
    createdAt: hash.createdAt ?? '',
    status: hash.status === 'followed_up' ? 'followed_up' : 'open',
    assignee: hash.assignee || null,
    followedUpAt: hash.followedUpAt || null,
    followedUpBy: hash.followedUpBy || null,
    notes: notes.flatMap((json) => {
      try {
        return [JSON.parse(json) as ReviewNote];
      } catch {
        return [];
      }
    }),
  };
}

/**
 * Customers to call back: detractors and score/comment mismatches, one item per response. An item
 * holds only the response id and the supervisors' work on it; the customer's words stay on the
 * response, so erasing the response leaves nothing of the customer here.
 */
export class ReviewQueue {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Idempotent: the same response and kind twice changes nothing; a followed-up item is not reopened. */
  async add(responseId: string, kind: ItemKind, at: Date): Promise<void> {
    const item = this.keys.reviewItem(responseId);
    const replies = await this.redis
      .pipeline()
      .hsetnx(item, 'responseId', responseId)
      .hsetnx(item, 'createdAt', at.toISOString())
      .hsetnx(item, 'status', 'open')
      .hset(item, `kind:${kind}`, '1')
      .hmget(item, 'status', 'createdAt')
      .exec();
    const [status, createdAt] = (replies?.[4]?.[1] ?? []) as Array<string | null>;
    if (status === 'open') await this.redis.zadd(this.keys.reviewQueue('open'), 'NX', Date.parse(createdAt ?? at.toISOString()), responseId);
  }

  async get(responseId: string): Promise<ReviewItem | null> {
    const [hash, notes] = await Promise.all([this.redis.hgetall(this.keys.reviewItem(responseId)), this.redis.lrange(this.keys.reviewItemNotes(responseId), 0, -1)]);
    return decodeItem(hash, notes);
  }

  /** Oldest open items first (they waited longest); followed-up ones newest first. */
  async list(state: ItemState, limit: number, offset = 0): Promise<{ items: ReviewItem[]; total: number }> {
    const index = this.keys.reviewQueue(state);
    const [ids, total] = await Promise.all([
      state === 'open' ? this.redis.zrange(index, offset, offset + limit - 1) : this.redis.zrevrange(index, offset, offset + limit - 1),
      this.redis.zcard(index),
    ]);
    if (ids.length === 0) return { items: [], total };
    const items = (await Promise.all(ids.map((id) => this.get(id)))).filter((item): item is ReviewItem => item !== null);
    return { items, total };
  }

  async countOpen(): Promise<number> {
    return this.redis.zcard(this.keys.reviewQueue('open'));
  }

  /** False when there is no such item. */
  async assign(responseId: string, assignee: string | null, by: string): Promise<boolean> {
    if (!(await this.exists(responseId))) return false;
    await this.redis.hset(this.keys.reviewItem(responseId), 'assignee', assignee ?? '');
    await this.appendNote(responseId, by, assignee ? `Assigned to ${assignee}.` : 'Unassigned.');
    return true;
  }

  async addNote(responseId: string, text: string, by: string): Promise<boolean> {
    if (!(await this.exists(responseId))) return false;
    await this.appendNote(responseId, by, text.slice(0, NOTE_MAX_LENGTH));
    return true;
  }

  async markFollowedUp(responseId: string, by: string, at: Date): Promise<boolean> {
    if (!(await this.exists(responseId))) return false;
    await this.redis.hset(this.keys.reviewItem(responseId), { status: 'followed_up', followedUpAt: at.toISOString(), followedUpBy: by });
    await this.redis.pipeline().zrem(this.keys.reviewQueue('open'), responseId).zadd(this.keys.reviewQueue('done'), at.getTime(), responseId).exec();
    await this.appendNote(responseId, by, 'Marked as followed up.');
    return true;
  }

  async reopen(responseId: string, by: string): Promise<boolean> {
    const item = await this.get(responseId);
    if (!item) return false;
    await this.redis.hset(this.keys.reviewItem(responseId), { status: 'open', followedUpAt: '', followedUpBy: '' });
    await this.redis.pipeline().zrem(this.keys.reviewQueue('done'), responseId).zadd(this.keys.reviewQueue('open'), Date.parse(item.createdAt) || Date.now(), responseId).exec();
    await this.appendNote(responseId, by, 'Reopened.');
    return true;
  }

  private async exists(responseId: string): Promise<boolean> {
    return (await this.redis.hexists(this.keys.reviewItem(responseId), 'responseId')) === 1;
  }

  private async appendNote(responseId: string, by: string, text: string): Promise<void> {
    await this.redis.rpush(this.keys.reviewItemNotes(responseId), JSON.stringify({ at: new Date().toISOString(), by, text } satisfies ReviewNote));
  }
}
