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
