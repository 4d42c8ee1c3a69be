import { FakeTwilio } from '../support/fake-twilio.js';
import { TEST_TWILIO_ACCOUNT_SID, TEST_TWILIO_AUTH_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { TwilioTextInvitations } from '../support/twilio-text-invitations.js';
import { FAST_TUNING, api, clockAt, NOON_IN_NEW_YORK } from '../dialer/dialer-harness.js';

export interface ContactWorld {
  app: TestApp;
  twilio: FakeTwilio;
  /** The recording sender at the text-invitation port; absent without a Twilio account. */
  texts: TwilioTextInvitations | undefined;
  post(body: Record<string, unknown>): Promise<{ status: number; body: any }>;
  view(contactId: string): Promise<{ status: number; body: any }>;
  /** The BullMQ state of a survey's job, and when a delayed one is due (epoch ms, real clock). */
  job(surveyId: string): Promise<{ state: string; dueAt: number | null }>;
  /** Runs a delayed job now, as if its time had come. */
  promote(surveyId: string): Promise<void>;
  close(): Promise<void>;
}

export interface ContactWorldOptions {
  now?: string;
  env?: Record<string, string>;
  /** false: no Twilio account at all, so neither calls nor texts can be sent. */
  twilio?: boolean;
  /** Use the messaging channel's own invitations instead of the recording sender. */
  realTexts?: boolean;
}

/** The service with the fake Twilio behind the dialer and the text invitation port, and the dialer's clock at `now`. */
export async function startContactWorld(options: ContactWorldOptions = {}): Promise<ContactWorld> {
  const twilio = await FakeTwilio.start({ accountSid: TEST_TWILIO_ACCOUNT_SID, authToken: TEST_TWILIO_AUTH_TOKEN });
  const texts = options.twilio === false || options.realTexts ? undefined : new TwilioTextInvitations({ accountSid: TEST_TWILIO_ACCOUNT_SID, authToken: TEST_TWILIO_AUTH_TOKEN, apiUrl: twilio.url }, '+15550001111');
  const noAccount: Record<string, string> = options.twilio === false ? { TWILIO_ACCOUNT_SID: '', TWILIO_FROM_NUMBER: '' } : {};
  const app = await startTestApp({ TWILIO_API_URL: twilio.url, ...noAccount, ...options.env }, { dialer: { clock: clockAt(options.now ?? NOON_IN_NEW_YORK), tuning: FAST_TUNING }, ...(texts ? { textInvitations: texts } : {}) });
  const queue = app.services.contactSurveys.queue.queue;
  return {
    app,
    twilio,
    texts,
    post: (body) => api(app.baseUrl, 'POST', '/api/contacts', body),
    view: (contactId) => api(app.baseUrl, 'GET', `/api/contacts/${encodeURIComponent(contactId)}`),
    async job(surveyId) {
      const job = await queue.getJob(surveyId);
      if (!job) return { state: 'none', dueAt: null };
      const state = await job.getState();
      const score = await app.services.redis.zscore(queue.keys.delayed ?? '', surveyId);
      // BullMQ scores a delayed job by its due time × 4096 plus a counter.
      return { state, dueAt: score === null ? null : Math.floor(Number(score) / 0x1000) };
    },
    async promote(surveyId) {
      const job = await queue.getJob(surveyId);
      if (!job) throw new Error(`no job ${surveyId}`);
      await job.promote();
    },
    async close() {
      await app.close();
      await twilio.close();
    },
  };
}

let next = 0;
/** A fresh contact id and New York number for each contact a test reports. */
export function freshContact(overrides: Record<string, unknown> = {}): Record<string, unknown> & { contactId: string; phone: string } {
  next += 1;
  const suffix = `${process.pid % 1000}-${next}`;
  return {
    contactId: `call-${suffix}`,
    phone: `+1212555${String(1000 + next).padStart(4, '0')}`,
    timezone: 'America/New_York',
    channel: 'sms',
    endedAt: '2026-03-10T15:55:00Z',
    ...overrides,
  };
}
