import type { RedisClient } from '../../src/redis/redis-client.js';
import { SupervisorAccounts } from '../../src/auth/supervisor-accounts.js';
import { createKeys, type Keys } from '../../src/redis/keys.js';
import { ReviewQueue } from '../../src/review/queue/review-queue.js';
import { ResponseStore } from '../../src/store/response-store.js';
import type { TranscriptTurn } from '../../src/store/response-record.js';
import type { TagId } from '../../src/tagging/taxonomy.js';

/**
 * The keys of the layout before partitions, spelled as that code spelled them (commit bc7e058,
 * src/redis/keys.ts): one unpartitioned keyspace, so the partition arguments are ignored. Keys that
 * kept their names come from today's module. The turn script (apply-turn.lua), the review queue,
 * the supervisor accounts and the roll-ups wrote the same values then as now (only key names
 * changed in 3f1de08), so today's classes on these keys write a store exactly as the old code did.
 */
export function legacyKeys(prefix: string): Keys {
  const current = createKeys(prefix, 1);
  return {
    ...current,
    partitions: 1,
    partitionList: [0],
    partitionOf: () => 0,
    response: (id) => `${prefix}resp:{${id}}`,
    transcript: (id) => `${prefix}resp:{${id}}:transcript`,
    responseSteps: (id) => `${prefix}resp:{${id}}:steps`,
    responsesByCreation: () => `${prefix}idx:created`,
    responsesByCreationForChannel: (_partition, channel) => `${prefix}idx:created:${channel}`,
    responsesByScoreTime: () => `${prefix}idx:scored`,
    responsesOfCustomer: (_partition, customerId) => `${prefix}idx:customer:${customerId}`,
    responsesOfPhone: (_partition, phone) => `${prefix}idx:phone:${phone}`,
    dailyCounters: (_partition, day) => `${prefix}counters:${day}`,
    events: () => `${prefix}events`,
    idleChatCursor: () => `${prefix}idle-chat:cursor`,
    supervisor: (username) => `${prefix}supervisor:${username}`,
    supervisors: () => `${prefix}supervisors`,
    reportRollup: (period, part) => `${prefix}rollup:${period}:${part}`,
    reviewQueue: (state) => `${prefix}review:queue:${state}`,
    alertQueuePrefix: () => `${prefix}bull`,
    campaignContactsOfPhone: (_campaignId, phone) => `${prefix}campaign-contacts:phone:${phone}`,
    campaignContactsOfCustomer: (_campaignId, customerId) => `${prefix}campaign-contacts:customer:${customerId}`,
    dialerQueuePrefix: () => `${prefix}dialer`,
  };
}

export const LEGACY_SUPERVISOR = { username: 'alice', password: 'correct horse battery' };

const DAY_MS = 86_400_000;

/** A UTC day some days before now, at an hour. */
export function daysAgo(days: number, hour: number): Date {
  const midnight = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  return new Date(midnight - days * DAY_MS + hour * 3_600_000);
}

const line = (at: Date, speaker: 'bot' | 'customer', text: string): TranscriptTurn => ({ at: at.toISOString(), speaker, text });

/** One survey, turn by turn as the channels drive it: greeting, score, reason (or the call ending early). */
async function survey(store: ResponseStore, options: { id: string; channel: 'voice' | 'chat'; at: Date; score?: number; reason?: string; tags?: TagId[]; agentId: string; customerId?: string; phone?: string; end?: boolean }): Promise<void> {
  const { id, channel, at } = options;
  const create = { channel, conversationId: id, language: 'en', agentId: options.agentId, ...(options.customerId ? { customerId: options.customerId } : {}), ...(options.phone ? { phone: options.phone } : {}) };
  await store.applyTurn({ id, create, at, position: { step: 'score', attempt: 1 }, turns: [line(at, 'bot', 'How likely are you to recommend us, 0 to 10?')] });
  if (options.score === undefined) return;
  await store.applyTurn({ id, stepKey: 'score:1', at, events: [{ type: 'score', score: options.score }], position: { step: 'reason', attempt: 1 }, turns: [line(at, 'customer', String(options.score)), line(at, 'bot', 'What is the main reason for your score?')] });
  if (options.reason !== undefined) {
    await store.applyTurn({
      id,
      stepKey: 'reason:1',
      at,
      events: [{ type: 'reason', reason: options.reason, tags: options.tags ?? [], sentiment: options.score <= 6 ? 'negative' : 'positive', language: 'en', taggerVersion: 'v1' }],
      position: null,
      turns: [line(at, 'customer', options.reason), line(at, 'bot', 'Thank you, goodbye.')],
    });
  } else if (options.end) {
    await store.applyTurn({ id, at, events: [{ type: 'ended' }], position: null });
  }
}

