import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDigestSchedule } from '../../src/alerts/digest-schedule.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { seedResponse } from '../review/support/seed.js';

const SECOND = 1000;
const HOUR = 3_600_000;

async function get<T = Record<string, unknown>>(app: TestApp, path: string): Promise<T> {
  const response = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  return (path.startsWith('/api/') ? response.json() : response.text()) as Promise<T>;
}

/**
 * A local day D of the zone and the instants (UTC, worked out by hand) of the local midnights
 * around it. Around each of D's two midnights a response lands one second before and one after:
 *   D−1 23:59:59 promoter · D 00:00:00 detractor · D 23:59:59 passive · D+1 00:00:00 promoter
 * so D holds a detractor and a passive, and its neighbours a promoter each.
 */
interface ZoneCase {
  zone: string;
  day: string;
  dayBefore: string;
  dayAfter: string;
  /** Local midnights starting D−1, D, D+1 and D+2. */
  midnights: [string, string, string, string];
  /** Length of D in hours. */
  hours: number;
  /** Local midnight of the Monday starting D's week. */
  weekStart: string;
}

const CASES: ZoneCase[] = [
  // Spring forward: 02:00 CET becomes 03:00 CEST on Sunday 29 March 2026.
  {
    zone: 'Europe/Budapest',
    day: '2026-03-29',
    dayBefore: '2026-03-28',
    dayAfter: '2026-03-30',
    midnights: ['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-30T22:00:00.000Z'],
    hours: 23,
    weekStart: '2026-03-22T23:00:00.000Z',
  },
  // Fall back: 03:00 CEST becomes 02:00 CET on Sunday 25 October 2026.
  {
    zone: 'Europe/Budapest',
    day: '2026-10-25',
    dayBefore: '2026-10-24',
    dayAfter: '2026-10-26',
    midnights: ['2026-10-23T22:00:00.000Z', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z', '2026-10-26T23:00:00.000Z'],
    hours: 25,
    weekStart: '2026-10-18T22:00:00.000Z',
  },
  // EET/EEST (+02:00/+03:00), spring forward at 03:00 local the same Sunday.
  {
    zone: 'Europe/Vilnius',
    day: '2026-03-29',
    dayBefore: '2026-03-28',
    dayAfter: '2026-03-30',
    midnights: ['2026-03-27T22:00:00.000Z', '2026-03-28T22:00:00.000Z', '2026-03-29T21:00:00.000Z', '2026-03-30T21:00:00.000Z'],
    hours: 23,
    weekStart: '2026-03-22T22:00:00.000Z',
  },
  // +03:30 all year: midnight falls on the half hour in UTC.
  {
    zone: 'Asia/Tehran',
    day: '2026-06-17',
    dayBefore: '2026-06-16',
    dayAfter: '2026-06-18',
    midnights: ['2026-06-15T20:30:00.000Z', '2026-06-16T20:30:00.000Z', '2026-06-17T20:30:00.000Z', '2026-06-18T20:30:00.000Z'],
    hours: 24,
    weekStart: '2026-06-14T20:30:00.000Z',
  },
  // +14:00: a local day starts on the previous UTC date.
  {
    zone: 'Pacific/Kiritimati',
    day: '2026-06-17',
    dayBefore: '2026-06-16',
    dayAfter: '2026-06-18',
    midnights: ['2026-06-15T10:00:00.000Z', '2026-06-16T10:00:00.000Z', '2026-06-17T10:00:00.000Z', '2026-06-18T10:00:00.000Z'],
    hours: 24,
    weekStart: '2026-06-14T10:00:00.000Z',
  },
];

const at = (iso: string, offsetMs: number): Date => new Date(Date.parse(iso) + offsetMs);

describe.each(CASES)('reports in $zone around $day', (zoneCase) => {
  const [midnightBefore, midnightOfDay, midnightAfter, midnightAfterNext] = zoneCase.midnights;
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ REPORT_TIME_ZONE: zoneCase.zone });
    const seeds: Array<[string, Date, number]> = [
      ['before', at(midnightOfDay, -SECOND), 9],
      ['first', at(midnightOfDay, 0), 3],
      ['last', at(midnightAfter, -SECOND), 7],
      ['after', at(midnightAfter, 0), 9],
    ];
    for (const [id, when, score] of seeds) await seedResponse(app.services, { id, at: when, score, agentId: 'a1', reason: 'fine', tags: [] });
  });
  afterAll(async () => app?.close());

  it(`when D is a local day of ${zoneCase.hours} hours, then its midnights are ${zoneCase.hours} hours apart`, () => {
    expect(Date.parse(midnightAfter) - Date.parse(midnightOfDay)).toBe(zoneCase.hours * HOUR);
  });

  it('when the summary asks for the day by date, then it spans local midnight to local midnight and holds the two responses inside', async () => {
    const summary = await get(app, `/api/review/summary?from=${zoneCase.day}&to=${zoneCase.dayAfter}`);
    expect(summary).toMatchObject({ from: midnightOfDay, to: midnightAfter, total: 2, promoters: 0, passives: 1, detractors: 1 });
    expect(summary.volumes).toMatchObject({ started: 2, completed: 2 });
  });

  it('when from and to are instants that cut the neighbouring days, then the pieces count exactly', async () => {
    const from = encodeURIComponent(at(midnightOfDay, -SECOND).toISOString());
    const to = encodeURIComponent(at(midnightAfter, SECOND).toISOString());
    expect(await get(app, `/api/review/summary?from=${from}&to=${to}`)).toMatchObject({ total: 4, promoters: 2, passives: 1, detractors: 1 });
    const inside = encodeURIComponent(at(midnightOfDay, SECOND).toISOString());
    expect(await get(app, `/api/review/summary?from=${inside}&to=${zoneCase.dayAfter}`)).toMatchObject({ total: 1, passives: 1 });
  });

  it('when the trend is asked by day, then each point starts at a local midnight and holds its own responses', async () => {
    const trend = await get<{ points: Array<{ start: string; total: number; promoters: number }> }>(app, `/api/review/trend?interval=day&from=${zoneCase.dayBefore}&to=${zoneCase.dayAfter}`);
    expect(trend.points.map((point) => [point.start, point.total])).toEqual([
      [midnightBefore, 1],
      [midnightOfDay, 2],
    ]);
    const longer = await get<{ points: Array<{ start: string; total: number }> }>(app, `/api/review/trend?interval=day&from=${zoneCase.dayBefore}&to=${encodeURIComponent(midnightAfterNext)}`);
    expect(longer.points.map((point) => [point.start, point.total])).toEqual([
      [midnightBefore, 1],
      [midnightOfDay, 2],
      [midnightAfter, 1],
    ]);
  });

  it('when the trend is asked by week, then the point starts at local midnight of the Monday', async () => {
    const trend = await get<{ points: Array<{ start: string; total: number }> }>(app, `/api/review/trend?interval=week&from=${encodeURIComponent(zoneCase.weekStart)}&to=${zoneCase.dayAfter}`);
    expect(trend.points[0]).toMatchObject({ start: zoneCase.weekStart });
    expect(trend.points.reduce((sum, point) => sum + point.total, 0)).toBe(3);
  });

  it('when the daily report of the day is opened, then it counts the responses of the local day', async () => {
    const page = await get<string>(app, `/review/daily?day=${zoneCase.day}`);
    expect(page).toContain('2 scored: 0 promoters, 1 passives, 1 detractors.');
    const digest = await app.services.review.dailyDigest(zoneCase.day);
    expect(digest.summary).toMatchObject({ from: midnightOfDay, to: midnightAfter });
    expect(digest.trend.at(-1)).toMatchObject({ start: midnightOfDay, total: 2 });
    expect(digest.trend.at(-2)).toMatchObject({ start: midnightBefore, total: 1 });
  });

  it('when the digest hour comes in the zone, then the local yesterday is posted, not before', async () => {
    // DIGEST_TIME 08:00 local on D+1: one second before, nothing; at 08:00, D is posted.
    const eight = Date.parse(midnightAfter) + 8 * HOUR;
    let clock = eight - SECOND;
    let reads = 0;
    const posted: string[] = [];
    let onPost: (day: string) => void = () => undefined;
    const stop = startDigestSchedule({
      redis: app.services.redis,
      keys: app.services.keys,
      logger: app.services.logger,
      calendar: app.services.review.reports.calendar,
      at: '08:00',
      build: (day) => app.services.review.dailyDigest(day),
      post: (day) => {
        posted.push(day);
        onPost(day);
        return Promise.resolve();
      },
      now: () => {
        reads += 1;
        return clock;
      },
      checkEveryMs: 5,
    });
    try {
      await expect.poll(() => reads, { interval: 5 }).toBeGreaterThanOrEqual(3);
      expect(posted).toEqual([]);
      const post = new Promise<string>((resolve) => (onPost = resolve));
      clock = eight;
      expect(await post).toBe(zoneCase.day);
    } finally {
      stop();
    }
  });
});
