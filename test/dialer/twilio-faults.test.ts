import { afterEach, describe, expect, it } from 'vitest';
import { FAST_TUNING, NOON_IN_NEW_YORK, api, campaignRequest, clockAt, phone, startDialerWorld, until, type DialerWorld } from './dialer-harness.js';

async function runOneContact(world: DialerWorld, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await api(world.app.baseUrl, 'POST', '/api/campaigns', campaignRequest([{ phone: phone(7), timezone: 'America/New_York' }], { callsPerSecond: 10, ...overrides }));
  expect((await api(world.app.baseUrl, 'POST', `/api/campaigns/${created.body.id}/start`)).status).toBe(200);
  return created.body.id as string;
}

async function audit(world: DialerWorld, id: string): Promise<Array<Record<string, unknown>>> {
  return (await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}/calls`)).body.items as Array<Record<string, unknown>>;
}

describe("Twilio's Calls API in trouble", () => {
  let world: DialerWorld;
  afterEach(async () => world?.close());

  it('when a create gets a 503, then the attempt is recorded as failed with the reason and the person is called once, after a backoff', async () => {
    world = await startDialerWorld();
    world.twilio.failNext({ kind: 'status', status: 503 });
    const id = await runOneContact(world);
    await world.twilio.waitForCalls(1);
    await world.jobs.waitFor('the second attempt to be placed', (job) => job.attempt === 2 && job.outcome === 'placed');
    expect(world.twilio.createRequests.map((request) => request.outcome)).toEqual(['status', 'created']);
    expect(world.twilio.calls).toHaveLength(1);
    const lines = await audit(world, id);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ attempt: 1, result: 'failed', error: expect.stringMatching(/^Twilio answered 503 \(error 20500\): /) });
    expect(lines[0]?.callSid).toBeUndefined();
    expect(lines[1]).toMatchObject({ attempt: 2, result: 'dialing', callSid: world.twilio.calls[0]?.sid });
    expect((await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}`)).body.counts).toMatchObject({ dialing: 1, failed: 0 });
  });

  it('when Twilio places the call but its answer never arrives, then the dialer finds the call at Twilio and does not call again', async () => {
    world = await startDialerWorld();
    world.twilio.failNext({ kind: 'slow', ms: 4000 });
    const id = await runOneContact(world);
    const line = await until('the reconciled attempt', async () => (await audit(world, id)).find((item) => item.callSid));
    expect(line).toMatchObject({ attempt: 1, result: 'dialing', callSid: world.twilio.calls[0]?.sid });
    await world.jobs.waitFor('the attempt to be reconciled', (job) => job.outcome === 'reconciled');
    expect(world.twilio.createRequests).toHaveLength(1);
    expect(await audit(world, id)).toHaveLength(1);
  });

  it('when a create times out and Twilio has no such call, then the attempt fails and the next one places the call', async () => {
    world = await startDialerWorld();
    world.twilio.failNext({ kind: 'hang' });
    const id = await runOneContact(world);
    await world.twilio.waitForCalls(1);
    await world.jobs.waitFor('the second attempt to be placed', (job) => job.attempt === 2 && job.outcome === 'placed');
    expect(world.twilio.createRequests.map((request) => request.outcome)).toEqual(['hang', 'created']);
    const lines = await audit(world, id);
    expect(lines.map((item) => [item.attempt, item.result])).toEqual([
      [1, 'failed'],
      [2, 'dialing'],
    ]);
    expect(lines[0]?.error).toMatch(/^Twilio could not be reached: timeout/);
  });

  it('when the final status callback is lost, then the dialer asks Twilio after a while and retries the contact', async () => {
    world = await startDialerWorld({}, { dialer: { clock: clockAt(NOON_IN_NEW_YORK), tuning: { ...FAST_TUNING, staleCallAfterMs: 400, staleCheckIntervalMs: 100 } } });
    const id = await runOneContact(world, { maxAttempts: 2, retryAfterMinutes: 0.01 });
    await world.twilio.waitForCalls(1);
    const [first] = world.twilio.calls;
    if (!first) throw new Error('no call');
    world.twilio.endWithoutCallback(first, 'no-answer');
    await world.twilio.waitForCalls(2);
    const lines = await audit(world, id);
    expect(lines.map((item) => [item.attempt, item.result, item.callSid])).toEqual([
      [1, 'noAnswer', first.sid],
      [2, 'dialing', world.twilio.calls[1]?.sid],
    ]);
  });

  it('when Twilio refuses the number with a 400, then the contact fails for good without another try', async () => {
    world = await startDialerWorld();
    world.twilio.failNext({ kind: 'status', status: 400 });
    const id = await runOneContact(world, { maxAttempts: 3 });
    const view = await until('the contact to fail', async () => {
      const campaign = await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}`);
      return campaign.body.counts.failed === 1 ? campaign.body : null;
    });
    expect(view).toMatchObject({ status: 'completed', counts: { failed: 1, queued: 0, dialing: 0 } });
    expect(world.jobs.outcomes.map((job) => [job.attempt, job.outcome])).toEqual([[1, 'rejected']]);
    expect(world.twilio.createRequests).toHaveLength(1);
    expect(await audit(world, id)).toEqual([expect.objectContaining({ attempt: 1, result: 'failed', error: expect.stringMatching(/^Twilio answered 400/) })]);
  });
});
