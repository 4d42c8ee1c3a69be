import { defineConfig } from 'vitest/config';

/** Options every project shares (projects do not inherit the root's test options). */
const shared = {
  testTimeout: 20_000,
  hookTimeout: 30_000,
  pool: 'forks',
  // Test files share their worker's loaded modules (botbuilder, twilio, the app): loading them
  // again for every file was most of the suite's CPU. Tests keep no state in modules: each starts
  // its own app on its own Redis key prefix.
  isolate: false,
} as const;

/**
 * The suites that also run against a real Redis Cluster (3 masters, 3 replicas): the survey over
 * chat and voice, a campaign's done-when, the reports, erasure and retention, two instances; and
 * the cluster-only checks in test/cluster/.
 */
const CLUSTER_SUITES = [
  'test/integration/chat-survey-turns.test.ts',
  'test/integration/voice-turns.test.ts',
  'test/integration/conversation-table.test.ts',
  'test/dialer/done-when.test.ts',
  'test/dialer/erasure.test.ts',
  'test/review/reports-statistics.test.ts',
  'test/integration/privacy.test.ts',
  'test/faults/two-instances.test.ts',
  'test/cluster/**/*.test.ts',
];

export default defineConfig({
  test: {
    // The root setup: the run's marker, its single redis-server, and the check for processes left behind.
    globalSetup: ['test/support/global-redis.ts'],
    // Two cores: browser and multi-process tests are heavy; keep parallelism modest.
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'single', include: ['test/**/*.test.ts'], exclude: ['test/cluster/**'] } },
      // Started only when one of its files runs: `--project single` leaves the cluster out.
      { test: { ...shared, name: 'cluster', include: CLUSTER_SUITES, globalSetup: ['test/support/global-redis-cluster.ts'] } },
    ],
  },
});
