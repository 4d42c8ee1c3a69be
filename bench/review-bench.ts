import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchSection } from './report.js';
import { BENCH_ADMIN_TOKEN, launchChromium, startInProcessApp, type InProcessApp } from './review/in-process-app.js';
import { AGENT_COUNT, counterFields, random, storeThroughLua, syntheticResponse } from './review/synthetic-responses.js';
import { readDayCounters } from '../src/reports/day-counters.js';

const DAY_MS = 86_400_000;
const TOTAL = 1_000_000;
const DAYS = 365;
/** The newest days go through the real Lua turn, response by response; older days get the same counter fields, aggregated and pipelined. */
const LUA_DAYS = 2;
const RUNS = 25;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function timed(run: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < runs; n += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

const round = (value: number): number => Math.round(value * 10) / 10;

const FIRST_CONTENTFUL_PAINT = `new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entry = list.getEntriesByName('first-contentful-paint')[0];
    if (entry) resolve(entry.startTime);
  }).observe({ type: 'paint', buffered: true });
  setTimeout(() => resolve(null), 5000);
})`;

/** Seeds 1,000,000 responses over a year; returns how many went through the Lua script and whether the mirror matched it. */
async function seed(app: InProcessApp, today: number): Promise<{ throughLua: number; mirrorMatches: boolean; seconds: number }> {
  const started = performance.now();
  const { redis, keys } = app.services;
  const perDay = Math.floor(TOTAL / DAYS);
  const next = random(20261123);
  let throughLua = 0;
  let mirrorMatches = true;
  for (let daysAgo = DAYS - 1; daysAgo >= 0; daysAgo -= 1) {
    const dayStart = today - daysAgo * DAY_MS;
    const count = daysAgo === 0 ? TOTAL - perDay * (DAYS - 1) : perDay;
    const fields = new Map<string, number>();
    const responses = Array.from({ length: count }, () => syntheticResponse(next));
    for (const response of responses) for (const field of counterFields(response)) fields.set(field, (fields.get(field) ?? 0) + 1);
    const day = new Date(dayStart).toISOString().slice(0, 10);
    if (daysAgo < LUA_DAYS) {
      for (let start = 0; start < responses.length; start += 250) {
        await Promise.all(
          responses.slice(start, start + 250).map((response, index) => {
            // Spread over the day's first hour so every turn lands before now.
            const at = new Date(dayStart + ((start + index) % 3600) * 1000);
            return storeThroughLua(app.services, `bench-${day}-${start + index}`, response, at);
          }),
        );
      }
      throughLua += responses.length;
      const [written = {}] = await readDayCounters(redis, keys, [day]);
      const expected = Object.fromEntries([...fields].map(([field, value]) => [field, String(value)]));
      mirrorMatches &&= JSON.stringify(Object.entries(written).sort()) === JSON.stringify(Object.entries(expected).sort());
    } else {
      // Readers add up the partitions' counters, so a synthetic day can live in one of them.
      await redis.hset(keys.dailyCounters(0, day), Object.fromEntries(fields));
    }
  }
  await redis.hset(keys.agentNames(), Object.fromEntries(Array.from({ length: AGENT_COUNT }, (_, n) => [`agent-${n}`, `Agent ${n}`])));
  return { throughLua, mirrorMatches, seconds: (performance.now() - started) / 1000 };
}

async function firstPaint(url: string, headers: Record<string, string>, runs: number): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ extraHTTPHeaders: headers });
    const times: number[] = [];
    for (let n = 0; n < runs; n += 1) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      // A string, not a function: the bench compiles without the DOM's types.
      const paint = await page.evaluate<number | null>(FIRST_CONTENTFUL_PAINT);
      if (paint !== null) times.push(paint);
      await page.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

