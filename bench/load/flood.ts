import { randomBytes } from 'node:crypto';
import autocannon, { type Request } from 'autocannon';
import twilio from 'twilio';
import { startEmbeddedRedis } from '../../src/redis/embedded-redis.js';
import type { BenchSection } from '../report.js';
import { startNodeServer, type RunningServer } from './bench-processes.js';
import { BENCH_ADMIN_TOKEN, BENCH_TWILIO_TOKEN } from './load-scenarios.js';

const FLOOD_CLIENTS = 200;
const FLOOD_SECONDS = Number(process.env.BENCH_FLOOD_SECONDS ?? 30);
/** Surveys of each kind timed before the flood and during it. */
const SURVEYS = Number(process.env.BENCH_FLOOD_SURVEYS ?? 5);
/** The customer's own address, behind the same trusted proxy as the flood. */
const CUSTOMER = { 'x-forwarded-for': '192.0.2.200' };

interface FloodContext {
  address?: string;
  token?: string;
  conversationId?: string;
}

let addresses = 0;

/** Each of the 200 connections is one client at its own address (TRUST_PROXY=loopback reads it from X-Forwarded-For). */
function asClient(request: Request, context: FloodContext, extra: Record<string, string> = {}): Request {
  context.address ??= `198.51.${100 + Math.floor(addresses / 250)}.${(addresses++ % 250) + 1}`;
  return { ...request, headers: { ...request.headers, 'x-forwarded-for': context.address, ...extra } };
}

/** What an attacker scripts against the public side: new tokens and conversations, messages, the page, the widget, sign-in. */
function floodRequests(): Request[] {
  return [
    {
      method: 'POST',
      path: '/v3/directline/tokens/generate',
      setupRequest: (request, context) => asClient(request, context),
      onResponse: (status, body, context) => {
        if (status !== 200) return;
        const issued = JSON.parse(body) as { token: string; conversationId: string };
        Object.assign(context, { token: issued.token, conversationId: issued.conversationId });
      },
    },
    { method: 'POST', path: '/v3/directline/conversations', setupRequest: (request, context) => asClient(request, context, { authorization: `Bearer ${(context as FloodContext).token ?? 'none'}` }) },
    {
      method: 'POST',
      path: '/v3/directline/conversations/x/activities',
      setupRequest: (request, context) => {
        const { conversationId = 'none', token = 'none' } = context as FloodContext;
        return { ...asClient(request, context, { authorization: `Bearer ${token}`, 'content-type': 'application/json' }), path: `/v3/directline/conversations/${conversationId}/activities`, body: JSON.stringify({ type: 'message', text: '0' }) };
      },
    },
    { method: 'GET', path: '/', setupRequest: (request, context) => asClient(request, context) },
    { method: 'GET', path: '/widget.js', setupRequest: (request, context) => asClient(request, context) },
    { method: 'POST', path: '/review/sign-in', setupRequest: (request, context) => asClient(request, context, { 'content-type': 'application/x-www-form-urlencoded' }), body: 'username=admin&password=guess' },
  ];
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Customer requests the service refused with 429 and the customer sent again after Retry-After (as the chat page does). */
let customerRetries = 0;

async function post(url: string, headers: Record<string, string>, body?: string): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });
    if (response.status === 429 && attempt < 6) {
      customerRetries += 1;
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, Number(response.headers.get('retry-after')) || 1) * 1000));
      continue;
    }
    if (response.status >= 300) throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    return response;
  }
}

