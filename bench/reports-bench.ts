import type { BenchSection } from './report.js';
import { startInProcessApp, type InProcessApp } from './review/in-process-app.js';
import { AGENT_COUNT, counterFields, random, syntheticResponse, type SyntheticResponse } from './review/synthetic-responses.js';
import { npsCategory } from '../src/survey/category.js';
import { ReviewReports } from '../src/reports/review-reports.js';
import { closeReportDays } from '../src/reports/rollup-closer.js';
import type { ReportFilter } from '../src/reports/report-filter.js';

/** BENCH_REPORT_RESPONSES runs a smaller store (a quick check of the bench itself). */
const TOTAL = Number(process.env.BENCH_REPORT_RESPONSES ?? 1_000_000);
const DAYS = 365;
const RUNS = 60;
/** Responses per pipeline sent to Redis. */
const PIPELINE = 2_500;
const ZONE = 'Europe/Budapest';
const REASONS: Record<string, string> = {
  wait_time: 'I waited on hold for far too long',
  resolution: 'My problem is still not solved',
  agent_attitude: 'The agent was very friendly',
  price_billing: 'The bill was higher than promised',
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const round = (value: number): number => Math.round(value * 10) / 10;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** The response hash as the turn script leaves it at the end of the survey. */
function responseHash(id: string, response: SyntheticResponse, at: string): Record<string, string> {
  const hash: Record<string, string> = { id, channel: response.channel, conversationId: id, language: 'en', agentId: response.agentId, createdAt: at, step: '', attempt: '0' };
  if (response.campaignId) hash.campaignId = response.campaignId;
  if (response.outcome === 'abandoned' || response.outcome === 'optedOut') return { ...hash, status: response.outcome === 'optedOut' ? 'opted_out' : 'abandoned', completedAt: at };
  const score = response.score ?? 0;
  Object.assign(hash, { score: String(score), category: npsCategory(score), scoredAt: at, completedAt: at });
  if (response.outcome === 'partial') return { ...hash, status: 'partial' };
  const reason = REASONS[response.tags[0] ?? ''] ?? 'It was all right';
  return { ...hash, status: 'completed', reason: JSON.stringify(reason), tags: JSON.stringify(response.tags), sentiment: 'neutral', reasonLanguage: 'en', taggerVersion: 'bench' };
}

/**
 * Writes 1,000,000 finished surveys over the last 365 local days straight in the store's layout
 * (response hash, creation indexes, score-time index, each partition's day counters), pipelined.
 */
async function seed(app: InProcessApp): Promise<{ seconds: number; scored: number }> {
  const started = performance.now();
  const { redis, keys } = app.services;
  const calendar = app.services.review.reports.calendar;
  const now = Date.now();
  const today = calendar.dayOf(now);
  const perDay = Math.floor(TOTAL / DAYS);
  const next = random(20261203);
  let scored = 0;
  let n = 0;
  for (let daysAgo = DAYS - 1; daysAgo >= 0; daysAgo -= 1) {
    const day = calendar.addDays(today, -daysAgo);
    const start = calendar.dayStart(day);
    const end = Math.min(calendar.dayStart(calendar.addDays(day, 1)), now);
    const count = daysAgo === 0 ? TOTAL - perDay * (DAYS - 1) : perDay;
    const counters = new Map<number, Map<string, number>>();
    for (let first = 0; first < count; first += PIPELINE) {
      const pipeline = redis.pipeline();
      for (let index = first; index < Math.min(count, first + PIPELINE); index += 1) {
        const id = `bench-${(n += 1)}`;
        const response = syntheticResponse(next);
        const at = start + Math.floor(((index + 0.5) / count) * (end - start));
        const partition = keys.partitionOf(id);
        pipeline.hset(keys.response(id), responseHash(id, response, new Date(at).toISOString()));
        pipeline.zadd(keys.responsesByCreation(partition), at, id);
        pipeline.zadd(keys.responsesByCreationForChannel(partition, response.channel), at, id);
        if (response.score !== null) {
          pipeline.zadd(keys.responsesByScoreTime(partition), at, id);
          scored += 1;
        }
        const fields = counters.get(partition) ?? counters.set(partition, new Map()).get(partition);
        if (fields) for (const field of counterFields(response)) fields.set(field, (fields.get(field) ?? 0) + 1);
      }
      await pipeline.exec();
    }
    const pipeline = redis.pipeline();
    for (const [partition, fields] of counters) pipeline.hset(keys.dailyCounters(partition, day), Object.fromEntries(fields));
    await pipeline.exec();
  }
  await redis.hset(keys.agentNames(), Object.fromEntries(Array.from({ length: AGENT_COUNT }, (_, agent) => [`agent-${agent}`, `Agent ${agent}`])));
  return { seconds: (performance.now() - started) / 1000, scored };
}

/** `npm run bench -- reports`: every supervisor query over 1,000,000 responses, after the days are closed into roll-ups. */
export async function runReportsBench(): Promise<BenchSection> {
  const app = await startInProcessApp({ REPORT_TIME_ZONE: ZONE, REPORT_CLOSE_EVERY_MINUTES: '0' });
  try {
    const { redis, keys } = app.services;
    const seeded = await seed(app);
    const reports = app.services.review.reports;
    const calendar = reports.calendar;
    const today = calendar.dayOf(Date.now());
    const yearFrom = new Date(calendar.dayStart(calendar.addDays(today, -(DAYS - 1))));
    const monthFrom = new Date(calendar.dayStart(calendar.addDays(today, -29)));
    const year: ReportFilter = { from: yearFrom };
    const month: ReportFilter = { from: monthFrom };

    // Before any roll-up: what a read costs from the live counters alone (the fallback).
    const unclosedMs = await timed(() => reports.summary(year));
    const closeStarted = performance.now();
    const closed = await closeReportDays(redis, keys, reports.counters.rollups, calendar);
    const closeSeconds = (performance.now() - closeStarted) / 1000;

    // A cold first read: a new instance's reports (nothing in memory), each query once, the year first.
    const cold = new ReviewReports(redis, keys, Date.now, calendar);
    const coldRows: Array<[string, number]> = [];
    for (const [name, query] of [
      ['summary, year', () => cold.summary(year)],
      ['trend by week, year', () => cold.trend(year, 'week')],
      ['agents, year', () => cold.agents(year)],
      ['drivers, year', () => cold.drivers(year)],
    ] as Array<[string, () => Promise<unknown>]>) {
      coldRows.push([name, await timed(query)]);
    }

    const queries: Array<[string, () => Promise<unknown>]> = [
      ['summary, year', () => reports.summary(year)],
      ['summary, month', () => reports.summary(month)],
      ['summary, year, channel + agent', () => reports.summary({ ...year, channel: 'voice', agentId: 'agent-7' })],
      ['summary, year, tag=wait_time', () => reports.summary({ ...year, tag: 'wait_time' })],
      ['summary, year cut at 12:00 on its first day (edge scan)', () => reports.summary({ from: new Date(yearFrom.getTime() + 12 * 3_600_000) })],
      ['trend by day, month', () => reports.trend(month, 'day')],
      ['trend by day, year (365 points)', () => reports.trend(year, 'day')],
      ['trend by week, year', () => reports.trend(year, 'week')],
      ['trend by week, month', () => reports.trend(month, 'week')],
      ['agents (shrunk, ranked), year', () => reports.agents(year)],
      ['agents (shrunk, ranked), month', () => reports.agents(month)],
      ['drivers, year', () => reports.drivers(year)],
      ['drivers, month', () => reports.drivers(month)],
      ['drivers, year, channel=chat', () => reports.drivers({ ...year, channel: 'chat' })],
    ];
    const rows: BenchSection['rows'] = [];
    for (const [name, query] of queries) {
      await query();
      const times: number[] = [];
      for (let run = 0; run < RUNS; run += 1) times.push(await timed(query));
      rows.push({ query: name, 'median ms': round(percentile(times, 50)), 'p95 ms': round(percentile(times, 95)), 'target ms': 50 });
    }
    for (const [name, ms] of coldRows) rows.push({ query: `cold first read: ${name}`, 'median ms': null, 'p95 ms': round(ms), 'target ms': 1000 });
    const check = await reports.summary(year);
    return {
      title: 'Supervisor reports over 1,000,000 responses (roll-ups closed in the background)',
      rows,
      notes: [
        `Seeded ${TOTAL.toLocaleString('en')} responses over ${DAYS} local days of ${ZONE} (${AGENT_COUNT} agents, voice/chat, 4 campaigns), written straight in the store's layout (response hash, creation and score-time indexes, each partition's day counters), pipelined, in ${seeded.seconds.toFixed(1)} s. The year's summary counts ${check.total.toLocaleString('en')} scored of ${seeded.scored.toLocaleString('en')} written.`,
        `Closing the days (the background closer, run once here): ${closed?.days ?? 0} day and ${closed?.months ?? 0} month roll-ups in ${closeSeconds.toFixed(1)} s. Before it ran, the year's summary read the live counters alone in ${round(unclosedMs)} ms.`,
        `p95 of ${RUNS} runs per query after one warm-up, in one process on the same machine as Redis. Today and yesterday come from the live counters, closed months and days from roll-ups. Drivers include their example comments (the newest scored responses, read in rounds of 200, 800 and 2,000 until every tag has its examples).`,
      ],
    };
  } finally {
    await app.close();
  }
}
