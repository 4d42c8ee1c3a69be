import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Queue, Worker } from 'bullmq';
import { parse } from 'csv-parse';
import { Redis } from 'ioredis';
import twilio from 'twilio';
import { startServices, type Services } from '../src/app/services.js';
import { loadConfig } from '../src/config/load-config.js';
import { createApp } from '../src/app/create-app.js';
import { createLogger } from '../src/logging/logger.js';
import { connectRedis, untilReady } from '../src/redis/connect.js';
import { startEmbeddedRedis, type EmbeddedRedis } from '../src/redis/embedded-redis.js';
import { FakeTwilio } from '../test/support/fake-twilio.js';
import { canonicalTimeZone, toDialable } from '../voice/campaigns/contact-fields.js';
import { peakRssMb, startNodeServer } from './load/bench-processes.js';
import type { BenchSection } from './report.js';

/** Length of each pacing run; the figure is a full minute (BENCH_DIALER_SECONDS=60). */
const PACING_SECONDS = Number(process.env.BENCH_DIALER_SECONDS ?? 10);
const IMPORT_ROWS = Number(process.env.BENCH_DIALER_IMPORT_ROWS ?? 1_000_000);
const FIRST_CALL_ROUNDS = 5;
const RATES = (process.env.BENCH_DIALER_RATES ?? '1,5,20').split(',').map(Number);

const ACCOUNT_SID = 'AC0000000000000000000000000000be0c';
const AUTH_TOKEN = 'bench-twilio-auth-token';
const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const FROM = '+12125550100';
/** Noon in New York whenever the bench runs, so every contact is inside its window. */
const NOON_IN_NEW_YORK = Date.parse('2026-03-10T16:00:00Z');

interface Running {
  base: string;
  services: Services;
  close(): Promise<void>;
}

async function startService(redisUrl: string, prefix: string, fakeUrl: string): Promise<Running> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    ADMIN_TOKEN,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_FROM_NUMBER: FROM,
    TWILIO_API_URL: fakeUrl,
    PUBLIC_URL: base,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    LOG_LEVEL: 'error',
    DIALER_MAX_CONCURRENT_CALLS: '1000',
  });
  const redis = connectRedis(redisUrl);
  await untilReady(redis);
  const offset = NOON_IN_NEW_YORK - Date.now();
  const services = await startServices(config, createLogger('error', process.stderr), redis, { dialer: { clock: () => new Date(Date.now() + offset) } });
  server.on('request', createApp(services));
  return {
    base,
    services,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
      redis.disconnect();
    },
  };
}

async function call(base: string, method: string, path: string, body?: string, contentType = 'application/json'): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { 'content-type': contentType } : {}) }, ...(body ? { body } : {}) });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Distinct valid US numbers: New York (212) and Chicago (312) exchanges 200-999. */
function benchPhone(index: number): string {
  const areaCode = index < 8_000_000 ? '212' : '312';
  return `+1${areaCode}${String(2_000_000 + (index % 8_000_000)).padStart(7, '0')}`;
}

const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];

/** A contacts CSV as it would be uploaded, produced line by line (10,000 rows per chunk), never held whole. */
function* contactsCsvLines(rows: number, firstIndex = 0): Generator<string> {
  yield 'phone,timezone,name,customerId,agentId,language\n';
  for (let start = 0; start < rows; start += 10_000) {
    const lines: string[] = [];
    for (let index = start; index < Math.min(rows, start + 10_000); index += 1) {
      lines.push(`${benchPhone(firstIndex + index)},${ZONES[index % ZONES.length]},Customer ${index},c-${index},agent-${index % 50},en\n`);
    }
    yield lines.join('');
  }
}

async function newCampaign(base: string, callsPerSecond: number, contacts: unknown[] = []): Promise<string> {
  const body = { name: `bench ${callsPerSecond}/s`, callsPerSecond, window: { start: '09:00', end: '20:00' }, maxAttempts: 1, retryAfterMinutes: 60, contacts };
  return ((await call(base, 'POST', '/api/campaigns', JSON.stringify(body))) as { id: string }).id;
}

