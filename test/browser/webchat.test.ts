import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { DESKTOP, PHONE, recordCspViolations, recordTransport, screenshot } from './webchat-support.js';

const SCORE_QUESTION = 'How likely are you to recommend us, from 0 to 10?';
const REASON_QUESTION = 'Glad to hear it! How could we do better?';
const GOODBYE = 'Thank you for your feedback. Goodbye!';

describe('customer web chat in Chromium', () => {
  let browser: Browser;
  let app: TestApp;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startTestApp()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A message bubble's text in the transcript (Web Chat also repeats it for screen readers). */
  const said = (page: Page, text: string | RegExp) => page.getByRole('region', { name: /Survey conversation/ }).getByRole('paragraph').filter({ hasText: text });
  const suggestedAction = (page: Page, label: string) => page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: label, exact: true });
  const sendBox = (page: Page) => page.getByRole('textbox', { name: 'Message input box' });

  it('when a customer on a phone clicks 9, reloads mid-survey and types a reason, then the survey resumes over the WebSocket stream and the response is stored', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const violations = await recordCspViolations(page);
    const transport = recordTransport(page);
    await page.goto(`${app.baseUrl}/#customerName=Ana&agentName=Sam`);

    await expect.poll(() => suggestedAction(page, '10').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await said(page, /^Hi Ana!/).count()).toBe(1);
    for (const score of ['0', '5', '10']) expect(await suggestedAction(page, score).isVisible()).toBe(true);
    await screenshot(page, 'webchat-phone');
    await suggestedAction(page, '9').click();
    await said(page, REASON_QUESTION).waitFor();

    await page.reload();
    await said(page, REASON_QUESTION).waitFor({ timeout: 15_000 });
    expect(await said(page, SCORE_QUESTION).count()).toBe(1);
    await sendBox(page).fill('The agent was quick and friendly');
    await sendBox(page).press('Enter');
    await said(page, GOODBYE).waitFor();

    const conversationId = String(await page.evaluate("JSON.parse(sessionStorage.getItem('survey-webchat:v1') || '{}').conversationId"));
    const answer = await fetch(`${app.baseUrl}/api/review/responses?channel=chat`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const { items } = (await answer.json()) as { items: Array<Record<string, unknown>> };
    expect(items).toMatchObject([{ conversationId, score: 9, category: 'promoter', reason: 'The agent was quick and friendly', status: 'completed', customerName: 'Ana', agentName: 'Sam', test: false }]);
    expect(violations).toEqual([]);
    expect(transport.sockets).toEqual([expect.stringContaining(`/v3/directline/conversations/${conversationId}/stream?t=`), expect.stringContaining(`/v3/directline/conversations/${conversationId}/stream?t=`)]);
    expect(transport.polls).toEqual([]);
    await context.close();
  });

  it('when the page cannot open its WebSocket (opened under another address than PUBLIC_URL), then it falls back to polling and the survey goes on', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const transport = recordTransport(page);
    // The page's origin is localhost; its streamUrl names 127.0.0.1 (PUBLIC_URL), which its CSP does not let it reach.
    await page.goto(`${app.baseUrl.replace('127.0.0.1', 'localhost')}/`);
    await expect.poll(() => suggestedAction(page, '8').isVisible(), { timeout: 15_000 }).toBe(true);
    await suggestedAction(page, '8').click();
    await said(page, 'Thank you: 8 out of 10.').waitFor();
    expect(await said(page, SCORE_QUESTION).count()).toBe(1);
    // The browser refused the stream before it connected; the replies came by polling.
    expect(transport.sockets).toEqual([]);
    expect(transport.polls.length).toBeGreaterThan(0);
    expect(await page.getByRole('status').isVisible()).toBe(false);
    expect(String(await page.evaluate("JSON.parse(sessionStorage.getItem('survey-webchat:v1') || '{}').transport"))).toBe('polling');
    await context.close();
  });

  it('when a keyboard user opens the page on a desktop, then the landmarks are labelled and the score is answered from the keyboard alone', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const violations = await recordCspViolations(page);
    await page.goto(`${app.baseUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('main', { name: /customer survey/ }).count()).toBe(1);
    await expect.poll(() => suggestedAction(page, '7').isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'webchat-desktop');

    // Tab from the top of the page to the message box, as a keyboard user would.
    const focused = () => sendBox(page).evaluate((element) => element === element.ownerDocument.activeElement);
    for (let presses = 0; presses < 12 && !(await focused()); presses += 1) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await said(page, 'Thank you: 7 out of 10.').waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });
});
