import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFreePort } from '../../src/redis/embedded-redis.js';

export interface RunningServer {
  base: string;
  port: number;
  /** CPU time (µs) the process's main thread has used so far: JavaScript, not libuv's pool or GC helpers. */
  mainThreadCpuMicros(): number;
  pid: number;
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function mainThreadCpuMicros(pid: number | undefined): number {
  if (pid === undefined) return 0;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / TICKS_PER_SECOND;
}

/** Peak resident memory of a process so far, in MB (Linux: VmHWM in /proc/<pid>/status). */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  return Math.round(kilobytes / 1024);
}

/** Starts a built entry point as its own Node process (one core's worth, like production) and waits for its banner. */
export async function startNodeServer(entry: string, environment: Record<string, string>, readyText: string): Promise<RunningServer> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, [resolve(entry)], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((ready, fail) => {
    const timer = setInterval(() => {
      if (output.includes(readyText)) {
        clearInterval(timer);
        ready();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        fail(new Error(`${entry} exited: ${output.slice(-1000)}`));
      }
    }, 20);
  });
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    mainThreadCpuMicros: () => mainThreadCpuMicros(child.pid),
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
