import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeys } from '../../src/redis/keys.js';
import { ResponseStore } from '../../src/store/response-store.js';
import { MAX_CUSTOMER_TEXT_BYTES, MAX_TRANSCRIPT_TURNS } from '../../src/store/transcript-limits.js';
import type { TranscriptTurn } from '../../src/store/response-record.js';
import { createTestRedis, type TestRedis } from '../support/test-redis.js';
import { dayCounters } from '../support/redis-inspection.js';

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
    const counters = await dayCounters(t.redis, createKeys(t.prefix), '2026-11-20');
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
    const counters = await dayCounters(t.redis, createKeys(t.prefix), '2026-11-20');
    expect(counters['voice|agent-7|-|completed']).toBe('1');
    expect(counters['voice|agent-7|-|tag:wait_time:detractor']).toBe('1');
  });

  it('when a change targets an unknown response without create, then nothing is written', async () => {
    const result = await store.applyTurn({ id: 'nope', events: [{ type: 'score', score: 5 }], at });
    expect(result.outcome).toBe('missing');
    expect(await t.redis.exists(createKeys(t.prefix).response('nope'))).toBe(0);
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

  const line = (speaker: 'bot' | 'customer', text: string): TranscriptTurn => ({ at: at.toISOString(), speaker, text });

  it('when a turn would take the transcript past its line cap, then the whole turn is refused and nothing of it is written', async () => {
    const keys = createKeys(t.prefix);
    await store.applyTurn({ id: 'r5', create, at, position: { step: 'score', attempt: 1 }, turns: Array.from({ length: MAX_TRANSCRIPT_TURNS - 1 }, () => line('bot', 'again')) });
    const refused = await store.applyTurn({ id: 'r5', events: [{ type: 'score', score: 4 }], position: { step: 'reason', attempt: 1 }, turns: [line('customer', '4'), line('bot', 'Why?')] });
    expect(refused.outcome).toBe('full');
    expect(await t.redis.llen(keys.transcript('r5'))).toBe(MAX_TRANSCRIPT_TURNS - 1);
    expect(await store.get('r5')).toMatchObject({ score: null, position: { step: 'score', attempt: 1 } });
    expect((await store.applyTurn({ id: 'r5', turns: [line('bot', 'last one')] })).outcome).toBe('ok');
    expect(await t.redis.llen(keys.transcript('r5'))).toBe(MAX_TRANSCRIPT_TURNS);
  });

  it('when customer text would pass its byte cap, then the turn is refused, and bot lines do not count against it', async () => {
    const keys = createKeys(t.prefix);
    const half = 'é'.repeat(MAX_CUSTOMER_TEXT_BYTES / 4);
    await store.applyTurn({ id: 'r6', create, at, turns: [line('customer', half), line('bot', 'x'.repeat(MAX_CUSTOMER_TEXT_BYTES))] });
    expect((await store.applyTurn({ id: 'r6', turns: [line('customer', 'a')] })).outcome).toBe('ok');
    expect((await store.applyTurn({ id: 'r6', turns: [line('customer', half)] })).outcome).toBe('full');
    expect(await t.redis.llen(keys.transcript('r6'))).toBe(3);
  });

  it('when the position moved since it was read, then a compare-and-set turn is refused as a conflict and changes nothing', async () => {
    await store.applyTurn({ id: 'r7', create, at, position: { step: 'score', attempt: 1 } });
    expect((await store.applyTurn({ id: 'r7', expect: { step: 'score', attempt: 1 }, events: [{ type: 'score', score: 6 }], position: { step: 'reason', attempt: 1 } })).outcome).toBe('ok');
    const late = await store.applyTurn({ id: 'r7', expect: { step: 'score', attempt: 1 }, events: [{ type: 'score', score: 10 }], position: { step: 'reason', attempt: 1 }, turns: [line('customer', '10')] });
    expect(late.outcome).toBe('conflict');
    expect(await store.get('r7')).toMatchObject({ score: 6, transcript: [] });
    expect((await store.applyTurn({ id: 'r7', create, expectNew: true })).outcome).toBe('conflict');
  });
});

