import { afterEach, describe, expect, it } from 'vitest';
import { api, campaignRequest, phone, startDialerWorld, type DialerWorld } from './dialer-harness.js';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

describe('a campaign with its own wording', () => {
  let world: DialerWorld;
  afterEach(async () => world?.close());

  it('when the wording names an unknown language, key or placeholder, or drops {score}, then the campaign is refused with a 400 naming each, and none is created', async () => {
    world = await startDialerWorld();
    const messages = { yi: { thanks: 'אַ דאַנק' }, hu: { koszi: 'Kösz', consentQuestion: 'Szia {nev}!', scoreThanks: 'Köszönjük!' } };
    const refused = await api(world.app.baseUrl, 'POST', '/api/campaigns', campaignRequest([], { messages }));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe(
      [
        'messages: yi: unknown language (known: en, es, de, fr, hu, lt, fa)',
        'messages: hu.koszi: unknown message key',
        'messages: hu.consentQuestion: unknown placeholder {nev} (this message may use {businessName}, {callbackNumber}, {customerName}, {agentName})',
        'messages: hu.scoreThanks: missing {score}',
      ].join('; '),
    );
    expect((await api(world.app.baseUrl, 'GET', '/api/campaigns')).body.items).toEqual([]);
  });

  it('when a contact answers, then every turn of the call uses the campaign’s wording over the built-in one', async () => {
    world = await startDialerWorld({ BUSINESS_NAME: 'Acme Mobile' });
    const messages = { lt: { consentQuestion: 'Sveiki[, {customerName}]! {businessName} klausia dviejų dalykų. Spauskite 1.', scoreThanks: 'Ačiū, gavome {score}.', thanks: 'Iki!' } };
    const created = await api(world.app.baseUrl, 'POST', '/api/campaigns', campaignRequest([{ phone: phone(1), timezone: 'Europe/Vilnius', name: 'Rūta', language: 'lt' }], { callsPerSecond: 10, messages }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await api(world.app.baseUrl, 'POST', `/api/campaigns/${id}/start`)).status).toBe(200);
    await world.twilio.waitForCalls(1);
    const [call] = world.twilio.calls;
    if (!call) throw new Error('no call');

    const heard = await world.twilio.answer(call, { keys: ['1', '9'], speech: 'Viskas gerai' });
    const consent = `${world.app.baseUrl}/voice/answer?step=consent&amp;attempt=1&amp;lang=lt&amp;campaign=${id}`;
    expect(heard[0]).toBe(
      `${XML}<Response><Gather input="dtmf" action="${consent}" method="POST" finishOnKey="#" timeout="5" actionOnEmptyResult="true"><Say language="lt-LT" voice="Google.lt-LT-Standard-A">Skambina Acme Mobile. Norėdami atsisakyti skambučių, paspauskite žvaigždutę. Sveiki, Rūta! Acme Mobile klausia dviejų dalykų. Spauskite 1.</Say></Gather></Response>`,
    );
    expect(heard.join('\n')).toContain('Ačiū, gavome 9.');
    expect(heard[heard.length - 1]).toBe(`${XML}<Response><Say language="lt-LT" voice="Google.lt-LT-Standard-A">Iki!</Say><Hangup/></Response>`);
  });
});
