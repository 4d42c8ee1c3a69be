import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { labelledDir } from '../../src/tagging/labelled-data.js';

export interface Throughput {
  lines: number;
  milliseconds: number;
  linesPerSecond: number;
  /** Spawn until the first answer line: start-up plus one reason. */
  firstLineMilliseconds: number;
}

/** Runs the real `tag` command (node dist/src/cli/tag.js) on `inputLines`, timing from spawn to the last output line. */
export function measureTagCli(inputLines: readonly string[]): Promise<Throughput> {
  const script = join(labelledDir(), '..', '..', 'dist', 'src', 'cli', 'tag.js');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
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
        reject(new Error(`tag CLI exited with ${code} after ${received} of ${inputLines.length} lines`));
        return;
      }
      resolve({ lines: received, milliseconds, linesPerSecond: (received / milliseconds) * 1000, firstLineMilliseconds: firstLine });
    });
    child.stdin.end(inputLines.join('\n') + '\n');
  });
}
