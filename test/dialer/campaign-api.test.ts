import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, campaignRequest, phone, startDialerWorld, type DialerWorld } from './dialer-harness.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CSV = 'text/csv';

describe('the campaign API', () => {
  let world: DialerWorld;
  let base: string;
  beforeAll(async () => {
    world = await startDialerWorld();
    base = world.app.baseUrl;
  });
  afterAll(async () => world?.close());

  async function campaignCount(): Promise<number> {
    return ((await api(base, 'GET', '/api/campaigns')).body.items as unknown[]).length;
  }

  it('when the bearer token is missing, then every campaign and do-not-call route answers 401', async () => {
    for (const [method, path] of [
      ['POST', '/api/campaigns'],
      ['GET', '/api/campaigns'],
      ['POST', '/api/dnc'],
    ] as const) {
      const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'missing bearer token' });
    }
  });

  it('when the window never overlaps the legal hours 08:00–21:00 or is not a window, then the campaign is refused with 400 and nothing is created', async () => {
    const before = await campaignCount();
    for (const window of [
      { start: '21:00', end: '08:00' },
      { start: '22:00', end: '07:30' },
      { start: '10:00', end: '10:00' },
      { start: '9:00', end: '17:00' },
    ]) {
      const response = await api(base, 'POST', '/api/campaigns', campaignRequest([{ phone: phone(1), timezone: 'UTC' }], { window }));
      expect(response.status).toBe(400);
      expect(response.body.error).toMatch(/^window/);
    }
    expect(await campaignCount()).toBe(before);
  });

  it('when the window crosses midnight or reaches past the legal hours, then it is kept and calls may only start where it overlaps 08:00–21:00', async () => {
    for (const [window, callingHours] of [
      [{ start: '20:00', end: '09:00' }, [{ start: '08:00', end: '09:00' }, { start: '20:00', end: '21:00' }]],
      [{ start: '07:30', end: '12:00' }, [{ start: '08:00', end: '12:00' }]],
      [{ start: '08:00', end: '21:00' }, [{ start: '08:00', end: '21:00' }]],
    ] as const) {
      const created = await api(base, 'POST', '/api/campaigns', campaignRequest([], { window }));
      expect(created.status).toBe(201);
      const shown = await api(base, 'GET', `/api/campaigns/${String(created.body.id)}`);
      expect(shown.body).toMatchObject({ window, callingHours });
    }
  });

  it('when the request is malformed, then it gets a 400 naming the problem and nothing is created', async () => {
    const before = await campaignCount();
    const cases: Array<[unknown, RegExp]> = [
      [{ ...campaignRequest([]), name: '' }, /^name: must not be empty/],
      [{ ...campaignRequest([]), callsPerSecond: 0 }, /^callsPerSecond: must be more than 0/],
      [{ ...campaignRequest([]), callsPerSecond: 500 }, /^callsPerSecond: must be at most 100/],
      [{ ...campaignRequest([]), maxAttempts: 1.5 }, /^maxAttempts: must be a whole number/],
      [{ ...campaignRequest([]), contacts: 'nobody' }, /^contacts:/],
      [[1, 2], /expected object/],
    ];
    for (const [body, error] of cases) {
      const response = await api(base, 'POST', '/api/campaigns', body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatch(error);
    }
    const broken = await api(base, 'POST', '/api/campaigns', '{"name": ', 'application/json');
    expect(broken).toEqual({ status: 400, body: { error: 'request body is not valid JSON' } });
    expect(await campaignCount()).toBe(before);
  });

  it('when contacts come as CSV, then good rows are imported with their details and bad rows reported by row', async () => {
    const created = await api(base, 'POST', '/api/campaigns', campaignRequest([{ phone: '+1 (212) 523-0001', timezone: 'america/new_york' }]));
    expect(created.body).toEqual({ id: created.body.id, imported: 1, rejected: [], rejectedCount: 0 });
    const csv = [
      '\ufeffphone,timezone,name,customerId,agentId,language',
      '+12125230002,Europe/London,"Smith, Jane",c-2,agent-1,en',
      '+12125230003,UTC,,,,',
      'not a phone,UTC,,,,',
      '+12125230004,Atlantis/Capital,,,,',
      '+12125230005,UTC,,,agent 7,',
      '+12125230006,UTC,,,,pt',
      '',
    ].join('\n');
    const added = await api(base, 'POST', `/api/campaigns/${created.body.id}/contacts`, csv, CSV);
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: created.body.id,
      imported: 2,
      rejected: [
        { row: 3, phone: 'not a phone', error: 'phone must be an international number in E.164 form, e.g. +12125550123' },
        { row: 4, phone: '+12125230004', error: 'timezone "Atlantis/Capital" is not a known IANA time zone, e.g. America/New_York' },
        { row: 5, phone: '+12125230005', error: 'agentId: must not contain spaces or |' },
        { row: 6, phone: '+12125230006', error: 'language: must be one of en, es, de, fr, hu, lt, fa' },
      ],
      rejectedCount: 4,
    });
    const view = await api(base, 'GET', `/api/campaigns/${created.body.id}`);
    expect(view.body).toEqual({
      id: created.body.id,
      name: 'After-shift survey',
      status: 'draft',
      counts: { queued: 3, dialing: 0, completed: 0, noAnswer: 0, busy: 0, machine: 0, optedOut: 0, failed: 0, erased: 0 },
      contacts: 3,
      callsPerSecond: 4,
      window: { start: '09:00', end: '20:00' },
      callingHours: [{ start: '09:00', end: '20:00' }],
      maxAttempts: 2,
      retryAfterMinutes: 30,
      channel: 'voice',
      createdAt: expect.any(String),
    });
    const contact = await world.app.services.dialer.store.contact(created.body.id, '2');
    expect(contact).toMatchObject({ phone: '+12125230002', timezone: 'Europe/London', name: 'Smith, Jane', customerId: 'c-2', agentId: 'agent-1', language: 'en', state: 'queued' });
    expect(await world.app.services.dialer.store.contact(created.body.id, '1')).toMatchObject({ phone: '+12125230001', timezone: 'America/New_York' });
  });

  it('when a CSV upload cannot be read, then it gets a 400 and no row of it is imported', async () => {
    const created = await api(base, 'POST', '/api/campaigns', campaignRequest([]));
    const path = `/api/campaigns/${created.body.id}/contacts`;
    const noTimezone = await api(base, 'POST', path, 'phone,name\n+12125230001,Ann\n', CSV);
    expect(noTimezone).toEqual({ status: 400, body: { error: 'the CSV header must name a timezone column (expected phone,timezone,name,customerId,agentId,language)' } });
    const brokenQuote = await api(base, 'POST', path, 'phone,timezone\n+12125230001,UTC\n"+12125230002,UTC\n', CSV);
    expect(brokenQuote.status).toBe(400);
    expect(brokenQuote.body.error).toMatch(/^the CSV could not be read: /);
    const empty = await api(base, 'POST', path, '', CSV);
    expect(empty.status).toBe(400);
    // Thousands of good rows were stored while streaming before the broken line: they are taken back.
    const goodRows = Array.from({ length: 2500 }, (_, index) => `+1212${5_000_000 + index},UTC`);
    const brokenLate = await api(base, 'POST', path, ['phone,timezone', ...goodRows, '"+12125230002,UTC', ''].join('\n'), CSV);
    expect(brokenLate.status).toBe(400);
    expect((await api(base, 'GET', `/api/campaigns/${created.body.id}`)).body).toMatchObject({ contacts: 0, counts: { queued: 0 } });
    expect(await world.app.services.dialer.store.contact(created.body.id, '1')).toBeNull();
    expect(await world.app.services.dialer.store.contact(created.body.id, '2500')).toBeNull();
    const { redis, keys } = world.app.services;
    expect(await redis.exists(keys.campaignContactsOfPhone(created.body.id, '+12125000000'), keys.campaignFeed(created.body.id))).toBe(0);
  });

  it('when contacts are added as JSON, as text, or to an unknown campaign, then the answers are 201, 415 and 404', async () => {
    const created = await api(base, 'POST', '/api/campaigns', campaignRequest([]));
    const added = await api(base, 'POST', `/api/campaigns/${created.body.id}/contacts`, { contacts: [{ phone: phone(9), timezone: 'UTC', agentId: 'a-1' }, { timezone: 'UTC' }] });
    expect(added).toEqual({ status: 201, body: { id: created.body.id, imported: 1, rejected: [{ row: 2, phone: null, error: 'phone: is required' }], rejectedCount: 1 } });
    const text = await api(base, 'POST', `/api/campaigns/${created.body.id}/contacts`, 'hello', 'text/plain');
    expect(text.status).toBe(415);
    expect((await api(base, 'GET', '/api/campaigns/000000000000')).status).toBe(404);
    expect((await api(base, 'POST', '/api/campaigns/nope/start')).status).toBe(404);
    expect((await api(base, 'GET', '/api/campaigns/000000000000/calls')).status).toBe(404);
  });

  it('when a campaign that never started is paused, then it gets 409 and stays a draft', async () => {
    const created = await api(base, 'POST', '/api/campaigns', campaignRequest([]));
    expect(await api(base, 'POST', `/api/campaigns/${created.body.id}/pause`)).toEqual({ status: 409, body: { error: 'the campaign has not been started' } });
    expect((await api(base, 'GET', `/api/campaigns/${created.body.id}`)).body.status).toBe('draft');
  });

  it('when numbers are added to the do-not-call list, then they are stored in E.164, and one bad number refuses the whole request', async () => {
    const refused = await api(base, 'POST', '/api/dnc', { phones: ['+15551238881', '12345'] });
    expect(refused).toEqual({ status: 400, body: { error: 'phones.1: phone must be an international number in E.164 form, e.g. +15551230001' } });
    expect(await world.app.services.doNotCall.hasPhone('+15551238881')).toBe(false);
    expect((await api(base, 'POST', '/api/dnc', { phones: [] })).status).toBe(400);
    const added = await api(base, 'POST', '/api/dnc', { phones: ['+1 555 123 8881', '+15551238882'] });
    expect(added).toEqual({ status: 200, body: { added: 2, phones: ['+15551238881', '+15551238882'] } });
    expect(await world.app.services.doNotCall.hasPhone('+15551238881')).toBe(true);
  });
});

describe('the campaign API without Twilio credentials', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ TWILIO_ACCOUNT_SID: '' });
  });
  afterAll(async () => app?.close());

  it('when a campaign is started, then it gets 409 saying what to configure, and stays a draft', async () => {
    const created = await api(app.baseUrl, 'POST', '/api/campaigns', campaignRequest([{ phone: phone(1), timezone: 'UTC' }]));
    expect(created.status).toBe(201);
    const started = await api(app.baseUrl, 'POST', `/api/campaigns/${created.body.id}/start`);
    expect(started).toEqual({ status: 409, body: { error: 'dialling needs Twilio: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER' } });
    expect((await api(app.baseUrl, 'GET', `/api/campaigns/${created.body.id}`)).body.status).toBe('draft');
  });
});