/** The ids writeLegacyStore writes. */
export const LEGACY_RESPONSES = {
  chatPromoter: 'chat-conv-1',
  voiceDetractor: 'CAaaaa0000000000000000000000000001',
  voicePartial: 'CAaaaa0000000000000000000000000002',
  chatInProgress: 'chat-conv-2',
  /** Written after the review consumer had read everything else: its events are still to be handled. */
  voiceDetractorUnhandled: 'CAaaaa0000000000000000000000000003',
} as const;

/**
 * A store as the layout before partitions left it: chat and voice responses (completed with tags,
 * partial, still in progress), their day counters on two days, a closed day's roll-up, the event
 * stream with the review consumer's group (one response's events not read yet), a review queue
 * item, a supervisor, the idle-chat cursor, a campaign's erasure index and an alert queue key.
 */
export async function writeLegacyStore(redis: RedisClient, prefix: string): Promise<void> {
  const keys = legacyKeys(prefix);
  const store = new ResponseStore(redis, keys);
  const ids = LEGACY_RESPONSES;
  await survey(store, { id: ids.chatPromoter, channel: 'chat', at: daysAgo(5, 9), score: 10, reason: 'The staff were friendly and quick', tags: ['agent_attitude'], agentId: 'agent-1', customerId: 'cust-1' });
  await survey(store, { id: ids.voiceDetractor, channel: 'voice', at: daysAgo(5, 11), score: 3, reason: 'I waited far too long on hold', tags: ['wait_time'], agentId: 'agent-7', phone: '+15551230001' });
  await survey(store, { id: ids.voicePartial, channel: 'voice', at: daysAgo(4, 14), score: 8, agentId: 'agent-7', phone: '+15551230002', end: true });
  await survey(store, { id: ids.chatInProgress, channel: 'chat', at: daysAgo(4, 15), agentId: 'agent-1' });
  await new ReviewQueue(redis, keys).add(ids.voiceDetractor, 'detractor', daysAgo(5, 11));
  // The review consumer had read every event so far; it never saw the next response's.
  await redis.xgroup('CREATE', keys.events(0), 'review', '$');
  await survey(store, { id: ids.voiceDetractorUnhandled, channel: 'voice', at: daysAgo(4, 16), score: 2, reason: 'Nobody solved my problem', tags: [], agentId: 'agent-7', phone: '+15551230003' });
  const rollupDay = daysAgo(5, 0).toISOString().slice(0, 10);
  // That day's roll-up in the old format (marked `_built`, which today's readers do not take, so they rebuild it).
  const agentParts = ['agents:*', 'agents:c=chat', 'agents:c=voice'];
  await redis.hset(keys.reportRollup(`D${rollupDay}`, 'totals'), '_built', '1', '_parts', JSON.stringify(agentParts), '*|total', '2', '*|promoters', '1', '*|detractors', '1');
  for (const part of agentParts) await redis.hset(keys.reportRollup(`D${rollupDay}`, part), 'agent-1|promoters', part === 'agents:c=voice' ? '0' : '1');
  await new SupervisorAccounts(redis, keys).add(LEGACY_SUPERVISOR.username, LEGACY_SUPERVISOR.password);
  await redis.set(keys.idleChatCursor(0), String(daysAgo(4, 15).getTime()));
  // The old contact import's erasure index held `campaignId:contactId`.
  await redis.sadd(keys.campaignContactsOfPhone('camp-1', '+15551230009'), 'camp-1:1', 'camp-2:4');
  await redis.hset(`${keys.alertQueuePrefix()}:{review-alerts}:meta`, 'opts.maxLenEvents', '10000');
  // A campaign's dial queue (BullMQ under the `dialer` prefix) beside a dialer key whose name did not change.
  await redis.hset(`${keys.dialerQueuePrefix()}:dial-{camp-1}:meta`, 'opts.maxLenEvents', '10000');
  await redis.set(keys.dialerLine('+15551230009'), 'camp-1:1:1');
}

/**
 * `count` more responses in the old layout, for measuring: chat and voice in turn, spread over
 * the last 30 days, mostly completed with a tag, every fifth one ended after its score.
 */
export async function writeLegacyResponses(redis: RedisClient, prefix: string, count: number, concurrency = 64): Promise<void> {
  const store = new ResponseStore(redis, legacyKeys(prefix));
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < count; index = next++) {
      const voice = index % 2 === 0;
      const score = index % 11;
      const partial = index % 5 === 0;
      await survey(store, {
        id: voice ? `CAbench${String(index).padStart(26, '0')}` : `bench-chat-${index}`,
        channel: voice ? 'voice' : 'chat',
        at: daysAgo(1 + (index % 30), 8 + (index % 10)),
        score,
        ...(partial ? { end: true } : { reason: 'The wait on hold was long', tags: ['wait_time' as const] }),
        agentId: `agent-${index % 7}`,
        ...(voice ? { phone: `+1555${String(index).padStart(7, '0')}` } : { customerId: `cust-${index}` }),
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
}