/** A whole call as Twilio makes it: three signed webhooks (incoming, a key press, the spoken reason). */
async function signedVoiceCall(server: RunningServer): Promise<void> {
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  const fields = { CallSid: callSid, AccountSid: 'AC0123456789abcdef0123456789abcdef', From: '+12125550190', To: '+12125550100', Direction: 'inbound' };
  for (const [path, extra] of [
    ['/voice/incoming', {}],
    ['/voice/answer?step=score&attempt=1&lang=en', { Digits: '9' }],
    ['/voice/answer?step=reason&attempt=1&lang=en', { SpeechResult: 'Quick and friendly', Confidence: '0.9' }],
  ] as const) {
    const params: Record<string, string> = { ...fields, ...extra };
    const signature = twilio.getExpectedTwilioSignature(BENCH_TWILIO_TOKEN, `${server.base}${path}`, params);
    const twiml = await (await post(`${server.base}${path}`, { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, new URLSearchParams(params).toString())).text();
    if (!twiml.includes('<Response>')) throw new Error(`no TwiML from ${path}`);
  }
}

/** Polls like Web Chat does until the bot has said `count` messages in all. */
async function botMessages(server: RunningServer, conversationId: string, headers: Record<string, string>, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page = (await (await fetch(`${server.base}/v3/directline/conversations/${conversationId}/activities`, { headers })).json()) as { activities: Array<{ type: string; from: { role?: string } }> };
    if (page.activities.filter((activity) => activity.type === 'message' && activity.from.role === 'bot').length >= count) return;
    if (Date.now() > deadline) throw new Error('the bot did not answer within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A whole web chat survey over Direct Line, as the page and Web Chat make it: token, conversation, start, score, reason, each reply read. */
async function webChatSurvey(server: RunningServer): Promise<void> {
  const issued = (await (await post(`${server.base}/v3/directline/tokens/generate`, CUSTOMER)).json()) as { token: string; conversationId: string };
  const headers = { ...CUSTOMER, authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' };
  const base = `${server.base}/v3/directline/conversations`;
  await post(base, headers);
  let said = 0;
  for (const activity of [{ type: 'event', name: 'startSurvey' }, { type: 'message', text: '9' }, { type: 'message', text: 'Quick and friendly' }]) {
    await post(`${base}/${issued.conversationId}/activities`, headers, JSON.stringify({ ...activity, from: { id: 'customer-bench' } }));
    said += 1;
    await botMessages(server, issued.conversationId, headers, said);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeSurveys(server: RunningServer): Promise<{ voice: number[]; chat: number[] }> {
  const voice: number[] = [];
  const chat: number[] = [];
  for (let index = 0; index < SURVEYS; index += 1) {
    voice.push(await timed(() => signedVoiceCall(server)));
    chat.push(await timed(() => webChatSurvey(server)));
  }
  return { voice, chat };
}

/**
 * 200 clients, each at its own address, flood the public endpoints while a signed voice call and a
 * web chat survey run again and again; both are timed before the flood and during it. The service
 * runs as in production behind a proxy (TRUST_PROXY=loopback) with the default limits.
 */
export async function runFloodBench(): Promise<BenchSection> {
  const redis = await startEmbeddedRedis();
  const server = await startNodeServer(
    'dist/src/main.js',
    { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'flood:', TWILIO_AUTH_TOKEN: BENCH_TWILIO_TOKEN, ADMIN_TOKEN: BENCH_ADMIN_TOKEN, LOG_LEVEL: 'error', TRUST_PROXY: 'loopback' },
    'Survey agent listening',
  );
  try {
    await timeSurveys(server);
    const quiet = await timeSurveys(server);
    customerRetries = 0;
    const flood = autocannon({ url: server.base, connections: FLOOD_CLIENTS, duration: FLOOD_SECONDS, requests: floodRequests() });
    const during: { voice: number[]; chat: number[] } = { voice: [], chat: [] };
    const flooding = flood.then(() => undefined);
    let stopped = false;
    void flooding.then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    while (!stopped) {
      const round = await timeSurveys(server);
      during.voice.push(...round.voice);
      during.chat.push(...round.chat);
      if (during.voice.length >= SURVEYS * 3) break;
    }
    const result = await flood;
    const stats = result.statusCodeStats ?? {};
    const count = (code: string): number => (stats as Record<string, { count?: number } | undefined>)[code]?.count ?? 0;
    const rows: BenchSection['rows'] = [
      { measure: 'signed voice call, 3 webhooks (ms, median)', quiet: Math.round(median(quiet.voice)), 'during flood': Math.round(median(during.voice)), 'during flood, worst': Math.round(Math.max(...during.voice)) },
      { measure: 'web chat survey, token to last reply (ms, median)', quiet: Math.round(median(quiet.chat)), 'during flood': Math.round(median(during.chat)), 'during flood, worst': Math.round(Math.max(...during.chat)) },
      { measure: 'surveys completed during the flood', quiet: quiet.voice.length + quiet.chat.length, 'during flood': during.voice.length + during.chat.length, 'during flood, worst': null },
    ];
    return {
      title: `Flood: ${FLOOD_CLIENTS} clients at their own addresses against the public endpoints for ${FLOOD_SECONDS} s, default limits`,
      rows,
      notes: [
        `customer requests refused with 429 during the flood and sent again after Retry-After (as the chat page does): ${customerRetries}`,
        `flood: ${result.requests.total} requests (${Math.round(result.requests.average)}/s): ${result['2xx']} 2xx, ${count('429')} refused with 429, ${count('401') + count('403')} 401/403, ${result.errors + result.timeouts} errors or timeouts`,
        'each flood client cycles: a new token, opening its conversation, posting a message, the chat page, the widget, a sign-in attempt; the customer (voice and web chat) is at an address of its own',
        'web chat survey: the Direct Line calls the page and Web Chat make (token, conversation, startSurvey, score, reason), polling for each bot reply every 50 ms',
      ],
    };
  } finally {
    await server.stop();
    await redis.stop();
  }
}
