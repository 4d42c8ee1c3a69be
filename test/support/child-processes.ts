import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * Set by the global setup to an id of this `npm test` run. Every process the suite starts carries
 * it in its environment (children inherit it, and `bareEnvironment` adds it), so the global
 * teardown can find any that outlived the run, and two runs on one machine never see each other's.
 */
export const TEST_RUN_VARIABLE = 'SURVEY_TEST_RUN';

/** Marks this run, unless a global setup that ran earlier already did (every global setup shares the process). */
export function ensureRunMarker(): void {
  process.env[TEST_RUN_VARIABLE] ??= `${process.pid}-${randomUUID()}`;
}

/** The run's marker, for a child started with an environment of its own. */
export function runMarker(): Record<string, string> {
  const id = process.env[TEST_RUN_VARIABLE];
  return id ? { [TEST_RUN_VARIABLE]: id } : {};
}

const live = new Set<ChildProcess>();

// A test that failed or timed out before its own clean-up: its children get SIGTERM (so a service
// still stops its private redis-server) when this test worker exits.
process.once('exit', () => {
  for (const child of live) child.kill('SIGTERM');
});

/** Registers a child process this test worker started, so it is stopped when the worker exits. */
export function trackChild(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

export interface LeftoverProcess {
  pid: number;
  command: string;
}

function readProc(pid: string, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

function workingDirectory(pid: string): string {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return '';
  }
}

/**
 * A working directory named after the run marks its processes too: redis-server writes its process
 * title over its environment, so the test cluster's nodes run in a directory that carries the id.
 */
export function runDirectoryName(): string {
  return process.env[TEST_RUN_VARIABLE] ?? 'unmarked';
}

/** Live processes (zombies aside) of the run `id` (by environment or working directory), other than the vitest runner and its workers. */
export function processesOfRun(id: string): LeftoverProcess[] {
  const marker = `${TEST_RUN_VARIABLE}=${id}`;
  const found: LeftoverProcess[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    if (Number(pid) === process.pid) continue;
    if (!readProc(pid, 'environ').split('\0').includes(marker) && !workingDirectory(pid).includes(id)) continue;
    if (/^State:\s*Z/m.test(readProc(pid, 'status'))) continue;
    const command = readProc(pid, 'cmdline').split('\0').join(' ').trim();
    if (command.includes('vitest')) continue;
    found.push({ pid: Number(pid), command });
  }
  return found;
}
