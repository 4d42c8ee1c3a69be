// `npm test`: lint and the type check (tests included) run beside the build and vitest, not before
// them; vitest spends much of its time waiting on processes, browsers and Redis, and the two
// checks fill those gaps. Their output is shown at the end, and the run fails if any step failed.
import { spawn } from 'node:child_process';
import process from 'node:process';

/** Runs a command; resolves with its exit code and, when `quiet`, its output (else it goes straight to the terminal). */
function run(command, args, quiet) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const started = Date.now();
const checks = [
  { name: 'lint (eslint .)', done: run('npx', ['eslint', '.'], true) },
  { name: 'type check (tsc -p tsconfig.test.json)', done: run('npx', ['tsc', '-p', 'tsconfig.test.json'], true) },
];
// The process tests run the built service, so vitest starts once dist/ is built.
const build = await run('npx', ['tsc', '-b'], true);
const tests = build.code === 0 ? await run('npx', ['vitest', 'run', ...process.argv.slice(2)], false) : { code: 1, output: '' };

let failed = build.code !== 0 || tests.code !== 0;
if (build.code !== 0) process.stdout.write(`\nbuild (tsc -b) failed:\n${build.output}`);
for (const check of checks) {
  const { code, output } = await check.done;
  if (code === 0) continue;
  failed = true;
  process.stdout.write(`\n${check.name} failed:\n${output}`);
}
process.stdout.write(`\nnpm test: ${failed ? 'FAILED' : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s (lint, type check, build and vitest)\n`);
process.exitCode = failed ? 1 : 0;
