import { afterEach, describe, expect, it } from 'vitest';
import { api, campaignRequest, phone, until } from '../dialer/dialer-harness.js';
import { startContactWorld, type ContactWorld } from './contact-harness.js';

async function startCampaign(world: ContactWorld, contacts: unknown[], overrides: Record<string, unknown>): Promise<string> {
  const created = await api(world.app.baseUrl, 'POST', '/api/campaigns', campaignRequest(contacts, overrides));
  expect(created.status).toBe(201);
  expect((await api(world.app.baseUrl, 'POST', `/api/campaigns/${created.body.id}/start`)).status).toBe(200);
  return created.body.id as string;
}

async function audit(world: ContactWorld, id: string): Promise<any[]> {
  return (await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}/calls`)).body.items as any[];
}

describe('a campaign call that falls back to one sms invitation', () => {
  let world: ContactWorld;
  afterEach(async () => world?.close());

  it('when the last call is not answered, then one sms invitation follows and the audit shows both attempts', async () => {
    world = await startContactWorld();
    const id = await startCampaign(world, [{ phone: phone(201), timezone: 'America/New_York', customerId: 'c-201', language: 'fr' }], { maxAttempts: 1, fallback: 'sms' });
    expect((await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}`)).body).toMatchObject({ channel: 'voice', fallback: 'sms' });
    await world.twilio.waitForCalls(1);
    const [call] = world.twilio.calls;
    if (!call) throw new Error('no call');
    await world.twilio.finish(call, 'no-answer');
    const message = await until('the sms invitation', () => world.twilio.messages.find((sent) => sent.to === phone(201)));
    const lines = await until('both audit lines', async () => {
      const items = await audit(world, id);
      return items.length === 2 && items[1].result === 'invited' ? items : null;
    });
    expect(lines[0]).toMatchObject({ contactId: '1', attempt: 1, phone: phone(201), result: 'noAnswer', callSid: call.sid });
    expect(lines[1]).toMatchObject({ contactId: '1', attempt: 2, phone: phone(201), result: 'invited', channel: 'sms', messageSid: message.sid, segments: 1 });
    expect(world.texts?.invitations).toEqual([
      { channel: 'sms', phone: phone(201), language: 'fr', timezone: 'America/New_York', campaignId: id, contactId: '1', customerId: 'c-201' },
    ]);
    expect((await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}`)).body.counts).toMatchObject({ noAnswer: 1 });
  });

  it('when a machine answers the last call, then the sms follows; when a person answers, or the campaign has no fallback, nothing follows', async () => {
    world = await startContactWorld();
    const id = await startCampaign(world, [{ phone: phone(202), timezone: 'America/New_York' }, { phone: phone(203), timezone: 'America/New_York' }], { maxAttempts: 1, fallback: 'sms' });
    const plain = await startCampaign(world, [{ phone: phone(204), timezone: 'America/New_York' }], { maxAttempts: 1 });
    await world.twilio.waitForCalls(3);
    const callTo = (number: string) => world.twilio.callsTo(number)[0] ?? (() => { throw new Error(`no call to ${number}`); })();
    await world.twilio.finish(callTo(phone(202)), 'completed', { AnsweredBy: 'machine_end_beep' });
    await world.twilio.answer(callTo(phone(203)), { keys: ['1', '9'], speech: 'great' });
    await world.twilio.finish(callTo(phone(204)), 'no-answer');
    await until('the sms to the machine number', () => world.twilio.messages.find((sent) => sent.to === phone(202)));
    await until('every call to be settled', async () => (await api(world.app.baseUrl, 'GET', `/api/campaigns/${plain}`)).body.counts.noAnswer === 1);
    await until('the answered call to be settled', async () => (await api(world.app.baseUrl, 'GET', `/api/campaigns/${id}`)).body.counts.completed === 1);
    expect(world.twilio.messages.map((sent) => sent.to)).toEqual([phone(202)]);
    expect((await audit(world, id)).map((line) => `${line.contactId}:${line.attempt}:${line.result}`).sort()).toEqual(['1:1:machine', '1:2:invited', '2:1:completed']);
  });

  it('when a fallback is asked of a text campaign or is not sms, then the campaign is refused with a 400', async () => {
    world = await startContactWorld();
    expect(await api(world.app.baseUrl, 'POST', '/api/campaigns', campaignRequest([], { channel: 'sms', fallback: 'sms' }))).toEqual({ status: 400, body: { error: 'fallback: only a voice campaign falls back to sms' } });
    expect((await api(world.app.baseUrl, 'POST', '/api/campaigns', campaignRequest([], { fallback: 'email' }))).body.error).toBe('fallback: must be sms');
    expect((await api(world.app.baseUrl, 'POST', '/api/campaigns', campaignRequest([], { channel: 'fax' }))).body.error).toBe('channel: must be one of voice, sms, whatsapp');
  });
});

describe('a text campaign', () => {
  let world: ContactWorld;
  afterEach(async () => world?.close());

  it('when an sms or whatsapp campaign runs, then each contact gets one invitation through the text port instead of a call, paced and audited', async () => {
    world = await startContactWorld();
    await world.app.services.doNotCall.addPhones([phone(303)]);
    const sms = await startCampaign(world, [{ phone: phone(301), timezone: 'America/New_York', agentId: 'a-1' }, { phone: phone(302), timezone: 'America/New_York' }, { phone: phone(303), timezone: 'America/New_York' }], { channel: 'sms', callsPerSecond: 2 });
    const whatsapp = await startCampaign(world, [{ phone: phone(304), timezone: 'America/New_York' }], { channel: 'whatsapp' });
    await until('the invitations', () => world.twilio.messages.length === 3);
    expect(world.twilio.calls).toEqual([]);
    expect(world.twilio.messages.map((sent) => sent.to).sort()).toEqual([phone(301), phone(302), `whatsapp:${phone(304)}`]);
    const [first, second] = world.twilio.messages.filter((sent) => !sent.to.startsWith('whatsapp:')).sort((a, b) => a.receivedAt - b.receivedAt);
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThan(400);
    const view = await until('the sms campaign to finish', async () => {
      const found = (await api(world.app.baseUrl, 'GET', `/api/campaigns/${sms}`)).body;
      return found.status === 'completed' ? found : null;
    });
    expect(view).toMatchObject({ channel: 'sms', counts: { completed: 2, optedOut: 1, queued: 0, dialing: 0 } });
    const lines = await audit(world, sms);
    expect(lines.map((line) => `${line.phone}:${line.result}:${line.channel}`).sort()).toEqual([`${phone(301)}:invited:sms`, `${phone(302)}:invited:sms`]);
    expect(lines.every((line) => /^SM[0-9a-f]{32}$/.test(line.messageSid))).toBe(true);
    expect((await audit(world, whatsapp))[0]).toMatchObject({ result: 'invited', channel: 'whatsapp' });
  });

  it('when there is no Twilio account, then a text campaign cannot start', async () => {
    world = await startContactWorld({ twilio: false });
    const created = await api(world.app.baseUrl, 'POST', '/api/campaigns', campaignRequest([], { channel: 'whatsapp' }));
    expect(await api(world.app.baseUrl, 'POST', `/api/campaigns/${created.body.id}/start`)).toEqual({ status: 409, body: { error: 'a whatsapp campaign needs the messaging channel, which is not configured' } });
  });
});
