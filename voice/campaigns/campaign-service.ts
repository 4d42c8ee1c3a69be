import type { Dialer } from '../dialer/dialer.js';
import { callableSpans, formatClockTime } from '../dialer/calling-window.js';
import type { CampaignRequest } from './campaign-schemas.js';
import type { CampaignStore } from './campaign-store.js';
import { MAX_REPORTED_REJECTIONS, type Attempt, type CampaignChannel, type Campaign, type ContactCounts, type ContactDetails, type ImportResult, type RejectedRow, type ReportedStatus } from './campaign-types.js';
import { checkContactRow } from './contact-rows.js';

/** Contacts are staged in batches of this many. */
const STORE_BATCH = 1000;

export interface CampaignView {
  id: string;
  name: string;
  status: ReportedStatus;
  counts: ContactCounts;
  contacts: number;
  callsPerSecond: number;
  window: { start: string; end: string };
  /** Where the window overlaps the legal hours 08:00–21:00: the only local times a call may start. */
  callingHours: Array<{ start: string; end: string }>;
  maxAttempts: number;
  retryAfterMinutes: number;
  channel: CampaignChannel;
  fallback?: 'sms';
  createdAt: string;
}

export interface AuditPage {
  items: Attempt[];
  total: number;
  offset: number;
  limit: number;
}

export class CampaignStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CampaignStateError';
  }
}

function reportedStatus(campaign: Campaign, counts: ContactCounts): ReportedStatus {
  if (campaign.status === 'running' && campaign.contacts > 0 && counts.queued === 0 && counts.dialing === 0) return 'completed';
  return campaign.status;
}

/** Campaigns as the API sees them: creation, contact import, control, counts and the audit. */
export class CampaignService {
  constructor(
    private readonly store: CampaignStore,
    private readonly dialer: Dialer,
    private readonly clock: () => Date,
    private readonly settings: { allowedCountries?: readonly string[] | undefined } = {},
  ) {}

  async create(request: CampaignRequest): Promise<{ id: string } & ImportResult> {
    const { contacts, ...settings } = request;
    const campaign = await this.store.create(settings, this.clock());
    const result = await this.importContacts(campaign, contacts);
    return { id: campaign.id, ...result };
  }

  async get(id: string): Promise<Campaign | null> {
    return this.store.get(id);
  }

  /**
   * Checks each row as it streams in and stores the good ones in batches, staged: only once the
   * whole upload was read are they fed to the dialer, so one that turns out unreadable halfway (a
   * broken CSV) changes nothing. Memory stays bounded whatever the size: a batch in hand, one being
   * stored, and at most MAX_REPORTED_REJECTIONS reasons.
   */
  async importContacts(campaign: Campaign, rows: Iterable<unknown> | AsyncIterable<unknown>): Promise<ImportResult> {
    const staged = this.store.startImport(campaign.id);
    const rejected: RejectedRow[] = [];
    let rejectedCount = 0;
    let batch: ContactDetails[] = [];
    let storing: Promise<void> = Promise.resolve();
    const flush = async (): Promise<void> => {
      await storing;
      storing = staged.stage(batch).then(() => undefined);
      batch = [];
    };
    let row = 0;
    try {
      for await (const raw of rows) {
        row += 1;
        const checked = checkContactRow(raw, row, this.settings.allowedCountries);
        if (checked.ok) {
          batch.push(checked.contact);
          if (batch.length === STORE_BATCH) await flush();
        } else {
          rejectedCount += 1;
          if (rejected.length < MAX_REPORTED_REJECTIONS) rejected.push(checked.rejected);
        }
      }
      await flush();
      await storing;
    } catch (error) {
      await storing.catch(() => undefined);
      await staged.abandon();
      throw error;
    }
    const imported = await staged.commit();
    if (imported > 0) this.dialer.contactsAdded(campaign);
    return { imported, rejected, rejectedCount };
  }

  async view(campaign: Campaign): Promise<CampaignView> {
    const counts = await this.store.counts(campaign.id);
    return {
      id: campaign.id,
      name: campaign.name,
      status: reportedStatus(campaign, counts),
      counts,
      contacts: campaign.contacts,
      callsPerSecond: campaign.callsPerSecond,
      window: { start: formatClockTime(campaign.window.start), end: formatClockTime(campaign.window.end) },
      callingHours: callableSpans(campaign.window).sort((a, b) => a.start - b.start).map((span) => ({ start: formatClockTime(span.start), end: formatClockTime(span.end) })),
      maxAttempts: campaign.maxAttempts,
      retryAfterMinutes: campaign.retryAfterMinutes,
      channel: campaign.channel ?? 'voice',
      ...(campaign.fallback ? { fallback: campaign.fallback } : {}),
      createdAt: campaign.createdAt,
    };
  }

  async list(): Promise<CampaignView[]> {
    return Promise.all((await this.store.list()).map((campaign) => this.view(campaign)));
  }

  async start(campaign: Campaign): Promise<Campaign> {
    // Also on a running campaign: this instance takes it up at once instead of at its next sync.
    await this.dialer.startCampaign(campaign);
    return { ...campaign, status: 'running' };
  }

  async pause(campaign: Campaign): Promise<Campaign> {
    if (campaign.status === 'draft') throw new CampaignStateError('the campaign has not been started');
    if (campaign.status === 'running') await this.dialer.pauseCampaign(campaign);
    return { ...campaign, status: 'paused' };
  }

  async audit(campaign: Campaign, offset: number, limit: number): Promise<AuditPage> {
    const { total, items } = await this.store.attempts(campaign.id, offset, limit);
    return { items, total, offset, limit };
  }
}
