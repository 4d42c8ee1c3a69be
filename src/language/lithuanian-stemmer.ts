/**
 * A light Lithuanian stemmer (natural has none): strips one case, number, gender or verb ending
 * from an accent-folded word, keeping at least three letters, so "laukimas", "laukimo" and
 * "laukimą" share a stem, as do "sąskaita", "sąskaitoje" and "sąskaitos". The negating "ne-" stays:
 * "neveikia" and "veikia" should not look alike.
 */

// Longest first, so "-iuose" goes before "-se" or "-e" could be considered.
const SUFFIXES = [
  'iausias', 'iausia', 'esnis', 'esnes', 'esne', 'iuose', 'tumete', 'iams', 'iais', 'uose', 'omis', 'emis', 'imis', 'ioje', 'tume',
  'ojo', 'ejo', 'avo', 'ose', 'ese', 'yse', 'ams', 'oms', 'ems', 'ims', 'ums', 'iai', 'ius', 'iui', 'iau', 'oje', 'eje', 'yje', 'uje',
  'sime', 'site', 'siu', 'tis', 'asi', 'osi', 'esi', 'isi', 'ame', 'ate', 'ome', 'ote', 'tum',
  'ti', 'as', 'is', 'ys', 'us', 'ai', 'ei', 'ui', 'os', 'es', 'iu', 'am', 'em', 'im', 'um',
  'a', 'e', 'i', 'o', 'u', 'y', 's',
].sort((a, b) => b.length - a.length);

export function stemLithuanian(folded: string): string {
  const suffix = SUFFIXES.find((s) => folded.endsWith(s) && folded.length - s.length >= 3);
  return suffix ? folded.slice(0, -suffix.length) : folded;
}
