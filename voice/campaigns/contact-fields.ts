import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { parsePhoneNumberFromString as parseWithTypes, type NumberType } from 'libphonenumber-js/max';
import { IANAZone } from 'luxon';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * "+1 (555) 123-0001" → "+15551230001", for the do-not-call list: any number that could exist goes
 * on it. Numbers without a country code are refused: nothing can guess it.
 */
export function toE164(raw: string): Checked<string> {
  const text = raw.trim();
  if (!text.startsWith('+')) return { ok: false, error: 'phone must be an international number in E.164 form, e.g. +15551230001' };
  const parsed = parsePhoneNumberFromString(text);
  if (!parsed) return { ok: false, error: 'phone is not a phone number in E.164 form' };
  if (parsed.ext) return { ok: false, error: 'phone must not carry an extension' };
  if (!parsed.isPossible()) return { ok: false, error: 'phone has the wrong number of digits for its country' };
  return { ok: true, value: parsed.number };
}

/** Number types the dialer never calls: they cost the business extra, or nobody answers them. */
const REFUSED_TYPES: Partial<Record<NonNullable<NumberType>, string>> = {
  PREMIUM_RATE: 'a premium-rate number',
  SHARED_COST: 'a shared-cost number',
  UAN: 'a universal access number (UAN)',
  PERSONAL_NUMBER: 'a personal (forwarding) number',
  VOICEMAIL: 'a voicemail access number',
  PAGER: 'a pager number',
};

/** Short codes that reach emergency services somewhere; none is a number a survey may call. */
const EMERGENCY_NUMBERS = new Set(['000', '08', '100', '101', '102', '103', '108', '110', '112', '118', '119', '122', '15', '17', '18', '911', '995', '997', '998', '999']);

/**
 * A number the robocaller may dial, in E.164: valid by libphonenumber's full metadata (with it,
 * isValid() is getType() !== undefined, so the type is read once), in one of `allowedCountries`
 * when given, and not premium-rate, shared-cost, UAN, personal, voicemail, pager, emergency or
 * non-geographic. The error says which.
 */
export function toDialable(raw: string, allowedCountries?: readonly string[]): Checked<string> {
  const text = raw.trim();
  if (!text.startsWith('+')) return { ok: false, error: 'phone must be an international number in E.164 form, e.g. +12125550123' };
  const parsed = parseWithTypes(text);
  if (!parsed) return { ok: false, error: 'phone is not a phone number in E.164 form' };
  if (parsed.ext) return { ok: false, error: 'phone must not carry an extension' };
  if (EMERGENCY_NUMBERS.has(parsed.nationalNumber)) return { ok: false, error: 'phone is an emergency number' };
  const type = parsed.getType();
  if (type === undefined) return { ok: false, error: parsed.isPossible() ? 'phone is not a valid number (no such range is in service)' : 'phone has the wrong number of digits for its country' };
  const refused = REFUSED_TYPES[type];
  if (refused) return { ok: false, error: `phone is ${refused}, which the dialer does not call` };
  if (!parsed.country) return { ok: false, error: `phone is a non-geographic number (+${parsed.countryCallingCode}), which the dialer does not call` };
  if (allowedCountries && !allowedCountries.includes(parsed.country)) return { ok: false, error: `phone is in ${parsed.country}, which ALLOWED_COUNTRIES does not include` };
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
