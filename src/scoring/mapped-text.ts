import { SILENT_MARKS, uniformCharacters } from '../language/normalize.js';

/**
 * Text rewritten for reading with, for each of its UTF-16 units, the span of the original text
 * it came from, so that what is found in the rewritten text can be pointed at in the original.
 */
export interface MappedText {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

// A character with the combining marks that follow it: normalised together, as NFKC would.
const UNIT = /\P{M}\p{M}*|\p{M}+/gsu;

function identity(text: string): MappedText {
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  for (let k = 0; k < text.length; k += 1) {
    starts[k] = k;
    ends[k] = k + 1;
  }
  return { text, starts, ends };
}

/** NFKC and lower case one character (with its marks) at a time, for text that changes length. */
function byUnit(original: string): MappedText {
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of original.matchAll(UNIT)) {
    const out = match[0].normalize('NFKC').toLowerCase();
    const end = match.index + match[0].length;
    for (let k = 0; k < out.length; k += 1) {
      starts.push(match.index);
      ends.push(end);
    }
    pieces.push(out);
  }
  return { text: pieces.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** NFKC, lower case and the character mapping of normalizeText, keeping the map to `original`. */
export function mappedNormalize(original: string): MappedText {
  const nfkc = original.normalize('NFKC');
  const lower = nfkc.toLowerCase();
  const mapped = nfkc === original && lower.length === original.length ? identity(lower) : byUnit(original);
  return sameLength(mappedReplace(mapped, SILENT_MARKS, () => ''), uniformCharacters);
}

/** A rewrite that keeps every unit where it is (one unit in, one out) needs no new map. */
export function sameLength(source: MappedText, rewrite: (text: string) => string): MappedText {
  return { ...source, text: rewrite(source.text) };
}

/** Like String.replace with a global pattern; every unit of a replacement maps to the whole span it replaced. */
export function mappedReplace(source: MappedText, pattern: RegExp, replace: (match: RegExpExecArray) => string): MappedText {
  const found: Array<{ index: number; length: number; replacement: string }> = [];
  let length = source.text.length;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(source.text); match !== null; match = pattern.exec(source.text)) {
    if (match[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    const replacement = replace(match);
    found.push({ index: match.index, length: match[0].length, replacement });
    length += replacement.length - match[0].length;
  }
  if (found.length === 0) return source;

  const pieces: string[] = [];
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  let copied = 0;
  let written = 0;
  const copy = (to: number): void => {
    pieces.push(source.text.slice(copied, to));
    starts.set(source.starts.subarray(copied, to), written);
    ends.set(source.ends.subarray(copied, to), written);
    written += to - copied;
    copied = to;
  };
  for (const { index, length: matched, replacement } of found) {
    copy(index);
    pieces.push(replacement);
    starts.fill(source.starts[index] ?? 0, written, written + replacement.length);
    ends.fill(source.ends[index + matched - 1] ?? 0, written, written + replacement.length);
    written += replacement.length;
    copied = index + matched;
  }
  copy(source.text.length);
  return { text: pieces.join(''), starts, ends };
}

/** The span of the original text behind units `from` to `to` (exclusive) of the rewritten text. */
export function originalSpan(mapped: MappedText, from: number, to: number): { start: number; end: number } {
  return { start: mapped.starts[from] ?? 0, end: mapped.ends[Math.max(from, to - 1)] ?? 0 };
}
