import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeys } from '../../src/redis/keys.js';
import { ResponseStore } from '../../src/store/response-store.js';
import { createTestRedis, type TestRedis } from '../support/test-redis.js';

describe('ResponseStore', () => {
  let t: TestRedis;
  let store: ResponseStore;
  beforeEach(async () => {
    t = await createTestRedis();
    store = new ResponseStore(t.redis, createKeys(t.prefix));
  });
  afterEach(async () => t.cleanup());

  const create = { channel: 'voice' as const, conversationId: 'CA1', language: 'en', agentId: 'agent-7' };
  const at = new Date('2026-11-20T10:00:00Z');

  it('when a score step is delivered twice, then one score is stored and counted once', async () => {
    await store.applyTurn({ id: 'r1', create, at, position: { step: 'score', attempt: 1 } });
    const first = await store.applyTurn({ id: 'r1', stepKey: 'score:1', events: [{ type: 'score', score: 9 }], at });
    const second = await store.applyTurn({ id: 'r1', stepKey: 'score:1', events: [{ type: 'score', score: 9 }], at });
    expect(first.outcome).toBe('ok');
    expect(second.outcome).toBe('duplicate');
    expect(first.response).toMatchObject({ score: 9, category: 'promoter', status: 'in_progress', agentId: 'agent-7' });
    const counters = await t.redis.hgetall(`${t.prefix}counters:2026-11-20`);
    expect(counters).toEqual({ 'voice|agent-7|-|started': '1', 'voice|agent-7|-|promoter': '1' });
  });

  it('when the reason arrives after the score, then the response is completed with tags, transcript and counters', async () => {
    await store.applyTurn({ id: 'r2', create, at, turns: [{ at: at.toISOString(), speaker: 'bot', text: 'Q1' }] });
    await store.applyTurn({ id: 'r2', events: [{ type: 'score', score: 3 }], at });
    await store.applyTurn({
      id: 'r2',
      events: [{ type: 'reason', reason: 'too long on hold', tags: ['wait_time'], sentiment: 'negative', language: 'en', taggerVersion: 'v1' }],
      turns: [{ at: at.toISOString(), speaker: 'customer', text: 'too long on hold', via: 'speech' }],
      position: null,
      at,
    });
    const record = await store.get('r2');
    expect(record).toMatchObject({ status: 'completed', score: 3, category: 'detractor', reason: 'too long on hold', tags: ['wait_time'], sentiment: 'negative' });
    expect(record?.transcript.map((turn) => turn.text)).toEqual(['Q1', 'too long on hold']);
    const counters = await t.redis.hgetall(`${t.prefix}counters:2026-11-20`);
    expect(counters['voice|agent-7|-|completed']).toBe('1');
    expect(counters['voice|agent-7|-|tag:wait_time:detractor']).toBe('1');
  });

  it('when a change targets an unknown response without create, then nothing is written', async () => {
    const result = await store.applyTurn({ id: 'nope', events: [{ type: 'score', score: 5 }], at });
    expect(result.outcome).toBe('missing');
    expect(await t.redis.exists(`${t.prefix}resp:{nope}`)).toBe(0);
  });

  it('when a response has ended with a score or by opting out, then a later score is refused as closed', async () => {
    await store.applyTurn({ id: 'r3', create, at, events: [{ type: 'score', score: 4 }] });
    await store.applyTurn({ id: 'r3', events: [{ type: 'ended' }], position: null, at });
    expect((await store.applyTurn({ id: 'r3', events: [{ type: 'score', score: 10 }], at })).outcome).toBe('closed');
    expect(await store.get('r3')).toMatchObject({ score: 4, status: 'partial' });
    await store.applyTurn({ id: 'r4', create, at, events: [{ type: 'optedOut' }], position: null });
    expect((await store.applyTurn({ id: 'r4', events: [{ type: 'score', score: 10 }], at })).outcome).toBe('closed');
    expect(await store.get('r4')).toMatchObject({ score: null, status: 'opted_out' });
  });
});
