import type { MessageOverrides } from '../../src/survey/messages/message-overrides.js';
import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Keys } from '../../src/redis/keys.js';
import {
  CONTACT_STATES,
  emptyCounts,
  type Attempt,
  type AttemptResult,
  type Campaign,
  type CampaignChannel,
  type CampaignSettings,
  type CampaignStatus,
  type Contact,
  type ContactCounts,
  type ContactState,
  DETAIL_FIELDS,
} from './campaign-types.js';
import { ContactImport } from './contact-import.js';

function decodeCampaign(id: string, hash: Record<string, string>): Campaign | null {
  if (!hash.name) return null;
  return {
    id,
    name: hash.name,
    callsPerSecond: Number(hash.callsPerSecond),
    window: { start: Number(hash.windowStart), end: Number(hash.windowEnd) },
    maxAttempts: Number(hash.maxAttempts),
    retryAfterMinutes: Number(hash.retryAfterMinutes),
    channel: (hash.channel as CampaignChannel | undefined) ?? 'voice',
    ...(hash.fallback === 'sms' ? { fallback: 'sms' as const } : {}),
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
  if (hash.channel === 'sms' || hash.channel === 'whatsapp') attempt.channel = hash.channel;
  if (hash.messageSid) attempt.messageSid = hash.messageSid;
  if (hash.segments) attempt.segments = Number(hash.segments);
  return attempt;
}


/** Campaigns, their contacts, counts and dialing audit in Redis. State changes of a contact go through ContactTransitions. */
/** The stored hash of a campaign just created: a draft with no contacts yet. */
export function newCampaignFields(settings: CampaignSettings, now: Date): Record<string, string> {
  return {
    name: settings.name,
    callsPerSecond: String(settings.callsPerSecond),
    windowStart: String(settings.window.start),
    windowEnd: String(settings.window.end),
    maxAttempts: String(settings.maxAttempts),
    retryAfterMinutes: String(settings.retryAfterMinutes),
    channel: settings.channel ?? 'voice',
    ...(settings.fallback ? { fallback: settings.fallback } : {}),
    status: 'draft',
    createdAt: now.toISOString(),
    contacts: '0',
    fed: '0',
    ...(settings.messages ? { messages: JSON.stringify(settings.messages) } : {}),
  };
}

export class CampaignStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  async create(settings: CampaignSettings, now: Date): Promise<Campaign> {
    const id = randomBytes(6).toString('hex');
    const campaign: Campaign = { id, ...settings, status: 'draft', createdAt: now.toISOString(), contacts: 0 };
    await this.redis
      .multi()
      .hset(this.keys.campaign(id), newCampaignFields(settings, now))
      .hset(this.keys.campaignCounts(id), emptyCounts())
      .exec();
    await this.redis.zadd(this.keys.campaigns(), now.getTime(), id);
    return campaign;
  }

  async get(id: string): Promise<Campaign | null> {
    return decodeCampaign(id, await this.redis.hgetall(this.keys.campaign(id)));
  }

  /** The campaign's wording (checked when it was created), or undefined when it has none. */
  async messages(id: string): Promise<MessageOverrides | undefined> {
    const stored = await this.redis.hget(this.keys.campaign(id), 'messages');
    return stored ? (JSON.parse(stored) as MessageOverrides) : undefined;
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

  /** A new contact import into this campaign (see ContactImport). */
  startImport(campaignId: string): ContactImport {
    return new ContactImport(this.redis, this.keys, campaignId);
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
