import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { createKeys, type Keys } from '../src/redis/keys.js';
import { REVIEW_GROUP } from '../src/review/review-module.js';
import { startNodeServer, type RunningServer } from './load/bench-processes.js';
import { BENCH_ADMIN_TOKEN, BENCH_TWILIO_TOKEN, SCENARIOS, type Scenario } from './load/load-scenarios.js';
import type { BenchSection } from './report.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Floor and service take turns this many times; the machine is shared and noisy, so medians are reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);
const CONNECTIONS = 50;
/** Another build's service (its `dist/src/main.js`) measured in the same rounds, to compare two versions. */
const BASELINE = process.env.BENCH_BASELINE;
/** Comma-separated scenario names to run (all when unset); a soak of 0 seconds is skipped. */
const ONLY = process.env.BENCH_SCENARIOS?.split(',').map((name) => name.trim());

export interface Measured {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
  ok: number;
  /** Main-thread CPU µs per answered request (single-process runs only). */
  cpuPerRequest: number;
}

export async function drive(server: RunningServer, scenario: Scenario, seconds: number): Promise<Measured> {
  const cpuBefore = server.mainThreadCpuMicros();
  const result = await autocannon({ url: server.base, connections: CONNECTIONS, duration: seconds, requests: scenario.requests(server.base) });
  const cpuPerRequest = (server.mainThreadCpuMicros() - cpuBefore) / Math.max(1, result['2xx']);
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, ok: result['2xx'], cpuPerRequest };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Both processes get the same short warm-up first (JIT, lazily loaded modules and models), which is not measured. */
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 2);

export async function measure(entry: string, environment: Record<string, string>, readyText: string, scenario: Scenario): Promise<Measured> {
  const server = await startNodeServer(entry, { ...environment, WEB_CONCURRENCY: String(scenario.processes ?? 1) }, readyText);
  try {
    if (WARM_UP_SECONDS > 0) await drive(server, scenario, WARM_UP_SECONDS);
    return await drive(server, scenario, SECONDS);
  } finally {
    await server.stop();
  }
}

/** The service and its floor, same libraries, same Redis, same run: req/s and p99 for each, and the ratio. */
export async function runLoadBench(): Promise<BenchSection> {
  const redis = await startEmbeddedRedis();
  const environment = { REDIS_URL: redis.url, TWILIO_AUTH_TOKEN: BENCH_TWILIO_TOKEN, ADMIN_TOKEN: BENCH_ADMIN_TOKEN, LOG_LEVEL: 'warn' };
  const rows: BenchSection['rows'] = [];
  const notes: string[] = [];
  try {
    for (const [index, scenario] of SCENARIOS.entries()) {
      if (ONLY && !ONLY.includes(scenario.name)) continue;
      const floorRuns: Measured[] = [];
      const serviceRuns: Measured[] = [];
      const baselineRuns: Measured[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        floorRuns.push(await measure('dist/bench/load/floor-server.js', { ...environment, REDIS_KEY_PREFIX: 'floor:' }, 'floor listening', scenario));
        // A fresh prefix per round: otherwise the review consumer of a new process first works through the previous round's events.
        serviceRuns.push(await measure('dist/src/main.js', { ...environment, REDIS_KEY_PREFIX: `svc:${index}:${round}:` }, 'Survey agent listening', scenario));
        if (BASELINE) baselineRuns.push(await measure(BASELINE, { ...environment, REDIS_KEY_PREFIX: `base:${index}:${round}:` }, 'Survey agent listening', scenario));
      }
      const floorRps = median(floorRuns.map((run) => run.rps));
      const serviceRps = median(serviceRuns.map((run) => run.rps));
      const floorP99 = median(floorRuns.map((run) => run.p99));
      const serviceP99 = median(serviceRuns.map((run) => run.p99));
      rows.push({
        scenario: scenario.name,
        'floor req/s': Math.round(floorRps),
        'service req/s': Math.round(serviceRps),
        'req/s ratio': Number((serviceRps / floorRps).toFixed(2)),
        'floor p99 ms': floorP99,
        'service p99 ms': serviceP99,
        'p99 ratio': Number((serviceP99 / Math.max(1, floorP99)).toFixed(2)),
        ...((scenario.processes ?? 1) === 1
          ? { 'floor CPU µs/req': Math.round(median(floorRuns.map((run) => run.cpuPerRequest))), 'service CPU µs/req': Math.round(median(serviceRuns.map((run) => run.cpuPerRequest))) }
          : {}),
        'service errors': serviceRuns.reduce((sum, run) => sum + run.errors + run.non2xx, 0),
        ...(BASELINE
          ? { 'baseline req/s': Math.round(median(baselineRuns.map((run) => run.rps))), 'baseline CPU µs/req': Math.round(median(baselineRuns.map((run) => run.cpuPerRequest))) }
          : {}),
      });
    }
    if (SOAK_SECONDS > 0) notes.push(...(await soak(environment)));
  } finally {
    await redis.stop();
  }
  return { title: `Load: service vs floor (${CONNECTIONS} connections, ${SECONDS} s runs, median of ${ROUNDS} alternating rounds)`, rows, notes };
}

/** How far the review consumer group is behind the response event streams (one per partition). */
async function reviewBacklog(client: Redis, keys: Keys): Promise<{ read: number; lag: number }> {
  const backlog = { read: 0, lag: 0 };
  for (const partition of keys.partitionList) {
    const groups = (await client.xinfo('GROUPS', keys.events(partition))) as Array<Array<string | number>>;
    const group = groups.map((fields) => Object.fromEntries(fields.flatMap((value, index) => (index % 2 === 0 ? [[String(value), fields[index + 1]]] : [])))).find((fields) => fields.name === REVIEW_GROUP);
    backlog.read += Number(group?.['entries-read'] ?? 0);
    backlog.lag += Number(group?.lag ?? 0);
  }
  return backlog;
}

/** A long key-press run: every 2xx must be a stored response, and nothing may fail. */
async function soak(environment: Record<string, string>): Promise<string[]> {
  const prefix = 'soak:';
  const service = await startNodeServer('dist/src/main.js', { ...environment, REDIS_KEY_PREFIX: prefix }, 'Survey agent listening');
  const scenario = SCENARIOS.find((candidate) => candidate.name === 'key-press turn') as Scenario;
  const figures = await drive(service, scenario, SOAK_SECONDS);
  const client = new Redis(environment.REDIS_URL ?? '');
  const keys = createKeys(prefix);
  const review = await reviewBacklog(client, keys);
  await service.stop();
  const stored = (await Promise.all(keys.partitionList.map((partition) => client.zcard(keys.responsesByScoreTime(partition))))).reduce((sum, count) => sum + count, 0);
  client.disconnect();
  return [
    `review consumer when the soak stopped: ${review.read} of ${review.read + review.lag} response events read, ${review.lag} behind (the review queue and detractor alerts wait for those)`,
    `soak: ${SOAK_SECONDS} s of key-press turns at ${CONNECTIONS} connections: ${figures.ok} answered 2xx, ${figures.errors} errors/timeouts, ${figures.non2xx} non-2xx; ${stored} scores stored (requests still in flight when the run stopped are stored but not counted as answered); acknowledged but not stored: ${Math.max(0, figures.ok - stored)}`,
  ];
}
