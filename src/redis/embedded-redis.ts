import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';

export class RedisServerMissingError extends Error {
  constructor() {
    super(
      'redis-server was not found on PATH: install it (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`) or set REDIS_URL to an existing Redis.',
    );
    this.name = 'RedisServerMissingError';
  }
}

export class DataDirInUseError extends Error {
  constructor(dataDir: string, ownerPid: number) {
    super(`${dataDir} is in use by another running instance (process ${ownerPid}) and its redis-server: stop that one first, or give this one its own REDIS_DATA_DIR or a REDIS_URL.`);
    this.name = 'DataDirInUseError';
  }
}

export interface EmbeddedRedisOptions {
  /** Directory for the append-only file; omit for a throwaway server that keeps nothing. */
  dataDir?: string;
  /** `always` or `everysec`; only with dataDir. */
  appendfsync?: 'always' | 'everysec';
  /** Fixed port; a free one is picked when absent. */
  port?: number;
}

export interface EmbeddedRedis {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export function isRedisServerInstalled(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not pick a free port'));
      });
    });
  });
}

function serverArguments(port: number, options: EmbeddedRedisOptions): string[] {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--protected-mode', 'yes'];
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    args.push('--dir', options.dataDir, '--appendonly', 'yes', '--appendfsync', options.appendfsync ?? 'everysec', '--pidfile', join(options.dataDir, 'redis.pid'));
  } else {
    args.push('--appendonly', 'no');
  }
  return args;
}

function waitUntilReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`redis-server did not start within 10 s on port ${port}: ${output.slice(-500)}`)), 10_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null): void => fail(new Error(`redis-server exited with code ${code}: ${output.slice(-500)}`));
    function cleanup(): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    }
    function fail(error: Error): void {
      cleanup();
      reject(error);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function commandLineOf(pid: number): string {
  return Number.isInteger(pid) && pid > 0 && existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
}

/** The pid written by the private redis-server of this data directory, or NaN when there is none. */
function pidFileServer(dataDir: string): number {
  const pidFile = join(dataDir, 'redis.pid');
  return existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : Number.NaN;
}

/**
 * The port of the private redis-server running on this data directory (as `npm start` runs it), if
 * any. redis-server replaces its command line with a title, "redis-server 127.0.0.1:6379".
 */
export function runningServerPort(dataDir: string): number | null {
  const title = /^redis-server\s+\S*:(\d+)/.exec(commandLineOf(pidFileServer(dataDir)));
  return title ? Number(title[1]) : null;
}

function parentOf(pid: number): number {
  const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Number(/^PPid:\s*(\d+)/m.exec(status)?.[1] ?? 0);
}

/**
 * A server left behind by a run that was killed would share the append-only file: stop it first.
 * One whose Node parent still runs belongs to a live instance: refuse rather than pull it away.
 */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'redis.pid');
  if (!existsSync(pidFile)) return;
  const pid = pidFileServer(dataDir);
  const command = commandLineOf(pid);
  if (command.includes('redis-server') && isAlive(pid)) {
    const owner = parentOf(pid);
    if (owner > 1 && owner !== process.pid && commandLineOf(owner).includes('node')) throw new DataDirInUseError(dataDir, owner);
    process.kill(pid, 'SIGTERM');
    for (let waited = 0; waited < 5000 && isAlive(pid); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  rmSync(pidFile, { force: true });
}

/** Starts a private redis-server child bound to loopback; it is stopped by `stop()` or when this process exits. */
export async function startEmbeddedRedis(options: EmbeddedRedisOptions = {}): Promise<EmbeddedRedis> {
  if (!isRedisServerInstalled()) throw new RedisServerMissingError();
  if (options.dataDir) await stopLeftoverServer(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const child = spawn('redis-server', serverArguments(port, options), { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitUntilReady(child, port);
  child.stdout?.resume();
  child.stderr?.resume();
  const killOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
