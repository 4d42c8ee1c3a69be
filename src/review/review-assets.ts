import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler } from 'express';

/** The project root (where package.json is), found from this file whether it runs from src/ (tests) or dist/src/ (npm start). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the review module');
    dir = parent;
  }
  return dir;
}

/** `public/review/` (the pages' stylesheet), public: the sign-in page needs it too. */
export function reviewAssets(): RequestHandler {
  return express.static(join(projectRoot(), 'public', 'review'), { maxAge: '1h', index: false, fallthrough: false });
}

const ICONS: Record<string, string> = { '/favicon.ico': 'favicon.ico', '/favicon.svg': 'favicon.svg' };

/** `/favicon.ico` and `/favicon.svg` at the root, where browsers ask for them on every page. */
export function favicon(): RequestHandler {
  const dir = join(projectRoot(), 'public', 'review');
  return (request, response, next) => {
    const file = ICONS[request.path];
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    response.sendFile(file, { root: dir, maxAge: '1d' });
  };
}