function seconds(ms: number): number {
  return Number((ms / 1000).toFixed(2));
}

/**
 * Calls per second between the first and the last call, the most calls in any span under a second,
 * and the shortest span that holds one call more than the limit (the limit holds while it is ≥ 1000 ms).
 */
function paceOf(arrivals: number[], limit: number): { rate: number; busiest: number; tightestMs: number } {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let busiest = 0;
  for (let first = 0, last = 0; last < sorted.length; last += 1) {
    while ((sorted[last] ?? 0) - (sorted[first] ?? 0) >= 1000) first += 1;
    busiest = Math.max(busiest, last - first + 1);
  }
  let tightestMs = Infinity;
  for (let index = 0; index + limit < sorted.length; index += 1) tightestMs = Math.min(tightestMs, (sorted[index + limit] ?? 0) - (sorted[index] ?? 0));
  const span = ((sorted[sorted.length - 1] ?? 0) - (sorted[0] ?? 0)) / 1000;
  return { rate: span > 0 ? (sorted.length - 1) / span : 0, busiest, tightestMs };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('bench timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Floor: csv-parse, libphonenumber's typed check and one HSET per row, pipelined; no HTTP, no staging, no feed list, counts or report of rows. */
async function importFloor(redisUrl: string, rowCount: number): Promise<number> {
  const redis = new Redis(redisUrl);
  const started = performance.now();
  let pipeline = redis.pipeline();
  let pending = 0;
  let row = 0;
  for await (const record of Readable.from(contactsCsvLines(rowCount)).pipe(parse({ columns: true, bom: true, trim: true })) as AsyncIterable<Record<string, string>>) {
    const phone = toDialable(record.phone ?? '');
    const zone = canonicalTimeZone(record.timezone ?? '');
    if (!phone.ok || !zone.ok) continue;
    row += 1;
    pipeline.hset(`floor:contact:${row}`, { phone: phone.value, timezone: zone.value, name: record.name ?? '' });
    pending += 1;
    if (pending === 1000) {
      await pipeline.exec();
      pipeline = redis.pipeline();
      pending = 0;
    }
  }
  await pipeline.exec();
  const elapsed = performance.now() - started;
  for (let first = 1; first <= row; first += 10_000) {
    await redis.unlink(...Array.from({ length: Math.min(10_000, row - first + 1) }, (_, offset) => `floor:contact:${first + offset}`));
  }
  redis.disconnect();
  return elapsed;
}

/** Floor: BullMQ's own limiter {max: 1, duration: 1000/cps} (DESIGN's advice) and the twilio client, against the same fake. */
async function pacingFloor(redisUrl: string, fake: FakeTwilio, callsPerSecond: number, count: number): Promise<number[]> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const name = `floor-${callsPerSecond}-${Date.now()}`;
  const queue = new Queue(name, { connection, prefix: 'floor' });
  const client = twilio(ACCOUNT_SID, AUTH_TOKEN, { autoRetry: false });
  client.api.baseUrl = fake.url;
  const before = fake.createRequests.length;
  await queue.addBulk(Array.from({ length: count }, (_, index) => ({ name: 'dial', data: { to: benchPhone(9_000_000 + index) } })));
  const worker = new Worker(
    name,
    async (job) => {
      await client.calls.create({ to: (job.data as { to: string }).to, from: FROM, url: 'http://127.0.0.1:1/voice/incoming' });
    },
    { connection, prefix: 'floor', concurrency: Math.ceil(callsPerSecond * 1.5) + 1, limiter: { max: 1, duration: Math.round(1000 / callsPerSecond) } },
  );
  await waitFor(() => fake.createRequests.length - before >= count, count * 2000 + 10_000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return fake.createRequests.slice(before).map((request) => request.receivedAt);
}

async function pacingService(service: Running, fake: FakeTwilio, callsPerSecond: number, count: number): Promise<number[]> {
  const contacts = Array.from({ length: count }, (_, index) => ({ phone: benchPhone(5_000_000 + callsPerSecond * 100_000 + index), timezone: 'America/New_York' }));
  const id = await newCampaign(service.base, callsPerSecond, contacts);
  const before = fake.createRequests.length;
  await call(service.base, 'POST', `/api/campaigns/${id}/start`);
  await waitFor(() => fake.createRequests.length - before >= count, count * 2000 + 10_000);
  await call(service.base, 'POST', `/api/campaigns/${id}/pause`);
  return fake.createRequests.slice(before).map((request) => request.receivedAt);
}

async function firstCallService(service: Running, fake: FakeTwilio): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < FIRST_CALL_ROUNDS; round += 1) {
    const contacts = Array.from({ length: 200 }, (_, index) => ({ phone: benchPhone(7_000_000 + round * 1000 + index), timezone: 'America/New_York' }));
    const id = await newCampaign(service.base, 5, contacts);
    const before = fake.createRequests.length;
    const started = performance.timeOrigin + performance.now();
    await call(service.base, 'POST', `/api/campaigns/${id}/start`);
    await waitFor(() => fake.createRequests.length > before, 10_000);
    times.push((fake.createRequests[before]?.receivedAt ?? 0) - started);
    await call(service.base, 'POST', `/api/campaigns/${id}/pause`);
  }
  return times;
}

