import { afterEach, describe, expect, it } from 'vitest';
import { FakeTwilio } from '../support/fake-twilio.js';
import { TEST_TWILIO_ACCOUNT_SID, TEST_TWILIO_AUTH_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { FAST_TUNING, NOON_IN_NEW_YORK, api, busiestSecond, campaignRequest, clockAt, phone, until } from './dialer-harness.js';

const PUBLIC_URL = 'https://survey.example.test';

describe('the service restarted mid-campaign', () => {
  const open: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const item of open.reverse()) await item.close();
    open.length = 0;
  });

  it('when the first instance stops after some calls and another starts on the same Redis, then it carries on and nobody is called twice', async () => {
    const twilio = await FakeTwilio.start({ accountSid: TEST_TWILIO_ACCOUNT_SID, authToken: TEST_TWILIO_AUTH_TOKEN });
    open.push(twilio);
    const environment = { TWILIO_API_URL: twilio.url, PUBLIC_URL, DIALER_MAX_CONCURRENT_CALLS: '50' };
    const dialer = { clock: clockAt(NOON_IN_NEW_YORK), tuning: FAST_TUNING };
    // Owns the Redis prefix for the whole test and dials nothing itself (a web-only instance).
    const keeper = await startTestApp({ ...environment, DIALER_WORKERS: 'off' }, { dialer });
    open.push(keeper);
    const first: TestApp = await startTestApp(environment, { shareRedisWith: keeper, dialer });
    let firstOpen = true;
    open.push({ close: async () => void (firstOpen && (await first.close())) });

    const contacts = Array.from({ length: 12 }, (_, index) => ({ phone: phone(index), timezone: 'America/New_York' }));
    const created = await api(first.baseUrl, 'POST', '/api/campaigns', campaignRequest(contacts, { callsPerSecond: 4 }));
    expect((await api(first.baseUrl, 'POST', `/api/campaigns/${created.body.id}/start`)).status).toBe(200);
    await twilio.waitForCalls(4);
    firstOpen = false;
    await first.close();
    const placedByFirst = twilio.calls.length;
    expect(placedByFirst).toBeLessThan(12);

    const second = await startTestApp(environment, { shareRedisWith: keeper, dialer });
    open.push(second);
    await twilio.waitForCalls(12);
    await until('every contact to be dialling', async () => (await api(second.baseUrl, 'GET', `/api/campaigns/${created.body.id}`)).body.counts.dialing === 12);
    const called = twilio.calls.map((call) => call.to);
    expect(called).toHaveLength(12);
    expect(new Set(called).size).toBe(12);
    expect(busiestSecond(twilio.createRequests.map((request) => request.receivedAt))).toBeLessThanOrEqual(4);

    // Twilio reports the first instance's calls to the second (same PUBLIC_URL behind the load balancer).
    twilio.deliverTo = second.baseUrl;
    for (const call of twilio.calls) await twilio.finish(call, 'completed');
    const counts = await until('every call to end', async () => {
      const view = await api(second.baseUrl, 'GET', `/api/campaigns/${created.body.id}`);
      return view.body.counts.completed === 12 ? view.body : null;
    });
    expect(counts).toMatchObject({ status: 'completed', counts: { queued: 0, dialing: 0, completed: 12 } });
    expect((await api(second.baseUrl, 'GET', `/api/campaigns/${created.body.id}/calls`)).body.total).toBe(12);
  }, 60_000);

  it('when two instances dial one campaign at once, then they share its pace and nobody is called twice', async () => {
    const twilio = await FakeTwilio.start({ accountSid: TEST_TWILIO_ACCOUNT_SID, authToken: TEST_TWILIO_AUTH_TOKEN });
    open.push(twilio);
    const environment = { TWILIO_API_URL: twilio.url, PUBLIC_URL, DIALER_MAX_CONCURRENT_CALLS: '50' };
    const dialer = { clock: clockAt(NOON_IN_NEW_YORK), tuning: FAST_TUNING };
    const first = await startTestApp(environment, { dialer });
    open.push(first);
    const second = await startTestApp(environment, { shareRedisWith: first, dialer });
    open.push(second);

    const contacts = Array.from({ length: 12 }, (_, index) => ({ phone: phone(40 + index), timezone: 'America/New_York' }));
    const created = await api(first.baseUrl, 'POST', '/api/campaigns', campaignRequest(contacts, { callsPerSecond: 4 }));
    expect((await api(first.baseUrl, 'POST', `/api/campaigns/${created.body.id}/start`)).status).toBe(200);
    // The second instance takes the campaign up at its next look at the running campaigns.
    await until('the second instance to work on the campaign', () => second.services.dialer.isWorkingOn(created.body.id));
    await twilio.waitForCalls(12);
    await until('every contact to be dialling', async () => (await api(first.baseUrl, 'GET', `/api/campaigns/${created.body.id}`)).body.counts.dialing === 12);
    expect(twilio.calls).toHaveLength(12);
    expect(new Set(twilio.calls.map((call) => call.to)).size).toBe(12);
    expect(busiestSecond(twilio.createRequests.map((request) => request.receivedAt))).toBeLessThanOrEqual(4);
  }, 60_000);
});
