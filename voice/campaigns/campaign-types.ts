import type { MessageOverrides } from '../../src/survey/messages/message-overrides.js';
import type { DailyWindow } from '../dialer/calling-window.js';

export type CampaignStatus = 'draft' | 'running' | 'paused';

/** What `GET /api/campaigns/:id` reports: a running campaign with nothing left to dial is `completed`. */
export type ReportedStatus = CampaignStatus | 'completed';

/** `erased`: the person asked for their data to be erased; the contact keeps no number or name and is never called. */
export const CONTACT_STATES = ['queued', 'dialing', 'completed', 'noAnswer', 'busy', 'machine', 'optedOut', 'failed', 'erased'] as const;
export type ContactState = (typeof CONTACT_STATES)[number];

/** States a contact never leaves. `noAnswer`, `busy`, `machine` and `failed` are final only once no retry is left. */
export const FINAL_STATES: readonly ContactState[] = ['completed', 'noAnswer', 'busy', 'machine', 'optedOut', 'failed', 'erased'];

export type ContactCounts = Record<ContactState, number>;

/** How a campaign reaches its contacts: calls, or text invitations through the messaging channel. */
export const CAMPAIGN_CHANNELS = ['voice', 'sms', 'whatsapp'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

export interface CampaignSettings {
  name: string;
  /** Default voice. */
  channel?: CampaignChannel;
  /** A call that ends unanswered or at a machine, with no retry left, is followed by one SMS invitation. */
  fallback?: 'sms';
  callsPerSecond: number;
  window: DailyWindow;
  maxAttempts: number;
  retryAfterMinutes: number;
  /** The campaign's own wording, over the deployment's; fixed once the campaign is created. */
  messages?: MessageOverrides | undefined;
}

export interface Campaign extends CampaignSettings {
  id: string;
  status: CampaignStatus;
  createdAt: string;
  /** Contacts imported so far. */
  contacts: number;
}

/** A contact as imported: phone in E.164, time zone canonical. */
export interface ContactDetails {
  phone: string;
  timezone: string;
  name?: string;
  customerId?: string;
  agentId?: string;
  agentName?: string;
  language?: string;
}

export interface Contact extends ContactDetails {
  id: string;
  state: ContactState;
  /** Attempts started (the number of the latest attempt). */
  attempts: number;
  /** Calls Twilio accepted; `maxAttempts` limits these. */
  placed: number;
  /** Attempts lost to Twilio's API (5xx, timeouts, unreachable); limited separately. */
  apiFailures: number;
  /** Not before this instant (ms), set when a retry is scheduled. */
  dueAt?: number;
}

/** `sending` and `invited` belong to text invitations (a text campaign, or the SMS fallback after a call). */
export type AttemptResult = 'dialing' | 'ringing' | 'inProgress' | 'sending' | 'invited' | Exclude<ContactState, 'queued' | 'dialing'>;

/** One line of the dialing audit. */
export interface Attempt {
  contactId: string;
  attempt: number;
  phone: string;
  timezone: string;
  /** The contact's wall-clock time when the attempt started, with its offset. */
  localTime: string;
  /** When the attempt started (UTC). */
  at: string;
  result: AttemptResult;
  callSid?: string;
  answeredBy?: string;
  endedAt?: string;
  error?: string;
  /** Absent on calls; `sms` or `whatsapp` on a text invitation, with its message SID and segment count. */
  channel?: 'sms' | 'whatsapp';
  messageSid?: string;
  segments?: number;
}

/** The optional details a contact may carry, stored as hash fields of the same names. */
export const DETAIL_FIELDS = ['name', 'customerId', 'agentId', 'agentName', 'language'] as const;

export interface RejectedRow {
  /** 1-based position of the contact in the request (CSV: data rows, the header not counted). */
  row: number;
  phone: string | null;
  error: string;
}

export interface ImportResult {
  imported: number;
  /** The first MAX_REPORTED_REJECTIONS refused rows, each with its reason. */
  rejected: RejectedRow[];
  /** Every refused row, also those past the ones listed. */
  rejectedCount: number;
}

/** A 1,000,000-row upload of wrong numbers must not answer with a million reasons. */
export const MAX_REPORTED_REJECTIONS = 1000;

export function emptyCounts(): ContactCounts {
  return { queued: 0, dialing: 0, completed: 0, noAnswer: 0, busy: 0, machine: 0, optedOut: 0, failed: 0, erased: 0 };
}
