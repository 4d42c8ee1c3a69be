import { describe, expect, it } from 'vitest';
import { isValidSignature, signBody } from '../../src/alerts/webhook-signature.js';
import { safeNext } from '../../src/auth/sign-in-routes.js';
import { DEFAULT_PRIOR_STRENGTH, estimatePrior, shrinkAgent } from '../../src/reports/agent-ranking.js';
import { bucketStart } from '../../src/reports/trend.js';
import { recordingFetchUrl } from '../../src/review/recording-proxy.js';
import { html } from '../../src/http/html.js';

describe('review pure functions', () => {
  it('when the webhook body is signed, then the signature is the known HMAC-SHA256 vector (RFC 4231 case 2)', () => {
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(isValidSignature('Jefe', 'what do ya want for nothing?', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')).toBe(true);
    expect(isValidSignature('Jefe', 'what do ya want for nothing!', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')).toBe(false);
    expect(isValidSignature('Jefe', 'x', 'not-hex')).toBe(false);
  });

  it('when customer text goes through the page template, then every markup character is escaped', () => {
    const comment = `<img src=x onerror=alert(1)></script>"'&`;
    expect(html`<p title="${comment}">${comment}</p>`.value).toBe('<p title="&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&quot;&#39;&amp;">&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&quot;&#39;&amp;</p>');
    expect(html`<ul>${['<a>', html`<li>ok</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
  });

  it('when there is one agent, then the prior strength is the default; when agents are identical, it is the ceiling', () => {
    expect(estimatePrior([{ promoters: 3, passives: 0, detractors: 0 }], 100)).toMatchObject({ strength: DEFAULT_PRIOR_STRENGTH, source: 'default' });
    const same = { promoters: 5, passives: 3, detractors: 2 };
    expect(estimatePrior([same, same, same], 30)).toMatchObject({ strength: 30, source: 'no-difference' });
  });

  it('when three lucky surveys are shrunk with κ = 30 toward a company at NPS 0, then the agent lands near the company', () => {
    // Company p0 = d0 = 0.3. Agent 3 promoters: p̂ = (3 + 9) / 33, d̂ = 9 / 33 → NPS = 100 × 3/33 = 9.09
    const shrunk = shrinkAgent({ promoters: 3, passives: 0, detractors: 0 }, { promoters: 30, passives: 40, detractors: 30 }, 30);
    expect(shrunk.nps).toBeCloseTo((100 * 3) / 33, 9);
  });

  it('when a time falls on a Sunday, then its week starts the Monday before', () => {
    expect(new Date(bucketStart(Date.parse('2026-11-22T23:00:00Z'), 'week')).toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(new Date(bucketStart(Date.parse('2026-11-23T00:00:00Z'), 'week')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('when the next address or a recording URL points elsewhere, then it is not followed', () => {
    expect(safeNext('/review/agents?channel=voice')).toBe('/review/agents?channel=voice');
    expect(safeNext('/simulator')).toBe('/simulator');
    for (const bad of ['//evil.example/review', 'https://evil.example', '/reviewer', '/\\evil', 42]) expect(safeNext(bad)).toBe('/review');
    const sid = 'RE0123456789abcdef0123456789abcdef';
    expect(recordingFetchUrl(`https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/${sid}`, {})).toBe(`https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/${sid}.mp3`);
    expect(recordingFetchUrl(`https://evil.example/Recordings/${sid}`, {})).toBeNull();
    expect(recordingFetchUrl('https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json', {})).toBeNull();
  });
});
