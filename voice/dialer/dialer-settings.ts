/** Legal ceiling of answered survey calls per number in 30 days, across campaigns; configuration may only lower it. */
export const MAX_ANSWERED_CALLS_PER_30_DAYS = 3;

/** Internal timings. Defaults suit production; tests shorten the waits that would otherwise take seconds. */
export interface DialerTuning {
  /** Added to each second when pacing, for the jitter between our clock and Twilio's (2.5% slower than asked at the default). */
  pacingMarginMs: number;
  /** A number already on a call: look again after this long. */
  lineBusyRecheckMs: number;
  /** The cap on calls in progress is reached: look again after this long. */
  capacityRecheckMs: number;
  /** A campaign paused while a job waited: look again after this long (the paused queue holds it meanwhile). */
  pausedRecheckMs: number;
  /** Twilio trouble: first retry of a job after this long, doubling each time. */
  apiRetryBaseMs: number;
  /** Runs of one job before it gives up (Twilio unreachable for all of them). */
  apiRetryRuns: number;
  /** Attempts of one contact lost to Twilio's API before it counts as failed. */
  maxApiFailures: number;
  /** How long a number's line lock and a call's place among the calls in progress last without a final status. */
  callLeaseMs: number;
  /** Per-request timeout of Twilio's REST API. */
  twilioTimeoutMs: number;
  /** A create still unanswered after this long (a crash mid-create) is reconciled by whoever finds it. */
  orphanAfterMs: number;
  /** How often each instance looks for campaigns to work on and contacts to enqueue. */
  syncIntervalMs: number;
  /** A call in progress this long without a final status is looked up at Twilio (its callback may be lost). */
  staleCallAfterMs: number;
  /** How often to look for such calls. */
  staleCheckIntervalMs: number;
}

export const DEFAULT_TUNING: DialerTuning = {
  pacingMarginMs: 25,
  lineBusyRecheckMs: 30_000,
  capacityRecheckMs: 2_000,
  pausedRecheckMs: 5_000,
  apiRetryBaseMs: 2_000,
  apiRetryRuns: 12,
  maxApiFailures: 5,
  callLeaseMs: 2 * 3600 * 1000,
  twilioTimeoutMs: 10_000,
  orphanAfterMs: 20_000,
  syncIntervalMs: 2_000,
  staleCallAfterMs: 10 * 60_000,
  staleCheckIntervalMs: 60_000,
};

export interface DialerSettings {
  publicUrl: string;
  defaultLanguage: string;
  maxConcurrentCalls: number;
  maxAnsweredPer30Days: number;
  /** Twilio's asynchronous answering-machine detection on every call. */
  machineDetection: boolean;
  /** Leave the short machine message on a detected answering machine (else hang up). */
  machineMessage: boolean;
  /** Run workers in this process (web-only instances serve the API and webhooks without dialling). */
  runWorkers: boolean;
  /** ALLOWED_COUNTRIES: the only countries a call may go to; unset, any (every number is still checked as at import). */
  allowedCountries?: readonly string[];
  tuning: DialerTuning;
}
