import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findUp } from '../../src/http/public-dir.js';

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
