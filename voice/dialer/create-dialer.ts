import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Logger } from '../../src/logging/logger.js';
import type { Keys } from '../../src/redis/keys.js';
import type { DoNotCallList } from '../../src/store/do-not-call-list.js';
import type { TextInvitationSender } from '../../src/survey/text-invitation.js';
import { Dialer } from './dialer.js';
import type { DialJobOutcome } from './dialer-deps.js';
import { DEFAULT_TUNING, MAX_ANSWERED_CALLS_PER_30_DAYS, type DialerTuning } from './dialer-settings.js';
import { createDialerTwilioClient, TwilioCalls, type CallsApi } from './twilio-calls.js';

/** The configuration the dialer reads (a subset of the service's Config). */
export interface DialerConfig {
  PUBLIC_URL: string;
  DEFAULT_LANGUAGE: string;
  TWILIO_ACCOUNT_SID?: string | undefined;
  TWILIO_AUTH_TOKEN?: string | undefined;
  TWILIO_FROM_NUMBER?: string | undefined;
  TWILIO_API_URL?: string | undefined;
  DIALER_MAX_CONCURRENT_CALLS: number;
  MAX_ANSWERED_CALLS_PER_30_DAYS: number;
  MACHINE_DETECTION: 'on' | 'off';
  MACHINE_MESSAGE: 'on' | 'off';
  DIALER_WORKERS: 'on' | 'off';
  ALLOWED_COUNTRIES?: string[] | undefined;
}

/** What tests (and benches) may change: the clock for window and retry decisions, shorter waits, another Calls API. */
export interface DialerOverrides {
  clock?: () => Date;
  tuning?: Partial<DialerTuning>;
  calls?: CallsApi;
  /** Told how each run of a dial job ended (tests wait on it instead of sleeping). */
  onJobOutcome?: (outcome: DialJobOutcome) => void;
}

export interface DialerParts {
  redis: RedisClient;
  keys: Keys;
  doNotCall: DoNotCallList;
  logger: Logger;
  /** The machine message as TwiML (said or played, then a hang-up). */
  machineMessage: (language: string) => string;
  /** The messaging channel's invitations, for `fallback: 'sms'` and text campaigns. */
  texts?: TextInvitationSender | undefined;
}

export function createDialer(config: DialerConfig, parts: DialerParts, overrides: DialerOverrides = {}): Dialer {
  const tuning = { ...DEFAULT_TUNING, ...overrides.tuning };
  const { TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER } = config;
  const calls =
    overrides.calls ??
    (TWILIO_ACCOUNT_SID && TWILIO_AUTH_TOKEN && TWILIO_FROM_NUMBER
      ? new TwilioCalls(
          createDialerTwilioClient({ accountSid: TWILIO_ACCOUNT_SID, authToken: TWILIO_AUTH_TOKEN, fromNumber: TWILIO_FROM_NUMBER, timeoutMs: tuning.twilioTimeoutMs, ...(config.TWILIO_API_URL ? { apiUrl: config.TWILIO_API_URL } : {}) }),
          TWILIO_FROM_NUMBER,
        )
      : undefined);
  return new Dialer({
    ...parts,
    calls,
    clock: overrides.clock ?? (() => new Date()),
    onJobOutcome: overrides.onJobOutcome,
    settings: {
      publicUrl: config.PUBLIC_URL,
      defaultLanguage: config.DEFAULT_LANGUAGE,
      maxConcurrentCalls: config.DIALER_MAX_CONCURRENT_CALLS,
      maxAnsweredPer30Days: Math.min(config.MAX_ANSWERED_CALLS_PER_30_DAYS, MAX_ANSWERED_CALLS_PER_30_DAYS),
      machineDetection: config.MACHINE_DETECTION === 'on',
      machineMessage: config.MACHINE_MESSAGE === 'on',
      runWorkers: config.DIALER_WORKERS === 'on',
      ...(config.ALLOWED_COUNTRIES ? { allowedCountries: config.ALLOWED_COUNTRIES } : {}),
      tuning,
    },
  });
}
