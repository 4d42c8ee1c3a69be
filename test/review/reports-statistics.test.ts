import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { DAY_MS, daysAgoAtNoon, isoDay, seedResponse } from './support/seed.js';

async function api<T = Record<string, unknown>>(app: TestApp, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  return { status: response.status, body: (await response.json()) as T };
}

/**
 * Three agents, all ten days ago (a closed day, read from roll-ups), with the same three again today
 * (read from the live counters), so both paths must agree:
 *   a1: 8 promoters, 1 passive, 1 detractor   a2: 2 promoters, 2 passives, 6 detractors   a3: 2, 1, 1
 */
const AGENTS: Record<string, [number, number, number]> = { a1: [8, 1, 1], a2: [2, 2, 6], a3: [2, 1, 1] };

describe('review reports', () => {
  let app: TestApp;
  const closedDay = daysAgoAtNoon(10);
  const today = daysAgoAtNoon(0);

  beforeAll(async () => {
    app = await startTestApp();
    let n = 0;
    for (const at of [closedDay, today]) {
      for (const [agentId, [promoters, passives, detractors]] of Object.entries(AGENTS)) {
        const scores = [...Array(promoters).fill(9), ...Array(passives).fill(7), ...Array(detractors).fill(3)] as number[];
        for (const score of scores) {
          n += 1;
          const waitTime = score === 3 && n % 2 === 0;
          await seedResponse(app.services, {
            id: `r${n}`,
            at,
            score,
            agentId,
            agentName: `Agent ${agentId}`,
            channel: agentId === 'a3' ? 'chat' : 'voice',
            reason: waitTime ? 'I waited 40 minutes on hold' : 'fine',
            tags: waitTime ? ['wait_time'] : score === 9 ? ['agent_attitude'] : [],
          });
        }
      }
    }
    // Left out of every figure: a test response, and one started but never scored (counts as started only).
    await seedResponse(app.services, { id: 'sim', at: today, score: 0, agentId: 'a1', test: true, reason: 'simulator' });
    await seedResponse(app.services, { id: 'unscored', at: today, score: null, agentId: 'a1' });
  });
  afterAll(async () => app?.close());

  it('when the summary covers a closed day, then the roll-up gives the hand-computed NPS and margin', async () => {
    const from = isoDay(closedDay);
    const to = isoDay(new Date(closedDay.getTime() + DAY_MS));
    const { body } = await api(app, `/api/review/summary?from=${from}&to=${to}`);
    // P = 12, passives = 4, D = 8, n = 24: NPS = 100 × (12 − 8) / 24 = 16.666…; p = 0.5, d = 1/3
    // MoE = 196 × √((0.5 + 1/3 − (1/6)²) / 24) = 196 × √(0.805555… / 24) = 35.9084…
    expect(body).toMatchObject({ total: 24, promoters: 12, passives: 4, detractors: 8, lowSample: true });
    expect(body.nps).toBeCloseTo(100 * (4 / 24), 9);
    expect(body.marginOfError).toBeCloseTo(196 * Math.sqrt((0.5 + 1 / 3 - (1 / 6) ** 2) / 24), 9);
    expect(body.volumes).toEqual({ started: 24, completed: 24, optedOut: 0, partial: 0, abandoned: 0 });
  });

  it('when the summary spans the closed day and today, then both days add up and test or unscored responses do not count', async () => {
    const { body } = await api(app, `/api/review/summary?from=${isoDay(closedDay)}`);
    // n = 48 (two copies), NPS unchanged; MoE = 196 × √(0.805555… / 48) = 25.3912…; started = 24 + 24 + 1 unscored
    expect(body).toMatchObject({ total: 48, promoters: 24, passives: 8, detractors: 16, lowSample: false });
    expect(body.marginOfError).toBeCloseTo(196 * Math.sqrt((0.5 + 1 / 3 - (1 / 6) ** 2) / 48), 9);
    expect((body.volumes as Record<string, number>).started).toBe(49);
    expect(body.responseRate).toBeCloseTo(48 / 49, 9);
  });

  it('when the summary is filtered by agent, channel or tag, then only those responses count', async () => {
    const since = `from=${isoDay(closedDay)}`;
    expect((await api(app, `/api/review/summary?${since}&agentId=a2`)).body).toMatchObject({ total: 20, promoters: 4, detractors: 12, nps: -40 });
    expect((await api(app, `/api/review/summary?${since}&channel=chat`)).body).toMatchObject({ total: 8, promoters: 4, passives: 2, detractors: 2, nps: 25 });
    // wait_time sits on the detractors with an even seed number, and only on detractors: counted from the tag counters.
    const tagged = (await api(app, `/api/review/summary?${since}&tag=wait_time`)).body;
    expect(tagged).toMatchObject({ promoters: 0, passives: 0, volumes: null });
    expect(tagged.nps).toBe(-100);
    // Two filters at once: a1 works on voice only, so a1 on voice = a1.
    expect((await api(app, `/api/review/summary?${since}&agentId=a1&channel=voice`)).body).toMatchObject({ total: 20, promoters: 16, detractors: 2 });
  });

  it('when from and to cut through today, then only responses scored inside count', async () => {
    const noon = today.toISOString();
    const before = await api(app, `/api/review/summary?from=${isoDay(closedDay)}&to=${encodeURIComponent(noon)}`);
    expect(before.body).toMatchObject({ total: 24 });
    const after = await api(app, `/api/review/summary?from=${encodeURIComponent(noon)}`);
    expect(after.body).toMatchObject({ total: 24, promoters: 12 });
    expect((after.body.volumes as Record<string, number>).started).toBe(25);
  });

  it('when the trend is asked by day, then each day carries its own NPS and margin and empty days are null', async () => {
    const { body } = await api<{ points: Array<Record<string, unknown>> }>(app, `/api/review/trend?interval=day&from=${isoDay(closedDay)}`);
    expect(body.points).toHaveLength(11);
    expect(body.points[0]).toMatchObject({ start: `${isoDay(closedDay)}T00:00:00.000Z`, total: 24 });
    expect(body.points[0]?.nps).toBeCloseTo(16.6667, 3);
    expect(body.points[0]?.marginOfError).toBeCloseTo(196 * Math.sqrt((0.5 + 1 / 3 - (1 / 6) ** 2) / 24), 9);
    expect(body.points[1]).toMatchObject({ total: 0, nps: null, marginOfError: null });
    expect(body.points[10]).toMatchObject({ start: `${isoDay(today)}T00:00:00.000Z`, total: 24 });
  });

  it('when the trend is asked by week, then the points are Monday-aligned weeks holding the same responses', async () => {
    const { body } = await api<{ points: Array<{ start: string; total: number }> }>(app, `/api/review/trend?interval=week&from=${isoDay(closedDay)}`);
    expect(body.points.reduce((sum, point) => sum + point.total, 0)).toBe(48);
    for (const point of body.points.slice(1)) expect(new Date(point.start).getUTCDay()).toBe(1);
  });

  it('when the trend range is bad, then it is refused with 400', async () => {
    for (const query of ['interval=month', 'interval=day&from=2020-01-01&to=2026-01-01', 'from=2026-02-30x']) {
      const { status, body } = await api(app, `/api/review/trend?${query}`);
      expect(status).toBe(400);
      expect(body.error).toEqual(expect.any(String));
    }
  });

  it('when agents are ranked, then each NPS is shrunk toward the company by the estimated prior', async () => {
    const from = isoDay(closedDay);
    const to = isoDay(new Date(closedDay.getTime() + DAY_MS));
    const { body } = await api<{ prior: Record<string, number | string>; agents: Array<Record<string, unknown>> }>(app, `/api/review/agents?from=${from}&to=${to}`);
    // Per response x = +1/0/−1. a1: mean 0.7, Σx² 9; a2: −0.4, 8; a3: 0.25, 3; N = 24, k = 3, grand mean 1/6.
    // Within SS = (9 − 4.9) + (8 − 1.6) + (3 − 0.25) = 13.25 → MSw = 13.25 / 21 = 53/84
    // Between SS = 10(0.7 − 1/6)² + 10(−0.4 − 1/6)² + 4(0.25 − 1/6)² = 73/12 → MSb = 73/24
    // n0 = (24 − (100 + 100 + 16)/24) / 2 = 7.5; τ² = (73/24 − 53/84) / 7.5 = 9/28; κ = MSw / τ² = 53/27
    const kappa = 53 / 27;
    expect(body.prior).toMatchObject({ source: 'estimated' });
    expect(body.prior.strength).toBeCloseTo(kappa, 9);
    // a1: p̂ = (8 + κ/2) / (10 + κ) = 485/646, d̂ = (1 + κ/3) / (10 + κ) = 134/969
    const p = 485 / 646;
    const d = 134 / 969;
    expect(body.agents.map((agent) => agent.agentId)).toEqual(['a1', 'a3', 'a2']);
    const a1 = body.agents[0] as { shrunkNps: number; low: number; high: number; raw: { nps: number }; agentName: string };
    expect(a1.shrunkNps).toBeCloseTo(100 * (p - d), 9);
    expect(a1.high - a1.shrunkNps).toBeCloseTo(196 * Math.sqrt((p + d - (p - d) ** 2) / (10 + kappa + 1)), 9);
    expect(a1.raw.nps).toBe(70);
    expect(a1.agentName).toBe('Agent a1');
  });

  it('when drivers are asked, then each tag has its frequency among detractors and promoters and its NPS impact', async () => {
    const from = isoDay(closedDay);
    const to = isoDay(new Date(closedDay.getTime() + DAY_MS));
    const { body } = await api<{ drivers: Array<Record<string, unknown>> }>(app, `/api/review/drivers?from=${from}&to=${to}`);
    const attitude = body.drivers.find((driver) => driver.tag === 'agent_attitude');
    // agent_attitude is on all 12 promoters: without them P = 0, D = 8, n = 12 → NPS −66.67; overall 16.67; impact −83.33
    expect(attitude).toMatchObject({ promoters: 12, detractors: 0, shareOfPromoters: 1, shareOfDetractors: 0 });
    expect(attitude?.npsImpact).toBeCloseTo(100 * (-8 / 12) - 100 * (4 / 24), 9);
    const wait = body.drivers.find((driver) => driver.tag === 'wait_time') as { detractors: number; npsImpact: number; examples: Array<{ reason: string }> };
    // wait_time on w detractors: without them P = 12, D = 8 − w, n = 24 − w
    const w = wait.detractors;
    expect(w).toBeGreaterThan(0);
    expect(wait.npsImpact).toBeCloseTo((100 * (12 - (8 - w))) / (24 - w) - 100 * (4 / 24), 9);
    expect(wait.examples[0]?.reason).toBe('I waited 40 minutes on hold');
    expect(body.drivers[0]?.tag).toBe('wait_time');
  });
});
