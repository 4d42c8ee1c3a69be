import { REVIEW_GROUP } from '../../../src/review/review-module.js';
import { groupBacklog } from '../../support/redis-inspection.js';
import type { TestApp } from '../../support/test-app.js';

/** Until the review consumer has handled every event so far. */
export async function reviewSettled(app: TestApp): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const group = await groupBacklog(app.redis.redis, app.services.keys, REVIEW_GROUP);
    if (group.exists && group.pending === 0 && group.lag === 0) return;
    if (Date.now() > deadline) throw new Error(`consumer group not settled: ${JSON.stringify(group)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
