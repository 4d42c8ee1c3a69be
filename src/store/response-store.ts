import type { ClientContext, Redis, Result } from 'ioredis';
import type { Keys } from '../redis/keys.js';
import { npsCategory } from '../survey/category.js';
import type { SurveyPosition } from '../survey/engine.js';
import type { Sentiment, TagId } from '../tagging/taxonomy.js';
import { decodeResponse, decodeState, pairsToObject, parseTurn, SUBJECT_FIELDS } from './record-codec.js';
import type { Channel, ResponseRecord, ResponseStatus, SurveySubject, TranscriptTurn } from './response-record.js';
import { defineLuaCommands } from '../redis/lua-commands.js';
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
export class ResponseStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {
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
    const [outcome, flat] = await this.redis.applySurveyTurn(
      this.keys.response(change.id),
      this.keys.transcript(change.id),
      this.keys.responseSteps(change.id),
      this.keys.events(),
      this.keys.responsesByCreation(),
      this.keys.responsesByCreationForChannel(channel),
      this.keys.responsesByScoreTime(),
      this.keys.dailyCounters(nowIso.slice(0, 10)),
      this.keys.responsesOfCustomer(change.create?.customerId ?? ''),
      this.keys.responsesOfPhone(change.create?.phone ?? ''),
      JSON.stringify(payload),
    );
    return { outcome: outcome as TurnOutcome, response: decodeResponse(pairsToObject(flat)) };
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

/** Just the status and language, for a turn that only needs to know whether the survey is over. */
  async statusOf(id: string): Promise<{ status: ResponseStatus; language: string } | null> {
    const [status, language] = await this.redis.hmget(this.keys.response(id), 'status', 'language');
    return status ? { status: status as ResponseStatus, language: language ?? 'en' } : null;
  }

  async get(id: string): Promise<ResponseRecord | null> {
    const [hash, turns] = await Promise.all([this.redis.hgetall(this.keys.response(id)), this.redis.lrange(this.keys.transcript(id), 0, -1)]);
    return decodeResponse(hash, turns.map(parseTurn).filter((turn): turn is TranscriptTurn => turn !== null));
  }

  /** Newest first. */
  async listNewest(options: { channel?: Channel; limit: number; offset?: number }): Promise<ResponseRecord[]> {
    const index = options.channel ? this.keys.responsesByCreationForChannel(options.channel) : this.keys.responsesByCreation();
    const start = options.offset ?? 0;
    const ids = await this.redis.zrevrange(index, start, start + options.limit - 1);
    return this.getMany(ids);
  }

  async getMany(ids: string[]): Promise<ResponseRecord[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) {
      pipeline.hgetall(this.keys.response(id));
      pipeline.lrange(this.keys.transcript(id), 0, -1);
    }
    const replies = (await pipeline.exec()) ?? [];
    const records: ResponseRecord[] = [];
    for (let index = 0; index < ids.length; index += 1) {
      const hash = replies[index * 2]?.[1] as Record<string, string> | undefined;
      const turns = (replies[index * 2 + 1]?.[1] as string[] | undefined) ?? [];
      const record = hash ? decodeResponse(hash, turns.map(parseTurn).filter((turn): turn is TranscriptTurn => turn !== null)) : null;
      if (record) records.push(record);
    }
    return records;
  }
}
