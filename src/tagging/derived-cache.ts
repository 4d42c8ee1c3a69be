import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { labelledDir } from './labelled-data.js';

/**
 * Files derived from the labelled data (trained models, letter profiles, word polarities) kept
 * in dist/cache under the fingerprint of what they were derived from, so a process starts by
 * reading them instead of deriving them again. Each is a JSON part and, for large tables of
 * numbers, a binary part of float64 values (exact, and read without parsing).
 */

const KEPT_VERSIONS = 4;

export interface Derived {
  data: unknown;
  numbers: Float64Array;
}

/** dist/cache/<name>-<fingerprint> under the project root (the folder holding data/labelled). */
function cacheBase(name: string, fingerprint: string): string {
  return join(dirname(dirname(labelledDir())), 'dist', 'cache', `${name}-${fingerprint}`);
}

export function readDerived(name: string, fingerprint: string): Derived | undefined {
  const base = cacheBase(name, fingerprint);
  try {
    const data = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as unknown;
    let numbers = new Float64Array(0);
    try {
      const bytes = readFileSync(`${base}.bin`);
      // Copy into an aligned buffer: a Buffer may start anywhere in Node's shared pool.
      numbers = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    } catch {
      // Data without numbers.
    }
    return { data, numbers };
  } catch {
    return undefined;
  }
}

function replace(path: string, contents: string | Uint8Array): void {
  // Write then rename, so a process starting at the same moment never reads half a file.
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, contents);
  renameSync(partial, path);
}

export function writeDerived(name: string, fingerprint: string, data: unknown, numbers?: Float64Array): void {
  const base = cacheBase(name, fingerprint);
  try {
    mkdirSync(dirname(base), { recursive: true });
    // The numbers first: a reader that finds the JSON part finds its numbers too.
    if (numbers) replace(`${base}.bin`, new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength));
    replace(`${base}.json`, JSON.stringify(data));
    // Keep a few recent versions (tests run from src/ and the CLI from dist/ hash differently); drop the rest.
    const dir = dirname(base);
    const pattern = new RegExp(`^${name}-([0-9a-f]+)\\.json$`);
    const older = readdirSync(dir)
      .filter((file) => pattern.test(file))
      .map((file) => ({ file: join(dir, file), modified: statSync(join(dir, file)).mtimeMs }))
      .sort((a, b) => b.modified - a.modified)
      .slice(KEPT_VERSIONS);
    for (const { file } of older) {
      rmSync(file, { force: true });
      rmSync(file.replace(/\.json$/, '.bin'), { force: true });
    }
  } catch {
    // A read-only install still works: it derives everything in memory on every start.
  }
}
