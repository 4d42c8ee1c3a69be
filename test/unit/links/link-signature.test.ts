import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalLinkText, verifyLink } from '../../../src/links/link-signature.js';
import { LinkFieldError, signSurveyFields, signedSurveyLink } from '../../../src/links/signed-link.js';
import { identityOf } from '../../../src/links/survey-identity.js';

const SECRET = 'unit-test-secret-0123456789abcdef0123';
const NOW = new Date('2027-03-01T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;

/** What the page sends back: the link's fragment, read as the page reads it. */
function fromLink(link: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(new URL(link).hash.slice(1)));
}

function verdictOf(sent: Record<string, string>, secret: string | undefined, now = NOW) {
  return verifyLink({ identity: identityOf(sent), exp: sent.exp, sig: sent.sig }, secret, now);
}

describe('signed link fields', () => {
  it('when the canonical text is built, then it lists the identity fields in a fixed order, one per line, and the expiry last', () => {
    expect(canonicalLinkText({ agentName: 'Sam', customerId: 'c-42', customerName: 'Ana María' }, '1767225600')).toBe('survey-link/1\ncustomerId=c-42\ncustomerName=Ana María\nagentName=Sam\nexp=1767225600');
  });

  it('when a value holds a line break, then there is no canonical text and signing refuses it', () => {
    expect(canonicalLinkText({ customerName: 'Ana\nagentId=a-1' }, '1767225600')).toBeNull();
    expect(() => signSurveyFields({ customerName: 'Ana\nagentId=a-1' }, { secret: SECRET, ttlSeconds: 60, now: NOW })).toThrow(LinkFieldError);
  });

  it('when the signature is computed the documented way (HMAC-SHA256, hex), then it equals the one signSurveyFields makes', () => {
    const fields = signSurveyFields({ customerId: 'c-42', agentName: 'Sam' }, { secret: SECRET, ttlSeconds: 3600, now: NOW });
    const expected = createHmac('sha256', SECRET).update(`survey-link/1\ncustomerId=c-42\nagentName=Sam\nexp=${NOW_SECONDS + 3600}`).digest('hex');
    expect(fields).toEqual({ customerId: 'c-42', agentName: 'Sam', exp: String(NOW_SECONDS + 3600), sig: expected });
  });

  it('when a signed link is read back as the page reads its fragment, then it verifies, names with spaces and accents included', () => {
    const link = signedSurveyLink('https://survey.example.com/', { customerId: 'c 42', customerName: ' Ana María ', agentId: 'a-17', agentName: 'Sam & Co', campaignId: 'spring' }, { secret: SECRET, ttlSeconds: 7 * 86_400, now: NOW, language: 'es' });
    expect(link.startsWith('https://survey.example.com/#customerId=c+42&customerName=Ana+Mar%C3%ADa&agentId=a-17&agentName=Sam+%26+Co&campaignId=spring&exp=')).toBe(true);
    expect(fromLink(link).language).toBe('es');
    expect(verdictOf(fromLink(link), SECRET)).toBe('verified');
  });

  type Sent = Record<string, string>;
  it.each<{ name: string; change: (sent: Sent) => Sent; verdict: string }>([
    { name: 'a field changed', change: (sent) => ({ ...sent, customerId: 'c-43' }), verdict: 'bad-signature' },
    { name: 'a field added', change: (sent) => ({ ...sent, agentId: 'a-99' }), verdict: 'bad-signature' },
    { name: 'a field removed', change: ({ agentName: _agentName, ...sent }) => sent, verdict: 'bad-signature' },
    { name: 'the expiry moved', change: (sent) => ({ ...sent, exp: String(Number(sent.exp) + 1) }), verdict: 'bad-signature' },
    { name: 'the signature cut short', change: (sent) => ({ ...sent, sig: sent.sig?.slice(0, 40) ?? '' }), verdict: 'malformed' },
    { name: 'no signature', change: ({ sig: _sig, exp: _exp, ...sent }) => sent, verdict: 'unsigned' },
  ])('when a signed link has $name, then it does not verify ($verdict)', ({ change, verdict }) => {
    const sent = signSurveyFields({ customerId: 'c-42', agentName: 'Sam' }, { secret: SECRET, ttlSeconds: 3600, now: NOW });
    expect(verdictOf(change(sent), SECRET)).toBe(verdict);
  });

  it('when the link has expired, or the server has no secret or another one, then it does not verify', () => {
    const sent = signSurveyFields({ customerId: 'c-42' }, { secret: SECRET, ttlSeconds: 60, now: NOW });
    expect(verdictOf(sent, SECRET, new Date(NOW.getTime() + 59_000))).toBe('verified');
    expect(verdictOf(sent, SECRET, new Date(NOW.getTime() + 60_000))).toBe('expired');
    expect(verdictOf(sent, undefined)).toBe('no-secret');
    expect(verdictOf(sent, 'another-secret-0123456789abcdef0123')).toBe('bad-signature');
  });

  it.each([
    [{ agentId: 'has space' }, 'agentId: 1 to 64 letters, digits and _ . @ -'],
    [{ campaignId: 'a|b' }, 'campaignId: 1 to 64 letters, digits and _ . @ -'],
    [{ customerName: 'x'.repeat(101) }, 'customerName: 1 to 100 characters'],
    [{}, 'nothing to sign: give at least one of customerId, customerName, agentId, agentName, campaignId'],
  ])('when asked to sign %j, then it refuses with "%s"', (identity, message) => {
    expect(() => signSurveyFields(identity, { secret: SECRET, ttlSeconds: 60 })).toThrow(message);
  });

  it('when the lifetime is zero or over 366 days, then signing refuses it', () => {
    expect(() => signSurveyFields({ customerId: 'c' }, { secret: SECRET, ttlSeconds: 0 })).toThrow('the lifetime must be from 1 second to 366 days');
    expect(() => signSurveyFields({ customerId: 'c' }, { secret: SECRET, ttlSeconds: 367 * 86_400 })).toThrow(LinkFieldError);
  });
});
