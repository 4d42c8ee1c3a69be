import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { findWebChatBundle } from '../../dialogs/webchat/webchat-bundle.js';

export interface UsableTimes {
  /** Navigation to the score buttons on screen, cold cache (a fresh browser context each time). */
  pageMs: number[];
  /** Navigation to the same bundle evaluated on an empty page from a bare server: the floor. */
  floorMs: number[];
  /** WebSocket streams the page opened, over all rounds (one per round when it streams). */
  streams: number;
}

/** The floor: node:http serving a page that only loads the Web Chat bundle, brotli-compressed once like the service's. */
async function startFloorServer(): Promise<{ base: string; server: Server }> {
  const raw = await readFile(findWebChatBundle().file);
  const br = await promisify(brotliCompress)(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  const server = createServer((request, response) => {
    if (request.url === '/bundle.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable' });
      response.end(br);
    } else {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><script src="/bundle.js"></script></body></html>');
    }
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Alternating rounds of the customer page on `serviceBase` and of the floor, each in a fresh (cold) browser context. */
export async function measurePageUsable(browser: Browser, serviceBase: string, rounds: number): Promise<UsableTimes> {
  const floor = await startFloorServer();
  const times: UsableTimes = { pageMs: [], floorMs: [], streams: 0 };
  try {
    for (let round = 0; round < rounds; round += 1) {
      const pageContext = await browser.newContext();
      const page = await pageContext.newPage();
      page.on('websocket', () => (times.streams += 1));
      const started = performance.now();
      await page.goto(`${serviceBase}/`);
      await page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: '10', exact: true }).waitFor({ timeout: 30_000 });
      times.pageMs.push(performance.now() - started);
      await pageContext.close();

      const floorContext = await browser.newContext();
      const floorPage = await floorContext.newPage();
      const floorStarted = performance.now();
      await floorPage.goto(`${floor.base}/`);
      await floorPage.waitForFunction('typeof window.WebChat === "object" && typeof window.WebChat.renderWebChat === "function"', undefined, { timeout: 30_000 });
      times.floorMs.push(performance.now() - floorStarted);
      await floorContext.close();
    }
  } finally {
    floor.server.close();
  }
  return times;
}
