import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKeys } from '../../src/redis/keys.js';
import { readDayCounters } from '../../src/reports/day-counters.js';
import { openKeyspace } from '../../src/store/keyspace.js';
import { LEGACY_RESPONSES, LEGACY_SUPERVISOR, daysAgo, legacyKeys, writeLegacyResponses, writeLegacyStore } from '../support/legacy-layout.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { createTestRedis, type TestRedis } from '../support/test-redis.js';
import { FormClient, signIn } from '../review/support/browserless-client.js';
import { buildOnce, ROOT } from './run-cli.js';

const PARTITIONS = 4;
const DAYS = [5, 4].map((ago) => daysAgo(ago, 0).toISOString().slice(0, 10));

let script: string;
beforeAll(() => {
  script = buildOnce('migrate-keyspace.js');
}, 120_000);

function runMigration(t: TestRedis, args: string[] = [], onSpawn?: (child: ChildProcess) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', REDIS_URL: t.url, REDIS_KEY_PREFIX: t.prefix, REDIS_PARTITIONS: String(PARTITIONS), ADMIN_TOKEN: TEST_ADMIN_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    onSpawn?.(child);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, lines: stdout.split('\n').filter((line) => line !== ''), stderr }));
  });
}

async function allKeys(t: TestRedis): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await t.redis.scan(cursor, 'MATCH', `${t.prefix}*`, 'COUNT', 1000);
    found.push(...keys.map((key) => key.slice(t.prefix.length)));
    cursor = next;
  } while (cursor !== '0');
  return found.sort();
}

const bearer = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

