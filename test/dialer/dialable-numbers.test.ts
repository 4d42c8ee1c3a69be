import { afterEach, describe, expect, it } from 'vitest';
import { api, campaignRequest, startDialerWorld, until, type DialerWorld } from './dialer-harness.js';

const CSV = 'text/csv';

/** Numbers the robocaller must never dial, each with the reason the import gives. */
const REFUSED: Array<[phone: string, reason: string]> = [
  ['+19005551234', 'phone is a premium-rate number, which the dialer does not call'],
  ['+449012345678', 'phone is a premium-rate number, which the dialer does not call'],
  ['+33810123456', 'phone is a shared-cost number, which the dialer does not call'],
  ['+443001234567', 'phone is a universal access number (UAN), which the dialer does not call'],
  ['+447012345678', 'phone is a personal (forwarding) number, which the dialer does not call'],
  ['+447600123456', 'phone is a pager number, which the dialer does not call'],
  ['+41860123456789', 'phone is a voicemail access number, which the dialer does not call'],
  ['+1911', 'phone is an emergency number'],
  ['+44999', 'phone is an emergency number'],
  ['+49112', 'phone is an emergency number'],
  ['+10000000000', 'phone is not a valid number (no such range is in service)'],
  ['+15551230001', 'phone is not a valid number (no such range is in service)'],
  ['+4487112345678', 'phone has the wrong number of digits for its country'],
  ['+881612345678', 'phone is a non-geographic number (+881), which the dialer does not call'],
];

describe('numbers the robocaller may dial', () => {
  let worlds: DialerWorld[] = [];
  afterEach(async () => {
    for (const world of worlds.reverse()) await world.close();
    worlds = [];
  });

  it('when an upload holds premium-rate, shared-cost, UAN, personal, pager, voicemail, emergency, invalid and non-geographic numbers, then each such row is refused with its reason and only the callable ones are imported', async () => {
    const world = await startDialerWorld();
    worlds.push(world);
    const csv = ['phone,timezone', '+12125550123,America/New_York', ...REFUSED.map(([phone]) => `${phone},UTC`), '+18005550123,America/New_York', '+442079460000,Europe/London', ''].join('\n');
    const created = await api(world.app.baseUrl, 'POST', '/api/campaigns', campaignRequest([]));
    const added = await api(world.app.baseUrl, 'POST', `/api/campaigns/${created.body.id}/contacts`, csv, CSV);
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: created.body.id,
      imported: 3,
      rejected: REFUSED.map(([phone, error], index) => ({ row: index + 2, phone, error })),
      rejectedCount: REFUSED.length,
    });
    const stored = await Promise.all(['1', '2', '3'].map((id) => world.app.services.dialer.store.contact(created.body.id, id)));
    expect(stored.map((contact) => contact?.phone)).toEqual(['+12125550123', '+18005550123', '+442079460000']);
  });

  it('when ALLOWED_COUNTRIES is US,CA, then a London or Paris number is refused at import naming its country, and New York and Winnipeg numbers are imported', async () => {
    const world = await startDialerWorld({ ALLOWED_COUNTRIES: 'us, ca' });
    worlds.push(world);
    const created = await api(
      world.app.baseUrl,
      'POST',
      '/api/campaigns',
      campaignRequest([
        { phone: '+12125550123', timezone: 'America/New_York' },
        { phone: '+442079460000', timezone: 'Europe/London' },
        { phone: '+12042345678', timezone: 'America/Winnipeg' },
        { phone: '+33142685300', timezone: 'Europe/Paris' },
      ]),
    );
    expect(created.body).toMatchObject({
      imported: 2,
      rejected: [
        { row: 2, phone: '+442079460000', error: 'phone is in GB, which ALLOWED_COUNTRIES does not include' },
        { row: 4, phone: '+33142685300', error: 'phone is in FR, which ALLOWED_COUNTRIES does not include' },
      ],
      rejectedCount: 2,
    });
  });

  it('when ALLOWED_COUNTRIES leaves out a country after its contacts were imported, then they are never called and count as failed, and the others are called', async () => {
    const importer = await startDialerWorld({ DIALER_WORKERS: 'off' });
    worlds.push(importer);
    const created = await api(
      importer.app.baseUrl,
      'POST',
      '/api/campaigns',
      campaignRequest([
        { phone: '+442079460000', timezone: 'Europe/London' },
        { phone: '+12125550123', timezone: 'America/New_York' },
      ]),
    );
    expect(created.body.imported).toBe(2);
    const dialer = await startDialerWorld({ ALLOWED_COUNTRIES: 'US' }, { shareRedisWith: importer.app });
    worlds.push(dialer);
    expect((await api(dialer.app.baseUrl, 'POST', `/api/campaigns/${created.body.id}/start`)).status).toBe(200);
    await dialer.twilio.waitForCalls(1);
    const counts = await until('both contacts to be handled', async () => {
      const view = await api(dialer.app.baseUrl, 'GET', `/api/campaigns/${created.body.id}`);
      return view.body.counts.queued === 0 ? view.body.counts : null;
    });
    expect(dialer.jobs.outcomes.filter((job) => job.outcome !== 'deferred').map((job) => job.outcome).sort()).toEqual(['not-dialable', 'placed']);
    expect(dialer.twilio.calls.map((call) => call.to)).toEqual(['+12125550123']);
    expect(counts).toMatchObject({ failed: 1, dialing: 1 });
  });
});
