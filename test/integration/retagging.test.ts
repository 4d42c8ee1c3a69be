import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTagger } from '../../src/tagging/tagger.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { expectMatchesOpenApi } from '../support/openapi-responses.js';
import { dayCounters } from '../support/redis-inspection.js';

describe('re-tagging stored reasons', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  const call = (method: string) => fetch(`${app.baseUrl}/api/review/retag`, { method, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });

  it('when the tagger version changed, then an admin call re-tags old reasons in the background and moves their tag counters', async () => {
    const at = new Date('2026-11-10T10:00:00Z');
    await app.services.store.applyTurn({ id: 'old-1', create: { channel: 'chat', conversationId: 'old-1', language: 'en' }, events: [{ type: 'score', score: 2 }], at });
    await app.services.store.applyTurn({
      id: 'old-1',
      events: [{ type: 'reason', reason: 'I waited on hold for an hour', tags: ['price_billing'], sentiment: 'positive', language: 'en', taggerVersion: 'retired-version' }],
      at,
    });
    const counters = () => dayCounters(app.redis.redis, app.services.keys, '2026-11-10');
    expect((await counters())['chat|-|-|tag:price_billing:detractor']).toBe('1');

    const started = await call('POST');
    expect(started.status).toBe(202);
    await expectMatchesOpenApi(app.baseUrl, 'POST', '/api/review/retag', started.status, await started.json());
    let progress: Record<string, unknown> = {};
    for (let tries = 0; tries < 100 && progress.state !== 'done'; tries += 1) {
      progress = (await (await call('GET')).json()) as Record<string, unknown>;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(progress).toMatchObject({ state: 'done', retagged: 1, taggerVersion: getTagger().version });
    await expectMatchesOpenApi(app.baseUrl, 'GET', '/api/review/retag', 200, progress);
    const record = await app.services.store.get('old-1');
    expect(record?.tags).toContain('wait_time');
    expect(record?.sentiment).toBe('negative');
    expect((await counters())['chat|-|-|tag:price_billing:detractor']).toBe('0');
    expect((await counters())['chat|-|-|tag:wait_time:detractor']).toBe('1');
  });

  it('when every reason already has the current version, then nothing is re-tagged', async () => {
    const progress = await app.services.retagger.runToEnd();
    expect(progress).toMatchObject({ state: 'done', retagged: 0 });
  });

  it('when the event stream was trimmed past an old reason, then re-tagging still finds it', async () => {
    const at = new Date('2026-11-11T10:00:00Z');
    await app.services.store.applyTurn({ id: 'old-2', create: { channel: 'voice', conversationId: 'old-2', language: 'en' }, events: [{ type: 'score', score: 9 }], at });
    await app.services.store.applyTurn({
      id: 'old-2',
      events: [{ type: 'reason', reason: 'The agent was very friendly', tags: [], sentiment: 'neutral', language: 'en', taggerVersion: 'retired-version' }],
      at,
    });
    for (const partition of app.services.keys.partitionList) await app.redis.redis.xtrim(app.services.keys.events(partition), 'MAXLEN', 0);
    expect(await app.services.retagger.runToEnd()).toMatchObject({ state: 'done', retagged: 1 });
    expect(await app.services.store.get('old-2')).toMatchObject({ tags: ['agent_attitude'], sentiment: 'positive' });
  });

  it('when re-tagging is asked without the token, then it is 401', async () => {
    expect((await fetch(`${app.baseUrl}/api/review/retag`, { method: 'POST' })).status).toBe(401);
  });
});
