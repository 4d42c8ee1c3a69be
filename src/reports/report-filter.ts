import type { Channel } from '../store/response-record.js';
import type { TagId } from '../tagging/taxonomy.js';

export interface ReportFilter {
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  channel?: Channel;
  agentId?: string;
  campaignId?: string;
  /** Only responses whose reason carries this tag (counted from the `tag:<tag>:<category>` fields). */
  tag?: TagId;
}

/** A counter field is `channel|agent|campaign|metric`; agent and campaign are `-` when unknown. */
export interface CounterDimension {
  channel: string;
  agentId: string;
  campaignId: string;
  metric: string;
}

export function parseCounterField(field: string): CounterDimension | null {
  const parts = field.split('|');
  if (parts.length !== 4) return null;
  const [channel, agentId, campaignId, metric] = parts as [string, string, string, string];
  return { channel, agentId, campaignId, metric };
}

export function matchesFilter(dimension: { channel: string; agentId: string; campaignId: string }, filter: ReportFilter): boolean {
  if (filter.channel && dimension.channel !== filter.channel) return false;
  if (filter.agentId && dimension.agentId !== filter.agentId) return false;
  if (filter.campaignId && dimension.campaignId !== filter.campaignId) return false;
  return true;
}
