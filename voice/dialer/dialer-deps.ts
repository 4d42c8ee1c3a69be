import type { Logger } from '../../src/logging/logger.js';
import type { DoNotCallList } from '../../src/store/do-not-call-list.js';
import type { TextInvitationSender } from '../../src/survey/text-invitation.js';
import type { CampaignStore } from '../campaigns/campaign-store.js';
import type { CallGuards } from './call-guards.js';
import type { ContactTransitions } from './contact-transitions.js';
import type { DialJobData, DialQueues } from './dial-queues.js';
import type { DialerSettings } from './dialer-settings.js';
import type { Pacer } from './pacer.js';
import type { CallsApi } from './twilio-calls.js';

/** Everything the dialer's parts share. `clock` decides windows, retries and the 30-day limit; pacing runs on Redis's clock. */
export interface DialerDeps {
  store: CampaignStore;
  transitions: ContactTransitions;
  guards: CallGuards;
  pacer: Pacer;
  queues: DialQueues;
  doNotCall: DoNotCallList;
  /** Absent without Twilio credentials: campaigns can be prepared but not started. */
  calls: CallsApi | undefined;
  /** The messaging channel's invitations (the sms fallback); absent without it. */
  texts: TextInvitationSender | undefined;
  logger: Logger;
  clock: () => Date;
  settings: DialerSettings;
  /** What an answering machine hears after its beep, in the contact's language. */
  /** The machine message as TwiML (said or played, then a hang-up). */
  machineMessage: (language: string) => string;
  /** Told how each run of a dial job ended: placed, skipped (and why), or deferred (why, and for how long). */
  onJobOutcome?: ((outcome: DialJobOutcome) => void) | undefined;
}

/** Why a dial job was put back to wait instead of dialling now. */
export type DeferralReason = 'line-busy' | 'paused' | 'not-yet' | 'pace' | 'stopping' | 'capacity';

export type DialJobOutcome = DialJobData & ({ outcome: 'deferred'; reason: DeferralReason; delayMs: number } | { outcome: string; reason?: undefined; delayMs?: undefined });
