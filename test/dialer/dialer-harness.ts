import { FakeTwilio } from '../support/fake-twilio.js';
import { TEST_ADMIN_TOKEN, TEST_TWILIO_ACCOUNT_SID, TEST_TWILIO_AUTH_TOKEN, startTestApp, type TestApp, type TestAppOptions } from '../support/test-app.js';
import type { DialerTuning } from '../../voice/dialer/dialer-settings.js';
import type { DialJobOutcome } from '../../voice/dialer/dialer-deps.js';

/**
 * Waits that take seconds in production take milliseconds here. The pacing margin is wider than
 * production's 25 ms: the dialer and the fake Twilio share one process on two busy CI cores, and a
 * scheduling stall between a create and its arrival must not look like a fifth call in a second.
 * (The production margin is measured against the fake by `npm run bench`.)
 */
export const FAST_TUNING: Partial<DialerTuning> = {
  pacingMarginMs: 150,
  lineBusyRecheckMs: 150,
  capacityRecheckMs: 100,
  pausedRecheckMs: 150,
  apiRetryBaseMs: 100,
  twilioTimeoutMs: 1000,
  orphanAfterMs: 1500,
  syncIntervalMs: 150,
};

/** A clock that runs at real speed but reads `iso` now (so "noon in New York" can be any time the test runs). */
export function clockAt(iso: string): () => Date {
  const offset = Date.parse(iso) - Date.now();
  return () => new Date(Date.now() + offset);
}

/** Noon in New York, 17:00 in London, 02:00 the next day in Tokyo. */
export const NOON_IN_NEW_YORK = '2026-03-10T16:00:00Z';

export const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** Every run of a dial job, in order: lets a test wait for the dialer's decision instead of sleeping. */
export class DialJobLog {
  readonly outcomes: DialJobOutcome[] = [];
  private readonly waiters = new Set<() => void>();

  readonly record = (outcome: DialJobOutcome): void => {
    this.outcomes.push(outcome);
    for (const wake of this.waiters) wake();
  };

  /** The first outcome from index `since` on that matches; waits for it when none has yet. */
  async waitFor(what: string, matches: (outcome: DialJobOutcome) => boolean, since = 0, timeoutMs = 15_000): Promise<DialJobOutcome> {
    const found = (): DialJobOutcome | undefined => this.outcomes.slice(since).find(matches);
    const deadline = Date.now() + timeoutMs;
    for (let outcome = found(); ; outcome = found()) {
      if (outcome) return outcome;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for the dialer to decide: ${what}; decisions so far: ${JSON.stringify(this.outcomes.map((each) => [each.contactId, each.attempt, each.outcome, each.reason]))}`);
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }
}

export interface DialerWorld {
  app: TestApp;
  twilio: FakeTwilio;
  jobs: DialJobLog;
  close(): Promise<void>;
}

export async function startDialerWorld(environment: Record<string, string> = {}, options: TestAppOptions = {}, now = NOON_IN_NEW_YORK): Promise<DialerWorld> {
  const twilio = await FakeTwilio.start({ accountSid: TEST_TWILIO_ACCOUNT_SID, authToken: TEST_TWILIO_AUTH_TOKEN });
  const jobs = new DialJobLog();
  const app = await startTestApp({ TWILIO_API_URL: twilio.url, ...environment }, { ...options, dialer: { clock: clockAt(now), tuning: FAST_TUNING, ...options.dialer, onJobOutcome: jobs.record } });
  return {
    app,
    twilio,
    jobs,
    async close() {
      await app.close();
      await twilio.close();
    },
  };
}

export async function api(baseUrl: string, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': contentType }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export function campaignRequest(contacts: unknown[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'After-shift survey', callsPerSecond: 4, window: { start: '09:00', end: '20:00' }, maxAttempts: 2, retryAfterMinutes: 30, contacts, ...overrides };
}

/** +1212555 followed by four digits: valid New York numbers (the dialer refuses numbers not in service, such as +1 555). */
export function phone(index: number): string {
  return `+1212555${String(index).padStart(4, '0')}`;
}

export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The most calls that arrived at Twilio within any span shorter than a second. */
export function busiestSecond(arrivals: number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last += 1) {
    while ((sorted[last] ?? 0) - (sorted[first] ?? 0) >= 1000) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
