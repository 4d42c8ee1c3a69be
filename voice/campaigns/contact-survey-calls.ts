import type { ClientContext, Result } from 'ioredis';
import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Keys } from '../../src/redis/keys.js';
import type { Logger } from '../../src/logging/logger.js';
import { defineLuaCommands } from '../../src/redis/lua-commands.js';
import type { Dialer } from '../dialer/dialer.js';
import { LEGAL_HOURS } from '../dialer/calling-window.js';
import { emptyCounts, type Campaign, type CampaignSettings, type ContactDetails } from './campaign-types.js';
import { newCampaignFields } from './campaign-store.js';
import { ContactImport } from './contact-import.js';
import { toDialable } from './contact-fields.js';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    createCampaignIfAbsent(campaign: string, counts: string, ...args: string[]): Result<number, Context>;
  }
}

/** The campaign every survey call after a contact goes through; a fixed id, so every instance finds the same one. */
export const CONTACT_SURVEYS_CAMPAIGN_ID = 'c0a7ac75a000';

/**
 * Its settings: the legal hours as its window, one call a second, a second try an hour later, and
 * one SMS invitation when both went unanswered (sent only where the messaging channel is wired).
 */
export const CONTACT_SURVEYS_CAMPAIGN: CampaignSettings = {
  name: 'Surveys after contacts',
  channel: 'voice',
  fallback: 'sms',
  callsPerSecond: 1,
  window: LEGAL_HOURS,
  maxAttempts: 2,
  retryAfterMinutes: 60,
};

export interface ContactSurveyCall {
  contactId: string;
  phone: string;
  timezone: string;
  language?: string;
  customerId?: string;
  customerName?: string;
  agentId?: string;
  agentName?: string;
}

/**
 * Voice surveys after contacts, as contacts of one running campaign: the dialer then applies every
 * guard rail (do-not-call, legal hours in the contact's zone, the 30-day limit, one call per
 * number, pacing), and the campaign's audit shows each attempt (`GET /api/campaigns/c0a7ac75a000/calls`).
 */
export class ContactSurveyCalls {
  private campaign: Promise<Campaign> | undefined;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly dialer: Dialer,
    private readonly logger: Logger,
    private readonly clock: () => Date,
    private readonly allowedCountries?: readonly string[],
  ) {
    defineLuaCommands(redis, import.meta.url, [{ name: 'createCampaignIfAbsent', file: 'create-campaign-if-absent.lua', numberOfKeys: 2 }]);
  }

  get available(): boolean {
    return this.dialer.canDial;
  }

  dialable(phone: string): boolean {
    return toDialable(phone, this.allowedCountries).ok;
  }

  async enqueue(call: ContactSurveyCall): Promise<{ campaignId: string; campaignContactId: string }> {
    const campaign = await this.runningCampaign();
    const details: ContactDetails = {
      phone: call.phone,
      timezone: call.timezone,
      ...(call.customerName ? { name: call.customerName } : {}),
      ...(call.customerId ? { customerId: call.customerId } : {}),
      ...(call.agentId ? { agentId: call.agentId } : {}),
      ...(call.agentName ? { agentName: call.agentName } : {}),
      ...(call.language ? { language: call.language } : {}),
    };
    const staged = new ContactImport(this.redis, this.keys, campaign.id);
    const campaignContactId = String(await staged.stage([details]));
    await staged.commit();
    this.dialer.contactsAdded(campaign);
    this.logger.debug({ contactId: call.contactId, campaignContactId }, 'survey call after contact queued for the dialer');
    return { campaignId: campaign.id, campaignContactId };
  }

  private runningCampaign(): Promise<Campaign> {
    this.campaign ??= this.ensureCampaign().catch((error: unknown) => {
      this.campaign = undefined;
      throw error;
    });
    return this.campaign;
  }

  private async ensureCampaign(): Promise<Campaign> {
    const id = CONTACT_SURVEYS_CAMPAIGN_ID;
    const settings = CONTACT_SURVEYS_CAMPAIGN;
    const now = this.clock();
    const fields = newCampaignFields(settings, now);
    const counts = Object.entries(emptyCounts()).flatMap(([state, count]) => [state, String(count)]);
    await this.redis.createCampaignIfAbsent(this.keys.campaign(id), this.keys.campaignCounts(id), ...Object.entries(fields).flat(), '--', ...counts);
    await this.redis.zadd(this.keys.campaigns(), 'NX', now.getTime(), id);
    const campaign = await this.dialer.store.get(id);
    if (!campaign) throw new Error('the campaign of surveys after contacts could not be created');
    // Started once, when new; a supervisor who paused it (POST /api/campaigns/c0a7ac75a000/pause) holds its calls until resumed.
    if (campaign.status !== 'draft') return campaign;
    await this.dialer.startCampaign(campaign);
    return { ...campaign, status: 'running' };
  }
}
