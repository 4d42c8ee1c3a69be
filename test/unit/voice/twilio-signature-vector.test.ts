import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { checkTwilioSignature } from '../../../voice/twilio-signature.js';

/** Twilio's own documented example (auth token 12345): the request and the X-Twilio-Signature it carries. */
const VECTOR = {
  authToken: '12345',
  publicUrl: 'https://mycompany.com',
  pathAndQuery: '/myapp.php?foo=1&bar=2',
  params: { CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' },
  signature: 'GvWf1cFY/Q7PnoempGyD5oXAezc=',
};

describe('the Twilio signature check against a known-good vector', () => {
  const check = { authToken: VECTOR.authToken, publicUrl: VECTOR.publicUrl };

  it('when Twilio signed the request as documented, then the check accepts it', () => {
    expect(checkTwilioSignature(check, VECTOR.signature, VECTOR.pathAndQuery, VECTOR.params)).toEqual({ ok: true });
  });

  it('when the signer the tests and the twilio-request command use signs the same request, then it produces the documented signature', () => {
    expect(twilio.getExpectedTwilioSignature(VECTOR.authToken, `${VECTOR.publicUrl}${VECTOR.pathAndQuery}`, VECTOR.params)).toBe(VECTOR.signature);
  });

  it('when one field, the query or the host differs from what was signed, then the check refuses it and names the URL it checked', () => {
    expect(checkTwilioSignature(check, VECTOR.signature, VECTOR.pathAndQuery, { ...VECTOR.params, Digits: '1235' })).toMatchObject({ ok: false });
    expect(checkTwilioSignature(check, VECTOR.signature, '/myapp.php?foo=1&bar=3', VECTOR.params)).toEqual({
      ok: false,
      reason: 'Invalid X-Twilio-Signature.',
      checkedUrl: 'https://mycompany.com/myapp.php?foo=1&bar=3',
    });
    expect(checkTwilioSignature({ ...check, publicUrl: 'https://proxy.internal' }, VECTOR.signature, VECTOR.pathAndQuery, VECTOR.params)).toMatchObject({ ok: false });
  });
});
