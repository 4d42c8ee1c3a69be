import type { ClientContext, Result } from 'ioredis';
import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';
import { npsCategory } from '../survey/category.js';
import type { SurveyPosition } from '../survey/engine.js';
import type { Sentiment, TagId } from '../tagging/taxonomy.js';
import { decodeResponse, decodeState, pairsToObject, parseTurn, SUBJECT_FIELDS } from './record-codec.js';
import type { Channel, ResponseRecord, ResponseStatus, SurveySubject, TranscriptTurn } from './response-record.js';
import { defineLuaCommands } from '../redis/lua-commands.js';
import { newestAcross } from './partitioned-index.js';
import { MAX_CUSTOMER_TEXT_BYTES, MAX_TRANSCRIPT_TURNS } from './transcript-limits.js';

export type StoredEvent =
  | { type: 'score'; score: number }
  | { type: 'reason'; reason: string; tags: TagId[]; sentiment: Sentiment; language: string; taggerVersion: string }
  | { type: 'optedOut' }
  /** The conversation ended without a reason: partial with a score, abandoned without. */
  | { type: 'ended' };

export interface NewResponse extends SurveySubject {
  channel: Channel;
  conversationId: string;
  /** Chat only: the Bot Framework channel the conversation came through. */
  channelId?: string;
  language: string;
  /** The language the first message was written in, when the survey could not use it. */
  detectedLanguage?: string;
  test?: boolean;
  /** The identity came from a public page without a valid signature (only the names were kept). */
  unverified?: boolean;
}

export interface TurnChange {
  id: string;
  /** Creates the response when it does not exist yet. */
  create?: NewResponse;
  /** Idempotency key: a change with a key already applied to this response is refused as a duplicate. */
  stepKey?: string;
  /** Compare-and-set: applies only while the response waits at this position (else `conflict`). */
  expect?: SurveyPosition;
  /** Applies only when the response does not exist yet (else `conflict`). */
  expectNew?: boolean;
  /** Applies only while the response has this status (else `conflict`). */
  expectStatus?: ResponseStatus;
  /** What the answer did, in order (a message can carry both the score and the reason). */
  events?: StoredEvent[];
  /** Where the conversation waits next; `null` when it ended. */
  position?: SurveyPosition | null;
  set?: Record<string, string>;
  turns?: TranscriptTurn[];
  at?: Date;
  /** Read the response back after an ok change (default true); a refused change always returns it. */
  returnResponse?: boolean;
}

export type TurnOutcome = 'ok' | 'duplicate' | 'conflict' | 'closed' | 'full' | 'missing';

export interface TurnResult {
  outcome: TurnOutcome;
  /** The response after the change (without its transcript). */
  response: ResponseRecord | null;
}

/** Where a conversation stands, read in one round trip before a turn that has to know it. */
export interface ConversationState {
  status: ResponseStatus;
  /** Where it waits for an answer; null once it ended for good. */
  position: SurveyPosition | null;
  language: string;
  score: number | null;
  subject: SurveySubject;
  test: boolean;
}

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    applySurveyTurn(...args: [...keys: string[], change: string]): Result<[string, string[]], Context>;
  }
}

function createFields(create: NewResponse, id: string): Record<string, string> {
  const fields: Record<string, string> = { id, channel: create.channel, conversationId: create.conversationId, language: create.language };
  if (create.test) fields.test = '1';
  if (create.unverified) fields.unverified = '1';
  for (const [name, value] of Object.entries(create)) {
    if (typeof value === 'string' && value !== '' && !(name in fields)) fields[name] = value.toWellFormed();
  }
  return fields;
}

function scriptEvent(event: StoredEvent): Record<string, unknown> {
  if (event.type === 'score') return { type: 'score', score: event.score, category: npsCategory(event.score) };
  if (event.type === 'reason') {
    const { reason, ...rest } = event;
    return { ...rest, reasonJson: JSON.stringify(reason), tagsJson: JSON.stringify(event.tags) };
  }
  return event;
}

function customerBytes(turns: readonly TranscriptTurn[]): number {
  let bytes = 0;
  for (const turn of turns) if (turn.speaker === 'customer') bytes += Buffer.byteLength(turn.text);
  return bytes;
}

const STATE_FIELDS = ['status', 'step', 'attempt', 'language', 'score', 'test', ...SUBJECT_FIELDS] as const;

/** Responses, their transcripts and the counters behind the reports, in Redis. */
/** What a day is for the day counters: by default the UTC date of the instant. */
export type DayOf = (at: Date) => string;
export const utcDay: DayOf = (at) => at.toISOString().slice(0, 10);

export interface ResponseStoreOptions {
  dayOf?: DayOf;
  /** Replicas a turn waits for before it is acknowledged (WAIT, 200 ms); 0 for none. */
  waitReplicas?: number;
  /** Told when fewer replicas than asked had a turn within the wait; the turn still counts. */
  onReplicaShortfall?: (wanted: number, reached: number) => void;
}

/** How long a turn waits for its replicas before it is acknowledged anyway. */
export const REPLICA_WAIT_MS = 200;

