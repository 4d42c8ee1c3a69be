import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { runDirectoryName, trackChild } from './child-processes.js';

/** One redis-server of a test cluster. */
export interface ClusterNodeProcess {
  port: number;
  pid: number;
  /** Resolves when the process has exited (stopped, killed or crashed). */
  exited: Promise<void>;
  kill(signal: NodeJS.Signals): void;
}

export interface TestRedisCluster {
  /** `127.0.0.1:P,…`: every node, as REDIS_CLUSTER_NODES takes them. */
  seeds: string;
  nodes: ClusterNodeProcess[];
  /** Ports of the nodes that are masters now (asked of the cluster, so it follows failovers). */
  masterPorts(): Promise<number[]>;
  /** Resolves once every live node reports `cluster_state:ok`, sees the same masters covering all slots, and every replica is in sync. */
  untilHealthy(timeoutMs?: number): Promise<void>;
  /** Stops every node (SIGTERM, then SIGKILL after a grace) and removes their files. */
  stop(): Promise<void>;
}

export interface RedisClusterOptions {
  masters?: number;
  replicasPerMaster?: number;
  /** cluster-node-timeout: how long a node may be unreachable before its replica takes over (Redis's 15 s by default, so a starved CI machine never fails a node over by mistake). */
  nodeTimeoutMs?: number;
}

const LOW_PORT = 20_000;
const HIGH_PORT = 55_000;
/** A cluster node also listens on its port + 10000 (the cluster bus). */
const BUS_OFFSET = 10_000;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port P such that P and its bus port P + 10000 are both free now (a race with other processes is caught at start). */
async function pickNodePort(taken: Set<number>): Promise<number> {
  for (let tries = 0; tries < 200; tries += 1) {
    const port = LOW_PORT + Math.floor(Math.random() * (HIGH_PORT - LOW_PORT));
    if (taken.has(port) || taken.has(port + BUS_OFFSET) || taken.has(port - BUS_OFFSET)) continue;
    if ((await portIsFree(port)) && (await portIsFree(port + BUS_OFFSET))) return port;
  }
  throw new Error('found no free pair of ports (P, P + 10000) for a Redis Cluster node');
}

