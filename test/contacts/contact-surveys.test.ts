import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { busiestSecond, until } from '../dialer/dialer-harness.js';
import { freshContact, startContactWorld, type ContactWorld } from './contact-harness.js';

describe('a survey after every contact', () => {
  let world: ContactWorld;
  beforeAll(async () => {
    world = await startContactWorld();
  });
  afterAll(async () => world?.close());

  it('when the same contact is reported again, also at once, then the answer is the same and one survey is sent', async () => {
    const contact = freshContact({ policy: { delayMinutes: 0 } });
    const answers = await Promise.all([1, 2, 3, 4].map(() => world.post(contact)));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202]);
    const [first] = answers;
    // Ended five minutes ago with no delay: due now.
    expect(first?.body).toMatchObject({ decision: 'scheduled', surveyAt: expect.stringMatching(/^2026-03-10T16:00:0\d\.\d{3}Z$/) });
    expect(first?.body.id).toMatch(/^cs[0-9a-f]{20}$/);
    for (const answer of answers) expect(answer.body).toEqual(first?.body);
    await until('the invitation', async () => (await world.view(contact.contactId)).body.delivery?.result === 'invited');
    const again = await world.post(contact);
    expect(again).toEqual({ status: 202, body: first?.body });
    expect(await world.job(first?.body.id)).toEqual({ state: 'completed', dueAt: null });
    expect(world.twilio.messages.filter((message) => message.to === contact.phone)).toHaveLength(1);
  });

  it('when a contact is sampled out, then asking again gives the same answer, and the share surveyed follows the percentage', async () => {
    const contacts = Array.from({ length: 40 }, () => freshContact({ policy: { samplePercent: 50 } }));
    const first = await Promise.all(contacts.map(async (contact) => (await world.post(contact)).body.decision as string));
    const second = await Promise.all(contacts.map(async (contact) => (await world.post(contact)).body.decision as string));
    expect(second).toEqual(first);
    const surveyed = first.filter((decision) => decision === 'scheduled').length;
    expect(surveyed).toBeGreaterThan(8);
    expect(surveyed).toBeLessThan(32);
    const out = contacts.find((_contact, index) => first[index] === 'skipped');
    expect((await world.post(out ?? {})).body).toMatchObject({ decision: 'skipped', reason: 'sampled-out' });
    // The place of a contact id does not depend on the instance or the order: at 0% nobody, at 100% everybody.
    expect((await world.post(freshContact({ policy: { samplePercent: 0 } }))).body).toMatchObject({ decision: 'skipped', reason: 'sampled-out' });
  });

  it('when the customer or the number was surveyed within the minimum days, on any channel, then the next contact is skipped', async () => {
    const first = freshContact({ customerId: 'cust-fatigue', channel: 'sms' });
    expect((await world.post(first)).body).toMatchObject({ decision: 'scheduled' });
    const sameCustomerOtherNumber = freshContact({ customerId: 'cust-fatigue', channel: 'voice' });
    expect((await world.post(sameCustomerOtherNumber)).body).toMatchObject({ decision: 'skipped', reason: 'surveyed-recently' });
    const sameNumberNoCustomer = freshContact({ phone: first.phone, channel: 'any' });
    expect((await world.post(sameNumberNoCustomer)).body).toMatchObject({ decision: 'skipped', reason: 'surveyed-recently' });
    const whatsappSameNumber = freshContact({ phone: first.phone, channel: 'whatsapp', customerId: 'cust-other' });
    expect((await world.post(whatsappSameNumber)).body).toMatchObject({ decision: 'skipped', reason: 'surveyed-recently' });
    // A request may shorten the gap: with 0 days the same customer is surveyed again.
    const allowed = freshContact({ customerId: 'cust-fatigue', policy: { minDaysBetween: 0 } });
    expect((await world.post(allowed)).body).toMatchObject({ decision: 'scheduled' });
    // A skipped contact marks nobody: another number of a customer skipped for fatigue is not blocked by that skip.
    expect((await world.post(freshContact({ customerId: 'cust-other-2' }))).body).toMatchObject({ decision: 'scheduled' });
  });

  it('when the customer answered a survey on another channel (a chat, a campaign call) within the minimum days, then the contact is skipped', async () => {
    const at = world.app.services.clock();
    await world.app.services.store.applyTurn({
      id: 'chat-answered-1',
      create: { channel: 'chat', conversationId: 'conv-chat-answered-1', language: 'en', customerId: 'cust-chatted' },
      turns: [{ at: at.toISOString(), speaker: 'bot', text: 'How likely are you to recommend us, from 0 to 10?' }],
      at,
      returnResponse: false,
    });
    const called = freshContact();
    await world.app.services.store.applyTurn({
      id: 'call-answered-1',
      create: { channel: 'voice', conversationId: 'conv-call-answered-1', language: 'en', phone: called.phone },
      turns: [{ at: at.toISOString(), speaker: 'bot', text: 'How likely are you to recommend us, from 0 to 10?' }],
      at,
      returnResponse: false,
    });
    expect((await world.post(freshContact({ customerId: 'cust-chatted' }))).body).toMatchObject({ decision: 'skipped', reason: 'surveyed-recently' });
    expect((await world.post(called)).body).toMatchObject({ decision: 'skipped', reason: 'surveyed-recently' });
    expect((await world.post(freshContact({ customerId: 'cust-chatted', policy: { minDaysBetween: 0 } }))).body).toMatchObject({ decision: 'scheduled' });
  });

  it('when the number or the customer is on the do-not-call list, then the contact is skipped; listed after scheduling, nothing is sent', async () => {
    const listedPhone = freshContact();
    await world.app.services.doNotCall.addPhones([listedPhone.phone]);
    expect((await world.post(listedPhone)).body).toMatchObject({ decision: 'skipped', reason: 'do-not-call' });
    await world.app.services.doNotCall.addCustomer('cust-dnc');
    expect((await world.post(freshContact({ customerId: 'cust-dnc', channel: 'voice' }))).body).toMatchObject({ decision: 'skipped', reason: 'do-not-call' });

    const later = freshContact();
    const scheduled = await world.post(later);
    expect(scheduled.body).toMatchObject({ decision: 'scheduled' });
    await world.app.services.doNotCall.addPhones([later.phone]);
    await world.promote(scheduled.body.id);
    await until('the sending to look at the list', async () => (await world.view(later.contactId)).body.delivery?.result === 'do-not-call');
    expect(world.twilio.messages.filter((message) => message.to === later.phone)).toEqual([]);
  });

  it('when no channel can reach the customer, then the contact is skipped with no-reachable-channel', async () => {
    const noPhone = { ...freshContact({ channel: 'sms' }), phone: undefined };
    expect((await world.post(noPhone)).body).toMatchObject({ decision: 'skipped', reason: 'no-reachable-channel' });
    expect((await world.post({ ...freshContact({ channel: 'chat' }), phone: undefined, customerId: 'cust-chat' })).body).toMatchObject({ decision: 'skipped', reason: 'no-reachable-channel' });
    // +1 555 numbers are not in service: the dialer would never call them.
    expect((await world.post(freshContact({ channel: 'voice', phone: '+15555550100' }))).body).toMatchObject({ decision: 'skipped', reason: 'no-reachable-channel' });
  });

  it('when a contact ends, then its survey waits in a delayed job for SURVEY_DELAY_MINUTES, and is sent when the job is due', async () => {
    const contact = freshContact({ endedAt: '2026-03-10T16:00:00Z' });
    const answer = await world.post(contact);
    expect(answer).toEqual({ status: 202, body: { id: answer.body.id, decision: 'scheduled', surveyAt: '2026-03-10T16:10:00.000Z' } });
    const job = await world.job(answer.body.id);
    expect(job.state).toBe('delayed');
    // Due when the world's clock (which started at noon and runs at real speed) reads 12:10.
    const dueOnWorldClock = (job.dueAt ?? 0) - Date.now() + world.app.services.clock().getTime();
    expect(Math.abs(dueOnWorldClock - Date.parse('2026-03-10T16:10:00Z'))).toBeLessThan(2000);
    expect(world.twilio.messages.filter((message) => message.to === contact.phone)).toEqual([]);
    await world.promote(answer.body.id);
    await until('the invitation', () => world.twilio.messages.find((message) => message.to === contact.phone));
  });

  it('when an sms contact is due, then one invitation goes through the text port with the contact details, and the record shows it', async () => {
    const contact = freshContact({ customerId: 'cust-sms', agentId: 'agent-7', agentName: 'Ann', customerName: 'Zoe', language: 'de', policy: { delayMinutes: 0 } });
    expect((await world.post(contact)).body).toMatchObject({ decision: 'scheduled' });
    const message = await until('the invitation', () => world.twilio.messages.find((sent) => sent.to === contact.phone));
    expect(message.from).toBe('+15550001111');
    expect(world.texts?.invitations.find((invitation) => invitation.phone === contact.phone)).toEqual({
      channel: 'sms',
      phone: contact.phone,
      language: 'de',
      timezone: 'America/New_York',
      contactId: contact.contactId,
      customerId: 'cust-sms',
      customerName: 'Zoe',
      agentId: 'agent-7',
      agentName: 'Ann',
    });
    const view = await until('the delivery', async () => {
      const found = await world.view(contact.contactId);
      return found.body.delivery?.result === 'invited' ? found.body : null;
    });
    expect(view).toMatchObject({ contactId: contact.contactId, channel: 'sms', decision: 'scheduled', delivery: { result: 'invited', channel: 'sms', messageSid: message.sid, segments: '1' } });
  });

  it('when a whatsapp contact is due, then its invitation goes to the whatsapp address', async () => {
    const contact = freshContact({ channel: 'whatsapp', policy: { delayMinutes: 0 } });
    await world.post(contact);
    await until('the invitation', () => world.twilio.messages.find((sent) => sent.to === `whatsapp:${contact.phone}`));
  });

  it('when a voice contact is due, then the dialer calls it, and the campaign of surveys after contacts audits the attempt', async () => {
    const contact = freshContact({ channel: 'voice', customerId: 'cust-voice', agentId: 'agent-9', policy: { delayMinutes: 0 } });
    expect((await world.post(contact)).body).toMatchObject({ decision: 'scheduled' });
    await until('the call', () => world.twilio.callsTo(contact.phone)[0]);
    const view = (await world.view(contact.contactId)).body;
    expect(view.delivery).toMatchObject({ result: 'dialling', channel: 'voice', campaignId: 'c0a7ac75a000' });
    const audit = await until('the audit line', async () => {
      const response = await fetch(`${world.app.baseUrl}/api/campaigns/c0a7ac75a000/calls`, { headers: { authorization: 'Bearer test-admin-token-0123456789' } });
      const body = (await response.json()) as { items: Array<{ contactId: string; phone: string; result: string }> };
      return body.items.find((item) => item.phone === contact.phone);
    });
    expect(audit).toMatchObject({ contactId: view.delivery.campaignContactId, phone: contact.phone, timezone: 'America/New_York' });
  });

  it('when the channel is any, then the first reachable channel of SURVEY_CHANNELS is chosen', async () => {
    const contact = freshContact({ channel: 'any' });
    await world.post(contact);
    expect((await world.view(contact.contactId)).body).toMatchObject({ channel: 'sms', contactChannel: 'any' });
    const voiceFirst = freshContact({ channel: 'any', policy: { channels: ['voice', 'sms'] } });
    await world.post(voiceFirst);
    expect((await world.view(voiceFirst.contactId)).body).toMatchObject({ channel: 'voice' });
  });

  it('when the customer asks for erasure, then the decision keeps its answer but loses their number, id and name, and nothing is sent', async () => {
    const contact = freshContact({ customerId: 'cust-erase', customerName: 'Zoe Erase', agentId: 'agent-2' });
    const answer = await world.post(contact);
    expect(answer.body).toMatchObject({ decision: 'scheduled' });
    const erasure = await fetch(`${world.app.baseUrl}/api/review/erasure`, { method: 'POST', headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' }, body: JSON.stringify({ phone: contact.phone }) });
    expect(await erasure.json()).toEqual({ erased: 0, campaignContacts: 0, contactSurveys: 1 });
    const view = (await world.view(contact.contactId)).body;
    expect(view).toMatchObject({ erased: true, agentId: 'agent-2', decision: 'scheduled' });
    expect(JSON.stringify(view)).not.toMatch(/cust-erase|Zoe Erase|\+1212555/);
    expect(await world.post(contact)).toEqual({ status: 202, body: answer.body });
    await world.promote(answer.body.id);
    await until('the sending to give up', async () => (await world.view(contact.contactId)).body.delivery?.result === 'failed');
    expect(world.twilio.messages.filter((message) => message.to === contact.phone)).toEqual([]);
  });

  it('when the request is malformed or unauthenticated, then it gets a 4xx that says why and nothing is stored', async () => {
    expect(await world.post({ channel: 'sms', endedAt: '2026-03-10T15:00:00Z' })).toEqual({ status: 400, body: { error: 'contactId: is required' } });
    expect((await world.post(freshContact({ phone: '555-0100' }))).body.error).toMatch(/^phone: .*E\.164/);
    expect((await world.post(freshContact({ channel: 'fax' }))).body.error).toMatch(/^channel: must be one of voice, sms, whatsapp, chat, any/);
    expect((await world.post(freshContact({ timezone: 'Mars/Olympus' }))).body.error).toMatch(/^timezone: /);
    expect((await world.post(freshContact({ endedAt: 'yesterday' }))).body.error).toMatch(/^endedAt: /);
    expect((await world.post(freshContact({ endedAt: '2026-03-20T00:00:00Z' }))).body.error).toBe('endedAt: is more than a day in the future');
    expect((await world.post(freshContact({ policy: { samplePercent: 150 } }))).body.error).toBe('policy.samplePercent: must be 0-100');
    expect((await world.post(freshContact({ policy: { delay: 5 } }))).status).toBe(400);
    expect((await world.post(freshContact({ contactId: 'has {braces}' }))).body.error).toMatch(/^contactId: /);
    const unauthenticated = await fetch(`${world.app.baseUrl}/api/contacts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(freshContact()) });
    expect(unauthenticated.status).toBe(401);
    const bad = freshContact({ channel: 'fax' });
    expect((await world.view(bad.contactId)).status).toBe(404);
  });
});

describe('a survey after a contact and the legal hours', () => {
  let world: ContactWorld;
  afterEach(async () => world?.close());

  it('when the survey would fall after 21:00 in the customer zone, then it is scheduled for 08:00 there, and a job run early waits again', async () => {
    // 22:00 in New York.
    world = await startContactWorld({ now: '2026-03-11T02:00:00Z' });
    const contact = freshContact({ endedAt: '2026-03-11T02:00:00Z' });
    const answer = await world.post(contact);
    expect(answer.body).toMatchObject({ decision: 'scheduled', surveyAt: '2026-03-11T12:00:00.000Z' });
    const tenHours = 10 * 3600_000;
    expect(((await world.job(answer.body.id)).dueAt ?? 0) - Date.now()).toBeGreaterThan(tenHours - 60_000);
    await world.promote(answer.body.id);
    await until('the job to wait again', async () => {
      const job = await world.job(answer.body.id);
      return job.state === 'delayed' && (job.dueAt ?? 0) - Date.now() > tenHours - 60_000 && (job.dueAt ?? 0) - Date.now() <= tenHours;
    });
    expect(world.twilio.messages).toEqual([]);
    expect((await world.view(contact.contactId)).body.delivery).toBeNull();
  });

  it('when the customer lives where it is day, then the survey goes out after the delay alone', async () => {
    world = await startContactWorld({ now: '2026-03-11T02:00:00Z' });
    // 11:00 in Tokyo.
    const answer = await world.post(freshContact({ timezone: 'Asia/Tokyo', phone: '+81312345678', endedAt: '2026-03-11T02:00:00Z' }));
    expect(answer.body).toMatchObject({ decision: 'scheduled', surveyAt: '2026-03-11T02:10:00.000Z' });
  });
});

describe('a survey after a contact without a Twilio account', () => {
  let world: ContactWorld;
  afterEach(async () => world?.close());

  it('when neither calls nor texts can be sent, then every channel is no reachable channel', async () => {
    world = await startContactWorld({ twilio: false });
    for (const channel of ['sms', 'whatsapp', 'voice', 'any', 'chat']) {
      expect((await world.post(freshContact({ channel }))).body).toMatchObject({ decision: 'skipped', reason: 'no-reachable-channel' });
    }
  });
});

describe('the pace of invitations after contacts', () => {
  let world: ContactWorld;
  afterEach(async () => world?.close());

  it('when many invitations fall due at once, then at most SURVEY_TEXTS_PER_SECOND reach Twilio in any second', async () => {
    world = await startContactWorld({ env: { SURVEY_TEXTS_PER_SECOND: '4' } });
    const contacts = Array.from({ length: 10 }, () => freshContact({ policy: { delayMinutes: 0 } }));
    await Promise.all(contacts.map((contact) => world.post(contact)));
    await until('every invitation', () => world.twilio.messages.length === 10);
    expect(busiestSecond(world.twilio.messages.map((message) => message.receivedAt))).toBeLessThanOrEqual(4);
    expect(new Set(world.twilio.messages.map((message) => message.to)).size).toBe(10);
  });
});

describe('a survey after a contact through the messaging channel', () => {
  let world: ContactWorld;
  afterEach(async () => world?.close());

  it('when an sms contact is due, then the real invitation names the customer and their reply answers a survey that carries the agent', async () => {
    world = await startContactWorld({ realTexts: true });
    const contact = freshContact({ customerName: 'Ana', agentId: 'agent-5', agentName: 'Bo', customerId: 'cust-e2e', policy: { delayMinutes: 0 } });
    expect((await world.post(contact)).body).toMatchObject({ decision: 'scheduled' });
    const message = await until('the invitation', () => world.twilio.messagesTo(contact.phone)[0]);
    expect(message.body).toBe('Hi Ana, Example Telecom here. How likely are you to recommend us, from 0 to 10? Reply with a number. Reply STOP to opt out.');
    const reply = await world.twilio.reply(`${world.app.baseUrl}/sms/incoming`, message, '9');
    expect(reply.body).toContain('9 out of 10');
    const list = await fetch(`${world.app.baseUrl}/api/review/responses?channel=sms&limit=10`, { headers: { authorization: 'Bearer test-admin-token-0123456789' } });
    const { items } = (await list.json()) as { items: Array<Record<string, unknown>> };
    expect(items.find((item) => item.phone === contact.phone)).toMatchObject({ score: 9, agentId: 'agent-5', agentName: 'Bo', customerName: 'Ana', channel: 'sms' });
    expect((await world.view(contact.contactId)).body.delivery).toMatchObject({ result: 'invited', messageSid: message.sid, segments: '1' });
    expect((await world.post(freshContact({ phone: contact.phone }))).body).toMatchObject({ decision: 'skipped', reason: 'surveyed-recently' });
  });
});
