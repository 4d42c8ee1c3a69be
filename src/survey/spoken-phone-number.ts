import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number as text-to-speech should read it: digit by digit in the usual groups
 * ("+1, 5 5 5, 0 0 0, 1 1 1 1"); written as "+15550001111" it is read as one huge number.
 */
export function spokenPhoneNumber(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone);
  const grouped = parsed ? parsed.formatInternational() : phone;
  return grouped
    .split(/[\s-]+/)
    .filter((group) => group !== '')
    .map((group) => (group.startsWith('+') ? group : [...group].join(' ')))
    .join(', ');
}
