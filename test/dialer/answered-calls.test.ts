import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../support/test-app.js';
import { api, campaignRequest, phone, startDialerWorld, until, type DialerWorld } from './dialer-harness.js';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

async function campaignOf(world: DialerWorld, contacts: unknown[], overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await api(world.app.baseUrl, 'POST', '/api/campaigns', campaignRequest(contacts, { callsPerSecond: 10, ...overrides }));
  expect(created.status).toBe(201);
  expect((await api(world.app.baseUrl, 'POST', `/api/campaigns/${created.body.id}/start`)).status).toBe(200);
  return created.body.id as string;
}

/** The counts once no contact is being dialled (and, with `drained`, none is waiting either). */
async function countsOnceSettled(world: DialerWorld, id: string, drained = false): Promise<Record<string, number>> {
  return until('the call to settle', async () => {
    const { counts } = (await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}`)).body as { counts: Record<string, number> };
    return counts.dialing === 0 && (!drained || counts.queued === 0) ? counts : null;
  });
}

describe('calls the dialer placed, answered', () => {
  let world: DialerWorld;
  afterEach(async () => world?.close());

  it('when the person presses 1, keys 9 and gives a reason, then the real survey runs and the stored response carries the contact’s agent id', async () => {
    world = await startDialerWorld({ BUSINESS_NAME: 'Acme Mobile', CALLBACK_NUMBER: '+15550009999' });
    const id = await campaignOf(world, [{ phone: phone(1), timezone: 'America/New_York', name: 'Ann', customerId: 'cust-41', agentId: 'agent-7', agentName: 'Bob' }]);
    await world.twilio.waitForCalls(1);
    const [call] = world.twilio.calls;
    if (!call) throw new Error('no call');
    expect(call.url).toBe(`${world.app.baseUrl}/voice/incoming?campaign=${id}&contact=1&attempt=1`);
    expect(call.statusCallback).toBe(`${world.app.baseUrl}/voice/status?campaign=${id}&contact=1&attempt=1`);

    const heard = await world.twilio.answer(call, { keys: ['1', '9'], speech: 'Bob sorted it out quickly' });
    const consent = `${world.app.baseUrl}/voice/answer?step=consent&amp;attempt=1&amp;lang=en`;
    expect(heard[0]).toBe(
      `${XML}<Response><Gather input="dtmf" action="${consent}" method="POST" finishOnKey="#" timeout="5" actionOnEmptyResult="true"><Say language="en-US" voice="Polly.Joanna">Acme Mobile here. Press star to opt out. Hi Ann. We'd like two quick answers about your recent contact with Bob. Press 1 to start. Our number is +1, 5 5 5, 0 0 0, 9 9 9 9.</Say></Gather></Response>`,
    );
    expect(heard[heard.length - 1]).toBe(`${XML}<Response><Say language="en-US" voice="Polly.Joanna">Thank you for your feedback. Goodbye!</Say><Hangup/></Response>`);

    const list = await fetch(`${world.app.baseUrl}/api/review/responses?channel=voice`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const { items } = (await list.json()) as { items: Array<Record<string, unknown>> };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ conversationId: call.sid, score: 9, status: 'completed', agentId: 'agent-7', agentName: 'Bob', customerId: 'cust-41', customerName: 'Ann', campaignId: id, phone: phone(1) });

    expect(await countsOnceSettled(world, id)).toMatchObject({ completed: 1, queued: 0 });
    const audit = await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}/calls`);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ contactId: '1', attempt: 1, phone: phone(1), timezone: 'America/New_York', localTime: expect.stringMatching(/^2026-03-10T12:00:\d\d-04:00$/), result: 'completed', callSid: call.sid }),
    ]);
  });

  it('when the person presses star, then the number joins the do-not-call list, the call ends and the contact counts as opted out', async () => {
    world = await startDialerWorld();
    const id = await campaignOf(world, [{ phone: phone(2), timezone: 'America/New_York' }]);
    await world.twilio.waitForCalls(1);
    const [call] = world.twilio.calls;
    if (!call) throw new Error('no call');
    const heard = await world.twilio.answer(call, { keys: ['*'] });
    expect(heard[1]).toBe(`${XML}<Response><Say language="en-US" voice="Polly.Joanna">You won't be contacted for surveys again. Goodbye.</Say><Hangup/></Response>`);
    expect(await world.app.services.doNotCall.hasPhone(phone(2))).toBe(true);
    expect(await countsOnceSettled(world, id)).toMatchObject({ optedOut: 1, completed: 0 });
    expect((await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}/calls`)).body.items[0]).toMatchObject({ result: 'optedOut' });

    // A later campaign does not call the number.
    const again = await campaignOf(world, [{ phone: phone(2), timezone: 'America/New_York' }]);
    expect(await countsOnceSettled(world, again, true)).toMatchObject({ optedOut: 1 });
    expect(world.twilio.calls).toHaveLength(1);
  });

  it('when an answering machine picks up and detection is on, then it hears the short message with the callback number read out digit by digit, the call ends and the contact is tried again later', async () => {
    world = await startDialerWorld({ MACHINE_DETECTION: 'on', BUSINESS_NAME: 'Acme Mobile', CALLBACK_NUMBER: '+15550009999' });
    const id = await campaignOf(world, [{ phone: phone(3), timezone: 'America/New_York', language: 'es' }], { maxAttempts: 2 });
    await world.twilio.waitForCalls(1);
    const [call] = world.twilio.calls;
    if (!call) throw new Error('no call');
    expect(call.machineDetection).toBe('DetectMessageEnd');
    expect(call.machineDetectionCallback).toBe(`${world.app.baseUrl}/voice/amd?campaign=${id}&contact=1&attempt=1`);

    expect((await world.twilio.machineVerdict(call, 'machine_end_beep')).status).toBe(204);
    expect(call.redirects).toHaveLength(1);
    expect(call.redirects[0]).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Say language="es-[A-Z]{2}" voice="Polly\.Lucia">[^<]*Acme Mobile[^<]*\+1, 5 5 5, 0 0 0, 9 9 9 9\.<\/Say><Hangup\/><\/Response>$/);
    await world.twilio.finish(call, 'completed', { AnsweredBy: 'machine_end_beep' });

    expect(await countsOnceSettled(world, id)).toMatchObject({ queued: 1, machine: 0 });
    expect((await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}/calls`)).body.items[0]).toMatchObject({ result: 'machine', answeredBy: 'machine_end_beep' });
  });

  it('when the status callback comes twice and an early one comes last, then the contact keeps its final state and is counted once', async () => {
    world = await startDialerWorld();
    const id = await campaignOf(world, [{ phone: phone(4), timezone: 'America/New_York' }], { maxAttempts: 1 });
    await world.twilio.waitForCalls(1);
    const [call] = world.twilio.calls;
    if (!call) throw new Error('no call');
    expect((await world.twilio.finish(call, 'busy')).status).toBe(204);
    expect((await world.twilio.finish(call, 'busy')).status).toBe(204);
    expect((await world.twilio.finish(call, 'completed')).status).toBe(204);
    expect((await world.twilio.finish(call, 'ringing')).status).toBe(204);
    expect(await countsOnceSettled(world, id)).toEqual({ queued: 0, dialing: 0, completed: 0, noAnswer: 0, busy: 1, machine: 0, optedOut: 0, failed: 0, erased: 0 });
    const audit = await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}/calls`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ result: 'busy' });
  });
});
