import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Keys } from '../../src/redis/keys.js';
import {
  CONTACT_STATES,
  emptyCounts,
  type Attempt,
  type AttemptResult,
  type Campaign,
  type CampaignSettings,
  type CampaignStatus,
  type Contact,
  type ContactCounts,
  type ContactDetails,
  type ContactState,
} from './campaign-types.js';

const DETAIL_FIELDS = ['name', 'customerId', 'agentId', 'agentName', 'language'] as const;

function decodeCampaign(id: string, hash: Record<string, string>): Campaign | null {
  if (!hash.name) return null;
  return {
    id,
    name: hash.name,
    callsPerSecond: Number(hash.callsPerSecond),
    window: { start: Number(hash.windowStart), end: Number(hash.windowEnd) },
    maxAttempts: Number(hash.maxAttempts),
    retryAfterMinutes: Number(hash.retryAfterMinutes),
    status: (hash.status as CampaignStatus | undefined) ?? 'draft',
    createdAt: hash.createdAt ?? '',
    contacts: Number(hash.contacts ?? 0),
  };
}

export function decodeContact(id: string, hash: Record<string, string>): Contact | null {
  if (!hash.phone || !hash.timezone) return null;
  const contact: Contact = {
    id,
    phone: hash.phone,
    timezone: hash.timezone,
    state: (hash.state as ContactState | undefined) ?? 'queued',
    attempts: Number(hash.attempts ?? 0),
    placed: Number(hash.placed ?? 0),
    apiFailures: Number(hash.apiFailures ?? 0),
  };
  for (const field of DETAIL_FIELDS) if (hash[field]) contact[field] = hash[field];
  if (hash.dueAt) contact.dueAt = Number(hash.dueAt);
  return contact;
}

function decodeAttempt(hash: Record<string, string>): Attempt | null {
  if (!hash.contactId) return null;
  const attempt: Attempt = {
    contactId: hash.contactId,
    attempt: Number(hash.attempt),
    phone: hash.phone ?? '',
    timezone: hash.timezone ?? '',
    localTime: hash.localTime ?? '',
    at: hash.at ?? '',
    result: (hash.result as AttemptResult | undefined) ?? 'dialing',
  };
  if (hash.callSid) attempt.callSid = hash.callSid;
  if (hash.answeredBy) attempt.answeredBy = hash.answeredBy;
  if (hash.endedAt) attempt.endedAt = hash.endedAt;
  if (hash.error) attempt.error = hash.error;
  return attempt;
}

function contactFields(details: ContactDetails): Record<string, string> {
  const fields: Record<string, string> = { phone: details.phone, timezone: details.timezone, state: 'queued', attempts: '0', placed: '0', apiFailures: '0' };
  for (const field of DETAIL_FIELDS) {
    const value = details[field];
    if (value) fields[field] = value;
  }
  return fields;
}

