import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { expectMatchesOpenApi } from '../support/openapi-responses.js';

async function getJson(app: TestApp, path: string, token: string | null = TEST_ADMIN_TOKEN): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${app.baseUrl}${path}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as Record<string, unknown>;
  // Every answer of the results API matches its operation in /openapi.json.
  if (token === TEST_ADMIN_TOKEN) await expectMatchesOpenApi(app.baseUrl, 'GET', new URL(path, app.baseUrl).pathname, response.status, body);
  return { status: response.status, body };
}

describe('results API', () => {
  let app: TestApp;
  let seq = 0;
  const seed = async (score: number | null, at: string, options: { channel?: 'voice' | 'chat'; test?: boolean } = {}) => {
    seq += 1;
    const id = `seed-${seq}`;
    const when = new Date(at);
    await app.services.store.applyTurn({ id, create: { channel: options.channel ?? 'chat', conversationId: `conv-${seq}`, language: 'en', ...(options.test ? { test: true } : {}) }, at: when });
    if (score !== null) await app.services.store.applyTurn({ id, events: [{ type: 'score', score }], at: when });
    return id;
  };

  beforeAll(async () => {
    app = await startTestApp();
    // 2026-11-01: 6 promoters, 2 passives, 2 detractors (chat); 2026-11-02 09:00 and 15:00: one detractor each (voice).
    for (const score of [9, 9, 10, 10, 9, 10, 7, 8, 3, 6]) await seed(score, '2026-11-01T12:00:00Z');
    await seed(0, '2026-11-02T09:00:00Z', { channel: 'voice' });
    await seed(5, '2026-11-02T15:00:00Z', { channel: 'voice' });
    await seed(null, '2026-11-02T16:00:00Z', { channel: 'voice' });
    await seed(10, '2026-11-02T10:00:00Z', { test: true });
  });
  afterAll(async () => app?.close());

  it('when no token is sent, then every results call is 401', async () => {
    for (const path of ['/api/review/responses', '/api/review/summary']) {
      expect((await getJson(app, path, null)).status).toBe(401);
      expect((await getJson(app, path, 'wrong-token')).status).toBe(401);
    }
  });

  it('when the summary is asked over everything, then it matches the hand computation', async () => {
    // P = 6, passives = 2, D = 4, n = 12: NPS = 100 × (6 − 4) / 12 = 16.666…
    // p = 0.5, d = 1/3: MoE = 196 × √((0.5 + 1/3 − (1/6)²) / 12) = 196 × √(0.805555… / 12) = 50.7826…
    const { body } = await getJson(app, '/api/review/summary');
    expect(body).toMatchObject({ total: 12, promoters: 6, passives: 2, detractors: 4 });
    expect(body.nps).toBeCloseTo(16.6667, 3);
    expect(body.marginOfError).toBeCloseTo(196 * Math.sqrt((0.5 + 1 / 3 - (1 / 6) ** 2) / 12), 9);
  });

  it('when from/to cut through a day, then only responses scored inside [from, to) count', async () => {
    const { body } = await getJson(app, '/api/review/summary?from=2026-11-01T12:00:00Z&to=2026-11-02T10:00:00Z');
    expect(body).toMatchObject({ total: 11, promoters: 6, passives: 2, detractors: 3 });
  });

  it('when the summary is filtered by channel, then only that channel counts', async () => {
    const { body } = await getJson(app, '/api/review/summary?channel=voice&from=2026-11-02');
    expect(body).toMatchObject({ total: 2, promoters: 0, detractors: 2, nps: -100 });
  });

  it('when there are no scored responses, then NPS and margin are null', async () => {
    const { body } = await getJson(app, '/api/review/summary?from=2025-01-01&to=2025-02-01');
    expect(body).toMatchObject({ total: 0, nps: null, marginOfError: null });
  });

  it.each(['from=yesterday', 'to=2026-13-45', 'channel=fax', 'from=2026-11-03&to=2026-11-01'])('when the query has %s, then it is refused with 400', async (query) => {
    const { status, body } = await getJson(app, `/api/review/summary?${query}`);
    expect(status).toBe(400);
    expect(body.error).toEqual(expect.any(String));
  });

  it('when responses are listed, then they come newest first, include unscored and test ones, and honour channel and limit', async () => {
    const all = (await getJson(app, '/api/review/responses?limit=100')).body.items as Array<Record<string, unknown>>;
    expect(all).toHaveLength(14);
    expect(all[0]).toMatchObject({ conversationId: 'conv-13', score: null, category: null, status: 'abandoned' });
    expect(all.find((item) => item.conversationId === 'conv-14')).toMatchObject({ test: true });
    const voice = (await getJson(app, '/api/review/responses?channel=voice&limit=2')).body.items as Array<Record<string, unknown>>;
    expect(voice.map((item) => item.conversationId)).toEqual(['conv-13', 'conv-12']);
  });

  it('when the trend, agents and drivers are asked, then each answers 200 with the body /openapi.json documents', async () => {
    // getJson checks each body against the operation's response schema.
    for (const path of ['/api/review/trend?from=2026-10-30&to=2026-11-05', '/api/review/trend?interval=week&from=2026-10-01&to=2026-11-05', '/api/review/agents?from=2026-10-30&to=2026-11-05', '/api/review/drivers?from=2026-10-30&to=2026-11-05']) {
      expect((await getJson(app, path)).status, path).toBe(200);
    }
    expect((await getJson(app, '/api/review/trend?interval=month')).status).toBe(400);
  });
});
