import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedSurveyLink } from '../../src/links/signed-link.js';
import { launchBrowser } from '../support/browser.js';
import { TEST_ADMIN_TOKEN } from '../support/test-app.js';
import { api, campaignRequest, phone, startDialerWorld, until, type DialerWorld } from '../dialer/dialer-harness.js';
import { DESKTOP } from './webchat-support.js';

const SIGNING_SECRET = 'browser-opt-out-signing-secret-0123456789';
const OPTED_OUT = "You won't be contacted for surveys again.";
const newYork = (index: number, customerId: string) => ({ phone: phone(index), timezone: 'America/New_York', customerId });

describe('opting out in the web chat page', () => {
  let browser: Browser;
  let world: DialerWorld;
  beforeAll(async () => {
    [browser, world] = await Promise.all([launchBrowser(), startDialerWorld({ WEBCHAT_SIGNING_SECRET: SIGNING_SECRET })]);
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const said = (page: Page, text: string | RegExp) => page.getByRole('region', { name: /Survey conversation/ }).getByRole('paragraph').filter({ hasText: text });

  /** Opens the link, waits for the score question and types "stop"; answers the conversation id. */
  async function stopFrom(link: string, greeting: RegExp): Promise<string> {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(link);
    const toolbar = page.getByRole('toolbar', { name: 'Suggested actions' });
    await expect.poll(() => toolbar.getByRole('button', { name: '10', exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await said(page, greeting).count()).toBe(1);
    const sendBox = page.getByRole('textbox', { name: 'Message input box' });
    await sendBox.fill('stop');
    await sendBox.press('Enter');
    await said(page, OPTED_OUT).first().waitFor({ timeout: 15_000 });
    const conversationId = String(await page.evaluate("JSON.parse(sessionStorage.getItem('survey-webchat:v1') || '{}').conversationId"));
    await context.close();
    return conversationId;
  }

  it('when a customer types "stop" in the page opened from their signed personal link, then a campaign that lists their customer id never dials them', async () => {
    await stopFrom(signedSurveyLink(world.app.baseUrl, { customerId: 'cust-page-7', customerName: 'Ana' }, { secret: SIGNING_SECRET, ttlSeconds: 3600 }), /^Hi Ana!/);

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

  it('when someone changes the customer id in a signed link and types "stop", then the page still greets the name as typed, but that customer id stays off the do-not-call list and the response is unverified', async () => {
    const link = signedSurveyLink(world.app.baseUrl, { customerId: 'cust-page-8', customerName: 'Zoë Ortiz' }, { secret: SIGNING_SECRET, ttlSeconds: 3600 });
    const conversationId = await stopFrom(link.replace('customerId=cust-page-8', 'customerId=cust-victim-9'), /^Hi Zoë Ortiz!/);

    expect(await world.app.services.doNotCall.hasCustomer('cust-victim-9')).toBe(false);
    expect(await world.app.services.doNotCall.hasCustomer('cust-page-8')).toBe(false);
    const answer = await fetch(`${world.app.baseUrl}/api/review/responses?channel=chat`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const { items } = (await answer.json()) as { items: Array<Record<string, unknown>> };
    expect(items.find((item) => item.conversationId === conversationId)).toMatchObject({ status: 'opted_out', customerName: 'Zoë Ortiz', customerId: null, unverified: true });
  });
});
