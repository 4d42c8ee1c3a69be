import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { IANAZone } from 'luxon';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** "+1 (555) 123-0001" → "+15551230001". Numbers without a country code are refused: the dialer cannot guess it. */
export function toE164(raw: string): Checked<string> {
  const text = raw.trim();
  if (!text.startsWith('+')) return { ok: false, error: 'phone must be an international number in E.164 form, e.g. +15551230001' };
  const parsed = parsePhoneNumberFromString(text);
  if (!parsed) return { ok: false, error: 'phone is not a phone number in E.164 form' };
  if (parsed.ext) return { ok: false, error: 'phone must not carry an extension' };
  // isPossible, not isValid: valid ranges change faster than the metadata, and test ranges such as +1 555 must pass.
  if (!parsed.isPossible()) return { ok: false, error: 'phone has the wrong number of digits for its country' };
  return { ok: true, value: parsed.number };
}

const zoneCache = new Map<string, string | null>();
const ZONE_CACHE_LIMIT = 2000;

/** An IANA time zone name in its canonical spelling ("america/new_york" → "America/New_York"); UTC included. */
export function canonicalTimeZone(raw: string): Checked<string> {
  const text = raw.trim();
  let canonical = zoneCache.get(text);
  if (canonical === undefined) {
    canonical = null;
    // Intl.supportedValuesOf('timeZone') leaves out UTC on Node 20, so ask the formatter instead.
    if (text !== '' && !/^[+-]/.test(text) && IANAZone.isValidZone(text)) {
      canonical = new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
    }
    if (zoneCache.size < ZONE_CACHE_LIMIT) zoneCache.set(text, canonical);
  }
  return canonical ? { ok: true, value: canonical } : { ok: false, error: `timezone "${text.slice(0, 64)}" is not a known IANA time zone, e.g. America/New_York` };
}
