import type { Services } from '../../src/app/services.js';
import { npsCategory } from '../../src/survey/category.js';
import { TAG_IDS, type TagId } from '../../src/tagging/taxonomy.js';

/** One made-up survey: who, how it ended, and (when it completed) its tags. */
export interface SyntheticResponse {
  channel: 'voice' | 'chat';
  agentId: string;
  campaignId: string | null;
  outcome: 'abandoned' | 'optedOut' | 'partial' | 'completed';
  score: number | null;
  tags: TagId[];
}

export const AGENT_COUNT = 40;
const CAMPAIGNS = [null, 'c-renewals', 'c-onboarding', 'c-winback'];

/** Small, seeded PRNG (mulberry32): the same data every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticResponse(next: () => number): SyntheticResponse {
  const agent = Math.floor(next() * AGENT_COUNT);
  const channel = next() < 0.7 ? 'voice' : 'chat';
  const campaignId = channel === 'voice' ? (CAMPAIGNS[Math.floor(next() * CAMPAIGNS.length)] ?? null) : null;
  const roll = next();
  if (roll < 0.08) return { channel, agentId: `agent-${agent}`, campaignId, outcome: 'abandoned', score: null, tags: [] };
  if (roll < 0.11) return { channel, agentId: `agent-${agent}`, campaignId, outcome: 'optedOut', score: null, tags: [] };
  // Agents differ: agent k leans up or down by up to ±1.5 points.
  const lean = (agent / (AGENT_COUNT - 1) - 0.5) * 3;
  const score = Math.max(0, Math.min(10, Math.round(7 + lean + (next() - 0.5) * 8)));
  if (next() < 0.25) return { channel, agentId: `agent-${agent}`, campaignId, outcome: 'partial', score, tags: [] };
  const tags = new Set<TagId>();
  const count = next() < 0.3 ? 2 : 1;
  for (let n = 0; n < count; n += 1) tags.add(TAG_IDS[Math.floor(next() * TAG_IDS.length)] as TagId);
  return { channel, agentId: `agent-${agent}`, campaignId, outcome: 'completed', score, tags: [...tags] };
}

/** The day-counter fields the store's Lua bumps for this response (mirrors apply-turn.lua; checked against it by the bench). */
export function counterFields(response: SyntheticResponse): string[] {
  const dimension = `${response.channel}|${response.agentId}|${response.campaignId ?? '-'}|`;
  const fields = [`${dimension}started`];
  if (response.outcome === 'abandoned') return [...fields, `${dimension}abandoned`];
  if (response.outcome === 'optedOut') return [...fields, `${dimension}optedOut`];
  const category = npsCategory(response.score ?? 0);
  fields.push(`${dimension}${category}`);
  if (response.outcome === 'partial') return [...fields, `${dimension}partial`];
  return [...fields, `${dimension}completed`, ...response.tags.map((tag) => `${dimension}tag:${tag}:${category}`)];
}

/** Stores a response through the real store (the real Lua), the way a channel does. */
export async function storeThroughLua(services: Services, id: string, response: SyntheticResponse, at: Date): Promise<void> {
  const { store } = services;
  await store.applyTurn({
    id,
    create: { channel: response.channel, conversationId: id, language: 'en', agentId: response.agentId, ...(response.campaignId ? { campaignId: response.campaignId } : {}) },
    at,
    returnResponse: false,
  });
  if (response.outcome === 'abandoned') {
    await store.applyTurn({ id, events: [{ type: 'ended' }], position: null, at, returnResponse: false });
    return;
  }
  if (response.outcome === 'optedOut') {
    await store.applyTurn({ id, events: [{ type: 'optedOut' }], position: null, at, returnResponse: false });
    return;
  }
  await store.applyTurn({ id, events: [{ type: 'score', score: response.score ?? 0 }], at, returnResponse: false });
  if (response.outcome === 'partial') {
    await store.applyTurn({ id, events: [{ type: 'ended' }], position: null, at, returnResponse: false });
    return;
  }
  await store.applyTurn({
    id,
    events: [{ type: 'reason', reason: 'synthetic reason', tags: response.tags, sentiment: 'neutral', language: 'en', taggerVersion: 'bench' }],
    position: null,
    at,
    returnResponse: false,
  });
}
