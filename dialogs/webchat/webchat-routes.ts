import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
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

/** The 3.9 MB bundle, gzipped once on first use (about a quarter the size on a phone's connection). */
function bundleHandler(bundle: WebChatBundle): RequestHandler {
  let loaded: Promise<{ raw: Buffer; gzipped: Buffer }> | undefined;
  const load = async () => {
    const raw = await readFile(bundle.file);
    return { raw, gzipped: await gzipAsync(raw, { level: 9 }) };
  };
  return async (request, response) => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    const { raw, gzipped } = await loaded;
    response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.vary('Accept-Encoding');
    if (request.acceptsEncodings('gzip') === 'gzip') {
      response.setHeader('Content-Encoding', 'gzip');
      response.send(gzipped);
    } else {
      response.send(raw);
    }
  };
}

export function webChatBundleUrl(bundle: WebChatBundle): string {
  return `/webchat/vendor/botframework-webchat-${bundle.version}.js`;
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
