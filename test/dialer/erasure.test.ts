import { afterEach, describe, expect, it } from 'vitest';
import { api, campaignRequest, phone, startDialerWorld, until, type DialerWorld } from './dialer-harness.js';

const newYork = (index: number, extra: Record<string, string> = {}) => ({ phone: phone(index), timezone: 'America/New_York', ...extra });

describe('erasure on request in robocaller campaigns', () => {
  let world: DialerWorld;
  afterEach(async () => world?.close());

  it('when a called contact asks to be erased, then every campaign contact of theirs loses number and name, is counted as erased and never called, and their audit lines lose the number', async () => {
    world = await startDialerWorld();
    const base = world.app.baseUrl;
    const ann = newYork(21, { name: 'Ann Example', customerId: 'cust-ann' });
    const called = await api(base, 'POST', '/api/campaigns', campaignRequest([ann], { callsPerSecond: 10 }));
    await api(base, 'POST', `/api/campaigns/${called.body.id}/start`);
    await world.twilio.waitForCalls(1);
    const [call] = world.twilio.calls;
    if (!call) throw new Error('no call');
    expect(call.to).toBe(ann.phone);
    await world.twilio.finish(call, 'no-answer');
    await until('the attempt to end', async () => (await api(base, 'GET', `/api/campaigns/${called.body.id}`)).body.counts.queued === 1);
    const waiting = await api(base, 'POST', '/api/campaigns', campaignRequest([newYork(21), newYork(22)], { callsPerSecond: 10 }));

    const erasure = await api(base, 'POST', '/api/review/erasure', { customerId: 'cust-ann', phone: ann.phone });
    expect(erasure).toEqual({ status: 200, body: { erased: 0, campaignContacts: 2, contactSurveys: 0 } });

    const afterCall = await api(base, 'GET', `/api/campaigns/${called.body.id}`);
    expect(afterCall.body.counts).toMatchObject({ queued: 0, erased: 1 });
    const audit = await api(base, 'GET', `/api/campaigns/${called.body.id}/calls`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ contactId: '1', attempt: 1, phone: '', result: 'noAnswer' });
    const contact = await world.app.redis.redis.hgetall(world.app.services.keys.campaignContact(called.body.id, '1'));
    expect(contact).toMatchObject({ state: 'erased' });
    expect(Object.keys(contact)).not.toEqual(expect.arrayContaining(['phone']));
    expect(JSON.stringify(contact)).not.toMatch(/Ann|cust-ann|5551230021/);

    await api(base, 'POST', `/api/campaigns/${waiting.body.id}/start`);
    await world.twilio.waitForCalls(2);
    // Each contact of the waiting campaign decided: one placed, the erased one never dialled.
    await until('both contacts of the waiting campaign to be decided', () => world.jobs.outcomes.filter((job) => job.campaignId === waiting.body.id && job.outcome !== 'deferred').length === 2);
    expect(world.jobs.outcomes.filter((job) => job.campaignId === waiting.body.id && job.outcome !== 'deferred').map((job) => job.outcome).sort()).toEqual(['gone', 'placed']);
    expect(world.twilio.calls.map((placed) => placed.to)).toEqual([ann.phone, phone(22)]);
    expect((await api(base, 'GET', `/api/campaigns/${waiting.body.id}`)).body.counts).toMatchObject({ erased: 1, dialing: 1, queued: 0 });

    expect(await api(base, 'POST', '/api/review/erasure', { phone: ann.phone })).toEqual({ status: 200, body: { erased: 0, campaignContacts: 0, contactSurveys: 0 } });
  });
});
