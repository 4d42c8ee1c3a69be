import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runMarker, trackChild } from './child-processes.js';

export const MAIN_SCRIPT = resolve('dist/src/main.js');

export interface ServiceProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout contains the text. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface RunServiceOptions {
  /** The working directory (where a `.env` would be read); by default an empty one of its own. */
  cwd?: string;
}

/**
 * Runs the built service (`npm test` builds it first) as a real child process with exactly this
 * environment, in a working directory without a `.env`, so a developer's own file never leaks in.
 */
export function runService(environment: Record<string, string>, options: RunServiceOptions = {}): ServiceProcess {
  if (!existsSync(MAIN_SCRIPT)) throw new Error(`${MAIN_SCRIPT} is missing: run \`npx tsc -b\` (npm test does) first`);
  const ownDir = options.cwd ? undefined : mkdtempSync(join(tmpdir(), 'survey-cwd-'));
  const child = spawn(process.execPath, [MAIN_SCRIPT], { env: environment, cwd: options.cwd ?? ownDir, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => {
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
      resolveExit(code);
    }),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(text, timeoutMs = 60_000) {
      return new Promise((resolveWait, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          if (out.includes(text)) {
            clearInterval(poll);
            resolveWait();
          } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            clearInterval(poll);
            reject(new Error(`service did not print "${text}" (exit ${child.exitCode}); stdout: ${out.slice(-800)} stderr: ${err.slice(-800)}`));
          }
        }, 25);
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The environment a new user's shell would have: PATH and HOME only. */
export function bareEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...runMarker(), ...extra };
}
