import type { Services } from '../../src/app/services.js';
import type { Channel } from '../../src/store/response-record.js';
import type { Sentiment, TagId } from '../../src/tagging/taxonomy.js';

export interface SeedResponse {
  id: string;
  at: Date | string;
  score?: number | null;
  channel?: Channel;
  agentId?: string;
  agentName?: string;
  campaignId?: string;
  customerName?: string;
  phone?: string;
  reason?: string;
  tags?: TagId[];
  sentiment?: Sentiment;
  /** partial (call ended after the score), or opted out instead of scoring. */
  end?: 'partial' | 'optedOut';
  test?: boolean;
}

/** Stores one survey through the real store (the real Lua turn), as a channel would. */
export async function seedResponse(services: Services, seed: SeedResponse): Promise<void> {
  const at = new Date(seed.at);
  const channel = seed.channel ?? 'voice';
  const subject = {
    ...(seed.agentId ? { agentId: seed.agentId } : {}),
    ...(seed.agentName ? { agentName: seed.agentName } : {}),
    ...(seed.campaignId ? { campaignId: seed.campaignId } : {}),
    ...(seed.customerName ? { customerName: seed.customerName } : {}),
    ...(seed.phone ? { phone: seed.phone } : {}),
  };
  await services.store.applyTurn({
    id: seed.id,
    create: { channel, conversationId: `conv-${seed.id}`, language: 'en', ...subject, ...(seed.test ? { test: true } : {}) },
    turns: [{ at: at.toISOString(), speaker: 'bot', text: 'How likely are you to recommend us, from 0 to 10?' }],
    at,
    returnResponse: false,
  });
  if (seed.end === 'optedOut') {
    await services.store.applyTurn({ id: seed.id, events: [{ type: 'optedOut' }], position: null, at, returnResponse: false });
    return;
  }
  if (seed.score === null || seed.score === undefined) return;
  await services.store.applyTurn({
    id: seed.id,
    events: [{ type: 'score', score: seed.score }],
    turns: [{ at: at.toISOString(), speaker: 'customer', text: String(seed.score), via: 'keys' }],
    at,
    returnResponse: false,
  });
  if (seed.end === 'partial') {
    await services.store.applyTurn({ id: seed.id, events: [{ type: 'ended' }], position: null, at, returnResponse: false });
    return;
  }
  if (seed.reason !== undefined) {
    await services.store.applyTurn({
      id: seed.id,
      events: [{ type: 'reason', reason: seed.reason, tags: seed.tags ?? [], sentiment: seed.sentiment ?? 'neutral', language: 'en', taggerVersion: 'test' }],
      position: null,
      turns: [{ at: at.toISOString(), speaker: 'customer', text: seed.reason, via: 'speech' }],
      at,
      returnResponse: false,
    });
  }
}

export const DAY_MS = 86_400_000;

/** Noon UTC, `daysAgo` days before today. */
export function daysAgoAtNoon(daysAgo: number, now = Date.now()): Date {
  return new Date(Math.floor(now / DAY_MS) * DAY_MS - daysAgo * DAY_MS + 12 * 3_600_000);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
