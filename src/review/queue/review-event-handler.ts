import type { RedisClient } from '../../redis/redis-client.js';
import type { Keys } from '../../redis/keys.js';
import type { FloodCaps } from './flood-caps.js';
import type { EventHandler } from './response-events.js';
import type { ReviewQueue } from './review-queue.js';

/** What the detractor webhook needs to hear from the event stream. */
export interface DetractorAlertHooks {
  /** A new detractor: the alert is due (it waits a little for the reason). */
  detractorScored(responseId: string): Promise<void>;
  /** The detractor's survey is over (reason given, call ended, opted out): send now. */
  detractorFinished(responseId: string): Promise<void>;
}

/** What the handler reads of a response, in this order. */
const RESPONSE_FIELDS = ['category', 'score', 'sentiment', 'test', 'agentId', 'agentName', 'conversationId', 'phone', 'customerId'] as const;

/** Score 9–10 with an unhappy comment, or 0–6 with a happy one: worth a human look. */
export function isMismatch(score: number, sentiment: string): boolean {
  return (score >= 9 && sentiment === 'negative') || (score <= 6 && sentiment === 'positive');
}

/**
 * Turns response events into review work: detractors and mismatches into the queue, detractors
 * into webhook alerts, agent names into the directory the reports show. Idempotent per event.
 * The flood caps decide, per source, which responses may add review items and alerts.
 */
export function reviewEventHandler(options: { redis: RedisClient; keys: Keys; queue: ReviewQueue; caps: FloodCaps; alerts?: DetractorAlertHooks }): EventHandler {
  const { redis, keys, queue, caps, alerts } = options;
  let batchReads = new Map<string, Array<string | null>>();
  const fieldsOf = (id: string): Promise<Array<string | null>> => {
    const read = batchReads.get(id);
    return read ? Promise.resolve(read) : redis.hmget(keys.response(id), ...RESPONSE_FIELDS);
  };
  const handle: EventHandler = async (event) => {
    const [category, score, sentiment, test, agentId, agentName, conversationId = null, phone = null, customerId = null] = await fieldsOf(event.id);
    if (test === '1') return;
    const at = Number.isNaN(Date.parse(event.at)) ? new Date() : new Date(event.at);
    let source: Promise<string> | undefined;
    const sourceOfResponse = (): Promise<string> => (source ??= caps.sourceOf({ conversationId, phone, customerId }));
    const review = async (kind: 'detractor' | 'mismatch'): Promise<void> => {
      if (await caps.admitReviewItem(event.id, await sourceOfResponse())) await queue.add(event.id, kind, at);
    };
    const alertAdmitted = async (): Promise<boolean> => alerts !== undefined && (await caps.admitAlert(event.id, await sourceOfResponse()));
    switch (event.type) {
      case 'started':
        if (agentId && agentName) await redis.hset(keys.agentNames(), agentId, agentName);
        return;
      case 'score':
        if (category !== 'detractor') return;
        await review('detractor');
        if (await alertAdmitted()) await alerts?.detractorScored(event.id);
        return;
      case 'completed':
        if (score && sentiment && isMismatch(Number(score), sentiment)) await review('mismatch');
        if (category === 'detractor' && (await alertAdmitted())) await alerts?.detractorFinished(event.id);
        return;
      case 'partial':
      case 'opted_out':
        if (category === 'detractor' && (await alertAdmitted())) await alerts?.detractorFinished(event.id);
        return;
      default:
        return;
    }
  };
  handle.beforeBatch = async (events) => {
    batchReads = new Map();
    const ids = [...new Set(events.map((event) => event.id))];
    const replies = await Promise.allSettled(ids.map((id) => redis.hmget(keys.response(id), ...RESPONSE_FIELDS)));
    replies.forEach((reply, index) => {
      if (reply.status === 'fulfilled') batchReads.set(ids[index] as string, reply.value);
    });
  };
  return handle;
}
