import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { DESKTOP, PHONE, recordCspViolations } from './webchat-support.js';

/** A tenth of a second of 8 kHz 16-bit mono silence: a WAV file Chromium can load. */
function silentWav(): Buffer {
  const samples = 800;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples * 2, 40);
  return Buffer.concat([header, Buffer.alloc(samples * 2)]);
}

// The test project has no DOM globals: the page's window is reached through the element.
const direction = async (locator: Locator): Promise<string> => locator.evaluate((element) => element.ownerDocument.defaultView?.getComputedStyle(element).direction ?? '');
const langAndDir = (locator: Locator): Promise<(string | null)[]> => locator.evaluate((element) => [element.getAttribute('lang'), element.getAttribute('dir')]);
const pageLangAndDir = (page: Page): Promise<(string | null)[]> => langAndDir(page.locator('html'));

describe('Persian reads right to left, in Chromium', () => {
  let browser: Browser;
  let app: TestApp;
  let shop: Server;
  let shopOrigin: string;
  const workDir = mkdtempSync(join(tmpdir(), 'rtl-'));
  /** Kept after the run, for a person to look at: the path is printed once. */
  const shots = mkdtempSync(join(tmpdir(), 'rtl-screenshots-'));
  const prompts = join(workDir, 'prompts');

  beforeAll(async () => {
    console.info(`right-to-left screenshots: ${shots}`);
    mkdirSync(join(prompts, 'fa'), { recursive: true });
    writeFileSync(join(prompts, 'fa', 'scoreQuestion.wav'), silentWav());
    shop = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(`<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Our shop</h1><script src="${app.baseUrl}/widget.js" async data-language="fa"></script></body></html>`);
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', () => resolve()));
    shopOrigin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    [browser, app] = await Promise.all([launchBrowser(), startTestApp({ PROMPTS_DIR: prompts, WIDGET_ALLOWED_ORIGINS: shopOrigin })]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    shop?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  const said = (page: Page, text: string | RegExp) => page.getByRole('region', { name: /Survey conversation/ }).getByRole('paragraph').filter({ hasText: text });

  it('when the chat is opened with language=fa, then the page is lang="fa" dir="rtl" and the Persian greeting reads right to left', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const violations = await recordCspViolations(page);
    await page.goto(`${app.baseUrl}/#language=fa`);
    await said(page, /^سلام!/).waitFor({ timeout: 15_000 });
    expect(await pageLangAndDir(page)).toEqual(['fa', 'rtl']);
    expect(await direction(said(page, /^سلام!/).first())).toBe('rtl');
    await page.screenshot({ path: join(shots, 'webchat-fa.png') });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('when the browser speaks Persian and the page names no language, then the page turns right to left once the survey answers in Persian', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'fa-IR' });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/`);
    await said(page, /^سلام!/).waitFor({ timeout: 15_000 });
    await expect.poll(() => pageLangAndDir(page)).toEqual(['fa', 'rtl']);
    expect(await direction(said(page, /^سلام!/).first())).toBe('rtl');
    expect(await page.getByRole('textbox', { name: 'Message input box' }).isVisible()).toBe(true);
    await context.close();
  });

  it('when a shop embeds the widget with data-language="fa", then the widget sits bottom-left, its panel is dir="rtl" lang="fa", and the chat inside reads right to left', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${shopOrigin}/`);
    const launcher = page.getByRole('button', { name: 'Rate our service' });
    const box = await launcher.boundingBox();
    expect(box && box.x < DESKTOP.width / 2).toBe(true);
    await launcher.click();
    const panel = page.locator('#survey-widget-panel');
    expect(await langAndDir(panel)).toEqual(['fa', 'rtl']);
    expect(await direction(panel)).toBe('rtl');
    const frame = await (await page.waitForSelector('iframe[title="Customer survey chat"]')).contentFrame();
    if (!frame) throw new Error('no frame');
    await frame.getByRole('region', { name: /Survey conversation/ }).getByRole('paragraph').filter({ hasText: /^سلام!/ }).first().waitFor({ timeout: 15_000 });
    expect(await frame.evaluate('getComputedStyle(document.documentElement).direction')).toBe('rtl');
    await page.screenshot({ path: join(shots, 'widget-fa.png') });
    await page.close();
  });

  it('when a supervisor calls in Persian with a recording, then the simulator plays it in an <audio> element and the captions read right to left', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, extraHTTPHeaders: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const page = await context.newPage();
    const violations = await recordCspViolations(page);
    await page.goto(`${app.baseUrl}/simulator`);
    await page.getByLabel('Survey language').selectOption('fa');
    await page.getByRole('button', { name: 'Call' }).click();
    await page.getByText(/^Waiting for keys/).waitFor();
    const captions = page.getByRole('list', { name: 'Captions' });
    expect(await langAndDir(captions)).toEqual(['fa', 'rtl']);
    expect(await direction(captions)).toBe('rtl');
    const player = captions.locator('audio');
    expect(await player.getAttribute('src')).toBe('/voice/prompts/fa/scoreQuestion.wav');
    await expect.poll(async () => await player.evaluate((element) => (element as unknown as { readyState: number }).readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(await player.evaluate((element) => (element as unknown as { duration: number }).duration)).toBeCloseTo(0.1, 2);

    await page.keyboard.press('3');
    await page.keyboard.press('#');
    const thanks = captions.getByText('سپاسگزاریم: 3 از 10.', { exact: false });
    await thanks.waitFor();
    expect(await direction(thanks)).toBe('rtl');
    await page.screenshot({ path: join(shots, 'simulator-fa.png') });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('when a supervisor opens a Persian response, then its reason and transcript lines are lang="fa" and read right to left', async () => {
    const { sendChatMessage } = await import('../support/chat-client.js');
    await sendChatMessage(app.baseUrl, 'c-fa-review', 'سلام');
    await sendChatMessage(app.baseUrl, 'c-fa-review', '۳');
    await sendChatMessage(app.baseUrl, 'c-fa-review', 'خیلی طول کشید تا جواب بدهید');
    const record = (await app.services.store.listNewest({ channel: 'chat', limit: 20 })).find((item) => item.conversationId === 'c-fa-review');
    expect(record).toMatchObject({ language: 'fa', score: 3 });

    const context = await browser.newContext({ viewport: DESKTOP, extraHTTPHeaders: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/review/responses/${encodeURIComponent(record?.id ?? '')}`);
    const reason = page.locator('#reason');
    expect(await langAndDir(reason)).toEqual(['fa', 'auto']);
    expect(await direction(reason)).toBe('rtl');
    const customerLine = page.locator('.transcript li.customer .text').last();
    expect(await customerLine.getAttribute('lang')).toBe('fa');
    expect(await direction(customerLine)).toBe('rtl');
    await page.screenshot({ path: join(shots, 'review-response-fa.png'), fullPage: true });

    await page.goto(`${app.baseUrl}/review/responses`);
    const cell = page.locator(`tr[data-response="${record?.id ?? ''}"] td[data-label="Reason"]`);
    expect(await direction(cell)).toBe('rtl');
    await context.close();
  });
});
