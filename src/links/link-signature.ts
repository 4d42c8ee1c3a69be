import { createHmac, timingSafeEqual } from 'node:crypto';
import { IDENTITY_FIELDS, claimsIdentity, type SurveyIdentity } from './survey-identity.js';

/** First line of the signed text: a later format gets another version, and old signatures stop matching. */
const FORMAT = 'survey-link/1';
const SIGNATURE = /^[0-9a-f]{64}$/;
const EXPIRY = /^\d{1,12}$/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * The exact text a link's signature covers, one `name=value` per line:
 *
 *   survey-link/1
 *   customerId=c-42        (each identity field present, in the order of IDENTITY_FIELDS)
 *   customerName=Ana
 *   exp=1767225600         (Unix seconds)
 *
 * Values are the trimmed strings as the page sends them; a value with a line break or another
 * control character has no canonical form (null), so it can never be signed or verified.
 */
export function canonicalLinkText(identity: SurveyIdentity, exp: string): string | null {
  const lines = [FORMAT];
  for (const field of IDENTITY_FIELDS) {
    const value = identity[field];
    if (value === undefined) continue;
    if (CONTROL_CHARACTER.test(value)) return null;
    lines.push(`${field}=${value}`);
  }
  if (!EXPIRY.test(exp)) return null;
  lines.push(`exp=${exp}`);
  return lines.join('\n');
}

/** HMAC-SHA256 of the canonical text under the secret, as 64 lowercase hex digits. */
export function linkSignature(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}

export type LinkVerdict = 'verified' | 'unsigned' | 'no-secret' | 'malformed' | 'expired' | 'bad-signature';

export interface SignedValues {
  identity: SurveyIdentity;
  exp?: string | undefined;
  sig?: string | undefined;
}

/**
 * Whether a page's identity fields carry a valid, unexpired signature. Only `verified` may be
 * trusted; every other verdict says why not (for logs and tests).
 */
export function verifyLink(values: SignedValues, secret: string | undefined, now: Date): LinkVerdict {
  if (!claimsIdentity(values.identity)) return 'unsigned';
  if (values.sig === undefined && values.exp === undefined) return 'unsigned';
  if (!secret) return 'no-secret';
  if (values.sig === undefined || values.exp === undefined || !SIGNATURE.test(values.sig)) return 'malformed';
  const canonical = canonicalLinkText(values.identity, values.exp);
  if (canonical === null) return 'malformed';
  const expected = Buffer.from(linkSignature(secret, canonical), 'hex');
  // Checked before the expiry, so a forged link learns nothing from which answer it gets.
  if (!timingSafeEqual(expected, Buffer.from(values.sig, 'hex'))) return 'bad-signature';
  return Number(values.exp) * 1000 > now.getTime() ? 'verified' : 'expired';
}
