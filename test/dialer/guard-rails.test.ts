import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { queueName } from '../../voice/dialer/dial-queues.js';
import { FAST_TUNING, api, campaignRequest, phone, startDialerWorld, until, type DialerWorld } from './dialer-harness.js';

async function startCampaign(world: DialerWorld, contacts: unknown[], overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await api(world.app.baseUrl, 'POST', '/api/campaigns', campaignRequest(contacts, { callsPerSecond: 10, ...overrides }));
  expect(created.status).toBe(201);
  expect((await api(world.app.baseUrl, 'POST', `/api/campaigns/${created.body.id}/start`)).status).toBe(200);
  return created.body.id as string;
}

async function counts(world: DialerWorld, id: string): Promise<Record<string, number>> {
  return (await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}`)).body.counts as Record<string, number>;
}

const newYork = (index: number): { phone: string; timezone: string } => ({ phone: phone(index), timezone: 'America/New_York' });

describe('guard rails no campaign setting can loosen', () => {
  let world: DialerWorld;
  afterEach(async () => world?.close());

  it('when two campaigns hold the same number, then it gets one call at a time', async () => {
    world = await startDialerWorld();
    await startCampaign(world, [newYork(1)]);
    await startCampaign(world, [newYork(1)]);
    await world.twilio.waitForCalls(1);
    await world.jobs.waitFor('the other campaign finds the line busy', (job) => job.reason === 'line-busy');
    expect(world.twilio.calls).toHaveLength(1);
    const [first] = world.twilio.calls;
    if (!first) throw new Error('no call');
    await world.twilio.finish(first, 'no-answer');
    await world.twilio.waitForCalls(2);
    expect(world.twilio.calls[1]?.receivedAt).toBeGreaterThan(first.receivedAt);
  });

  it('when the cap on calls in progress is reached, then the next call waits for one to end', async () => {
    world = await startDialerWorld({ DIALER_MAX_CONCURRENT_CALLS: '2' });
    const id = await startCampaign(world, [newYork(1), newYork(2), newYork(3), newYork(4)]);
    await world.twilio.waitForCalls(2);
    await world.jobs.waitFor('a third contact to wait for a free slot', (job) => job.reason === 'capacity');
    expect(world.twilio.calls).toHaveLength(2);
    expect(await counts(world, id)).toMatchObject({ dialing: 2, queued: 2 });
    const [first] = world.twilio.calls;
    if (!first) throw new Error('no call');
    await world.twilio.finish(first, 'completed');
    await world.twilio.waitForCalls(3);
    await world.jobs.waitFor('the fourth contact to wait for a free slot again', (job) => job.reason === 'capacity', world.jobs.outcomes.length);
    expect(world.twilio.calls).toHaveLength(3);
  });

  it('when a number already answered as many survey calls in 30 days as allowed, then another campaign does not call it', async () => {
    world = await startDialerWorld({ MAX_ANSWERED_CALLS_PER_30_DAYS: '1' });
    const first = await startCampaign(world, [newYork(5)]);
    await world.twilio.waitForCalls(1);
    const [call] = world.twilio.calls;
    if (!call) throw new Error('no call');
    await world.twilio.answer(call, { keys: ['1', '8'], speech: 'fine' });
    await until('the first call to end', async () => (await counts(world, first)).completed === 1);
    const second = await startCampaign(world, [newYork(5), newYork(6)]);
    await world.twilio.waitForCalls(2);
    await world.jobs.waitFor('the limited number to wait for its limit to lift', (job) => job.campaignId === second && job.reason === 'not-yet');
    expect(world.twilio.calls.map((placed) => placed.to)).toEqual([phone(5), phone(6)]);
    expect(await counts(world, second)).toMatchObject({ queued: 1, dialing: 1 });
  });

  it('when a customer opted out in chat, then the dialer does not call them under any number', async () => {
    world = await startDialerWorld();
    await world.app.services.doNotCall.addCustomer('cust-stop');
    const id = await startCampaign(world, [{ ...newYork(30), customerId: 'cust-stop' }, { ...newYork(31), customerId: 'cust-ok' }]);
    await world.twilio.waitForCalls(1);
    await world.jobs.waitFor('the listed customer to be skipped', (job) => job.campaignId === id && job.outcome === 'do-not-call');
    await until('both contacts to be handled', async () => (await counts(world, id)).queued === 0);
    expect(world.twilio.calls.map((call) => call.to)).toEqual([phone(31)]);
    expect(await counts(world, id)).toMatchObject({ optedOut: 1, dialing: 1 });
  });

  it('when nobody answers, then the contact is tried again after retryAfterMinutes, up to maxAttempts, and then counts as no answer', async () => {
    world = await startDialerWorld();
    const id = await startCampaign(world, [newYork(8)], { maxAttempts: 2, retryAfterMinutes: 0.01 });
    await world.twilio.waitForCalls(1);
    const [first] = world.twilio.calls;
    if (!first) throw new Error('no call');
    await world.twilio.finish(first, 'no-answer');
    await world.twilio.waitForCalls(2);
    const [, second] = world.twilio.calls;
    if (!second) throw new Error('no second call');
    // 0.01 minutes apart at least (the retry never comes sooner than a second).
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(1000);
    await world.twilio.finish(second, 'busy');
    await until('the contact to settle', async () => (await counts(world, id)).busy === 1);
    // Settled and not queued: any dial job left for it ends as stale without dialling.
    expect(await counts(world, id)).toMatchObject({ queued: 0, dialing: 0, busy: 1 });
    expect(world.twilio.calls).toHaveLength(2);
    const lines = (await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}/calls`)).body.items as Array<{ attempt: number; result: string }>;
    expect(lines.map((line) => [line.attempt, line.result])).toEqual([
      [1, 'noAnswer'],
      [2, 'busy'],
    ]);
  });

  it('when a retry would fall after the window closes, then it waits for the next day’s window', async () => {
    // 19:00 in New York when the call is placed; 19:59:59.5 when nobody answered, so the retry (1.8 s later) falls after 20:00.
    let offset = Date.parse('2026-03-10T23:00:00Z') - Date.now();
    world = await startDialerWorld({}, { dialer: { clock: () => new Date(Date.now() + offset), tuning: FAST_TUNING } });
    const id = await startCampaign(world, [newYork(9)], { maxAttempts: 3, retryAfterMinutes: 0.03 });
    await world.twilio.waitForCalls(1);
    const [first] = world.twilio.calls;
    if (!first) throw new Error('no call');
    offset = Date.parse('2026-03-10T23:59:59.500Z') - Date.now();
    await world.twilio.finish(first, 'no-answer');
    // The retry is queued for 09:00 the next morning in New York (13:00Z), not 1.8 s later.
    const queue = new Queue(queueName(id), { connection: world.app.redis.redis, prefix: world.app.services.keys.dialerQueuePrefix() });
    try {
      const retry = await until('the retry to be queued', async () => (await queue.getDelayed()).find((job) => job.data.attempt === 2));
      const fakeNowAtQueueing = retry.timestamp + offset;
      // BullMQ stamps the job a millisecond or two after the dialer read its clock.
      expect(Math.abs(fakeNowAtQueueing + retry.delay - Date.parse('2026-03-11T13:00:00Z'))).toBeLessThan(1000);
    } finally {
      await queue.close();
    }
    expect(world.twilio.calls).toHaveLength(1);
    expect(await counts(world, id)).toMatchObject({ queued: 1, dialing: 0 });
  });

  it('when a campaign is paused, then no new call starts until it is resumed, and nobody is called twice', async () => {
    world = await startDialerWorld({ DIALER_MAX_CONCURRENT_CALLS: '50' });
    const contacts = Array.from({ length: 8 }, (_, index) => newYork(20 + index));
    const id = await startCampaign(world, contacts, { callsPerSecond: 4 });
    await world.twilio.waitForCalls(2);
    const paused = await api(world.app.baseUrl, 'POST', `/api/campaigns/${id}/pause`);
    expect(paused.body.status).toBe('paused');
    // The pause answers once this instance's worker has stopped and the calls being placed have been placed.
    const atPause = world.twilio.calls.length;
    expect(world.app.services.dialer.isWorkingOn(id)).toBe(false);
    expect(await counts(world, id)).toMatchObject({ dialing: atPause, queued: 8 - atPause });
    expect((await api(world.app.baseUrl, 'POST', `/api/campaigns/${id}/start`)).body.status).toBe('running');
    await world.twilio.waitForCalls(8);
    await until('every contact to be dialled', async () => (await counts(world, id)).queued === 0);
    expect(await counts(world, id)).toMatchObject({ dialing: 8 });
    expect(new Set(world.twilio.calls.map((call) => call.to)).size).toBe(8);
    expect(world.twilio.calls).toHaveLength(8);
  });
});
