import type { Readable, Writable } from 'node:stream';

/** What a command does with one well-formed input object: the fields of its output line. */
export type LineHandler = (row: Record<string, unknown>) => Record<string, unknown>;

export class LineError extends Error {}

type Id = string | number | null;

function idOf(row: Record<string, unknown>): Id {
  const { id } = row;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

/** One output line for one input line; a bad line gets `{"id":…,"error":…}` and processing goes on. */
export function answerLine(line: string, handle: LineHandler): string {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (error) {
    return `${JSON.stringify({ id: null, error: `invalid JSON: ${(error as Error).message}` })}\n`;
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return `${JSON.stringify({ id: null, error: 'each line must be a JSON object' })}\n`;
  }
  const record = row as Record<string, unknown>;
  const id = idOf(record);
  try {
    if (record.id !== undefined && id === null && record.id !== null) throw new LineError('"id" must be a string or a number');
    return `${JSON.stringify({ id, ...handle(record) })}\n`;
  } catch (error) {
    if (!(error instanceof LineError)) throw error;
    return `${JSON.stringify({ id, error: error.message })}\n`;
  }
}

/**
 * Reads JSON Lines from `input` and writes one answer line per non-blank input line, in order.
 * Each arriving chunk is answered with one write, and reading pauses while `output` is full, so
 * memory stays flat however long the input is and a caller sending one line at a time gets its
 * answer at once. Resolves when the input ends; rejects if reading it fails.
 */
export function answerJsonLines(input: Readable, output: Writable, handle: LineHandler): Promise<void> {
  return new Promise((resolve, reject) => {
    let pending = '';
    const answer = (lines: string[]): void => {
      const text = lines.filter((line) => line.trim() !== '').map((line) => answerLine(line, handle)).join('');
      if (text !== '' && !output.write(text)) {
        input.pause();
        output.once('drain', () => input.resume());
      }
    };
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      answer(lines);
    });
    input.on('end', () => {
      answer([pending]);
      resolve();
    });
    input.on('error', reject);
  });
}

/** Runs a command on stdin/stdout: exit code 0 unless stdin itself fails; a closed stdout ends quietly. */
export function runCommand(handle: LineHandler): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  answerJsonLines(process.stdin, process.stdout, handle).catch((error: unknown) => {
    process.stderr.write(`cannot read stdin: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}

export function optionalString(row: Record<string, unknown>, field: string): string | undefined {
  const value = row[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new LineError(`"${field}" must be a string`);
  return value;
}

export function requiredString(row: Record<string, unknown>, field: string): string {
  const value = optionalString(row, field);
  if (value === undefined) throw new LineError(`"${field}" is required`);
  return value;
}
