import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-redis.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Test files share their worker's loaded modules (botbuilder, twilio, the app): loading them
    // again for every file was most of the suite's CPU. Tests keep no state in modules: each starts
    // its own app on its own Redis key prefix.
    isolate: false,
    // Two cores: browser and multi-process tests are heavy; keep parallelism modest.
    maxWorkers: 2,
  },
});