describe('migrate-keyspace command', () => {
  let t: TestRedis | undefined;
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await t?.cleanup();
    t = undefined;
  });

  it('when a store of the layout before partitions is migrated, then the service starts on it with the same numbers, transcripts, review queue and supervisor', async () => {
    t = await createTestRedis();
    await writeLegacyStore(t.redis, t.prefix);
    const countersBefore = await readDayCounters(t.redis, legacyKeys(t.prefix), DAYS);
    // The fixture wrote the old names, spelled out here as the old code spelled them.
    const voice = LEGACY_RESPONSES.voiceDetractor;
    expect(await allKeys(t)).toEqual(
      expect.arrayContaining([
        `resp:{${voice}}`, `resp:{${voice}}:transcript`, `resp:{${voice}}:steps`, 'idx:created', 'idx:created:voice', 'idx:created:chat', 'idx:scored',
        'idx:customer:cust-1', 'idx:phone:+15551230001', `counters:${DAYS[0]}`, `counters:${DAYS[1]}`, 'events', 'idle-chat:cursor', 'supervisor:alice', 'supervisors',
        'review:queue:open', `review:{${voice}}`, `rollup:D${DAYS[0]}:totals`, 'campaign-contacts:phone:+15551230009',
      ]),
    );
    await expect(openKeyspace(t.redis, t.prefix, PARTITIONS)).rejects.toThrow('Run `npm run -s migrate-keyspace` once');

    const run = await runMigration(t);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.lines.at(-1)).toMatch(
      /^migrated into 4 partitions: 5 responses moved in [0-9.]+ s \([0-9]+\/s\), 2 day counters, 1 supervisors, 1 review queue indexes, 4 roll-ups, 1 campaign contact indexes, 2 queue keys, 3 pending events re-emitted, 10 handled events dropped, [0-9]+ old indexes deleted$/,
    );

    // Nothing of the old names is left; the renamed keys are where today's code looks.
    const left = await allKeys(t);
    expect(left.filter((key) => /^(resp:|idx:|counters:|events$|idle-chat:|supervisor|review:queue:|rollup:D|campaign-contacts:|bull:|dialer:dial-)/.test(key))).toEqual([]);
    const keys = createKeys(t.prefix, PARTITIONS);
    expect(await t.redis.smembers(keys.campaignContactsOfPhone('camp-1', '+15551230009'))).toEqual(['1']);
    expect(await t.redis.smembers(keys.campaignContactsOfPhone('camp-2', '+15551230009'))).toEqual(['4']);
    expect(await t.redis.hget(`${keys.alertQueuePrefix()}:{review-alerts}:meta`, 'opts.maxLenEvents')).toBe('10000');
    expect(await t.redis.hget(`${keys.dialerQueuePrefix()}:dial-{camp-1}:meta`, 'opts.maxLenEvents')).toBe('10000');
    expect(await t.redis.get(keys.dialerLine('+15551230009'))).toBe('camp-1:1:1');
    expect(await readDayCounters(t.redis, keys, DAYS)).toEqual(countersBefore);
    const cursor = String(daysAgo(4, 15).getTime());
    const redis = t.redis;
    expect(await Promise.all(keys.partitionList.map((partition) => redis.get(keys.idleChatCursor(partition))))).toEqual(keys.partitionList.map(() => cursor));

    app = await startTestApp({ REDIS_PARTITIONS: String(PARTITIONS) }, { onRedis: t });
    const from = daysAgo(6, 0).toISOString();
    const to = daysAgo(3, 0).toISOString();
    const summary = (await (await fetch(`${app.baseUrl}/api/review/summary?from=${from}&to=${to}`, { headers: bearer })).json()) as Record<string, unknown>;
    expect(summary).toMatchObject({ promoters: 1, passives: 1, detractors: 2, total: 4, nps: -25, volumes: expect.objectContaining({ started: 5, completed: 3 }) });

    const listed = (await (await fetch(`${app.baseUrl}/api/review/responses?limit=10`, { headers: bearer })).json()) as { items: Array<{ id: string }> };
    expect(listed.items.map((item) => item.id).sort()).toEqual(Object.values(LEGACY_RESPONSES).sort());

    const transcriptOf = async (id: string): Promise<string> => {
      const page = await fetch(`${app?.baseUrl}/review/responses/${id}`, { headers: bearer });
      expect(page.status).toBe(200);
      return page.text();
    };
    expect(await transcriptOf(LEGACY_RESPONSES.chatPromoter)).toContain('The staff were friendly and quick');
    expect(await transcriptOf(LEGACY_RESPONSES.voiceDetractor)).toContain('I waited far too long on hold');
    expect(await transcriptOf(LEGACY_RESPONSES.voicePartial)).toContain('What is the main reason for your score?');
    expect(await transcriptOf(LEGACY_RESPONSES.chatInProgress)).toContain('How likely are you to recommend us, 0 to 10?');

    // The queue item written before, and the one the re-emitted events make once the consumer handles them.
    await expect
      .poll(async () => (await (await fetch(`${app?.baseUrl}/review/queue`, { headers: bearer })).text()).match(/href="\/review\/responses\/[^"#]+#review"/g)?.sort(), { timeout: 10_000 })
      .toEqual([`href="/review/responses/${LEGACY_RESPONSES.voiceDetractor}#review"`, `href="/review/responses/${LEGACY_RESPONSES.voiceDetractorUnhandled}#review"`].sort());

    const client = new FormClient(app.baseUrl);
    const signedIn = await signIn(client, LEGACY_SUPERVISOR.username, LEGACY_SUPERVISOR.password);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/review');
  }, 60_000);

  it('when the migration runs a second time, then it moves nothing and every count stays the same', async () => {
    t = await createTestRedis();
    await writeLegacyStore(t.redis, t.prefix);
    const countersBefore = await readDayCounters(t.redis, legacyKeys(t.prefix), DAYS);
    expect((await runMigration(t)).code).toBe(0);
    const keysAfterFirst = await allKeys(t);
    const again = await runMigration(t);
    expect(again.code).toBe(0);
    expect(again.lines.at(-1)).toMatch(/^migrated into 4 partitions: 0 responses moved .*, 0 day counters, 0 supervisors, 0 review queue indexes, 0 roll-ups, 0 campaign contact indexes, 0 queue keys, 0 pending events re-emitted, 0 handled events dropped, 0 old indexes deleted$/);
    expect(await allKeys(t)).toEqual(keysAfterFirst);
    expect(await readDayCounters(t.redis, createKeys(t.prefix, PARTITIONS), DAYS)).toEqual(countersBefore);
  }, 60_000);

  it('when a run stops after some responses, then the service still refuses the store, and the next run moves the rest', async () => {
    t = await createTestRedis();
    await writeLegacyStore(t.redis, t.prefix);
    const countersBefore = await readDayCounters(t.redis, legacyKeys(t.prefix), DAYS);
    const keys = createKeys(t.prefix, PARTITIONS);
    const ids = Object.values(LEGACY_RESPONSES);
    const redis = t.redis;
    const moved = async (): Promise<number> => (await Promise.all(ids.map((id) => redis.exists(keys.response(id))))).filter((exists) => exists === 1).length;

    const first = await runMigration(t, ['--limit', '2']);
    expect(first.code).toBe(0);
    expect(first.lines.at(-1)).toMatch(/^not finished: 2 responses moved .*run the command again to carry on$/);
    expect(await moved()).toBe(2);
    await expect(openKeyspace(t.redis, t.prefix, PARTITIONS)).rejects.toThrow('migrate-keyspace');

    const second = await runMigration(t, ['--limit', '2']);
    expect(second.lines.at(-1)).toMatch(/^not finished: 2 responses moved/);
    expect(await moved()).toBe(4);

    const last = await runMigration(t);
    expect(last.code).toBe(0);
    expect(last.lines.at(-1)).toMatch(/^migrated into 4 partitions: 1 responses moved .*, 2 day counters, .*3 pending events re-emitted, 10 handled events dropped/);
    expect(await moved()).toBe(5);
    expect(await readDayCounters(t.redis, keys, DAYS)).toEqual(countersBefore);
    await expect(openKeyspace(t.redis, t.prefix, PARTITIONS)).resolves.toMatchObject({ partitions: PARTITIONS });
  }, 60_000);

  it('when the command is killed mid-run, then every response is wholly in one layout, and the next run finishes the job', async () => {
    t = await createTestRedis();
    const count = 3000;
    await writeLegacyResponses(t.redis, t.prefix, count);
    const legacy = legacyKeys(t.prefix);
    const keys = createKeys(t.prefix, PARTITIONS);
    const ids = await t.redis.zrange(legacy.responsesByCreation(0), 0, -1, 'WITHSCORES');
    const countersBefore = await readDayCounters(t.redis, legacy, DAYS);

    // Killed as soon as the first responses are in their partitions, while it is moving the rest.
    const redis = t.redis;
    const movedSoFar = async (): Promise<number> => (await Promise.all(keys.partitionList.map((partition) => redis.zcard(keys.responsesByCreation(partition))))).reduce((sum, size) => sum + size, 0);
    const killed = await runMigration(t, [], (child) => {
      void (async () => {
        while (child.exitCode === null && (await movedSoFar()) === 0);
        child.kill('SIGKILL');
      })();
    });
    expect(killed.signal).toBe('SIGKILL');
    let newCount = 0;
    for (let index = 0; index < ids.length; index += 2) {
      const id = ids[index] as string;
      const partition = keys.partitionOf(id);
      const [oldHash, oldTranscript, oldSteps, newHash, newTranscript, newSteps, created] = await Promise.all([
        t.redis.exists(legacy.response(id)), t.redis.exists(legacy.transcript(id)), t.redis.exists(legacy.responseSteps(id)),
        t.redis.exists(keys.response(id)), t.redis.exists(keys.transcript(id)), t.redis.exists(keys.responseSteps(id)),
        t.redis.zscore(keys.responsesByCreation(partition), id),
      ]);
      const isNew = newHash === 1;
      newCount += isNew ? 1 : 0;
      expect({ id, old: [oldHash, oldTranscript, oldSteps], new: [newHash, newTranscript, newSteps], created }).toEqual(
        isNew ? { id, old: [0, 0, 0], new: [1, 1, 1], created: ids[index + 1] } : { id, old: [1, 1, 1], new: [0, 0, 0], created: null },
      );
    }
    await expect(openKeyspace(t.redis, t.prefix, PARTITIONS)).rejects.toThrow('migrate-keyspace');

    expect(newCount).toBeGreaterThan(0);
    expect(newCount).toBeLessThan(count);
    const rerun = await runMigration(t);
    expect(rerun.code).toBe(0);
    expect(rerun.lines.at(-1)).toContain(`migrated into 4 partitions: ${count - newCount} responses moved`);
    expect(await readDayCounters(t.redis, keys, DAYS)).toEqual(countersBefore);
    const perPartition = await Promise.all(keys.partitionList.map((partition) => redis.zcard(keys.responsesByCreation(partition))));
    expect(perPartition.reduce((sum, size) => sum + size, 0)).toBe(count);
    expect(perPartition.every((size) => size > 0)).toBe(true);
  }, 120_000);

  it('when REDIS_PARTITIONS differs from the keyspace already created, then the command refuses and changes nothing', async () => {
    t = await createTestRedis();
    await writeLegacyStore(t.redis, t.prefix);
    await t.redis.set(createKeys(t.prefix, 8).keyspacePartitions(), '8');
    const keysBefore = await allKeys(t);
    const run = await runMigration(t);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('REDIS_PARTITIONS is 4, but this keyspace was created with 8 partitions');
    expect(await allKeys(t)).toEqual(keysBefore);
  }, 60_000);
});
