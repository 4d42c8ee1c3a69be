import type { ClientContext, Result } from 'ioredis';
import type { RedisClient } from '../src/redis/redis-client.js';
import type { Keys } from '../src/redis/keys.js';
import { defineLuaCommands } from '../src/redis/lua-commands.js';
import { defineReleaseIfHolder, releaseIfHolder } from '../src/redis/release-if-holder.js';
import type { ContactChannel, SurveyChannel } from './contact-request.js';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    claimLastSurveyed(key: string, surveyId: string, atMs: string, gapMs: string, keepMs: string): Result<string | null, Context>;
  }
}

export type SkipReason = 'sampled-out' | 'surveyed-recently' | 'do-not-call' | 'no-reachable-channel';

/** What `POST /api/contacts` answers; the same every time for one contact id. */
export interface ContactDecision {
  id: string;
  decision: 'scheduled' | 'skipped';
  reason?: SkipReason;
  surveyAt?: string;
}

/** The decision and what the sending needs, stored once per contact id. */
export interface ContactSurvey extends ContactDecision {
  contactId: string;
  contactChannel: ContactChannel;
  /** The channel the survey goes out on (scheduled surveys). */
  channel?: SurveyChannel;
  phone?: string;
  customerId?: string;
  customerName?: string;
  agentId?: string;
  agentName?: string;
  language: string;
  timezone: string;
  endedAt: string;
  decidedAt: string;
  /** The customer asked for erasure: the number and the customer's id and name are gone. */
  erased?: boolean;
}

/** What sending a scheduled survey did. */
export interface SurveyDelivery {
  result: 'sending' | 'invited' | 'dialling' | 'do-not-call' | 'invalid-number' | 'failed';
  channel: SurveyChannel;
  at: string;
  messageSid?: string;
  segments?: string;
  campaignId?: string;
  campaignContactId?: string;
  detail?: string;
}

const DAY_MS = 24 * 3600 * 1000;
/** Decisions are kept this long: a contact reported again within it gets the same answer. */
const DECISION_TTL_MS = 90 * DAY_MS;

/** Decisions, deliveries and the last-surveyed marks of surveys after contacts. */
export class ContactSurveyStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {
    defineLuaCommands(redis, import.meta.url, [{ name: 'claimLastSurveyed', file: 'claim-last-surveyed.lua', numberOfKeys: 1 }]);
    defineReleaseIfHolder(redis);
  }

  async get(contactId: string): Promise<ContactSurvey | null> {
    const text = await this.redis.get(this.keys.contactSurvey(contactId));
    return text ? (JSON.parse(text) as ContactSurvey) : null;
  }

  /** Stores the decision unless one exists (SET NX); answers the one that holds. */
  async decideOnce(survey: ContactSurvey): Promise<{ stored: boolean; survey: ContactSurvey }> {
    const key = this.keys.contactSurvey(survey.contactId);
    if ((await this.redis.set(key, JSON.stringify(survey), 'PX', DECISION_TTL_MS, 'NX')) === 'OK') {
      await this.index(survey);
      return { stored: true, survey };
    }
    return { stored: false, survey: (await this.get(survey.contactId)) ?? survey };
  }

  private async index(survey: ContactSurvey): Promise<void> {
    const indexes = [...(survey.customerId ? [this.keys.contactSurveysOfCustomer(survey.customerId)] : []), ...(survey.phone ? [this.keys.contactSurveysOfPhone(survey.phone)] : [])];
    // One key per command: the indexes live in other slots than the decision.
    for (const index of indexes) await this.redis.multi().sadd(index, survey.contactId).pexpire(index, DECISION_TTL_MS).exec();
  }

  /**
   * Erasure on request: every decision holding this customer id or number keeps its answer (a
   * repeated report still gets it, and nothing is sent) but loses the number and the customer's
   * id and name. The last-surveyed marks stay until they expire: they exist to keep the rule.
   */
  async eraseCustomer(who: { customerId?: string | undefined; phone?: string | undefined }): Promise<number> {
    const indexes = [...(who.customerId ? [this.keys.contactSurveysOfCustomer(who.customerId)] : []), ...(who.phone ? [this.keys.contactSurveysOfPhone(who.phone)] : [])];
    const contactIds = [...new Set((await Promise.all(indexes.map((index) => this.redis.smembers(index)))).flat())];
    let erased = 0;
    for (const contactId of contactIds) {
      const survey = await this.get(contactId);
      if (!survey) continue;
      const { phone: _phone, customerId: _customerId, customerName: _customerName, ...kept } = survey;
      await this.redis.set(this.keys.contactSurvey(contactId), JSON.stringify({ ...kept, erased: true }), 'KEEPTTL', 'XX');
      erased += 1;
    }
    if (indexes.length > 0) await Promise.all(indexes.map((index) => this.redis.del(index)));
    return erased;
  }

  /**
   * Marks the customer id and the number as surveyed at `at` unless either was surveyed by another
   * survey within `minDays`; then nothing stays marked and the answer is false.
   */
  async claimFatigue(surveyId: string, who: { customerId?: string | undefined; phone?: string | undefined }, at: Date, minDays: number): Promise<boolean> {
    const keys = [...(who.customerId ? [this.keys.lastSurveyedCustomer(who.customerId)] : []), ...(who.phone ? [this.keys.lastSurveyedPhone(who.phone)] : [])];
    const value = `${surveyId}|${at.getTime()}`;
    const keepMs = String(Math.ceil(Math.max(minDays, 1) * DAY_MS + DAY_MS));
    const claimed: string[] = [];
    for (const key of keys) {
      const holder = await this.redis.claimLastSurveyed(key, surveyId, String(at.getTime()), String(Math.round(minDays * DAY_MS)), keepMs);
      if (holder !== null) {
        for (const mine of claimed) await releaseIfHolder(this.redis, mine, value);
        return false;
      }
      claimed.push(key);
    }
    return true;
  }

  /** Takes the right to send (once per survey); false when sending already began. */
  async startDelivery(contactId: string, channel: SurveyChannel, at: Date): Promise<boolean> {
    const key = this.keys.contactSurveySent(contactId);
    const started = await this.redis.hsetnx(key, 'result', 'sending');
    if (started === 1) await this.redis.multi().hset(key, { channel, at: at.toISOString() }).pexpire(key, DECISION_TTL_MS).exec();
    return started === 1;
  }

  async recordDelivery(contactId: string, delivery: SurveyDelivery): Promise<void> {
    const key = this.keys.contactSurveySent(contactId);
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(delivery)) if (value !== undefined) fields[name] = String(value);
    await this.redis.multi().hset(key, fields).pexpire(key, DECISION_TTL_MS).exec();
  }

  async delivery(contactId: string): Promise<SurveyDelivery | null> {
    const hash = await this.redis.hgetall(this.keys.contactSurveySent(contactId));
    return hash.result ? (hash as unknown as SurveyDelivery) : null;
  }
}
