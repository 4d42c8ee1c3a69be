import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { labelledDir } from '../../src/tagging/labelled-data.js';

export interface Throughput {
  lines: number;
  milliseconds: number;
  linesPerSecond: number;
  /** Spawn until the first answer line: start-up plus one reason. */
  firstLineMilliseconds: number;
}

const DIST = (): string => join(labelledDir(), '..', '..', 'dist', 'src', 'cli');

/** Times `args` (a node script) on `inputLines`, from spawn to the last output line. */
function measure(args: string[], inputLines: readonly string[]): Promise<Throughput> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    let received = 0;
    let firstLine = 0;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const char of chunk) if (char === '\n') received += 1;
      if (firstLine === 0 && received > 0) firstLine = performance.now() - started;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const milliseconds = performance.now() - started;
      if (code !== 0 || received !== inputLines.length) {
        reject(new Error(`${args.join(' ')} exited with ${code} after ${received} of ${inputLines.length} lines`));
        return;
      }
      resolve({ lines: received, milliseconds, linesPerSecond: (received / milliseconds) * 1000, firstLineMilliseconds: firstLine });
    });
    child.stdin.end(inputLines.join('\n') + '\n');
  });
}

/** Runs the real `tag` command (node dist/src/cli/tag.js) on `inputLines`. */
export function measureTagCli(inputLines: readonly string[]): Promise<Throughput> {
  return measure([join(DIST(), 'tag.js')], inputLines);
}

/**
 * The floor: the same JSON-lines reader and writer in a fresh node process, answering each line
 * with its id and nothing else, so start-up and I/O cost what they cost the tag command.
 */
export function measureEchoFloor(inputLines: readonly string[]): Promise<Throughput> {
  const jsonl = pathToFileURL(join(DIST(), 'jsonl.js')).href;
  const script = `import(${JSON.stringify(jsonl)}).then(({ runCommand }) => runCommand(() => ({})));`;
  return measure(['--input-type=module', '-e', script], inputLines);
}
