/**
 * The writing system of a text. Latin, Arabic and Hebrew letters are shared by several
 * languages and need word evidence; the other scripts name a language on their own, and none
 * of them is one of ours, so detection ends there.
 */

export type Script = 'latin' | 'arabic' | 'hebrew' | 'cyrillic' | 'greek' | 'han' | 'kana' | 'hangul' | 'devanagari' | 'thai' | 'armenian' | 'georgian' | 'other';

const SCRIPTS: Array<[Exclude<Script, 'other'>, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['thai', /\p{Script=Thai}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['georgian', /\p{Script=Georgian}/u],
];

const LETTER = /\p{L}/u;

/** The script most letters of `text` are written in, and how many letters it has; null when it has none. */
export function dominantScript(text: string): { script: Script; letters: number } | null {
  const counts = new Map<Script, number>();
  let letters = 0;
  let latin = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    // Basic and extended Latin letters are decided without a regular expression; most texts are nothing else.
    if (code < 0x250) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7)) latin += 1;
      continue;
    }
    if (!LETTER.test(char)) continue;
    const script = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
    letters += 1;
  }
  if (latin > 0) counts.set('latin', (counts.get('latin') ?? 0) + latin);
  letters += latin;
  if (letters === 0) return null;
  let best: Script = 'other';
  for (const [script, count] of counts) if (count > (counts.get(best) ?? 0)) best = script;
  // Japanese mixes kanji with kana: any kana makes Han text Japanese.
  if (best === 'han' && counts.has('kana')) best = 'kana';
  return { script: best, letters };
}

/** The language a script other than Latin, Arabic or Hebrew stands for; Cyrillic by its distinctive letters. */
export function languageOfScript(script: Script, text: string): string {
  switch (script) {
    case 'cyrillic':
      if (/[іїєґ]/iu.test(text)) return 'uk';
      if (/ў/iu.test(text)) return 'be';
      if (/[ђћџљњј]/iu.test(text)) return 'sr';
      return 'ru';
    case 'greek': return 'el';
    case 'han': return 'zh';
    case 'kana': return 'ja';
    case 'hangul': return 'ko';
    case 'devanagari': return 'hi';
    case 'thai': return 'th';
    case 'armenian': return 'hy';
    case 'georgian': return 'ka';
    default: return 'und';
  }
}
