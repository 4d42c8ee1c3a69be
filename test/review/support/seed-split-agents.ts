import type { Services } from '../../../src/app/services.js';
import { daysAgoAtNoon, isoDay, seedResponse } from './seed.js';

/** How many days before today the split agents' surveys lie: outside the pages' default 30 days. */
export const SPLIT_DAYS_AGO = 60;

/**
 * Three agents on one day: Hana with 40 promoters, Leo with 40 passives (no overlap: a clear
 * difference), and Kim with 2 promoters and a passive, whose wide interval overlaps Hana's.
 * No detractors and no reasons, so nothing joins the review queue.
 */
export async function seedSplitAgents(services: Services, now = Date.now()): Promise<{ from: string; to: string }> {
  const at = daysAgoAtNoon(SPLIT_DAYS_AGO, now);
  const agents: Array<[string, string, number[]]> = [
    ['ag-hana', 'Hana Ito', Array<number>(40).fill(10)],
    ['ag-leo', 'Leo Brandt', Array<number>(40).fill(8)],
    ['ag-kim', 'Kim Lee', [9, 10, 7]],
  ];
  for (const [agentId, agentName, scores] of agents) {
    for (const [index, score] of scores.entries()) {
      await seedResponse(services, { id: `split-${agentId}-${index}`, at: new Date(at.getTime() + index * 60_000), channel: 'voice', agentId, agentName, score, customerName: `Split customer ${index + 1}` });
    }
  }
  return { from: isoDay(at), to: isoDay(new Date(at.getTime() + 86_400_000)) };
}