/** `npm run bench -- review`: report reads over 1,000,000 stored responses, and the dashboard's first paint. */
export async function runReviewBench(): Promise<BenchSection> {
  // The bench writes past days after start; it closes them itself once they are written.
  const app = await startInProcessApp({ REPORT_CLOSE_EVERY_MINUTES: '0' });
  try {
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    const seeded = await seed(app, today);
    const reports = app.services.review.reports;
    const yearAgo = new Date(today - (DAYS - 1) * DAY_MS);
    const rows: BenchSection['rows'] = [];
    const coldStarted = performance.now();
    // The older days exist as counters only (no responses to find the oldest by), so close from the year's first day.
    await reports.counters.rollups.closeDue(new Date(today - (DAYS - 1) * DAY_MS).toISOString().slice(0, 10));
    const coldMs = performance.now() - coldStarted;

    const { redis, keys } = app.services;
    const days = Array.from({ length: DAYS }, (_, n) => new Date(today - n * DAY_MS).toISOString().slice(0, 10));
    const queries: Array<[string, () => Promise<unknown>]> = [
      ['floor: one HGET per day of the year, batched', () => Promise.all(days.map((day) => redis.hget(keys.dailyCounters(0, day), 'voice|agent-1|-|promoter')))],
      ['summary, 365 days', () => reports.summary({ from: yearAgo })],
      ['summary, 365 days, channel=voice', () => reports.summary({ from: yearAgo, channel: 'voice' })],
      ['summary, 365 days, agent + channel', () => reports.summary({ from: yearAgo, agentId: 'agent-7', channel: 'voice' })],
      ['trend by day, 90 days', () => reports.trend({ from: new Date(today - 89 * DAY_MS) }, 'day')],
      ['trend by week, 52 weeks', () => reports.trend({ from: new Date(today - 52 * 7 * DAY_MS) }, 'week')],
      ['agents (shrunk, ranked), 365 days', () => reports.agents({ from: yearAgo })],
      ['drivers, 30 days', () => reports.drivers({ from: new Date(today - 29 * DAY_MS) })],
    ];
    for (const [name, query] of queries) {
      await query();
      const times = await timed(query);
      rows.push({ query: name, 'median ms': round(median(times)), 'p95 ms': round(percentile(times, 95)), 'target ms': name.startsWith('floor') || name.includes('live') ? null : 50 });
    }

    const dashboard = `${app.base}/review`;
    const paint = await firstPaint(dashboard, { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` }, 7);
    const html = await (await fetch(dashboard, { headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` } })).text();
    const css = await (await fetch(`${app.base}/review/assets/review.css`)).text();
    const floorServer = createServer((request, response) => {
      response.setHeader('content-type', request.url?.endsWith('.css') ? 'text/css' : 'text/html');
      response.end(request.url?.endsWith('.css') ? css : html);
    });
    await new Promise<void>((resolve) => floorServer.listen(0, '127.0.0.1', () => resolve()));
    const floorPaint = await firstPaint(`http://127.0.0.1:${(floorServer.address() as AddressInfo).port}/review`, {}, 7);
    floorServer.close();
    rows.push({ query: 'dashboard first contentful paint (Chromium)', 'median ms': round(median(paint)), 'p95 ms': round(Math.max(...paint)), 'target ms': 1000 });
    rows.push({ query: 'floor: the same HTML and CSS from a bare node:http server', 'median ms': round(median(floorPaint)), 'p95 ms': round(Math.max(...floorPaint)), 'target ms': null });

    return {
      title: 'Supervisors review: report reads over 1,000,000 responses',
      rows,
      notes: [
        `Seeded ${TOTAL.toLocaleString('en')} responses over ${DAYS} days (${AGENT_COUNT} agents, voice/chat, 4 campaigns, 8% abandoned, 3% opted out, 25% score without reason) in ${seeded.seconds.toFixed(1)} s: the newest ${LUA_DAYS} days (${seeded.throughLua.toLocaleString('en')} responses) through the real apply-turn Lua, response by response; the older days as the same counter fields aggregated per day and written with one HSET each. The JS mirror of the Lua's fields ${seeded.mirrorMatches ? 'matched' : 'DID NOT match'} what the Lua wrote.`,
        `Closing the year into roll-ups (the background closer, run once here: ${DAYS - LUA_DAYS} day roll-ups and the closed months, kept in Redis for every instance): ${round(coldMs)} ms. The figures above are after that, ${RUNS} runs each.`,
        'Closed days and months come from roll-ups (every mix of channel, agent and campaign, tag counts included); today and yesterday from the live day counters.',
        `First paint: median of ${paint.length} page loads (first-contentful-paint) with the bearer header, the dashboard over the same data (default range: last 30 days).`,
      ],
    };
  } finally {
    await app.close();
  }
}
