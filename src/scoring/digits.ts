import { mappedReplace, sameLength, type MappedText } from './mapped-text.js';

/**
 * Rewrites the other ways of writing a digit as ASCII digits: keycap emoji ("8️⃣"), the keycap ten
 * ("🔟"), and decimal digits of other scripts (Persian "۷", Arabic-Indic "٣", Devanagari "३" …).
 * Full-width and mathematical digits are left to NFKC.
 */

const KEYCAP = /([0-9])\uFE0F?\u20E3/gu;
const KEYCAP_TEN = /\u{1F51F}/gu;
const OTHER_DIGIT = /[^\P{Nd}0-9]/gu;

// The zero of every run of ten decimal digits in scripts people plausibly type a score in.
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6, 0x0e50, 0x0ed0,
  0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0,
  0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
];

function asciiDigit(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
  // A digit of a script not listed above stays as it is, and so is not read as a number.
  return zero === undefined ? char : String(code - zero);
}

/** The same on text already in NFKC, keeping the map to the original. */
export function mappedAsciiDigits(text: MappedText): MappedText {
  const keycaps = mappedReplace(text, KEYCAP, (match) => ` ${match[1] ?? ''} `);
  // Every listed digit is one UTF-16 unit, as is its ASCII digit.
  return sameLength(mappedReplace(keycaps, KEYCAP_TEN, () => ' 10 '), (text) => text.replace(OTHER_DIGIT, asciiDigit));
}