function untilOutput(child: ChildProcess, text: string, what: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => finish(new Error(`${what}: no "${text}" within ${timeoutMs} ms: ${output.slice(-500)}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(text)) finish();
    };
    const onExit = (code: number | null): void => finish(new Error(`${what} exited with code ${code}: ${output.slice(-500)}`));
    function finish(error?: Error): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function startNode(dir: string, taken: Set<number>, nodeTimeoutMs: number): Promise<{ node: ClusterNodeProcess; child: ChildProcess }> {
  let lastError: unknown;
  // Another process may take a port between the check and the bind: try again with another pair.
  for (let tries = 0; tries < 5; tries += 1) {
    const port = await pickNodePort(taken);
    const child = trackChild(
      spawn(
        'redis-server',
        [
          '--port', String(port),
          '--bind', '127.0.0.1',
          '--dir', dir,
          '--cluster-enabled', 'yes',
          '--cluster-config-file', `nodes-${port}.conf`,
          '--cluster-node-timeout', String(nodeTimeoutMs),
          // A replica takes over however long its master was gone: the tests want the failover, not the safety margin.
          '--cluster-replica-validity-factor', '0',
          // Replicas sync at once instead of waiting 5 s for others to share a diskless transfer.
          '--repl-diskless-sync-delay', '0',
          '--save', '',
          '--appendonly', 'no',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      ),
    );
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await untilOutput(child, 'Ready to accept connections', `redis-server on port ${port}`);
    } catch (error) {
      lastError = error;
      child.kill('SIGKILL');
      await exited;
      continue;
    }
    child.stdout?.resume();
    child.stderr?.resume();
    taken.add(port);
    return { child, node: { port, pid: child.pid ?? -1, exited, kill: (signal) => child.kill(signal) } };
  }
  throw lastError instanceof Error ? lastError : new Error('redis-server did not start');
}

function createCluster(ports: number[], replicasPerMaster: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = trackChild(
      spawn('redis-cli', ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', String(replicasPerMaster), '--cluster-yes'], { stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => reject(new Error(`redis-cli could not run (Debian/Ubuntu: \`sudo apt-get install redis-tools\`): ${error.message}`)));
    child.once('exit', (code) => (code === 0 && output.includes('All 16384 slots covered') ? resolve() : reject(new Error(`redis-cli --cluster create failed (${code}): ${output.slice(-1000)}`))));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Asks one node; null when it does not answer (stopped, or killed on purpose). */
async function ask<T>(port: number, question: (redis: Redis) => Promise<T>): Promise<T | null> {
  const redis = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 500, commandTimeout: 1000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await question(redis);
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

/** The master ports as one node sees them (`CLUSTER NODES`), failed ones left out, and how many slots they serve. */
function mastersSeenBy(clusterNodes: string): { masters: number[]; slots: number } {
  const masters: number[] = [];
  let slots = 0;
  for (const line of clusterNodes.trim().split('\n')) {
    const [, address = '', flags = '', , , , , , ...ranges] = line.split(' ');
    if (!flags.split(',').includes('master') || flags.includes('fail')) continue;
    if (ranges.length === 0) continue;
    masters.push(Number(/:(\d+)@/.exec(address)?.[1]));
    for (const range of ranges) {
      if (range.startsWith('[')) continue;
      const [first = '0', last = first] = range.split('-');
      slots += Number(last) - Number(first) + 1;
    }
  }
  return { masters: masters.sort((a, b) => a - b), slots };
}

/**
 * A throwaway Redis Cluster on loopback: `masters` × (1 + `replicasPerMaster`) redis-servers with
 * cluster mode on, made a cluster by `redis-cli --cluster create`. No data is kept on disk. Every
 * process started here is stopped by `stop()`, also when the start fails half-way.
 */
export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<TestRedisCluster> {
  const masters = options.masters ?? 3;
  const replicasPerMaster = options.replicasPerMaster ?? 1;
  const nodeTimeoutMs = options.nodeTimeoutMs ?? 15_000;
  // Named after the test run: the global teardown finds nodes left behind by their working directory.
  const dir = mkdtempSync(join(tmpdir(), `survey-redis-cluster-${runDirectoryName()}-`));
  const children: ChildProcess[] = [];
  const nodes: ClusterNodeProcess[] = [];

  async function stop(): Promise<void> {
    await Promise.all(
      nodes.map(async (node, index) => {
        const child = children[index];
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await node.exited;
        clearTimeout(timer);
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  }

  const live = (): number[] => nodes.filter((_node, index) => children[index]?.exitCode === null && children[index]?.signalCode === null).map((node) => node.port);

  async function masterPorts(): Promise<number[]> {
    for (const port of live()) {
      const seen = await ask(port, (redis) => redis.cluster('NODES') as Promise<string>);
      if (seen !== null) return mastersSeenBy(seen).masters;
    }
    throw new Error('no node of the test cluster answers');
  }

  async function untilHealthy(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      const views = await Promise.all(
        live().map((port) => ask(port, async (redis) => ({ info: await redis.cluster('INFO'), nodes: (await redis.cluster('NODES')) as string, replication: await redis.info('replication') }))),
      );
      // A replica still syncing could not take over, and WAIT would not count it yet.
      const synced = (replication: string): boolean => replication.includes('role:master') || replication.includes('master_link_status:up');
      const agreed = views.map((view) => (view && view.info.includes('cluster_state:ok') && synced(view.replication) ? mastersSeenBy(view.nodes) : null));
      const first = agreed[0];
      if (first && first.slots === 16384 && first.masters.length === masters && agreed.every((view) => view && view.slots === 16384 && view.masters.join() === first.masters.join())) return;
      last = JSON.stringify(agreed);
      if (Date.now() > deadline) throw new Error(`the test Redis Cluster did not become healthy within ${timeoutMs} ms: ${last}`);
      await sleep(100);
    }
  }

  try {
    const taken = new Set<number>();
    for (let index = 0; index < masters * (1 + replicasPerMaster); index += 1) {
      const { node, child } = await startNode(dir, taken, nodeTimeoutMs);
      nodes.push(node);
      children.push(child);
    }
    await createCluster(
      nodes.map((node) => node.port),
      replicasPerMaster,
    );
    await untilHealthy();
  } catch (error) {
    await stop();
    throw error;
  }
  return { seeds: nodes.map((node) => `127.0.0.1:${node.port}`).join(','), nodes, masterPorts, untilHealthy, stop };
}
