import { existsSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest directory at or above `start` for which `found` holds. */
export function findUp(start: string, found: (dir: string) => boolean, what: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (found(dir)) return dir;
    if (dir === parse(dir).root) throw new Error(`cannot find ${what} above ${start}`);
  }
}

/** `public/` of the repository: the same from `src/` (tests) and from `dist/src/` (npm start). */
export const PUBLIC_DIR = join(
  findUp(dirname(fileURLToPath(import.meta.url)), (dir) => existsSync(join(dir, 'public', 'widget.js')), 'public/widget.js'),
  'public',
);
