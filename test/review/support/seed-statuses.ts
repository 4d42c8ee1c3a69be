import type { Services } from '../../../src/app/services.js';
import { seedResponse } from './seed.js';

/** Surveys in every other status beside the completed sample: started now, opted out, scored then hung up, silent for two hours, and a simulator call. */
export async function seedOtherStatuses(services: Services, now = Date.now()): Promise<void> {
  const base = { agentId: 'ag-ana', agentName: 'Ana Ruiz', campaignId: 'autumn-check-in' };
  await seedResponse(services, { id: 'status-in-progress', at: new Date(now - 60_000), ...base, customerName: 'Customer in progress' });
  await seedResponse(services, { id: 'status-opted-out', at: new Date(now - 2 * 3_600_000), ...base, customerName: 'Customer opted out', end: 'optedOut' });
  await seedResponse(services, { id: 'status-partial', at: new Date(now - 3 * 3_600_000), ...base, customerName: 'Customer partial', score: 8, end: 'partial' });
  await seedResponse(services, { id: 'status-abandoned', at: new Date(now - 4 * 3_600_000), ...base, customerName: 'Customer abandoned' });
  await seedResponse(services, { id: 'status-test', at: new Date(now - 5 * 3_600_000), channel: 'voice', customerName: 'Simulator', score: 10, reason: 'Testing the call flow', test: true });
}
