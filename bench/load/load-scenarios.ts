import { randomBytes } from 'node:crypto';
import type { Request } from 'autocannon';
import twilio from 'twilio';

export const BENCH_TWILIO_TOKEN = 'bench-twilio-auth-token';
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789';

export interface Scenario {
  name: string;
  /** Builds autocannon's request list for a server at `base`. */
  requests(base: string): Request[];
  /** Processes serving it (WEB_CONCURRENCY), for the floor and the service alike; 1 when absent. */
  processes?: number;
}

function newCallSid(): string {
  return `CA${randomBytes(16).toString('hex')}`;
}

function signedForm(base: string, path: string, fields: Record<string, string>): Request {
  return {
    method: 'POST',
    path,
    setupRequest: (request) => {
      const params = { ...fields, CallSid: newCallSid() };
      return {
        ...request,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(BENCH_TWILIO_TOKEN, `${base}${path}`, params) },
        body: new URLSearchParams(params).toString(),
      };
    },
  };
}

/** A text from a new customer number each time: the first text of a survey, already a score. */
function signedText(base: string, body: string): Request {
  return {
    method: 'POST',
    path: '/sms/incoming',
    setupRequest: (request) => {
      const params = { AccountSid: 'AC0123456789abcdef0123456789abcdef', MessageSid: `SM${randomBytes(16).toString('hex')}`, From: `+1212${2 + (randomBytes(1)[0] ?? 0) % 8}${String(randomBytes(4).readUInt32BE(0) % 1_000_000).padStart(6, '0')}`, To: '+15550001111', Body: body, NumMedia: '0' };
      return {
        ...request,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(BENCH_TWILIO_TOKEN, `${base}/sms/incoming`, params) },
        body: new URLSearchParams(params).toString(),
      };
    },
  };
}

const chatTurn: Request = {
  method: 'POST',
  path: '/api/messages',
  setupRequest: (request) => ({
    ...request,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      channelId: 'bench',
      from: { id: 'u' },
      recipient: { id: 'bot' },
      conversation: { id: randomBytes(8).toString('hex') },
      text: '9',
      deliveryMode: 'expectReplies',
    }),
  }),
};

const callFields = { AccountSid: 'AC0123456789abcdef0123456789abcdef', From: '+15551230001', To: '+15550001111', Direction: 'inbound' };

export const SCENARIOS: Scenario[] = [
  { name: "new call's first webhook", requests: (base) => [signedForm(base, '/voice/incoming', callFields)] },
  { name: 'key-press turn', requests: (base) => [signedForm(base, '/voice/answer?step=score&attempt=1&lang=en', { ...callFields, Digits: '9' })] },
  { name: 'SMS turn (a text that is a score)', requests: (base) => [signedText(base, '9')] },
  { name: 'chat turn (expectReplies)', requests: () => [chatTurn] },
  // The chat goal is for the machine's 2 cores: a Node process uses one, so both sides run two.
  { name: 'chat turn (expectReplies) on 2 processes', requests: () => [chatTurn], processes: 2 },
  { name: 'summary read', requests: () => [{ method: 'GET', path: '/api/review/summary', headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` } }] },
];
