import type { NpsCategory } from '../survey/category.js';
import type { SurveyPosition, SurveyStep } from '../survey/engine.js';
import { isTagId, type Sentiment, type TagId } from '../tagging/taxonomy.js';
import type { Channel, ResponseRecord, ResponseStatus, SurveySubject, TranscriptTurn } from './response-record.js';
import type { ConversationState } from './response-store.js';

export function pairsToObject(flat: string[]): Record<string, string> {
  const object: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let index = 0; index + 1 < flat.length; index += 2) object[flat[index] as string] = flat[index + 1] as string;
  return object;
}

function optional(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function parseTags(json: string | undefined): TagId[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((tag): tag is TagId => typeof tag === 'string' && isTagId(tag)) : [];
  } catch {
    return [];
  }
}

/** Customer text is stored JSON-encoded so it round-trips exactly, lone surrogates included. */
function decodeText(stored: string | undefined): string | null {
  if (stored === undefined || stored === '') return null;
  try {
    const parsed: unknown = JSON.parse(stored);
    return typeof parsed === 'string' ? parsed : stored;
  } catch {
    return stored;
  }
}

export function parseTurn(json: string): TranscriptTurn | null {
  try {
    return JSON.parse(json) as TranscriptTurn;
  } catch {
    return null;
  }
}

const STEPS: readonly string[] = ['consent', 'score', 'reason'];

function decodePosition(step: string | undefined, attempt: string | undefined): SurveyPosition | null {
  if (!step || !STEPS.includes(step)) return null;
  return { step: step as SurveyStep, attempt: Math.max(1, Number(attempt) || 1) };
}

/** The fields of a response that say who it is about. */
export const SUBJECT_FIELDS = ['customerName', 'customerId', 'agentName', 'agentId', 'campaignId', 'contactId', 'phone'] as const satisfies ReadonlyArray<keyof SurveySubject>;

function subjectOf(hash: Record<string, string>): SurveySubject {
  const subject: SurveySubject = {};
  for (const field of SUBJECT_FIELDS) {
    const value = optional(hash[field]);
    if (value !== undefined) subject[field] = value;
  }
  return subject;
}

function scoreOf(hash: Record<string, string>): number | null {
  return hash.score === undefined || hash.score === '' ? null : Number(hash.score);
}

/** Where a conversation stands, from the fields `ResponseStore.state` reads. */
export function decodeState(hash: Record<string, string>): ConversationState {
  return {
    status: (hash.status as ResponseStatus | undefined) ?? 'in_progress',
    position: decodePosition(hash.step, hash.attempt),
    language: hash.language ?? 'en',
    score: scoreOf(hash),
    subject: subjectOf(hash),
    test: hash.test === '1',
  };
}

/** Builds the record from its Redis hash; `transcript` is passed separately (it lives in a list). */
export function decodeResponse(hash: Record<string, string>, transcript: TranscriptTurn[] = []): ResponseRecord | null {
  if (!hash.id || !hash.channel) return null;
  const score = scoreOf(hash);
  const record: ResponseRecord = {
    ...subjectOf(hash),
    id: hash.id,
    channel: hash.channel as Channel,
    conversationId: hash.conversationId ?? '',
    language: hash.language ?? 'en',
    score,
    category: (optional(hash.category) as NpsCategory | undefined) ?? null,
    reason: decodeText(hash.reason),
    tags: parseTags(hash.tags),
    sentiment: (optional(hash.sentiment) as Sentiment | undefined) ?? 'neutral',
    status: (hash.status as ResponseStatus | undefined) ?? 'in_progress',
    transcript,
    createdAt: hash.createdAt ?? '',
    updatedAt: hash.updatedAt ?? hash.createdAt ?? '',
    scoredAt: optional(hash.scoredAt) ?? null,
    completedAt: optional(hash.completedAt) ?? null,
    test: hash.test === '1',
    position: decodePosition(hash.step, hash.attempt),
  };
  if (hash.unverified === '1') record.unverified = true;
  for (const field of ['recordingUrl', 'taggerVersion', 'deliveryStatus'] as const) {
    const value = optional(hash[field]);
    if (value !== undefined) record[field] = value;
  }
  return record;
}
