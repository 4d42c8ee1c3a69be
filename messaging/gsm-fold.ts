import { countSegments } from './sms-segments.js';

/**
 * Look-alikes in the GSM-7 alphabet for letters and punctuation outside it: "número" → "numero",
 * "valószínű" → "valoszinü", "’" → "'". Only letters commonly written that way in texts, so the
 * message reads the same; scripts with no such look-alikes (Persian) are left alone.
 */
const GSM_LOOK_ALIKES: Record<string, string> = {
  á: 'a', â: 'a', ã: 'a', ą: 'a', í: 'i', î: 'i', ï: 'i', į: 'i', ó: 'o', ô: 'o', õ: 'o', ő: 'ö', ú: 'u', û: 'u', ű: 'ü', ų: 'u', ū: 'u',
  ê: 'e', ë: 'e', ę: 'e', ė: 'e', ç: 'c', č: 'c', š: 's', ž: 'z', ý: 'y', œ: 'oe',
  Á: 'A', Â: 'A', Í: 'I', Î: 'I', Ó: 'O', Ô: 'O', Ő: 'Ö', Ú: 'U', Û: 'U', Ű: 'Ü', Ų: 'U', Ū: 'U', Ê: 'E', Ę: 'E', Ė: 'E', È: 'E', Č: 'C', Š: 'S', Ž: 'Z', Ą: 'A', Į: 'I',
  '‘': "'", '’': "'", '“': '"', '”': '"', '«': '"', '»': '"', '–': '-', '—': '-', '…': '...', '\u00a0': ' ', '\u202f': ' ',
};

function folded(text: string): string {
  let out = '';
  for (const character of text) out += GSM_LOOK_ALIKES[character] ?? character;
  return out;
}

/**
 * The SMS to send: the text with GSM-7 look-alikes when that makes it GSM-7 and saves a segment
 * (a Spanish invitation goes from three UCS-2 segments to one), else the text as written.
 */
export function fitSms(text: string): string {
  const original = countSegments(text);
  if (original.encoding === 'GSM-7') return text;
  const candidate = folded(text);
  const fitted = countSegments(candidate);
  return fitted.encoding === 'GSM-7' && fitted.segments < original.segments ? candidate : text;
}
