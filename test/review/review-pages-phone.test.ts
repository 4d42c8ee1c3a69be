import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleSurveys } from '../../bench/review/sample-surveys.js';
import { launchBrowser } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { measureLayout } from './support/page-layout.js';
import { seedOtherStatuses } from './support/seed-statuses.js';

const PASSWORD = 'a long supervisor password';
const WIDTHS = [390, 1280] as const;
const PAGES: Array<[string, string]> = [
  ['dashboard', '/review'],
  ['dashboard for an unknown agent', '/review?agent=Sam%20Carter'],
  ['responses', '/review/responses'],
  ['transcript', '/review/responses/sample-21'],
  ['opted-out response', '/review/responses/status-opted-out'],
  ['drivers', '/review/drivers'],
  ['queue', '/review/queue'],
  ['agents', '/review/agents'],
  ['daily report', '/review/daily'],
  ['empty daily report', '/review/daily?day=2020-01-01'],
  ['webhook log', '/review/alerts'],
];

async function signIn(context: BrowserContext, app: TestApp): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/review/sign-in`);
  await page.fill('input[name=username]', 'alice');
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForURL(`${app.baseUrl}/review`), page.click('button[type=submit]')]);
  return page;
}

describe('review pages on a phone and on a desktop', () => {
  let browser: Browser;
  let app: TestApp;
  const contexts: BrowserContext[] = [];
  const pages = new Map<number, Page>();

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startTestApp({ DIGEST_TIME: 'off' })]);
    await app.services.review.accounts.add('alice', PASSWORD);
    await seedSampleSurveys(app.services);
    await seedOtherStatuses(app.services);
    for (let tries = 0; (await app.services.review.queue.countOpen()) < 10 && tries < 400; tries += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    await app.services.review.queue.assign('sample-21', 'alice', 'admin');
    await app.services.review.queue.addNote('sample-21', 'Called back, offered a slot before the evening peak.', 'alice');
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 844 } });
      contexts.push(context);
      pages.set(width, await signIn(context, app));
    }
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  it('when the responses list holds surveys in every status, then each status and channel reads as words', async () => {
    const page = pages.get(390) as Page;
    await page.goto(`${app.baseUrl}/review/responses`);
    const status = (id: string) => page.textContent(`tr[data-response="${id}"] td.status`);
    expect(await status('status-in-progress')).toBe('In progress');
    expect(await status('status-opted-out')).toBe('Opted out');
    expect(await status('status-partial')).toBe('Score, no reason');
    expect(await status('status-abandoned')).toBe('Abandoned');
    expect(await status('sample-01')).toBe('Completed');
    expect(await page.textContent('tr[data-response="sample-01"] td[data-label="Channel"]')).toBe('Chat');
    expect(await page.textContent('tr[data-response="sample-02"] td[data-label="Channel"]')).toBe('Phone call');
  });

  it('when a day has no score, then the daily report says so in words instead of a lone dash', async () => {
    const page = pages.get(390) as Page;
    await page.goto(`${app.baseUrl}/review/daily?day=2020-01-01`);
    expect(await page.textContent('#nps')).toBe('No scores yet');
    expect(await page.textContent('main')).toContain('Nobody gave a score on this day.');
  });

  it('when the daily report lists the open queue, then each item is named by its customer and time, not by its id', async () => {
    const page = pages.get(390) as Page;
    await page.goto(`${app.baseUrl}/review/daily`);
    const items = await page.locator('ul.people li a').allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const text of items) expect(text).toMatch(/^Customer \d+, \d{1,2} [A-Z][a-z]{2} \d\d:\d\d$/);
    expect(await page.textContent('ul.people')).not.toMatch(/sample-\d/);
  });

  for (const width of WIDTHS) {
    for (const [name, path] of PAGES) {
      it(`when the ${name} page opens ${width} px wide, then nothing scrolls sideways, no text is under 12 px and no raw value shows`, async () => {
        const page = pages.get(width) as Page;
        const response = await page.goto(`${app.baseUrl}${path}`);
        expect(response?.status()).toBe(200);
        const layout = await measureLayout(page);
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
        expect(layout.rawValues).toEqual([]);
        expect(layout.smallText).toEqual([]);
        if (width === 390) expect(layout.smallTargets).toEqual([]);
      });
    }

    it(`when the sign-in page opens ${width} px wide, then it fits and its fields are big enough to touch`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 844 } });
      try {
        const page = await context.newPage();
        await page.goto(`${app.baseUrl}/review/sign-in`);
        const layout = await measureLayout(page);
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
        expect(layout.smallText).toEqual([]);
        if (width === 390) expect(layout.smallTargets).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
