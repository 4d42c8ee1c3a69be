import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSegments } from '../../messaging/sms-segments.js';
import { FakeTwilio } from '../support/fake-twilio.js';
import { TEST_TWILIO_ACCOUNT_SID, TEST_TWILIO_AUTH_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { OUR_NUMBER, newCustomerNumber, says, storedResponsesOf } from './text-support.js';

const TEMPLATE_SID = `HX${'ab'.repeat(16)}`;

describe('text invitations (the TextInvitationSender on Twilio Messages)', () => {
  let app: TestApp;
  let twilio: FakeTwilio;
  const incoming = () => `${app.baseUrl}/sms/incoming`;
  const auditLines = () => app.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((record) => typeof record.audit === 'string' && String(record.audit).startsWith('text_invitation'));

  beforeAll(async () => {
    twilio = await FakeTwilio.start({ accountSid: TEST_TWILIO_ACCOUNT_SID, authToken: TEST_TWILIO_AUTH_TOKEN });
    app = await startTestApp({ TWILIO_API_URL: twilio.url, WHATSAPP_TEMPLATE_SID: TEMPLATE_SID });
  });
  afterAll(async () => {
    await app?.close();
    await twilio?.close();
  });

  it('when an SMS invitation is sent, then Twilio gets the invitation text with a signed status callback, and the survey waits for the score', async () => {
    const phone = newCustomerNumber();
    const result = await app.services.textInvitations.invite({ channel: 'sms', phone, language: 'en', customerName: 'Ana', agentName: 'Bo', campaignId: 'spring', contactId: 'c-1' });
    const [message] = twilio.messagesTo(phone);
    expect(result).toEqual({ sent: true, messageSid: message?.sid, segments: 1 });
    expect(message).toMatchObject({ from: OUR_NUMBER, body: 'Hi Ana, Example Telecom here. How likely are you to recommend us, from 0 to 10? Reply with a number. Reply STOP to opt out.' });
    expect(message?.statusCallback).toMatch(new RegExp(`^${app.baseUrl}/sms/status\\?response=sms-[0-9a-f]{32}$`));
    expect(await storedResponsesOf(app, 'sms', phone)).toMatchObject([{ channel: 'sms', status: 'in_progress', customerName: 'Ana', agentName: 'Bo', campaignId: 'spring' }]);
  });

  it('when the customer replies to the invitation, then the reply answers that survey by name', async () => {
    const phone = newCustomerNumber();
    await app.services.textInvitations.invite({ channel: 'sms', phone, language: 'en', customerName: 'Ana' });
    const [message] = twilio.messagesTo(phone);
    expect((await twilio.reply(incoming(), message!, '9')).body).toBe(says('Thank you, Ana: 9 out of 10. Glad to hear it! How could we do better?'));
    expect((await twilio.reply(incoming(), message!, 'quick and friendly')).body).toBe(says('Thank you for your feedback. Goodbye!'));
    expect(await storedResponsesOf(app, 'sms', phone)).toMatchObject([{ score: 9, reason: 'quick and friendly', status: 'completed', customerName: 'Ana' }]);
  });

  it('when an invitation is sent, then the audit line counts its segments and masks the number', async () => {
    const phone = newCustomerNumber();
    const result = await app.services.textInvitations.invite({ channel: 'sms', phone, language: 'fa' });
    const [message] = twilio.messagesTo(phone);
    expect(countSegments(message?.body ?? '')).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    expect(result).toMatchObject({ sent: true, segments: 3 });
    const audit = auditLines().find((line) => line.messageSid === message?.sid);
    expect(audit).toMatchObject({ audit: 'text_invitation', channel: 'sms', encoding: 'UCS-2', segments: 3, to: `${phone.slice(0, 4)}******${phone.slice(-2)}` });
    expect(app.logLines.join('\n')).not.toContain(phone);
  });

  it('when the language has GSM-7 look-alikes for its accents, then the invitation is sent in one GSM-7 segment', async () => {
    const phone = newCustomerNumber();
    const result = await app.services.textInvitations.invite({ channel: 'sms', phone, language: 'hu' });
    const [message] = twilio.messagesTo(phone);
    expect(message?.body).toBe('Üdvözöljük, itt a Example Telecom. Mennyire valoszinü, hogy ajanlana minket, 0-tol 10-ig? Valaszoljon egy szammal. Leiratkozas: STOP.');
    expect(result).toMatchObject({ sent: true, segments: 1 });
    expect(auditLines().find((line) => line.messageSid === message?.sid)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('when Twilio reports the invitation undelivered, then the survey ends with that status and a warn audit line says so', async () => {
    const phone = newCustomerNumber();
    await app.services.textInvitations.invite({ channel: 'sms', phone, language: 'en' });
    const [message] = twilio.messagesTo(phone);
    const callback = await twilio.messageStatus(message!, 'undelivered', '30003');
    expect(callback.status).toBe(204);
    expect(await storedResponsesOf(app, 'sms', phone)).toMatchObject([{ status: 'abandoned', deliveryStatus: 'undelivered' }]);
    expect(auditLines().find((line) => line.messageSid === message?.sid && line.audit === 'text_invitation_status')).toMatchObject({ level: 'warn', status: 'undelivered', errorCode: '30003' });
  });

  it('when Twilio reports the invitation delivered, then the survey still waits for the answer', async () => {
    const phone = newCustomerNumber();
    await app.services.textInvitations.invite({ channel: 'sms', phone, language: 'en' });
    expect((await twilio.messageStatus(twilio.messagesTo(phone)[0]!, 'delivered')).status).toBe(204);
    expect(await storedResponsesOf(app, 'sms', phone)).toMatchObject([{ status: 'in_progress' }]);
  });

  it('when the number or the customer is on the do-not-call list, then no message is sent (reason do-not-call)', async () => {
    const phone = newCustomerNumber();
    await app.services.doNotCall.addPhones([phone]);
    expect(await app.services.textInvitations.invite({ channel: 'sms', phone, language: 'en' })).toEqual({ sent: false, reason: 'do-not-call' });
    const other = newCustomerNumber();
    await app.services.doNotCall.addCustomer('cust-opted-out');
    expect(await app.services.textInvitations.invite({ channel: 'whatsapp', phone: other, language: 'en', customerId: 'cust-opted-out' })).toEqual({ sent: false, reason: 'do-not-call' });
    expect([...twilio.messagesTo(phone), ...twilio.messagesTo(other), ...twilio.messagesTo(`whatsapp:${other}`)]).toEqual([]);
    expect(await storedResponsesOf(app, 'sms', phone)).toEqual([]);
  });

  it('when the number is not E.164, or Twilio calls it invalid, then the result is invalid-number', async () => {
    expect(await app.services.textInvitations.invite({ channel: 'sms', phone: '555-1234', language: 'en' })).toMatchObject({ sent: false, reason: 'invalid-number' });
    twilio.failNextMessage(400, 21211);
    const phone = newCustomerNumber();
    expect(await app.services.textInvitations.invite({ channel: 'sms', phone, language: 'en' })).toMatchObject({ sent: false, reason: 'invalid-number' });
    expect(await storedResponsesOf(app, 'sms', phone)).toMatchObject([{ status: 'abandoned', deliveryStatus: 'failed' }]);
  });

  it('when Twilio says the customer unsubscribed at the carrier, then the number goes on the list (reason do-not-call)', async () => {
    twilio.failNextMessage(400, 21610);
    const phone = newCustomerNumber();
    expect(await app.services.textInvitations.invite({ channel: 'sms', phone, language: 'en' })).toMatchObject({ sent: false, reason: 'do-not-call' });
    expect(await app.services.doNotCall.hasPhone(phone)).toBe(true);
  });

  it("when a WhatsApp invitation goes outside the customer's 24-hour window, then it is the approved template with its variables", async () => {
    const phone = newCustomerNumber();
    const result = await app.services.textInvitations.invite({ channel: 'whatsapp', phone, language: 'en' });
    const [message] = twilio.messagesTo(`whatsapp:${phone}`);
    expect(result).toEqual({ sent: true, messageSid: message?.sid, segments: 1 });
    expect(message).toMatchObject({ from: `whatsapp:${OUR_NUMBER}`, contentSid: TEMPLATE_SID, contentVariables: JSON.stringify({ 1: 'Example Telecom' }) });
    expect(message?.body).toBeUndefined();
    expect(await storedResponsesOf(app, 'whatsapp', phone)).toMatchObject([{ channel: 'whatsapp', status: 'in_progress' }]);
  });

  it('when the customer wrote on WhatsApp within 24 hours, then the invitation is free text', async () => {
    const phone = newCustomerNumber();
    await twilio.text(incoming(), { from: `whatsapp:${phone}`, to: `whatsapp:${OUR_NUMBER}`, body: 'HELP' });
    await app.services.textInvitations.invite({ channel: 'whatsapp', phone, language: 'en' });
    const [message] = twilio.messagesTo(`whatsapp:${phone}`);
    expect(message).toMatchObject({ body: 'Hi, Example Telecom here. How likely are you to recommend us, from 0 to 10? Reply with a number. Reply STOP to opt out.' });
    expect(message?.contentSid).toBeUndefined();
    expect((await twilio.reply(incoming(), message!, '3')).body).toBe(says("Thank you: 3 out of 10. We're sorry to hear that. How could we do better?"));
    expect(await storedResponsesOf(app, 'whatsapp', phone)).toMatchObject([{ channel: 'whatsapp', score: 3 }]);
  });

  it('when the status callback names no text survey, then it gets 400', async () => {
    const reply = await twilio.webhook(`${app.baseUrl}/sms/status?response=CA123`, { MessageSid: `SM${'0'.repeat(32)}`, MessageStatus: 'failed' });
    expect(reply.status).toBe(400);
  });
});

describe('WhatsApp invitations without a template', () => {
  let app: TestApp;
  let twilio: FakeTwilio;
  beforeAll(async () => {
    twilio = await FakeTwilio.start({ accountSid: TEST_TWILIO_ACCOUNT_SID, authToken: TEST_TWILIO_AUTH_TOKEN });
    app = await startTestApp({ TWILIO_API_URL: twilio.url });
  });
  afterAll(async () => {
    await app?.close();
    await twilio?.close();
  });

  it('when WHATSAPP_TEMPLATE_SID is unset and the window is closed, then nothing is sent and the reason names the variable', async () => {
    const phone = newCustomerNumber();
    expect(await app.services.textInvitations.invite({ channel: 'whatsapp', phone, language: 'en' })).toMatchObject({ sent: false, reason: 'failed', detail: expect.stringContaining('WHATSAPP_TEMPLATE_SID') });
    expect(twilio.messages).toEqual([]);
    expect(await storedResponsesOf(app, 'whatsapp', phone)).toEqual([]);
  });
});
