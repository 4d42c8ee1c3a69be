import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSurveyFields } from '../../src/links/signed-link.js';
import { launchBrowser } from '../support/browser.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { DESKTOP, recordTransport, screenshot } from './webchat-support.js';

/** A company's own site: one page that pastes the widget snippet. */
interface CompanySite {
  origin: string;
  server: Server;
}

async function startCompanySite(snippet: () => string): Promise<CompanySite> {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Our shop</h1>${snippet()}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function surveyFrame(page: Page): Promise<Frame> {
  await page.getByRole('button', { name: 'Rate our service' }).click();
  const element = await page.waitForSelector('iframe[title="Customer survey chat"]');
  const frame = await element.contentFrame();
  if (!frame) throw new Error('the widget made no frame');
  return frame;
}

describe('embeddable widget in Chromium', () => {
  let browser: Browser;
  let app: TestApp | undefined;
  let allowedSite: CompanySite;
  let otherSite: CompanySite;
  // The company's server signs the widget's parameters, as docs/webchat.md shows.
  const SIGNING_SECRET = 'widget-test-signing-secret-0123456789';
  const signed = signSurveyFields({ customerName: 'Ana', agentName: 'Sam', agentId: 'ag-widget' }, { secret: SIGNING_SECRET, ttlSeconds: 3600 });
  const snippet = () => `<script src="${app?.baseUrl}/widget.js" async data-customer-name="Ana" data-agent-name="Sam" data-agent-id="ag-widget" data-exp="${signed.exp}" data-sig="${signed.sig}"></script>`;

  beforeAll(async () => {
    [browser, allowedSite, otherSite] = await Promise.all([launchBrowser(), startCompanySite(snippet), startCompanySite(snippet)]);
    app = await startTestApp({ WIDGET_ALLOWED_ORIGINS: allowedSite.origin, WEBCHAT_SIGNING_SECRET: SIGNING_SECRET });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    for (const site of [allowedSite, otherSite]) site?.server.close();
  });

  it('when an allowed site embeds the widget with signed parameters, then the chat opens in its frame, personalised from the snippet, takes a score over the WebSocket stream and credits the agent', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const transport = recordTransport(page);
    await page.goto(allowedSite.origin);
    const frame = await surveyFrame(page);
    const scoreButton = frame.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: '8', exact: true });
    await scoreButton.waitFor({ timeout: 15_000 });
    expect(await frame.getByRole('paragraph').filter({ hasText: /^Hi Ana!.*Sam/ }).count()).toBe(1);
    await screenshot(page, 'widget-desktop');
    await scoreButton.click();
    await frame.getByRole('paragraph').filter({ hasText: 'Thank you, Ana: 8 out of 10.' }).waitFor();
    const stored = await fetch(`${app?.baseUrl}/api/review/responses?channel=chat`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(((await stored.json()) as { items: unknown[] }).items).toMatchObject([{ score: 8, customerName: 'Ana', agentName: 'Sam', agentId: 'ag-widget', unverified: false }]);
    expect(transport.sockets).toEqual([expect.stringMatching(/\/v3\/directline\/conversations\/[\w-]+\/stream\?t=/)]);
    expect(transport.polls).toEqual([]);
    expect(await page.getByRole('button', { name: 'Rate our service' }).getAttribute('aria-expanded')).toBe('true');
    await scoreButton.page().keyboard.press('Escape');
    // Escape inside the chat's frame reaches the widget as a message from the frame, a moment later.
    await expect.poll(() => page.getByRole('button', { name: 'Rate our service' }).getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('when a site outside WIDGET_ALLOWED_ORIGINS embeds the widget, then the browser refuses to show the chat and the endpoint refuses its calls', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('frame-ancestors')) refusals.push(message.text());
    });
    await page.goto(otherSite.origin);
    const frame = await surveyFrame(page);
    await frame.waitForLoadState('load');
    expect(frame.url()).toBe('chrome-error://chromewebdata/');
    expect(await frame.locator('#webchat').count()).toBe(0);
    expect(refusals.join('\n')).toContain(`Framing '${app?.baseUrl}/' violates the following Content Security Policy directive: "frame-ancestors 'self' ${allowedSite.origin}"`);

    const tokenCall = await page.evaluate(async (endpoint) => {
      try {
        const response = await fetch(endpoint, { method: 'POST' });
        return `status ${response.status}`;
      } catch (error) {
        return `refused: ${(error as Error).name}`;
      }
    }, `${app?.baseUrl}/v3/directline/tokens/generate`);
    expect(tokenCall).toBe('refused: TypeError');
    await page.close();
  });
});
