/** Text clean-up shared by language detection, score parsing and tagging. */

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
// Persian is typed with Arabic keyboards too: Arabic yeh, alef maksura and kaf stand for the
// Persian letters, and the zero-width non-joiner inside "می‌خواهم" is typed as a space or left out
// just as often, so it becomes a space. The kashida only stretches a word and bidi marks only
// steer display: both are dropped.
const ARABIC_LETTERS = /[\u064a\u0649\u0643\u0629\u200c]/g;
const PERSIAN_LETTER: Record<string, string> = { '\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9', '\u0629': '\u0647', '\u200c': ' ' };
export const SILENT_MARKS = /[\u0640\u200e\u200f]/g;

/** One kind of apostrophe and of dash, Persian letters for their Arabic forms; the text keeps its length. */
export function uniformCharacters(text: string): string {
  return text.replace(ARABIC_LETTERS, (char) => PERSIAN_LETTER[char] ?? char).replace(APOSTROPHES, "'").replace(DASHES, '-');
}

/** NFKC (full-width letters and digits become plain), lower case, one kind of apostrophe and dash, Persian letter forms. */
export function normalizeText(text: string): string {
  return uniformCharacters(text.normalize('NFKC').toLowerCase().replace(SILENT_MARKS, ''));
}

const ASCII = /^[\x00-\x7f]*$/;
const MAX_FOLDED = 50_000;
const folded = new Map<string, string>();

/** Drops accents so "atención" and "atencion", "várakozás" and "varakozas", "آ" and "ا" compare equal. */
export function foldAccents(text: string): string {
  // Most words are plain ASCII, and Unicode normalisation is the slow part: words are remembered.
  if (ASCII.test(text)) return text;
  const known = folded.get(text);
  if (known !== undefined) return known;
  const result = text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/ß/g, 'ss').normalize('NFC');
  if (text.length <= 40) {
    if (folded.size >= MAX_FOLDED) folded.clear();
    folded.set(text, result);
  }
  return result;
}

/** normalizeText then foldAccents: the form that lexicons and word lists are written against. */
export function foldedText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().replace(APOSTROPHES, "'");
  return foldAccents(normalizeText(text));
}

const CONTRACTION = /n[' ]?t\b/;

/** English contractions the way the analysis reads them: "can't" → "can not", "didn't" → "did not". */
export function expandContractions(text: string): string {
  if (!CONTRACTION.test(text)) return text;
  return text.replace(/\bcan'?t\b/g, 'can not').replace(/\bwon'?t\b/g, 'will not').replace(/\b(\w+)n[' ]t\b/g, '$1 not');
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of letters and digits; apostrophes and hyphens split words ("l'agent" → "l", "agent"). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}
