import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_COMMENT, seedSampleSurveys } from '../../bench/review/sample-surveys.js';
import { launchBrowser } from '../support/browser.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { seedSplitAgents } from '../review/support/seed-split-agents.js';

const PASSWORD = 'a long supervisor password';

async function apiSummary(app: TestApp, query: string): Promise<Record<string, number>> {
  const response = await fetch(`${app.baseUrl}/api/review/summary${query}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  return (await response.json()) as Record<string, number>;
}

async function api<T>(app: TestApp, path: string): Promise<T> {
  const response = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  return (await response.json()) as T;
}

async function signInThroughForm(context: BrowserContext, app: TestApp): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/review`);
  expect(new URL(page.url()).pathname).toBe('/review/sign-in');
  await page.fill('input[name=username]', 'alice');
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForURL(`${app.baseUrl}/review`), page.click('button[type=submit]')]);
  return page;
}

/** Fails the test on any script dialog or console error (a CSP violation or a script that ran). */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

describe('supervisor pages in Chromium', () => {
  let browser: Browser;
  let app: TestApp;
  let context: BrowserContext;
  let page: Page;
  let evilSite: Server;
  let split: { from: string; to: string };

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startTestApp({ DIGEST_TIME: 'off' })]);
    await app.services.review.accounts.add('alice', PASSWORD);
    await app.services.review.accounts.add('bob', PASSWORD);
    await seedSampleSurveys(app.services);
    split = await seedSplitAgents(app.services);
    // The review consumer files detractors in the queue from the event stream: wait until the 9 and the angry 9 are there.
    for (let tries = 0; (await app.services.review.queue.countOpen()) < 10 && tries < 400; tries += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    // …and records the agents' names as their surveys start.
    for (let tries = 0; (await app.services.review.reports.agentNames(['ag-kim'])).size === 0 && tries < 400; tries += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    context = await browser.newContext();
    page = await signInThroughForm(context, app);
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    evilSite?.closeAllConnections();
    await new Promise<void>((resolve) => (evilSite ? evilSite.close(() => resolve()) : resolve()));
  });

  it('when a supervisor signs in through the form, then the session cookie is HttpOnly and the page is the dashboard', async () => {
    expect(await page.textContent('header .who strong')).toBe('alice');
    expect(await page.evaluate('document.cookie')).not.toContain('review_session');
    const cookie = (await context.cookies()).find((entry) => entry.name === 'review_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('when the dashboard shows the 30 seeded surveys, then its NPS and margin are the hand-computed ones and equal the API', async () => {
    // 15 promoters, 6 passives, 9 detractors: NPS = 100 × (15 − 9) / 30 = 20
    // p = 15/30, d = 9/30: MoE = 196 × √((24/30 − (6/30)²) / 30) = 196 × √(0.76 / 30) = 31.196…
    const nps = Number(await page.getAttribute('#nps', 'data-value'));
    const margin = Number(await page.getAttribute('#margin', 'data-value'));
    expect(nps).toBeCloseTo(20, 9);
    expect(margin).toBeCloseTo(196 * Math.sqrt((24 / 30 - (6 / 30) ** 2) / 30), 9);
    expect(await page.textContent('#nps')).toBe('+20.0');
    expect(await page.textContent('#margin')).toBe('31.2');
    expect(await page.textContent('#total')).toBe('30');
    expect(await page.textContent('#promoters')).toBe('15');
    expect(await page.textContent('#detractors')).toBe('9');
    expect(await page.isVisible('#low-sample')).toBe(false);
    const from = new URL(`${app.baseUrl}/?${new URLSearchParams({ from: new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10) }).toString()}`).search;
    const api = await apiSummary(app, from);
    expect(api.nps).toBe(nps);
    expect(api.marginOfError).toBe(margin);
    expect(await page.locator('svg[aria-label^="NPS by day"] polygon.band').count()).toBeGreaterThan(0);
  });

  it('when the channel filter is applied, then the figures are the API figures for that channel and the warning shows', async () => {
    await page.selectOption('select[name=channel]', 'chat');
    await Promise.all([page.waitForURL(/channel=chat/), page.click('form.filters button[type=submit]')]);
    const api = await apiSummary(app, `?channel=chat&from=${new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)}`);
    expect(Number(await page.textContent('#total'))).toBe(api.total);
    expect(api.total).toBe(10);
    expect(Number(await page.getAttribute('#nps', 'data-value'))).toBe(api.nps);
    expect(await page.isVisible('#low-sample')).toBe(true);
    await page.goto(`${app.baseUrl}/review`);
  });

  it('when a customer comment holds HTML and script, then every page shows it as text and nothing runs', async () => {
    const watched = await context.newPage();
    const problems = watch(watched);
    await watched.goto(`${app.baseUrl}/review/responses/sample-23`);
    expect(await watched.textContent('#reason')).toBe(HOSTILE_COMMENT);
    for (const path of ['/review/responses/sample-23', '/review', '/review/queue', '/review/drivers', '/review/responses']) {
      await watched.goto(`${app.baseUrl}${path}`);
      expect(await watched.locator('img').count()).toBe(0);
      expect(await watched.locator('main script').count()).toBe(0);
    }
    expect(problems).toEqual([]);
    await watched.close();
  });

  it('when another site posts a form into the queue without the token, then it gets 403 and nothing changes', async () => {
    evilSite = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(`<form id="f" method="post" action="${app.baseUrl}/review/queue/sample-22/follow-up"></form><script>document.getElementById('f').submit()</script>`);
    });
    await new Promise<void>((resolve) => evilSite.listen(0, '127.0.0.1', () => resolve()));
    const evil = await context.newPage();
    const [reply] = await Promise.all([
      evil.waitForResponse((response) => response.url().endsWith('/review/queue/sample-22/follow-up')),
      evil.goto(`http://127.0.0.1:${(evilSite.address() as AddressInfo).port}/`),
    ]);
    expect(reply.status()).toBe(403);
    expect(await app.services.review.queue.get('sample-22')).toMatchObject({ status: 'open', notes: [] });
    await evil.close();
  });

  it('when a supervisor assigns, notes and follows up a detractor, then the queue shows each step', async () => {
    await page.goto(`${app.baseUrl}/review/queue`);
    expect(await page.locator('tr[data-item="sample-22"]').count()).toBe(1);
    await Promise.all([page.waitForURL(/sample-22/), page.click('tr[data-item="sample-22"] a')]);
    await page.selectOption('select[name=assignee]', 'bob');
    await Promise.all([page.waitForLoadState('load'), page.click('#assign')]);
    expect(await page.textContent('#assignee')).toBe('bob');
    await page.fill('textarea[name=text]', 'Called back, <b>refund</b> agreed');
    await Promise.all([page.waitForLoadState('load'), page.click('#add-note')]);
    expect(await page.locator('ol.notes li').last().textContent()).toContain('alice: Called back, <b>refund</b> agreed');
    await Promise.all([page.waitForLoadState('load'), page.click('#follow-up')]);
    expect(await page.textContent('#item-state')).toBe('followed up');
    await page.goto(`${app.baseUrl}/review/queue`);
    expect(await page.locator('tr[data-item="sample-22"]').count()).toBe(0);
    await page.goto(`${app.baseUrl}/review/queue?state=done`);
    expect(await page.locator('tr[data-item="sample-22"]').count()).toBe(1);
  });

  it('when the agents, drivers, daily and webhook pages open, then they render their figures without script errors', async () => {
    const watched = await context.newPage();
    const problems = watch(watched);
    await watched.goto(`${app.baseUrl}/review/agents`);
    expect(await watched.locator('ul.agents li').count()).toBe(4);
    expect(await watched.textContent('#prior')).toContain('company NPS (+20.0)');
    await watched.goto(`${app.baseUrl}/review/drivers`);
    expect(await watched.locator('table.drivers tbody tr').count()).toBeGreaterThan(2);
    await watched.goto(`${app.baseUrl}/review/daily`);
    expect(await watched.textContent('h1')).toMatch(/^Daily report for \d{4}-\d{2}-\d{2}$/);
    await watched.goto(`${app.baseUrl}/review/alerts`);
    expect(await watched.textContent('main')).toContain('No ALERT_WEBHOOK_URL is set');
    expect(problems).toEqual([]);
    await watched.close();
  });

  it('when a topic pulls the NPS down, then the drivers page says it costs points, in red, and one that lifts it adds points, in green', async () => {
    const report = await api<{ drivers: Array<{ tag: string; total: number; npsImpact: number | null }> }>(app, `/api/review/drivers?from=${new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)}`);
    const harmful = report.drivers.filter((driver) => driver.total > 0 && (driver.npsImpact ?? 0) >= 0.05);
    const helpful = report.drivers.filter((driver) => driver.total > 0 && (driver.npsImpact ?? 0) <= -0.05);
    expect(harmful.length).toBeGreaterThan(0);
    expect(helpful.length).toBeGreaterThan(0);
    await page.goto(`${app.baseUrl}/review/drivers`);
    const colour = async (tag: string): Promise<number[]> => String(await page.evaluate(`getComputedStyle(document.querySelector('tr[data-tag="${tag}"] .effect')).color`)).match(/\d+/g)?.map(Number) ?? [];
    for (const driver of harmful) {
      expect(await page.textContent(`tr[data-tag="${driver.tag}"] .effect`)).toBe(`costs ${(Math.round((driver.npsImpact ?? 0) * 10) / 10).toFixed(1)} NPS points`);
      const [red = 0, green = 0] = await colour(driver.tag);
      expect(red).toBeGreaterThan(green * 2);
    }
    for (const driver of helpful) {
      expect(await page.textContent(`tr[data-tag="${driver.tag}"] .effect`)).toMatch(/^adds \d+\.\d NPS points?$/);
      const [red = 0, green = 0] = await colour(driver.tag);
      expect(green).toBeGreaterThan(red * 2);
    }
    expect(await page.textContent('#drivers-explain')).toMatch(/costs [\d.]+ NPS points” means that without the responses mentioning it the NPS would be [\d.]+ points higher/);
  });

  it('when agents’ intervals overlap, then the agents page groups them as no clear difference, and one apart is a group of its own', async () => {
    await page.goto(`${app.baseUrl}/review/agents`);
    expect(await page.locator('li.agent-group').count()).toBe(1);
    expect(await page.textContent('li.agent-group h2')).toBe('No clear difference');
    const ben = await api<{ agents: Array<{ agentId: string; raw: { total: number }; shrunkNps: number; low: number; high: number }> }>(app, `/api/review/agents?from=${new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)}&agentId=ag-ben`);
    const figures = ben.agents[0];
    const whole = (value: number): string => (Math.round(value) > 0 ? `+${Math.round(value)}` : Math.round(value) < 0 ? `−${-Math.round(value)}` : '0');
    expect(await page.textContent('li[data-agent="ag-ben"] .estimate')).toBe(
      `Ben’s NPS, adjusted for the ${figures?.raw.total} responses we have: ${whole(figures?.shrunkNps ?? NaN)} (could be ${whole(figures?.low ?? NaN)} to ${whole(figures?.high ?? NaN)})`,
    );
    expect(await page.isVisible('#prior')).toBe(false);
    await page.click('details.how summary');
    expect(await page.isVisible('#prior')).toBe(true);

    await page.goto(`${app.baseUrl}/review/agents?from=${split.from}&to=${split.to}`);
    const groups = page.locator('li.agent-group');
    expect(await groups.count()).toBe(2);
    expect(await groups.nth(0).locator('li[data-agent]').evaluateAll((items) => items.map((item) => item.getAttribute('data-agent')))).toEqual(['ag-hana', 'ag-kim']);
    expect(await groups.nth(0).textContent()).toContain('No clear difference between Hana and Kim');
    expect(await groups.nth(1).locator('li[data-agent]').evaluateAll((items) => items.map((item) => item.getAttribute('data-agent')))).toEqual(['ag-leo']);
    expect(await groups.nth(1).textContent()).toContain('Clearly lower than Hana and Kim.');
  });

  it('when a supervisor types an agent’s name, first name or id, then the filter finds that agent; an unknown one is said to be unknown', async () => {
    const since = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
    const ben = await apiSummary(app, `?from=${since}&agentId=ag-ben`);
    expect(ben.total).toBeGreaterThan(0);
    await page.goto(`${app.baseUrl}/review`);
    expect(await page.locator('#agents-seen option').evaluateAll((options) => options.map((option) => option.getAttribute('value')))).toEqual(['Ana Ruiz', 'Ben Okafor', 'Chloé Martin', 'Dev Patel']);
    for (const typed of ['Ben Okafor', 'ben', 'ag-ben']) {
      await page.fill('input[name=agent]', typed);
      await Promise.all([page.waitForURL(/agent=/), page.click('form.filters button[type=submit]')]);
      expect(await page.textContent('#agent-notice')).toBe('Showing Ben Okafor (ag-ben).');
      expect(Number(await page.textContent('#total'))).toBe(ben.total);
      expect(Number(await page.getAttribute('#nps', 'data-value'))).toBe(ben.nps);
    }
    const response = await page.goto(`${app.baseUrl}/review?agent=${encodeURIComponent('Sam Carter')}`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('#agent-notice')).toBe(
      'No agent called “Sam Carter” has a survey in this range. Agents in this range: Ana Ruiz, Ben Okafor, Chloé Martin and Dev Patel. These figures are for every agent.',
    );
    expect(await page.textContent('#total')).toBe('30');
    await page.goto(`${app.baseUrl}/review/agents?agent=chloe`);
    expect(await page.locator('li[data-agent]').evaluateAll((items) => items.map((item) => item.getAttribute('data-agent')))).toEqual(['ag-chloe']);
  });

  it('when any page is open, then the navigation links to the simulator and the favicon is served', async () => {
    await page.goto(`${app.baseUrl}/review/queue`);
    expect(await page.getAttribute('header nav a[href="/simulator"]', 'href')).toBe('/simulator');
    const icon = await fetch(`${app.baseUrl}${await page.getAttribute('link[rel=icon]', 'href')}`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/vnd.microsoft.icon');
    expect(Buffer.from(await icon.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    for (const path of ['/', '/review/sign-in', '/simulator']) {
      await page.goto(`${app.baseUrl}${path}`);
      expect(await page.getAttribute('link[rel=icon]', 'href')).toBe('/favicon.ico');
    }
  });

  it('when the supervisor signs out, then the pages ask for sign-in again', async () => {
    await page.goto(`${app.baseUrl}/review`);
    await Promise.all([page.waitForURL(/sign-in/), page.click('header .sign-out button')]);
    await page.goto(`${app.baseUrl}/review/agents`);
    expect(new URL(page.url()).pathname).toBe('/review/sign-in');
  });
});
