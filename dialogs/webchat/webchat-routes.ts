import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import express, { Router, type RequestHandler } from 'express';
import { frameAncestors, type OriginPolicy } from '../../src/http/allowed-origins.js';
import { chatPage } from './pages/chat-page.js';
import { newNonce, setChatPagePolicy } from './pages/page-csp.js';
import { PUBLIC_DIR } from '../../src/http/public-dir.js';
import type { WebChatBundle } from './webchat-bundle.js';

export interface WebChatRoutesOptions {
  businessName: string;
  origins: OriginPolicy;
  bundle: WebChatBundle;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

interface CompressedBundle {
  raw: Buffer;
  br: Buffer;
  gzip: Buffer;
}

/** Each bundle file compressed once per process, shared by every app in it. */
const compressed = new Map<string, Promise<CompressedBundle>>();

/** Brotli (quality 9: within a tenth of the best size at a tenth of its time) and gzip, made in the thread pool on first use. */
async function compress(file: string): Promise<CompressedBundle> {
  const raw = await readFile(file);
  const [br, gzipped] = await Promise.all([
    brotliAsync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length, [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT } }),
    gzipAsync(raw, { level: 9 }),
  ]);
  return { raw, br, gzip: gzipped };
}

function compressedOnce(file: string): Promise<CompressedBundle> {
  let entry = compressed.get(file);
  if (!entry) {
    entry = compress(file).catch((error: unknown) => {
      compressed.delete(file);
      throw error;
    });
    compressed.set(file, entry);
  }
  return entry;
}

/** The bundle as brotli or gzip (about a fifth or a quarter of its size), under a versioned URL that is cached for a year. */
function bundleHandler(bundle: WebChatBundle): RequestHandler {
  return async (request, response) => {
    const { raw, br, gzip: gzipped } = await compressedOnce(bundle.file);
    response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.vary('Accept-Encoding');
    // Ours to choose among what the browser accepts (it lists gzip first, but takes br as gladly).
    const accepted = request.acceptsEncodings();
    if (accepted.includes('br')) {
      response.setHeader('Content-Encoding', 'br');
      response.send(br);
    } else if (accepted.includes('gzip')) {
      response.setHeader('Content-Encoding', 'gzip');
      response.send(gzipped);
    } else {
      response.send(raw);
    }
  };
}

export function webChatBundleUrl(bundle: WebChatBundle): string {
  return `/webchat/vendor/botframework-${basename(bundle.file, '.js')}-${bundle.version}.js`;
}

/** GET / (the customer chat), /widget.js (the embeddable snippet), /webchat/* (page assets and the Web Chat bundle). */
export function webChatRoutes(options: WebChatRoutesOptions): Router {
  const router = Router();
  const ancestors = frameAncestors(options.origins);
  const bundleUrl = webChatBundleUrl(options.bundle);

  router.get('/', (request, response) => {
    const nonce = newNonce();
    setChatPagePolicy(response, nonce, ancestors);
    response.type('html').send(chatPage({ businessName: options.businessName, bundleUrl, nonce, embedded: request.query.embed === '1' }));
  });

  router.get('/widget.js', (_request, response) => {
    // Loaded by <script> from the company's own site: helmet's same-origin CORP would block that.
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.setHeader('Cache-Control', 'public, max-age=300');
    response.sendFile('widget.js', { root: PUBLIC_DIR });
  });

  router.get(bundleUrl, bundleHandler(options.bundle));
  router.use('/webchat', express.static(`${PUBLIC_DIR}/webchat`, { index: false, fallthrough: true, maxAge: '5m' }));
  return router;
}
