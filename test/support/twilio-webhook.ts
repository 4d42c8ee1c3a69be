import twilio from 'twilio';
import { TEST_TWILIO_ACCOUNT_SID, TEST_TWILIO_AUTH_TOKEN } from './test-app.js';

export interface WebhookReply {
  status: number;
  body: string;
}

/**
 * Posts a form the way Twilio does, signed with the test auth token for the exact URL. `deliverTo`
 * sends it elsewhere (an instance behind a proxy, whose PUBLIC_URL is `url`'s origin).
 */
export async function postTwilioWebhook(url: string, fields: Record<string, string>, authToken = TEST_TWILIO_AUTH_TOKEN, deliverTo?: string): Promise<WebhookReply> {
  const signature = twilio.getExpectedTwilioSignature(authToken, url, fields);
  const target = deliverTo ? `${deliverTo}${new URL(url).pathname}${new URL(url).search}` : url;
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, body: await response.text() };
}

let callCounter = 0;

/** A fresh, well-formed CallSid. */
export function newCallSid(): string {
  callCounter += 1;
  const random = Math.floor(Math.random() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
  return `CA${random}${String(callCounter).padStart(24, '0')}`;
}

export function callFields(callSid: string, extra: Record<string, string> = {}): Record<string, string> {
  return { CallSid: callSid, AccountSid: TEST_TWILIO_ACCOUNT_SID, From: '+15551230001', To: '+15550001111', Direction: 'inbound', ...extra };
}

/** The action URL of the first <Gather> in a TwiML document, unescaped. */
export function gatherAction(twiml: string): string {
  const match = /<Gather [^>]*action="([^"]+)"/.exec(twiml);
  if (!match?.[1]) throw new Error(`no <Gather action> in ${twiml}`);
  return match[1].replace(/&amp;/g, '&');
}

let messageCounter = 0;

/** A fresh, well-formed MessageSid. */
export function newMessageSid(): string {
  messageCounter += 1;
  const random = Math.floor(Math.random() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
  return `SM${random}${String(messageCounter).padStart(24, '0')}`;
}

/** Twilio's incoming-message fields: a text from the customer `from` to our number `to`. */
export function textFields(from: string, body: string, extra: Record<string, string> = {}, to = '+15550001111'): Record<string, string> {
  return { MessageSid: newMessageSid(), AccountSid: TEST_TWILIO_ACCOUNT_SID, From: from, To: to, Body: body, NumMedia: '0', ...extra };
}
