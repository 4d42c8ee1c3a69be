import type { ContactDetails, RejectedRow } from './campaign-types.js';
import { contactRowSchema } from './campaign-schemas.js';
import { canonicalTimeZone, toDialable } from './contact-fields.js';

export type CheckedRow = { ok: true; contact: ContactDetails } | { ok: false; rejected: RejectedRow };

function rawPhone(raw: unknown): string | null {
  if (raw === null || typeof raw !== 'object') return null;
  const phone = (raw as Record<string, unknown>).phone;
  return typeof phone === 'string' ? phone.slice(0, 64) : typeof phone === 'number' ? String(phone).slice(0, 64) : null;
}

/** One contact (a JSON item or a CSV record) → a normalised contact, or the reason it was refused. `row` is 1-based. */
export function checkContactRow(raw: unknown, row: number, allowedCountries?: readonly string[]): CheckedRow {
  const phone = rawPhone(raw);
  const reject = (error: string): CheckedRow => ({ ok: false, rejected: { row, phone, error } });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return reject('a contact must be an object with phone and timezone');
  const parsed = contactRowSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reject(issue ? `${issue.path.join('.') || 'contact'}: ${issue.message}` : 'invalid contact');
  }
  const e164 = toDialable(parsed.data.phone, allowedCountries);
  if (!e164.ok) return reject(e164.error);
  const zone = canonicalTimeZone(parsed.data.timezone);
  if (!zone.ok) return reject(zone.error);
  const { name, customerId, agentId, agentName, language } = parsed.data;
  return {
    ok: true,
    contact: {
      phone: e164.value,
      timezone: zone.value,
      ...(name ? { name } : {}),
      ...(customerId ? { customerId } : {}),
      ...(agentId ? { agentId } : {}),
      ...(agentName ? { agentName } : {}),
      ...(language ? { language } : {}),
    },
  };
}
