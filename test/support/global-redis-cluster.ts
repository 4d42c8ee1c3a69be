import type { TestProject } from 'vitest/node';
import { ensureRunMarker } from './child-processes.js';
import { startRedisCluster } from './redis-cluster.js';
import { registerRunResource } from './run-resources.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** REDIS_CLUSTER_NODES of the run's Redis Cluster; provided in the `cluster` project only. */
    redisClusterNodes: string | undefined;
  }
}

let stopCluster: (() => Promise<void>) | undefined;

/**
 * The `cluster` project's global setup: one Redis Cluster (3 masters, 3 replicas) for the run,
 * started only when a test of that project runs (vitest runs a project's global setup only then).
 * TEST_REDIS_CLUSTER_NODES points the project at an existing cluster instead.
 */
export async function setup(project: TestProject): Promise<void> {
  // The root setup runs after this one: the marker must be set before the nodes start, so they carry it.
  ensureRunMarker();
  const external = process.env.TEST_REDIS_CLUSTER_NODES;
  if (external) {
    project.provide('redisClusterNodes', external);
    return;
  }
  const cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 1 });
  stopCluster = registerRunResource(() => cluster.stop());
  project.provide('redisClusterNodes', cluster.seeds);
}

export async function teardown(): Promise<void> {
  await stopCluster?.();
}
