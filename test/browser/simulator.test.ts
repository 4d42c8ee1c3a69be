import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/session-cookie.js';
import { launchBrowser } from '../support/browser.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { DESKTOP, PHONE, recordCspViolations, screenshot } from './webchat-support.js';

describe('phone simulator in Chromium', () => {
  let browser: Browser;
  let app: TestApp;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startTestApp()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const api = async (path: string) => (await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })).json() as Promise<Record<string, unknown>>;

  it('when a supervisor keys 10 and says a reason, then the call plays as captions and the response is a test that the NPS leaves out', async () => {
    // Until supervisor sign-in lands, the page takes the admin bearer token, as the API does.
    const context = await browser.newContext({ viewport: DESKTOP, extraHTTPHeaders: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const page = await context.newPage();
    const violations = await recordCspViolations(page);
    await page.goto(`${app.baseUrl}/simulator`);
    await page.getByLabel('Survey language').selectOption('en');
    await page.getByLabel(/Customer name/).fill('Ana');
    await page.getByLabel(/Agent name/).fill('Sam');
    await page.getByRole('button', { name: 'Call' }).click();

    const captions = page.getByRole('list', { name: 'Captions' });
    await captions.getByText('How likely are you to recommend us, from 0 to 10? Key your score, then press hash.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Key 1', exact: true }).click();
    // The rest from the keyboard, as a supervisor without a mouse would.
    await page.keyboard.press('0');
    expect(await page.locator('#keyed').textContent()).toBe('10');
    await page.keyboard.press('#');
    await captions.getByText('Thank you: 10 out of 10. Glad to hear it! How could we do better?', { exact: false }).waitFor();

    const say = page.getByRole('textbox', { name: /^Say/ });
    await say.fill('Quick and friendly help');
    await say.press('Enter');
    await captions.getByText('Thank you for your feedback. Goodbye!').waitFor();
    await page.getByText('Stored as a test response: status completed, score 10, reason "Quick and friendly help".').waitFor();
    await screenshot(page, 'simulator-desktop');

    const { items } = (await api('/api/review/responses?channel=voice')) as { items: Array<Record<string, unknown>> };
    expect(items).toMatchObject([{ score: 10, reason: 'Quick and friendly help', status: 'completed', test: true, customerName: 'Ana', agentName: 'Sam' }]);
    expect(items[0]?.conversationId).toMatch(/^CA[0-9a-f]{32}$/);
    expect(await api('/api/review/summary')).toMatchObject({ total: 0, promoters: 0, passives: 0, detractors: 0 });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('when the page is opened on a phone in Hungarian, then the keypad fits and the call speaks Hungarian', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, extraHTTPHeaders: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/simulator`);
    await page.getByLabel('Survey language').selectOption('hu');
    await page.getByRole('button', { name: 'Call' }).click();
    await page.getByText(/^Waiting for keys/).waitFor();
    const caption = await page.getByRole('list', { name: 'Captions' }).getByRole('listitem').first().textContent();
    expect(caption).toMatch(/^Survey: .*0.*10/);
    expect(await page.locator('#twiml').textContent()).toContain('language="hu-HU"');
    const hash = await page.getByRole('button', { name: 'Hash key (send)' }).boundingBox();
    expect(hash && hash.x + hash.width <= PHONE.width).toBe(true);
    await screenshot(page, 'simulator-phone', true);
    await context.close();
  });

  /** Signs in through the sign-in form over HTTP and answers the session cookie. */
  async function signIn(): Promise<{ name: string; value: string }> {
    const form = await fetch(`${app.baseUrl}/review/sign-in`);
    const formCookie = (form.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const signedIn = await fetch(`${app.baseUrl}/review/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: formCookie, origin: app.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, next: '/simulator', username: 'admin', password: TEST_ADMIN_TOKEN }).toString(),
    });
    const session = signedIn.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
    if (signedIn.status !== 303 || !session) throw new Error(`sign-in answered ${signedIn.status}`);
    const [name = '', value = ''] = (session.split(';')[0] ?? '').split('=');
    return { name, value };
  }

  it('when a signed-out supervisor opens the simulator, then it goes to sign-in, and once signed in the call runs on the session and its CSRF token', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const violations = await recordCspViolations(page);
    await page.goto(`${app.baseUrl}/simulator`);
    expect(new URL(page.url()).pathname).toBe('/review/sign-in');

    await context.addCookies([{ ...(await signIn()), url: app.baseUrl }]);
    await page.goto(`${app.baseUrl}/simulator`);
    await page.getByRole('heading', { name: 'Phone simulator' }).waitFor();
    await page.getByRole('button', { name: 'Call' }).click();
    await page.getByText(/^Waiting for keys/).waitFor();
    await page.keyboard.type('3#');
    await page.getByText(/^Listening/).waitFor();
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.getByText('Stored as a test response: status partial, score 3.').waitFor();
    expect(violations).toEqual([]);

    const withoutCsrf = await page.evaluate(async () => (await fetch('/simulator/calls', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"language":"en"}' })).status);
    expect(withoutCsrf).toBe(403);
    await context.close();
  });
});
