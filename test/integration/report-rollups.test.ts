import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, daysOfMonth } from '../../src/reports/report-rollups.js';
import { closeReportDays } from '../../src/reports/rollup-closer.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { seedResponse } from '../review/support/seed.js';

async function api<T = Record<string, unknown>>(app: TestApp, path: string): Promise<T> {
  const response = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

interface Driver {
  tag: string;
  promoters: number;
  passives: number;
  detractors: number;
}

/** September 2026 (a whole closed month) and 1–2 October, local days of Budapest. */
const RANGE = 'from=2026-09-01&to=2026-10-03';

describe('report roll-ups closed in the background', () => {
  let app: TestApp;
  const close = () => closeReportDays(app.services.redis, app.services.keys, app.services.review.reports.counters.rollups, app.services.review.reports.calendar);
  const reads = async () => ({
    summary: await api(app, `/api/review/summary?${RANGE}`),
    trend: await api(app, `/api/review/trend?interval=day&${RANGE}`),
    weeks: await api(app, `/api/review/trend?interval=week&${RANGE}`),
    agents: await api(app, `/api/review/agents?${RANGE}`),
    drivers: await api(app, `/api/review/drivers?${RANGE}`),
    waitTime: await api(app, `/api/review/summary?${RANGE}&tag=wait_time`),
    voice: await api(app, `/api/review/summary?${RANGE}&channel=voice&agentId=a1`),
  });
  const driver = (drivers: { drivers: Driver[] }, tag: string) => drivers.drivers.find((entry) => entry.tag === tag);
  const rollupKeys = () => app.redis.redis.keys(`${app.services.keys.prefix}rollup:{*`);

  beforeAll(async () => {
    app = await startTestApp({ REPORT_TIME_ZONE: 'Europe/Budapest' });
    // Tagged by a retired tagger version: re-tagging will move the first one's tag to wait_time.
    await seedResponse(app.services, { id: 'hold', at: '2026-09-05T10:00:00Z', score: 2, agentId: 'a1', channel: 'voice', reason: 'I waited on hold for an hour', tags: ['price_billing'] });
    await seedResponse(app.services, { id: 'friendly', at: '2026-09-20T10:00:00Z', score: 9, agentId: 'a2', channel: 'chat', reason: 'The agent was very friendly', tags: ['agent_attitude'] });
    // 23:59:59 on 30 September in Budapest, and local midnight of 1 October.
    await seedResponse(app.services, { id: 'last', at: '2026-09-30T21:59:59Z', score: 7, agentId: 'a1', channel: 'voice', reason: 'ok', tags: [] });
    await seedResponse(app.services, { id: 'first', at: '2026-09-30T22:00:00Z', score: 3, agentId: 'a2', channel: 'chat', reason: 'ok', tags: [] });
  });
  afterAll(async () => app?.close());

  it('when the closer closes the days, then every report reads the same figures from the roll-ups, even with the day counters gone', async () => {
    const live = await reads();
    // Reads never build a roll-up: nothing was closed yet.
    expect(await rollupKeys()).toEqual([]);
    expect(live.summary).toMatchObject({ from: '2026-08-31T22:00:00.000Z', to: '2026-10-02T22:00:00.000Z', total: 4, promoters: 1, passives: 1, detractors: 2 });
    expect(live.voice).toMatchObject({ total: 2, passives: 1, detractors: 1 });
    expect(driver(live.drivers as { drivers: Driver[] }, 'price_billing')).toMatchObject({ detractors: 1 });

    const closed = await close();
    expect(closed?.months).toBeGreaterThanOrEqual(1);
    const { redis } = app.redis;
    expect(await redis.hexists(app.services.keys.reportRollup('M2026-09', 'totals'), BUILT)).toBe(1);
    expect(await redis.hexists(app.services.keys.reportRollup('D2026-10-01', 'totals'), BUILT)).toBe(1);
    // A second run finds nothing left to close.
    expect(await close()).toEqual({ days: 0, months: 0 });

    const days = [...daysOfMonth('2026-09'), '2026-10-01', '2026-10-02'];
    await redis.del(...days.flatMap((day) => app.services.keys.partitionList.map((partition) => app.services.keys.dailyCounters(partition, day))));
    expect(await reads()).toEqual(live);
  });

  it('when re-tagging moves the tags of a closed day, then the drivers and the tag filter read from the roll-ups move with them', async () => {
    expect(await app.services.retagger.runToEnd()).toMatchObject({ state: 'done' });
    const drivers = await api<{ drivers: Driver[] }>(app, `/api/review/drivers?${RANGE}`);
    expect(driver(drivers, 'price_billing')).toMatchObject({ promoters: 0, passives: 0, detractors: 0 });
    expect(driver(drivers, 'wait_time')).toMatchObject({ detractors: 1 });
    expect(driver(drivers, 'agent_attitude')).toMatchObject({ promoters: 1 });
    expect(await api(app, `/api/review/summary?${RANGE}&tag=wait_time`)).toMatchObject({ total: 1, detractors: 1 });
    expect(await api(app, `/api/review/summary?${RANGE}&tag=price_billing`)).toMatchObject({ total: 0 });
    // The month and the day moved alike: September alone, read from its month roll-up, agrees.
    expect(await api(app, `/api/review/summary?from=2026-09-05&to=2026-09-06&tag=wait_time`)).toMatchObject({ total: 1 });
  });
});
