import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { startNodeServer, type RunningServer } from './load/bench-processes.js';
import type { BenchSection } from './report.js';
import { launchChromium } from './review/in-process-app.js';
import { measurePageUsable } from './webchat/page-usable.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const POLL_CONNECTIONS = 50;
/** Customers answering at once in the survey run; each waits for the bot before its next message. */
const CUSTOMERS = 20;
/** Cold-cache page loads of the customer chat (and of the floor page), alternating. */
const PAGE_ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 5);
const ADMIN_TOKEN = 'bench-admin-token-0123456789';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

async function json(base: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'POST',
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** A greeted web chat conversation on the service: its token and id. */
async function greetedConversation(base: string): Promise<{ token: string; conversationId: string }> {
  const issued = await json(base, '/v3/directline/tokens/generate');
  const token = String(issued.token);
  const conversationId = String(issued.conversationId);
  await json(base, '/v3/directline/conversations', { token, body: {} });
  await json(base, `/v3/directline/conversations/${conversationId}/activities`, { token, body: { type: 'event', name: 'startSurvey', from: { id: 'c' } } });
  return { token, conversationId };
}

async function poll(server: RunningServer, token: string, conversationId: string): Promise<{ rps: number; p99: number; failures: number }> {
  const result = await autocannon({
    url: `${server.base}/v3/directline/conversations/${conversationId}/activities?watermark=0`,
    connections: POLL_CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}` },
  });
  return { rps: result.requests.average, p99: result.latency.p99, failures: result.errors + result.timeouts + result.non2xx };
}

/** CUSTOMERS at once answer the whole survey (start, score, reason) again and again; every turn waits for the bot's reply. */
async function surveys(base: string, channel: 'web chat' | 'Bot Framework'): Promise<{ perSecond: number; turnMs: number[] }> {
  const turnMs: number[] = [];
  let completed = 0;
  const until = Date.now() + SECONDS * 1000;
  const timed = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    turnMs.push(performance.now() - started);
  };
  const customer = async () => {
    while (Date.now() < until) {
      if (channel === 'web chat') {
        const { token, conversationId } = await greetedConversation(base);
        const path = `/v3/directline/conversations/${conversationId}/activities`;
        await timed(() => json(base, path, { token, body: { type: 'message', text: '9', from: { id: 'c' } } }));
        await timed(() => json(base, path, { token, body: { type: 'message', text: 'Friendly and quick', from: { id: 'c' } } }));
        await json(base, `${path}?watermark=0`, { method: 'GET', token });
      } else {
        const conversation = { id: randomBytes(12).toString('hex') };
        const message = (text: string) => ({ type: 'message', channelId: 'bench', from: { id: 'c' }, recipient: { id: 'bot' }, conversation, text, deliveryMode: 'expectReplies' });
        await json(base, '/api/messages', { body: { ...message('hi'), type: 'event', name: 'startSurvey' } });
        await timed(() => json(base, '/api/messages', { body: message('9') }));
        await timed(() => json(base, '/api/messages', { body: message('Friendly and quick') }));
      }
      completed += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CUSTOMERS }, customer));
  return { perSecond: completed / ((performance.now() - started) / 1000), turnMs };
}

/**
 * Web chat: a poll (what every open chat does once a second) against a floor built from the same
 * libraries, and whole surveys over the web chat against the same surveys over /api/messages
 * (Bot Framework's CloudAdapter, same bot, same middleware) in the same process.
 */
export async function runWebChatBench(): Promise<BenchSection> {
  const redis = await startEmbeddedRedis();
  // Every bench customer comes from 127.0.0.1: the per-address limits are raised so they are counted (two Redis trips) but never refuse.
  const unlimited = { RATE_LIMIT_TOKENS_PER_MINUTE: '100000', RATE_LIMIT_TOKENS_GLOBAL_PER_SECOND: '100000', RATE_LIMIT_CHAT_PER_MINUTE: '100000', RATE_LIMIT_CHAT_GLOBAL_PER_SECOND: '100000' };
  const environment = { REDIS_URL: redis.url, ADMIN_TOKEN, LOG_LEVEL: 'warn', ALLOWED_SERVICE_URLS: 'http://127.0.0.1', ...unlimited };
  const rows: BenchSection['rows'] = [];
  const notes: string[] = [];
  try {
    const floorRuns: Array<Awaited<ReturnType<typeof poll>>> = [];
    const serviceRuns: Array<Awaited<ReturnType<typeof poll>>> = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const floor = await startNodeServer('dist/bench/webchat/poll-floor-server.js', { ...environment, REDIS_KEY_PREFIX: `wcfloor:${round}:` }, 'floor listening');
      try {
        const token = `wc1.${randomBytes(32).toString('base64url')}`;
        const conversationId = randomBytes(18).toString('base64url');
        const activities = [{ type: 'event', name: 'startSurvey' }, { type: 'message', text: 'Hi! Two quick questions.' }, { type: 'message', text: 'How likely are you to recommend us, from 0 to 10?' }];
        await fetch(`${floor.base}/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, conversationId, activities }) });
        floorRuns.push(await poll(floor, token, conversationId));
      } finally {
        await floor.stop();
      }
      const service = await startNodeServer('dist/src/main.js', { ...environment, REDIS_KEY_PREFIX: `wcsvc:${round}:` }, 'Survey agent listening');
      try {
        const { token, conversationId } = await greetedConversation(service.base);
        serviceRuns.push(await poll(service, token, conversationId));
      } finally {
        await service.stop();
      }
    }
    const floorRps = median(floorRuns.map((run) => run.rps));
    const serviceRps = median(serviceRuns.map((run) => run.rps));
    rows.push({
      measure: `poll for activities (${POLL_CONNECTIONS} connections)`,
      'floor / Bot Framework': `${Math.round(floorRps)} req/s, p99 ${median(floorRuns.map((run) => run.p99))} ms`,
      'web chat': `${Math.round(serviceRps)} req/s, p99 ${median(serviceRuns.map((run) => run.p99))} ms`,
      ratio: Number((serviceRps / floorRps).toFixed(2)),
      'web chat failures': serviceRuns.reduce((sum, run) => sum + run.failures, 0),
    });

    const service = await startNodeServer('dist/src/main.js', { ...environment, REDIS_KEY_PREFIX: 'wcturns:' }, 'Survey agent listening');
    try {
      const viaBotFramework = await surveys(service.base, 'Bot Framework');
      const viaWebChat = await surveys(service.base, 'web chat');
      rows.push({
        measure: `whole surveys, ${CUSTOMERS} customers at once`,
        'floor / Bot Framework': `${viaBotFramework.perSecond.toFixed(1)} surveys/s, turn p50 ${percentile(viaBotFramework.turnMs, 0.5).toFixed(0)} ms, p99 ${percentile(viaBotFramework.turnMs, 0.99).toFixed(0)} ms`,
        'web chat': `${viaWebChat.perSecond.toFixed(1)} surveys/s, turn p50 ${percentile(viaWebChat.turnMs, 0.5).toFixed(0)} ms, p99 ${percentile(viaWebChat.turnMs, 0.99).toFixed(0)} ms`,
        ratio: Number((viaWebChat.perSecond / viaBotFramework.perSecond).toFixed(2)),
        'web chat failures': 0,
      });
    } finally {
      await service.stop();
    }
    const pageService = await startNodeServer('dist/src/main.js', { ...environment, REDIS_KEY_PREFIX: 'wcpage:' }, 'Survey agent listening');
    const browser = await launchChromium();
    try {
      const usable = await measurePageUsable(browser, pageService.base, PAGE_ROUNDS);
      const describe = (times: number[]) => `median ${Math.round(median(times))} ms, worst ${Math.round(Math.max(...times))} ms`;
      rows.push({
        measure: `customer page usable in Chromium, cold cache (${PAGE_ROUNDS} rounds)`,
        'floor / Bot Framework': `bundle alone from a bare server: ${describe(usable.floorMs)}`,
        'web chat': `score buttons shown: ${describe(usable.pageMs)}`,
        ratio: Number((median(usable.floorMs) / median(usable.pageMs)).toFixed(2)),
        'web chat failures': PAGE_ROUNDS - usable.streams,
      });
    } finally {
      await browser.close();
      await pageService.stop();
    }
    notes.push('Page usable: from navigation in a fresh browser context (nothing cached) until the score buttons are on screen; the floor page only loads and evaluates the same brotli bundle from node:http. The page\'s failures column counts rounds that did not receive over a WebSocket stream.');
    notes.push('A web chat survey also opens a conversation (token, POST /conversations) and reads it back; the Bot Framework run needs neither, so a ratio under 1 on whole surveys is expected.');
    notes.push('All bench customers share one address, so the web chat rate limits are raised out of the way; they still run (and cost their Redis trips) on every token and post.');
    notes.push(`An open chat polls once a second: one instance's poll rate is roughly how many chats it keeps open at once.`);
  } finally {
    await redis.stop();
  }
  return { title: `Web chat: Direct Line endpoint vs a floor and vs /api/messages (${SECONDS} s runs, median of ${ROUNDS} alternating rounds for polls)`, rows, notes };
}
