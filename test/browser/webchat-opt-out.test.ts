import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { api, campaignRequest, phone, startDialerWorld, until, type DialerWorld } from '../dialer/dialer-harness.js';
import { DESKTOP } from './webchat-support.js';

const newYork = (index: number, customerId: string) => ({ phone: phone(index), timezone: 'America/New_York', customerId });

describe('opting out in the web chat page', () => {
  let browser: Browser;
  let world: DialerWorld;
  beforeAll(async () => {
    [browser, world] = await Promise.all([launchBrowser(), startDialerWorld()]);
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('when a customer types "stop" in the page opened from their personal link, then a campaign that lists their customer id never dials them', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${world.app.baseUrl}/#customerId=cust-page-7&customerName=Ana`);
    const toolbar = page.getByRole('toolbar', { name: 'Suggested actions' });
    await expect.poll(() => toolbar.getByRole('button', { name: '10', exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    const sendBox = page.getByRole('textbox', { name: 'Message input box' });
    await sendBox.fill('stop');
    await sendBox.press('Enter');
    await page.getByRole('region', { name: /Survey conversation/ }).getByRole('paragraph').filter({ hasText: "You won't be contacted for surveys again." }).first().waitFor({ timeout: 15_000 });
    await context.close();

    const created = await api(world.app.baseUrl, 'POST', '/api/campaigns', campaignRequest([newYork(41, 'cust-page-7'), newYork(42, 'cust-other')]));
    expect(created.status).toBe(201);
    expect((await api(world.app.baseUrl, 'POST', `/api/campaigns/${created.body.id}/start`)).status).toBe(200);
    const counts = await until('both contacts to be handled', async () => {
      const campaign = await api(world.app.baseUrl, 'GET', `/api/campaigns/${created.body.id}`);
      return campaign.body.counts.queued === 0 ? campaign.body.counts : null;
    });
    expect(counts).toMatchObject({ optedOut: 1, dialing: 1 });
    await world.twilio.waitForCalls(1);
    expect(world.twilio.calls.map((call) => call.to)).toEqual([phone(42)]);
  });
});
