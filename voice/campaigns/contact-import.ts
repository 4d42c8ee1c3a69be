import { randomBytes } from 'node:crypto';
import type { ClientContext, Result } from 'ioredis';
import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Keys } from '../../src/redis/keys.js';
import { DETAIL_FIELDS, type ContactDetails } from './campaign-types.js';
import { defineLuaCommands } from '../../src/redis/lua-commands.js';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    campaignStageContacts(numberOfKeys: number, ...keysThenArgs: string[]): Result<number, Context>;
    campaignCommitStaged(staging: string, feed: string, counts: string, campaign: string, count: string): Result<number, Context>;
  }
}

/** Staged ids moved into the feed per script call. */
const COMMIT_BATCH = 5000;
/** A staging list left by a crashed import is dropped after this long. */
const STAGING_TTL_SECONDS = 86_400;

/** A new contact's hash fields, as alternating names and values: queued, never tried. */
function contactPairs(details: ContactDetails): string[] {
  const pairs = ['phone', details.phone, 'timezone', details.timezone, 'state', 'queued', 'attempts', '0', 'placed', '0', 'apiFailures', '0'];
  for (const field of DETAIL_FIELDS) {
    const value = details[field];
    if (value) pairs.push(field, value);
  }
  return pairs;
}

/**
 * A contact import in three steps, so an upload of any size is stored as it streams in and an
 * unreadable one still changes nothing the dialer or the counts see: `stage` stores a batch's
 * contacts (with their erasure indexes) and lists their ids in the import's own staging list;
 * `commit` moves the ids into the feed with their counts, a batch per atomic script; `abandon`
 * deletes what was staged.
 */
export class ContactImport {
  readonly id = randomBytes(6).toString('hex');
  private readonly staging: string;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly campaignId: string,
  ) {
    this.staging = keys.campaignImport(campaignId, this.id);
    defineLuaCommands(redis, import.meta.url, [
      { name: 'campaignStageContacts', file: 'stage-contacts.lua' },
      { name: 'campaignCommitStaged', file: 'commit-staged.lua', numberOfKeys: 4 },
    ]);
  }

  /** Returns the id of the first contact of the batch (ids are consecutive), or null for an empty batch. */
  async stage(contacts: ContactDetails[]): Promise<number | null> {
    if (contacts.length === 0) return null;
    const last = await this.redis.hincrby(this.keys.campaign(this.campaignId), 'nextContact', contacts.length);
    const first = last - contacts.length + 1;
    const keys: string[] = [this.staging];
    const args: string[] = [String(STAGING_TTL_SECONDS)];
    contacts.forEach((details, index) => {
      const id = String(first + index);
      const contactKey = this.keys.campaignContact(this.campaignId, id);
      keys.push(contactKey, this.keys.campaignContactsOfPhone(this.campaignId, details.phone), details.customerId ? this.keys.campaignContactsOfCustomer(this.campaignId, details.customerId) : contactKey);
      const pairs = contactPairs(details);
      args.push(id, String(pairs.length / 2), ...pairs);
    });
    await this.redis.campaignStageContacts(keys.length, ...keys, ...args);
    return first;
  }

  /** Feeds every staged contact to the dialer; answers how many. */
  async commit(): Promise<number> {
    const { keys, campaignId } = this;
    let committed = 0;
    for (;;) {
      const moved = await this.redis.campaignCommitStaged(this.staging, keys.campaignFeed(campaignId), keys.campaignCounts(campaignId), keys.campaign(campaignId), String(COMMIT_BATCH));
      if (moved === 0) break;
      committed += moved;
    }
    return committed;
  }

  /** Deletes every staged contact and its index entries: the upload could not be read to its end. */
  async abandon(): Promise<void> {
    for (;;) {
      const ids = await this.redis.lrange(this.staging, 0, COMMIT_BATCH - 1);
      if (ids.length === 0) break;
      const contactKeys = ids.map((id) => this.keys.campaignContact(this.campaignId, id));
      const details = await Promise.all(contactKeys.map((key) => this.redis.hmget(key, 'phone', 'customerId')));
      // Every key here is the campaign's (one hash tag), so this is one transaction in one slot.
      const removal = this.redis.multi();
      ids.forEach((id, index) => {
        const [phone, customerId] = details[index] ?? [];
        if (phone) removal.srem(this.keys.campaignContactsOfPhone(this.campaignId, phone), id);
        if (customerId) removal.srem(this.keys.campaignContactsOfCustomer(this.campaignId, customerId), id);
      });
      await removal.del(...contactKeys).ltrim(this.staging, ids.length, -1).exec();
    }
    await this.redis.del(this.staging);
  }
}
