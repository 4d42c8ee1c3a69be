import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TWILIO_AUTH_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { surveyLanguage } from '../../src/survey/messages/languages.js';
import { postTwilioWebhook, textFields } from '../support/twilio-webhook.js';
import { EMPTY, OUR_NUMBER, newCustomerNumber, says, storedResponsesOf } from './text-support.js';

const GREETING = 'Hi! Thanks for contacting Example Telecom. Two quick questions; type "stop" at any time to opt out. How likely are you to recommend us, from 0 to 10?';
const OPTED_OUT = "You won't be contacted for surveys again. Goodbye.";
const HELP = 'Example Telecom customer survey. Reply with a number from 0 to 10 to answer. Reply STOP to opt out.';

describe('text messages in (POST /sms/incoming)', () => {
  let app: TestApp;
  const text = (from: string, body: string, extra: Record<string, string> = {}, to = OUR_NUMBER) => postTwilioWebhook(`${app.baseUrl}/sms/incoming`, textFields(from, body, extra, to));

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  describe('the survey', () => {
    it('when a customer texts "hi" and no survey is open, then one starts with the greeting and the score question', async () => {
      const phone = newCustomerNumber();
      const reply = await text(phone, 'hi');
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(says(GREETING));
      const [stored] = await storedResponsesOf(app, 'sms', phone);
      expect(stored).toMatchObject({ channel: 'sms', status: 'in_progress', score: null, phone });
    });

    it('when the first text already is a score, then it is answered at once and the next text is the reason', async () => {
      const phone = newCustomerNumber();
      expect((await text(phone, '9')).body).toBe(says('Thank you: 9 out of 10. Glad to hear it! How could we do better?'));
      expect((await text(phone, 'I waited too long on hold')).body).toBe(says('Thank you for your feedback. Goodbye!'));
      const stored = await storedResponsesOf(app, 'sms', phone);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ channel: 'sms', score: 9, category: 'promoter', reason: 'I waited too long on hold', status: 'completed', language: 'en' });
      expect(stored[0]?.tags).toContain('wait_time');
    });

    it('when the customer texts again after the survey ended, then they hear it was answered and no second survey starts', async () => {
      const phone = newCustomerNumber();
      await text(phone, "8, the agent was great");
      expect((await text(phone, 'thanks!')).body).toBe(says("You've already answered this survey. Thank you!"));
      expect(await storedResponsesOf(app, 'sms', phone)).toHaveLength(1);
    });

    it('when the pair has had no text for 24 hours, then the next text starts a new survey', async () => {
      const phone = newCustomerNumber();
      await text(phone, '8, the agent was great');
      const pairKey = app.services.keys.textConversation('sms', OUR_NUMBER, phone);
      expect(await app.services.redis.ttl(pairKey)).toBeGreaterThan(24 * 3600 - 60);
      await app.services.redis.del(pairKey); // what 24 hours without a text do (the key's TTL)
      expect((await text(phone, 'hello again')).body).toBe(says(GREETING));
      expect(await storedResponsesOf(app, 'sms', phone)).toHaveLength(2);
    });

    it('when the texts come from WhatsApp, then the survey is stored with channel whatsapp', async () => {
      const phone = newCustomerNumber();
      const reply = await text(`whatsapp:${phone}`, '10', {}, `whatsapp:${OUR_NUMBER}`);
      expect(reply.body).toBe(says('Thank you: 10 out of 10. Glad to hear it! How could we do better?'));
      expect(await storedResponsesOf(app, 'whatsapp', phone)).toMatchObject([{ channel: 'whatsapp', score: 10, phone }]);
      expect(await storedResponsesOf(app, 'sms', phone)).toEqual([]);
    });

    it('when a customer writes in Spanish, then the survey answers in Spanish', async () => {
      const phone = newCustomerNumber();
      const reply = await text(phone, 'Hola, buenas tardes, quería dejar mi opinión');
      expect(reply.body).toContain('¿');
      expect((await storedResponsesOf(app, 'sms', phone))[0]).toMatchObject({ language: 'es' });
    });

    it('when Twilio delivers the same text twice, then the turn is taken once and both deliveries get the same reply', async () => {
      const phone = newCustomerNumber();
      await text(phone, 'hi');
      const fields = textFields(phone, '7');
      const first = await postTwilioWebhook(`${app.baseUrl}/sms/incoming`, fields);
      const again = await postTwilioWebhook(`${app.baseUrl}/sms/incoming`, fields);
      expect(first.body).toBe(says('Thank you: 7 out of 10. How could we do better?'));
      expect(again.body).toBe(first.body);
      const [stored] = await storedResponsesOf(app, 'sms', phone);
      const record = await app.services.store.get(String(stored?.id));
      expect(record?.transcript.filter((turn) => turn.speaker === 'customer').map((turn) => turn.text)).toEqual(['hi', '7']);
      expect(record?.position).toEqual({ step: 'reason', attempt: 1 });
    });

    it('when two texts of one number arrive at once, then they are taken one after the other on one survey', async () => {
      const phone = newCustomerNumber();
      await text(phone, 'hello');
      const replies = await Promise.all([text(phone, '6'), text(phone, 'the app keeps crashing')]);
      expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
      const stored = await storedResponsesOf(app, 'sms', phone);
      expect(stored).toHaveLength(1);
      // Either order is a valid conversation; what matters is that both turns landed on one survey, in turn.
      const record = await app.services.store.get(String(stored[0]?.id));
      const customerTurns = (record?.transcript ?? []).filter((turn) => turn.speaker === 'customer').map((turn) => turn.text);
      expect(customerTurns.slice(0, 1)).toEqual(['hello']);
      expect([...customerTurns.slice(1)].sort()).toEqual(['6', 'the app keeps crashing']);
    });
  });

  describe('signatures', () => {
    it('when the request is signed with another token, then it gets 403 and nothing is stored', async () => {
      const phone = newCustomerNumber();
      const reply = await postTwilioWebhook(`${app.baseUrl}/sms/incoming`, textFields(phone, '9'), 'forged-token');
      expect(reply.status).toBe(403);
      expect(await storedResponsesOf(app, 'sms', phone)).toEqual([]);
    });

    it('when Twilio signed another URL, then it gets 403 and a warn line names the URL checked, never the token', async () => {
      const fields = textFields(newCustomerNumber(), '9');
      const reply = await postTwilioWebhook('https://tunnel.example.test/sms/incoming', fields, TEST_TWILIO_AUTH_TOKEN, app.baseUrl);
      expect(reply.status).toBe(403);
      const warning = app.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).find((record) => record.level === 'warn' && record.checkedUrl === `${app.baseUrl}/sms/incoming`);
      expect(warning?.msg).toContain('set PUBLIC_URL to the base URL Twilio calls');
      expect(app.logLines.join('\n')).not.toContain(TEST_TWILIO_AUTH_TOKEN);
      expect(app.logLines.join('\n')).not.toContain(twilio.getExpectedTwilioSignature(TEST_TWILIO_AUTH_TOKEN, 'https://tunnel.example.test/sms/incoming', fields));
    });

    it('when the status callback is not signed, then it gets 403', async () => {
      const reply = await fetch(`${app.baseUrl}/sms/status?response=sms-${'0'.repeat(32)}`, { method: 'POST', body: new URLSearchParams({ MessageSid: `SM${'0'.repeat(32)}`, MessageStatus: 'failed' }) });
      expect(reply.status).toBe(403);
    });
  });

  describe('opt-out by text', () => {
    it('when a customer texts STOP with no survey open, then the number is on the do-not-call list, the confirmation is sent and no survey is stored', async () => {
      const phone = newCustomerNumber();
      expect((await text(phone, 'STOP')).body).toBe(says(OPTED_OUT));
      expect(await app.services.doNotCall.hasPhone(phone)).toBe(true);
      expect(await storedResponsesOf(app, 'sms', phone)).toEqual([]);
    });

    it('when a customer texts UNSUBSCRIBE during the survey, then it is recorded as opted out and the number is on the list', async () => {
      const phone = newCustomerNumber();
      await text(phone, '4');
      expect((await text(phone, 'UNSUBSCRIBE')).body).toBe(says(OPTED_OUT));
      expect(await app.services.doNotCall.hasPhone(phone)).toBe(true);
      expect(await storedResponsesOf(app, 'sms', phone)).toMatchObject([{ score: 4, status: 'opted_out', reason: null }]);
    });

    it.each([
      ['es', 'baja'],
      ['de', 'Stopp'],
      ['fr', 'désabonner'],
      ['hu', 'leiratkozás'],
      ['lt', 'atsisakyti'],
      ['fa', 'لغو'],
    ])('when a customer texts the %s opt-out word "%s", then the number is on the list and the confirmation is in that language', async (language, word) => {
      const phone = newCustomerNumber();
      expect((await text(phone, word)).body).toBe(says(surveyLanguage(language).messages.optedOut.text));
      expect(await app.services.doNotCall.hasPhone(phone)).toBe(true);
    });

    it('when a number on the list texts again, then it gets an empty response and nothing is stored', async () => {
      const phone = newCustomerNumber();
      await text(phone, 'STOP');
      expect((await text(phone, '9')).body).toBe(EMPTY);
      expect((await text(phone, 'STOP')).body).toBe(EMPTY);
      expect(await storedResponsesOf(app, 'sms', phone)).toEqual([]);
    });

    it('when a number on the list texts START, then it is taken off, told so, and its next text starts a survey', async () => {
      const phone = newCustomerNumber();
      await text(phone, '3');
      await text(phone, 'stop');
      expect((await text(phone, 'START')).body).toBe(says("You'll receive Example Telecom surveys again. Reply STOP to opt out."));
      expect(await app.services.doNotCall.hasPhone(phone)).toBe(false);
      expect((await text(phone, 'hello')).body).toBe(says(GREETING));
      expect(await storedResponsesOf(app, 'sms', phone)).toHaveLength(2);
    });

    it('when a customer texts HELP, then the reply names the business and how to stop, and nothing is stored', async () => {
      const phone = newCustomerNumber();
      expect((await text(phone, 'HELP')).body).toBe(says(HELP));
      expect(await storedResponsesOf(app, 'sms', phone)).toEqual([]);
    });

    it('when a customer in a Spanish survey texts AYUDA, then the help is in Spanish (in one GSM-7 segment) and the survey waits where it was', async () => {
      const phone = newCustomerNumber();
      await text(phone, 'Hola, buenas tardes, quería dejar mi opinión');
      expect((await text(phone, 'AYUDA')).body).toBe(says('Encuesta de clientes de Example Telecom. Responda con un numero del 0 al 10. Responda STOP para no recibir mas.'));
      expect((await text(phone, '8')).body).toBe(says('Gracias: 8 de 10. ¿Cómo podríamos mejorar?'));
    });

    it('when a number on the list texts HELP, then it still gets the help text', async () => {
      const phone = newCustomerNumber();
      await text(phone, 'STOP');
      expect((await text(phone, 'help')).body).toBe(says(HELP));
    });
  });

  describe('bad input', () => {
    it('when a picture comes with no text, then the open question is asked again without spending a try, and nothing is stored', async () => {
      const phone = newCustomerNumber();
      await text(phone, 'hi');
      expect((await text(phone, '', { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/media/ME0', MediaContentType0: 'image/jpeg' })).body).toBe(
        says('Sorry, I need a number from 0 to 10. How likely are you to recommend us?'),
      );
      const [stored] = await storedResponsesOf(app, 'sms', phone);
      const record = await app.services.store.get(String(stored?.id));
      expect(record?.transcript.filter((turn) => turn.speaker === 'customer').map((turn) => turn.text)).toEqual(['hi']);
      expect(record?.position).toEqual({ step: 'score', attempt: 1 });
    });

    it('when an empty text comes with no survey open, then the reply says how to answer and no survey starts', async () => {
      const phone = newCustomerNumber();
      expect((await text(phone, '   ')).body).toBe(says(HELP));
      expect(await storedResponsesOf(app, 'sms', phone)).toEqual([]);
    });

    it('when the score is only emoji, then it is asked again and no score is stored', async () => {
      const phone = newCustomerNumber();
      await text(phone, 'hi');
      expect((await text(phone, '👍👍')).body).toBe(says('Sorry, I need a number from 0 to 10. How likely are you to recommend us?'));
      expect((await storedResponsesOf(app, 'sms', phone))[0]).toMatchObject({ score: null, status: 'in_progress' });
    });

    it('when the reason is 1,600 characters with emoji, then it is stored whole and the survey thanks the customer', async () => {
      const phone = newCustomerNumber();
      await text(phone, '2');
      const reason = `The line dropped 😡 ${'and nobody called back. '.repeat(70)}`.slice(0, 1600);
      expect((await text(phone, reason)).body).toBe(says('Thank you for your feedback. Goodbye!'));
      expect((await storedResponsesOf(app, 'sms', phone))[0]).toMatchObject({ score: 2, reason: reason.trim(), status: 'completed' });
    });

    it('when a body is longer than Twilio ever sends, then it gets 400 and nothing is stored', async () => {
      const phone = newCustomerNumber();
      const reply = await text(phone, 'x'.repeat(2001));
      expect(reply.status).toBe(400);
      expect(reply.body).toContain('Body');
      expect(await storedResponsesOf(app, 'sms', phone)).toEqual([]);
    });

    it('when the sender is not a phone number, then the response is empty and nothing is stored', async () => {
      expect((await text('TWILIO', 'hi')).body).toBe(EMPTY);
    });
  });
});

describe('texts to numbers that are not ours (MESSAGING_NUMBERS)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ MESSAGING_NUMBERS: `${OUR_NUMBER},+15550002222` });
  });
  afterAll(async () => app?.close());

  it('when a text is sent to a number not in MESSAGING_NUMBERS, then the response is empty, nothing is stored and a warn line masks the number', async () => {
    const phone = newCustomerNumber();
    const reply = await postTwilioWebhook(`${app.baseUrl}/sms/incoming`, textFields(phone, '9', {}, '+15559990000'));
    expect(reply.body).toBe(EMPTY);
    expect(await storedResponsesOf(app, 'sms', phone)).toEqual([]);
    const warning = app.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).find((record) => record.level === 'warn' && String(record.msg).includes('MESSAGING_NUMBERS'));
    expect(warning).toMatchObject({ to: '+155******00' });
  });

  it('when a text is sent to one of our numbers, then the survey answers', async () => {
    const reply = await postTwilioWebhook(`${app.baseUrl}/sms/incoming`, textFields(newCustomerNumber(), '9', {}, '+15550002222'));
    expect(reply.body).toBe(says('Thank you: 9 out of 10. Glad to hear it! How could we do better?'));
  });
});
