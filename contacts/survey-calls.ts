import type { ContactSurveyCall } from '../voice/campaigns/contact-survey-calls.js';

/** A contact to survey by phone, handed to the dialer. */
export type SurveyCall = ContactSurveyCall;

/** Where the dialer keeps the call: its campaign and contact, whose audit shows every attempt. */
export interface QueuedSurveyCall {
  campaignId: string;
  campaignContactId: string;
}

/**
 * Voice surveys go through the robocaller, which checks the do-not-call list, legal hours in the
 * contact's zone, the 30-day limit, one call per number and the pace itself. Implemented in voice/.
 */
export interface SurveyCalls {
  /** False without Twilio credentials: voice is then no reachable channel. */
  readonly available: boolean;
  /** Whether the dialer may call this number (valid, in ALLOWED_COUNTRIES, not premium-rate…). */
  dialable(phone: string): boolean;
  enqueue(call: SurveyCall): Promise<QueuedSurveyCall>;
}
