import { startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { startRedisCluster } from '../test/support/redis-cluster.js';
import { measure, median, type Measured } from './load-bench.js';
import { BENCH_ADMIN_TOKEN, BENCH_TWILIO_TOKEN, SCENARIOS } from './load/load-scenarios.js';
import type { BenchSection } from './report.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MEASURED = ['key-press turn', 'chat turn (expectReplies)', 'summary read'];

/**
 * The same service on one redis-server and on a Redis Cluster of 3 masters and 3 replicas (with and
 * without REDIS_WAIT_REPLICAS=1), in alternating rounds of the same run, every node on this machine.
 */
export async function runClusterBench(): Promise<BenchSection> {
  const single = await startEmbeddedRedis();
  const cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 1 });
  const base = { TWILIO_AUTH_TOKEN: BENCH_TWILIO_TOKEN, ADMIN_TOKEN: BENCH_ADMIN_TOKEN, LOG_LEVEL: 'error' };
  const topologies = [
    { name: 'single node', environment: { ...base, REDIS_URL: single.url } },
    { name: '3-master cluster', environment: { ...base, REDIS_CLUSTER_NODES: cluster.seeds } },
    { name: '3-master cluster, WAIT 1', environment: { ...base, REDIS_CLUSTER_NODES: cluster.seeds, REDIS_WAIT_REPLICAS: '1' } },
  ];
  const rows: BenchSection['rows'] = [];
  try {
    for (const [index, scenario] of SCENARIOS.filter((candidate) => MEASURED.includes(candidate.name)).entries()) {
      const runs = new Map<string, Measured[]>(topologies.map((topology) => [topology.name, []]));
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const topology of topologies) {
          runs.get(topology.name)?.push(await measure('dist/src/main.js', { ...topology.environment, REDIS_KEY_PREFIX: `cluster-bench:${index}:${round}:` }, 'Survey agent listening', scenario));
        }
      }
      const row: Record<string, string | number> = { scenario: scenario.name };
      for (const topology of topologies) {
        const measured = runs.get(topology.name) ?? [];
        row[`${topology.name} req/s`] = Math.round(median(measured.map((run) => run.rps)));
        row[`${topology.name} p99 ms`] = median(measured.map((run) => run.p99));
        row[`${topology.name} errors`] = measured.reduce((sum, run) => sum + run.errors + run.non2xx, 0);
      }
      rows.push(row);
    }
  } finally {
    await cluster.stop();
    await single.stop();
  }
  return {
    title: `Redis topologies: one service process on a single node vs a 3-master cluster (median of ${ROUNDS} alternating rounds)`,
    rows,
    notes: ['every Redis node and the service share this machine, so the cluster measures its client-side cost (routing, a round trip per master for the summary), not its extra capacity'],
  };
}
