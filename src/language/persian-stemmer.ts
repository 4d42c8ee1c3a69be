/**
 * A light Persian stemmer (natural has none): strips plural, comparative and possessive endings
 * and the verb prefix "می" when the word was typed joined ("قیمتها" as "قیمت‌ها", "میکنم" as
 * "می‌کنم"), keeping at least three letters. Endings that are also the last letter of many stems
 * ("ت" of "وقت", "د" of "شد") are left alone; the negating "نمی" stays, so "نمی‌کند" and "می‌کند"
 * differ. Words arrive with Persian letter forms and the non-joiner already read as a space.
 */

const SUFFIXES = ['هایی', 'های', 'ترین', 'ها', 'تر', 'یی', 'مان', 'تان', 'شان', 'ام', 'ای', 'ات', 'م', 'ش', 'ی'];
// Plural "-ان" only on long words: "زمان" (time) must stay whole, "کارمندان" becomes "کارمند".
const LONG_ONLY = ['ان'];

export function stemPersian(word: string): string {
  let stem = word;
  if (stem.startsWith('می') && stem.length >= 5) stem = stem.slice(2);
  const suffix = SUFFIXES.find((s) => stem.endsWith(s) && stem.length - s.length >= 3) ?? LONG_ONLY.find((s) => stem.endsWith(s) && stem.length - s.length >= 4);
  return suffix ? stem.slice(0, -suffix.length) : stem;
}
