import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';

function findUp(start: string, found: (dir: string) => boolean, what: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (found(dir)) return dir;
    if (dir === parse(dir).root) throw new Error(`cannot find ${what} above ${start}`);
  }
}

const here = dirname(fileURLToPath(import.meta.url));

/** `public/` of the repository: the same from `src/` (tests) and from `dist/src/` (npm start). */
export const PUBLIC_DIR = join(
  findUp(here, (dir) => existsSync(join(dir, 'public', 'widget.js')), 'public/widget.js'),
  'public',
);

export interface WebChatBundle {
  version: string;
  /** The official full bundle (React included) exactly as the npm package ships it. */
  file: string;
}

/** botframework-webchat's own CDN-free distribution, straight from node_modules: no copy step, no network. */
export function findWebChatBundle(): WebChatBundle {
  const entry = createRequire(import.meta.url).resolve('botframework-webchat');
  const root = findUp(dirname(entry), (dir) => existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'dist', 'webchat.js')), 'botframework-webchat/dist/webchat.js');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { version, file: join(root, 'dist', 'webchat.js') };
}
