import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('browser', () => {
  let browser: Browser;
  let app: TestApp;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startTestApp()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('when Chromium opens the health page, then it reads the JSON status', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/healthz`);
    expect(await page.textContent('body')).toContain('"status":"ok"');
  });
});