export class ResponseStore {
  private readonly dayOf: DayOf;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly options: ResponseStoreOptions = {},
  ) {
    this.dayOf = options.dayOf ?? utcDay;
    defineLuaCommands(redis, import.meta.url, [{ name: 'applySurveyTurn', file: 'apply-turn.lua', numberOfKeys: 10 }]);
  }

  async applyTurn(change: TurnChange): Promise<TurnResult> {
    const at = change.at ?? new Date();
    const nowIso = at.toISOString();
    const turns = change.turns ?? [];
    const payload = {
      id: change.id,
      nowIso,
      nowMs: at.getTime(),
      stepKey: change.stepKey,
      expect: change.expect,
      expectNew: change.expectNew,
      expectStatus: change.expectStatus,
      create: change.create ? createFields(change.create, change.id) : undefined,
      events: (change.events ?? []).map(scriptEvent),
      position: change.position ?? undefined,
      ended: change.position === null,
      set: change.set,
      returnResponse: change.returnResponse ?? true,
      indexCustomer: Boolean(change.create?.customerId),
      indexPhone: Boolean(change.create?.phone),
      turns: turns.map((turn) => JSON.stringify(turn)),
      customerBytes: customerBytes(turns),
      maxTurns: MAX_TRANSCRIPT_TURNS,
      maxTextBytes: MAX_CUSTOMER_TEXT_BYTES,
    };
    const channel = change.create?.channel ?? 'unknown';
    const partition = this.keys.partitionOf(change.id);
    const scriptKeys = [
      this.keys.response(change.id),
      this.keys.transcript(change.id),
      this.keys.responseSteps(change.id),
      this.keys.events(partition),
      this.keys.responsesByCreation(partition),
      this.keys.responsesByCreationForChannel(partition, channel),
      this.keys.responsesByScoreTime(partition),
      this.keys.dailyCounters(partition, this.dayOf(at)),
      this.keys.responsesOfCustomer(partition, change.create?.customerId ?? ''),
      this.keys.responsesOfPhone(partition, change.create?.phone ?? ''),
    ];
    const [outcome, flat] = await this.applyAndReplicate(scriptKeys, JSON.stringify(payload));
    return { outcome: outcome as TurnOutcome, response: decodeResponse(pairsToObject(flat)) };
  }

  /**
   * The turn script, then (with REDIS_WAIT_REPLICAS) WAIT on the same connection, which on a
   * cluster is the node that owns the response's slot: the reply that acknowledges an answer goes
   * out once that many replicas have it, or after 200 ms with the shortfall reported.
   */
  private async applyAndReplicate(scriptKeys: string[], payload: string): Promise<[string, string[]]> {
    const wanted = this.options.waitReplicas ?? 0;
    if (wanted === 0) return this.redis.applySurveyTurn(...scriptKeys, payload);
    const replies = (await this.redis.pipeline().applySurveyTurn(...scriptKeys, payload).wait(wanted, REPLICA_WAIT_MS).exec()) ?? [];
    const [[scriptError, result] = [null, null], [, reached] = [null, 0]] = replies;
    if (scriptError) throw scriptError;
    if (Number(reached) < wanted) this.options.onReplicaShortfall?.(wanted, Number(reached));
    return result as [string, string[]];
  }

  /** Where the conversation stands, in one HMGET; null when it has no response yet. */
  async state(id: string): Promise<ConversationState | null> {
    const values = await this.redis.hmget(this.keys.response(id), ...STATE_FIELDS);
    const hash: Record<string, string> = {};
    STATE_FIELDS.forEach((field, index) => {
      const value = values[index];
      if (value !== null && value !== undefined) hash[field] = value;
    });
    if (!hash.status) return null;
    return decodeState(hash);
  }

  async get(id: string): Promise<ResponseRecord | null> {
    const [hash, turns] = await Promise.all([this.redis.hgetall(this.keys.response(id)), this.redis.lrange(this.keys.transcript(id), 0, -1)]);
    return decodeResponse(hash, turns.map(parseTurn).filter((turn): turn is TranscriptTurn => turn !== null));
  }

  /** Newest first, across every partition; transcripts only when asked for (list pages do not show them). */
  async listNewest(options: { channel?: Channel; limit: number; offset?: number; transcripts?: boolean }): Promise<ResponseRecord[]> {
    const indexes = this.keys.partitionList.map((partition) => (options.channel ? this.keys.responsesByCreationForChannel(partition, options.channel) : this.keys.responsesByCreation(partition)));
    const ids = await newestAcross(this.redis, indexes, options.offset ?? 0, options.limit);
    return this.getMany(ids, { transcripts: options.transcripts ?? false });
  }

  /** The responses still stored, in the order asked; each a round trip batched by the client (one per Redis node). */
  async getMany(ids: readonly string[], options: { transcripts: boolean } = { transcripts: true }): Promise<ResponseRecord[]> {
    const records = await Promise.all(
      ids.map(async (id) => {
        const [hash, turns] = await Promise.all([this.redis.hgetall(this.keys.response(id)), options.transcripts ? this.redis.lrange(this.keys.transcript(id), 0, -1) : []]);
        return decodeResponse(hash, turns.map(parseTurn).filter((turn): turn is TranscriptTurn => turn !== null));
      }),
    );
    return records.filter((record): record is ResponseRecord => record !== null);
  }
}
