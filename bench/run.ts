import { printSection, type BenchSection } from './report.js';

type SectionRunner = () => Promise<BenchSection>;

/** Every benchmark section, by name; `npm run bench -- <name>...` runs a subset. */
const sections: Record<string, () => Promise<SectionRunner>> = {
  load: async () => (await import('./load-bench.js')).runLoadBench,
  flood: async () => (await import('./load/flood.js')).runFloodBench,
  tagging: async () => (await import('./tagging-bench.js')).runTaggingBench,
  dialer: async () => (await import('./dialer-bench.js')).runDialerBench,
  review: async () => (await import('./review-bench.js')).runReviewBench,
  reports: async () => (await import('./reports-bench.js')).runReportsBench,
  webchat: async () => (await import('./webchat-bench.js')).runWebChatBench,
  migrate: async () => (await import('./migrate-keyspace-bench.js')).runMigrateBench,
  cluster: async () => (await import('./cluster-bench.js')).runClusterBench,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(sections);
  for (const name of names) {
    const load = sections[name];
    if (!load) throw new Error(`unknown bench section "${name}"; known: ${Object.keys(sections).join(', ')}`);
    const run = await load();
    printSection(await run());
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