/** Campaigns, their contacts, counts and dialing audit in Redis. State changes of a contact go through ContactTransitions. */
export class CampaignStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async create(settings: CampaignSettings, now: Date): Promise<Campaign> {
    const id = randomBytes(6).toString('hex');
    const campaign: Campaign = { id, ...settings, status: 'draft', createdAt: now.toISOString(), contacts: 0 };
    await this.redis
      .multi()
      .hset(this.keys.campaign(id), {
        name: settings.name,
        callsPerSecond: String(settings.callsPerSecond),
        windowStart: String(settings.window.start),
        windowEnd: String(settings.window.end),
        maxAttempts: String(settings.maxAttempts),
        retryAfterMinutes: String(settings.retryAfterMinutes),
        status: 'draft',
        createdAt: campaign.createdAt,
        contacts: '0',
        fed: '0',
      })
      .hset(this.keys.campaignCounts(id), emptyCounts())
      .exec();
    await this.redis.zadd(this.keys.campaigns(), now.getTime(), id);
    return campaign;
  }

  async get(id: string): Promise<Campaign | null> {
    return decodeCampaign(id, await this.redis.hgetall(this.keys.campaign(id)));
  }

  async list(limit = 100): Promise<Campaign[]> {
    const ids = await this.redis.zrevrange(this.keys.campaigns(), 0, limit - 1);
    const campaigns = await Promise.all(ids.map((id) => this.get(id)));
    return campaigns.filter((campaign): campaign is Campaign => campaign !== null);
  }

  async setStatus(id: string, status: CampaignStatus): Promise<void> {
    await this.redis.hset(this.keys.campaign(id), 'status', status);
    if (status === 'running') await this.redis.sadd(this.keys.runningCampaigns(), id);
    else await this.redis.srem(this.keys.runningCampaigns(), id);
  }

  async runningIds(): Promise<string[]> {
    return this.redis.smembers(this.keys.runningCampaigns());
  }

  /** Stores one batch of valid contacts atomically: hashes, feed entries and the `queued` count together. */
  async addContacts(campaignId: string, contacts: ContactDetails[]): Promise<void> {
    if (contacts.length === 0) return;
    const last = await this.redis.hincrby(this.keys.campaign(campaignId), 'nextContact', contacts.length);
    const first = last - contacts.length + 1;
    const transaction = this.redis.multi();
    const ids: string[] = [];
    contacts.forEach((details, index) => {
      const id = String(first + index);
      ids.push(id);
      transaction.hset(this.keys.campaignContact(campaignId, id), contactFields(details));
      transaction.sadd(this.keys.campaignContactsOfPhone(details.phone), `${campaignId}:${id}`);
      if (details.customerId) transaction.sadd(this.keys.campaignContactsOfCustomer(details.customerId), `${campaignId}:${id}`);
    });
    transaction.rpush(this.keys.campaignFeed(campaignId), ...ids);
    transaction.hincrby(this.keys.campaignCounts(campaignId), 'queued', contacts.length);
    transaction.hincrby(this.keys.campaign(campaignId), 'contacts', contacts.length);
    await transaction.exec();
  }

  async counts(campaignId: string): Promise<ContactCounts> {
    const hash = await this.redis.hgetall(this.keys.campaignCounts(campaignId));
    const counts = emptyCounts();
    for (const state of CONTACT_STATES) counts[state] = Number(hash[state] ?? 0);
    return counts;
  }

  async contact(campaignId: string, contactId: string): Promise<Contact | null> {
    return decodeContact(contactId, await this.redis.hgetall(this.keys.campaignContact(campaignId, contactId)));
  }

  async attempt(campaignId: string, contactId: string, attempt: number): Promise<Attempt | null> {
    return decodeAttempt(await this.redis.hgetall(this.keys.campaignAttempt(campaignId, contactId, attempt)));
  }

  async attemptFields(campaignId: string, contactId: string, attempt: number): Promise<Record<string, string>> {
    return this.redis.hgetall(this.keys.campaignAttempt(campaignId, contactId, attempt));
  }

  /** The audit, oldest attempt first. */
  async attempts(campaignId: string, offset: number, limit: number): Promise<{ total: number; items: Attempt[] }> {
    const [total, refs] = await Promise.all([
      this.redis.llen(this.keys.campaignAttempts(campaignId)),
      this.redis.lrange(this.keys.campaignAttempts(campaignId), offset, offset + limit - 1),
    ]);
    const pipeline = this.redis.pipeline();
    for (const ref of refs) {
      const [contactId = '', attempt = '0'] = ref.split(':');
      pipeline.hgetall(this.keys.campaignAttempt(campaignId, contactId, Number(attempt)));
    }
    const replies = refs.length > 0 ? ((await pipeline.exec()) ?? []) : [];
    const items: Attempt[] = [];
    for (const [error, hash] of replies) {
      if (error) throw error;
      const attempt = decodeAttempt(hash as Record<string, string>);
      if (attempt) items.push(attempt);
    }
    return { total, items };
  }

  /** Up to `count` contact ids of the feed from position `from` (0-based). */
  async feedSlice(campaignId: string, from: number, count: number): Promise<string[]> {
    return this.redis.lrange(this.keys.campaignFeed(campaignId), from, from + count - 1);
  }

  async feedPosition(campaignId: string): Promise<{ fed: number; length: number }> {
    const [fed, length] = await Promise.all([this.redis.hget(this.keys.campaign(campaignId), 'fed'), this.redis.llen(this.keys.campaignFeed(campaignId))]);
    return { fed: Number(fed ?? 0), length };
  }

  async setFeedPosition(campaignId: string, fed: number): Promise<void> {
    await this.redis.hset(this.keys.campaign(campaignId), 'fed', String(fed));
  }
}