async function firstCallFloor(redisUrl: string, fake: FakeTwilio): Promise<number[]> {
  const times: number[] = [];
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const client = twilio(ACCOUNT_SID, AUTH_TOKEN, { autoRetry: false });
  client.api.baseUrl = fake.url;
  for (let round = 0; round < FIRST_CALL_ROUNDS; round += 1) {
    const name = `floor-first-${round}-${Date.now()}`;
    const queue = new Queue(name, { connection, prefix: 'floor' });
    const before = fake.createRequests.length;
    const started = performance.timeOrigin + performance.now();
    await queue.add('dial', { to: benchPhone(8_000_000 + round) });
    const worker = new Worker(name, async (job) => void (await client.calls.create({ to: (job.data as { to: string }).to, from: FROM, url: 'http://127.0.0.1:1/' })), { connection, prefix: 'floor' });
    await waitFor(() => fake.createRequests.length > before, 10_000);
    times.push((fake.createRequests[before]?.receivedAt ?? 0) - started);
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
  connection.disconnect();
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function runDialerBench(): Promise<BenchSection> {
  const redis: EmbeddedRedis = await startEmbeddedRedis();
  // Calls end by themselves 3 s after they were placed, as unanswered calls would, so the cap on calls in progress never bites.
  const fake = await FakeTwilio.start({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, autoFinish: { afterMs: 3000, callStatus: 'no-answer' } });
  const service = await startService(redis.url, 'bench:', fake.url);
  const rows: BenchSection['rows'] = [];
  try {
    if (IMPORT_ROWS > 0) await benchImport(rows, redis.url);
    await benchPacing(rows, redis.url, service, fake);
    await benchFirstCall(rows, redis.url, service, fake);
  } finally {
    await service.close();
    await fake.close();
    await redis.stop();
  }
  return {
    title: `Dialer against a fake Twilio (pacing runs of ${PACING_SECONDS} s${PACING_SECONDS < 60 ? '; BENCH_DIALER_SECONDS=60 for the full minute' : ''})`,
    rows,
    notes: NOTES,
  };
}

/** POSTs a generated CSV as a stream (chunked), as a client uploading a large file does; answers the parsed reply. */
async function uploadCsv(base: string, path: string, rowCount: number): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown> }));
    });
    request.on('error', reject);
    pipeline(Readable.from(contactsCsvLines(rowCount)), request).catch(reject);
  });
}

/**
 * The import runs against the built service in its own process (as in production), so its peak
 * resident memory is the service's alone; the CSV is generated while it is sent.
 */
