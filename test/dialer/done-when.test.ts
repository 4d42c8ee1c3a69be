import { afterEach, describe, expect, it } from 'vitest';
import { api, busiestSecond, campaignRequest, phone, startDialerWorld, until, type DialerWorld } from './dialer-harness.js';

// The "Done when", tried as a new user would: through the API, against a local fake of Twilio.
describe('a campaign of 30 contacts in their window, 5 outside it and 2 on the do-not-call list, at 4 calls per second', () => {
  let world: DialerWorld;
  afterEach(async () => world?.close());

  const inWindowZones = ['America/New_York', 'America/Chicago', 'Europe/London'];
  const outsideZones = ['Asia/Tokyo', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Auckland', 'Asia/Shanghai'];

  it('when it runs, then exactly the 28 callable people are called, 4 a second at most, none outside their window, and the audit shows every attempt', async () => {
    // Calls stay in progress until the test ends them, so the cap on calls in progress must not bite here.
    world = await startDialerWorld({ DIALER_MAX_CONCURRENT_CALLS: '40' });
    const { app, twilio } = world;
    const inWindow = Array.from({ length: 30 }, (_, index) => ({ phone: phone(index), timezone: inWindowZones[index % 3], name: `Customer ${index}`, agentId: `agent-${index % 4}` }));
    const outside = outsideZones.map((timezone, index) => ({ phone: phone(100 + index), timezone }));
    const doNotCall = [phone(3), phone(17)];
    const badRows = [
      { phone: '555-0100', timezone: 'America/New_York' },
      { phone: '+12125239999', timezone: 'Mars/Olympus_Mons' },
      { phone: '+12125239998' },
    ];

    expect((await api(app.baseUrl, 'POST', '/api/dnc', { phones: doNotCall })).status).toBe(200);
    const created = await api(app.baseUrl, 'POST', '/api/campaigns', campaignRequest([...inWindow, ...badRows, ...outside]));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{12}$/),
      imported: 35,
      rejected: [
        { row: 31, phone: '555-0100', error: 'phone must be an international number in E.164 form, e.g. +12125550123' },
        { row: 32, phone: '+12125239999', error: 'timezone "Mars/Olympus_Mons" is not a known IANA time zone, e.g. America/New_York' },
        { row: 33, phone: '+12125239998', error: 'timezone: is required' },
      ],
      rejectedCount: 3,
    });
    const id = created.body.id as string;
    expect(twilio.calls).toHaveLength(0);

    expect((await api(app.baseUrl, 'POST', `/api/campaigns/${id}/start`)).status).toBe(200);
    await twilio.waitForCalls(28, 20_000);
    // Every contact decided: called, skipped as listed, or waiting for its window.
    const decided = (): Set<string> => new Set(world.jobs.outcomes.filter((job) => job.outcome !== 'deferred' || job.reason === 'not-yet').map((job) => job.contactId));
    await until('every contact to be decided', () => decided().size === 35);

    const called = twilio.calls.map((call) => call.to);
    expect(new Set(called).size).toBe(28);
    expect(called.sort()).toEqual(inWindow.map((contact) => contact.phone).filter((number) => !doNotCall.includes(number)).sort());
    expect(busiestSecond(twilio.createRequests.map((request) => request.receivedAt))).toBeLessThanOrEqual(4);

    const campaign = await api(app.baseUrl, 'GET', `/api/campaigns/${id}`);
    expect(campaign.body).toMatchObject({ id, name: 'After-shift survey', status: 'running', counts: { queued: 5, dialing: 28, optedOut: 2, completed: 0, noAnswer: 0, busy: 0, machine: 0, failed: 0 } });

    const audit = await api(app.baseUrl, 'GET', `/api/campaigns/${id}/calls`);
    expect(audit.body.total).toBe(28);
    for (const line of audit.body.items) {
      const contact = inWindow.find((candidate) => candidate.phone === line.phone);
      expect(contact).toBeDefined();
      expect(line).toMatchObject({ attempt: 1, timezone: contact?.timezone, result: 'dialing', callSid: expect.stringMatching(/^CA[0-9a-f]{32}$/) });
      const localHour = Number(/T(\d\d):/.exec(line.localTime)?.[1]);
      expect(localHour).toBeGreaterThanOrEqual(9);
      expect(localHour).toBeLessThan(20);
    }

    // Twilio reports how each call ended; the counts and the audit follow.
    for (const [index, call] of twilio.calls.entries()) await twilio.finish(call, index < 20 ? 'completed' : 'no-answer');
    const after = await until('final counts', async () => {
      const view = await api(app.baseUrl, 'GET', `/api/campaigns/${id}`);
      return view.body.counts.dialing === 0 ? view.body : null;
    });
    // No answer: retried later (30 minutes, inside the window), so queued again.
    expect(after.counts).toEqual({ queued: 13, dialing: 0, completed: 20, noAnswer: 0, busy: 0, machine: 0, optedOut: 2, failed: 0, erased: 0 });
    const results = (await api(app.baseUrl, 'GET', `/api/campaigns/${id}/calls`)).body.items.map((line: { result: string }) => line.result);
    expect(results.filter((result: string) => result === 'completed')).toHaveLength(20);
    expect(results.filter((result: string) => result === 'noAnswer')).toHaveLength(8);
  }, 60_000);
});
