import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findWebChatBundle } from '../../dialogs/webchat/webchat-bundle.js';
import { webChatBundleUrl } from '../../dialogs/webchat/webchat-routes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Fetched {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly this Accept-Encoding (fetch would add its own and decode the answer). */
function get(url: string, acceptEncoding?: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the Web Chat bundle', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('when a browser that takes br and gzip (listing gzip first) asks for the page\'s bundle, then it gets brotli under a versioned URL cached for a year; gzip-only and plain clients get gzip and the file itself', async () => {
    const page = await (await fetch(`${app.baseUrl}/`)).text();
    const bundle = findWebChatBundle();
    const path = webChatBundleUrl(bundle);
    expect(path).toBe(`/webchat/vendor/botframework-webchat-minimal-${bundle.version}.js`);
    expect(page).toContain(`<script src="${path}"`);
    const original = readFileSync(bundle.file);

    const chromium = await get(`${app.baseUrl}${path}`, 'gzip, deflate, br, zstd');
    expect(chromium).toMatchObject({ status: 200, headers: { 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', 'content-type': 'text/javascript; charset=utf-8', vary: 'Accept-Encoding' } });
    expect(chromium.body.length).toBeLessThan(original.length / 4);
    expect(brotliDecompressSync(chromium.body).equals(original)).toBe(true);

    const gzipOnly = await get(`${app.baseUrl}${path}`, 'gzip');
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipOnly.body).equals(original)).toBe(true);

    const plain = await get(`${app.baseUrl}${path}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });
});