async function benchImport(rows: BenchSection['rows'], redisUrl: string): Promise<void> {
  const floorImportMs = await importFloor(redisUrl, IMPORT_ROWS);
  const service = await startNodeServer('dist/src/main.js', { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: 'bench-import:', ADMIN_TOKEN, LOG_LEVEL: 'warn', DIALER_WORKERS: 'off' }, 'listening');
  try {
    const campaign = await newCampaign(service.base, 1);
    const baselineMb = peakRssMb(service.pid);
    const importStarted = performance.now();
    const answer = await uploadCsv(service.base, `/api/campaigns/${campaign}/contacts`, IMPORT_ROWS);
    const importMs = performance.now() - importStarted;
    if (answer.status !== 201 || answer.body.imported !== IMPORT_ROWS) throw new Error(`import answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    const rowsLabel = IMPORT_ROWS.toLocaleString('en');
    rows.push({ measure: `import ${rowsLabel} CSV contacts (s)`, service: seconds(importMs), floor: seconds(floorImportMs), target: IMPORT_ROWS >= 1_000_000 ? '≤ 60' : '' });
    rows.push({ measure: `import ${rowsLabel}: service process peak RSS (MB; ${baselineMb} before)`, service: peakRssMb(service.pid), floor: null, target: '≤ 512' });
  } finally {
    await service.stop();
  }
}

async function benchPacing(rows: BenchSection['rows'], redisUrl: string, service: Running, fake: FakeTwilio): Promise<void> {
  for (const callsPerSecond of RATES) {
    const count = Math.round(callsPerSecond * PACING_SECONDS) + 1;
    const limit = Math.max(1, Math.floor(callsPerSecond));
    const floor = paceOf(await pacingFloor(redisUrl, fake, callsPerSecond, count), limit);
    const measured = paceOf(await pacingService(service, fake, callsPerSecond, count), limit);
    const error = (rate: number): string => `${((rate / callsPerSecond - 1) * 100).toFixed(1)}%`;
    rows.push({ measure: `${callsPerSecond}/s over ${PACING_SECONDS} s: rate error`, service: error(measured.rate), floor: error(floor.rate), target: '±5%' });
    rows.push({ measure: `${callsPerSecond}/s over ${PACING_SECONDS} s: most calls in any second`, service: measured.busiest, floor: floor.busiest, target: `≤ ${callsPerSecond}` });
    rows.push({ measure: `${callsPerSecond}/s over ${PACING_SECONDS} s: shortest span of ${limit + 1} calls (ms)`, service: Math.round(measured.tightestMs), floor: Math.round(floor.tightestMs), target: '≥ 1000' });
  }
}

async function benchFirstCall(rows: BenchSection['rows'], redisUrl: string, service: Running, fake: FakeTwilio): Promise<void> {
  const serviceFirst = await firstCallService(service, fake);
  const floorFirst = await firstCallFloor(redisUrl, fake);
  rows.push({ measure: `start → first call (ms), median of ${FIRST_CALL_ROUNDS}`, service: Math.round(median(serviceFirst)), floor: Math.round(median(floorFirst)), target: '≤ 1000' });
  rows.push({ measure: `start → first call (ms), worst of ${FIRST_CALL_ROUNDS}`, service: Math.round(Math.max(...serviceFirst)), floor: Math.round(Math.max(...floorFirst)), target: '≤ 1000' });
}

const NOTES = [
  'Arrival times are taken where Twilio would see them: in the fake REST server, per create request.',
  'Import: a generated CSV streamed over HTTP to the built service in its own process (DIALER_WORKERS=off); peak RSS is that process\'s VmHWM. BENCH_DIALER_IMPORT_ROWS sets the rows (default 1,000,000).',
  'Import floor: csv-parse + libphonenumber (full metadata, the same typed check) + one pipelined HSET per row, in the bench process (no HTTP, no staging, no rejected-row report, no feed list or counts).',
  'Pacing floor: a BullMQ worker with limiter {max: 1, duration: 1000/cps} creating calls with the twilio client; the service paces on Redis with a 25 ms margin per second.',
  'First-call floor: queue.add, then a new BullMQ worker takes the job and creates the call.',
];
