// An international number (+ then 7-15 digits, maybe spaced) or a bare run of 10-15 digits.
const PHONE_PATTERN = /\+\d[\d\s().-]{5,}\d|\b\d{10,15}\b/g;

/** Keeps the country prefix and the last two digits: "+15551230001" becomes "+155******01". */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '*'.repeat(digits.length);
  const plus = phone.trim().startsWith('+') ? '+' : '';
  return `${plus}${digits.slice(0, 3)}${'*'.repeat(digits.length - 5)}${digits.slice(-2)}`;
}

/** Masks anything that looks like a phone number inside free text. */
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_PATTERN, (match) => (match.replace(/\D/g, '').length >= 7 ? maskPhone(match) : match));
}
