import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds dist/ with `tsc -b` (under a lock, as the CLI test files may run at once). A type error
 * elsewhere in the project must not hide these tests, so a failed build only counts when the
 * CLI itself was not emitted.
 */
export function buildOnce(script: string): string {
  const path = join(ROOT, 'dist', 'src', 'cli', script);
  try {
    execFileSync('flock', ['/tmp/survey-agent-tsc.lock', 'npx', 'tsc', '-b'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    if (!existsSync(path)) throw error;
  }
  return path;
}

export interface CliRun {
  code: number | null;
  lines: string[];
  stderr: string;
}

/** Runs `node <script>` with `input` on stdin, resolving when it exits. */
export function runCli(script: string, input: string | Buffer): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines: stdout.split('\n').filter((l) => l !== ''), stderr }));
    child.stdin.end(input);
  });
}
