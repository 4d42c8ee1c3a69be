import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { isValidSignature, signPayload } from '../../src/alerts/webhook-signature.js';
import { safeNext } from '../../src/auth/sign-in-routes.js';
import { DEFAULT_PRIOR_STRENGTH, estimatePrior, shrinkAgent } from '../../src/reports/agent-ranking.js';
import { bucketStart } from '../../src/reports/trend.js';
import { recordingFetchUrl } from '../../src/review/recording-proxy.js';
import { html } from '../../src/http/html.js';

function createHmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

describe('review pure functions', () => {
  it('when the webhook is signed, then the signature is HMAC-SHA256 over the timestamp, a dot and the body, and a changed or stale timestamp or a changed body fails', () => {
    // RFC 4231 case 2, to pin the helper below to HMAC-SHA256 itself.
    expect(createHmacHex('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const timestamp = '1767225600';
    const signature = signPayload('Jefe', timestamp, '{"event":"detractor"}');
    expect(signature).toBe(createHmacHex('Jefe', `${timestamp}.{"event":"detractor"}`));
    expect(isValidSignature('Jefe', '{"event":"detractor"}', signature, timestamp, 1767225600 + 60)).toBe(true);
    expect(isValidSignature('Jefe', '{"event":"detractor"}', signature, '1767225601', 1767225600 + 60)).toBe(false);
    expect(isValidSignature('Jefe', '{"event":"promoter"}', signature, timestamp, 1767225600 + 60)).toBe(false);
    expect(isValidSignature('Jefe', '{"event":"detractor"}', signature, timestamp, 1767225600 + 301)).toBe(false);
    expect(isValidSignature('Jefe', '{"event":"detractor"}', signature, undefined, 1767225600)).toBe(false);
    expect(isValidSignature('Jefe', 'x', 'not-hex', timestamp)).toBe(false);
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
    const own = { accountSid: 'AC0123456789abcdef0123456789abcdef' };
    const ours = `https://api.twilio.com/2010-04-01/Accounts/${own.accountSid}/Recordings/${sid}`;
    expect(recordingFetchUrl(ours, own)).toBe(`${ours}.mp3`);
    expect(recordingFetchUrl(`${ours}.wav`, own)).toBe(`${ours}.wav`);
    for (const elsewhere of [
      ours.replace('https:', 'http:'),
      ours.replace('api.twilio.com', 'api.twilio.com:8443'),
      ours.replace('https://', 'https://user:pass@'),
      ours.replace(own.accountSid, 'AC9999999999abcdef0123456789abcdef'),
      `${ours}.mp3?redirect=https://evil.example`,
      `${ours}.html`,
      `https://evil.example/2010-04-01/Accounts/${own.accountSid}/Recordings/${sid}`,
      `https://api.twilio.com/2010-04-01/Accounts/${own.accountSid}/Calls.json`,
    ]) {
      expect(recordingFetchUrl(elsewhere, own), elsewhere).toBeNull();
    }
    expect(recordingFetchUrl(ours, {})).toBeNull();
    expect(recordingFetchUrl(ours.replace('https://api.twilio.com', 'http://127.0.0.1:4010'), { ...own, apiUrl: 'http://127.0.0.1:4010' })).toBe(`${ours.replace('https://api.twilio.com', 'http://127.0.0.1:4010')}.mp3`);
    expect(recordingFetchUrl(ours, { ...own, apiUrl: 'http://127.0.0.1:4010' })).toBeNull();
  });
});
