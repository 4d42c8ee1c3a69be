/**
 * A light Hungarian stemmer (natural has none): strips the commonest case, possessive, plural
 * and verb endings from an accent-folded word, keeping at least three letters, so "várakozásra",
 * "várakozást" and "várakozás" share a stem. It is deliberately shallow; the lexicons carry the rest.
 */

// Longest first, so "-ból" goes before "-l" could ever be considered.
const SUFFIXES = [
  'abbak', 'ebbek', 'jaban', 'jeben', 'aval', 'evel', 'unknak', 'juknak', 'tunk', 'tunk', 'tetek', 'tatok',
  'ban', 'ben', 'bol', 'rol', 'tol', 'nak', 'nek', 'val', 'vel', 'hoz', 'hez', 'ert', 'kent', 'kor', 'ig', 'ra', 're', 'ba', 'be',
  'nal', 'nel', 'on', 'en', 'an', 'ot', 'et', 'at', 'uk', 'juk', 'jak', 'jek', 'ok', 'ek', 'ak', 'om', 'em', 'am', 'ja', 'je',
  'tam', 'tem', 'ott', 'ett', 'tak', 'tek', 'nak', 'ni', 'va', 've', 'sag', 'seg', 'as', 'es', 'os', 'us',
  't', 'k', 'm', 'a', 'e', 'i',
].sort((a, b) => b.length - a.length);

function strip(word: string, minStem: number): string {
  const suffix = SUFFIXES.find((s) => word.endsWith(s) && word.length - s.length >= minStem);
  return suffix ? word.slice(0, -suffix.length) : word;
}

export function stemHungarian(folded: string): string {
  const once = strip(folded, 3);
  // A second ending only on long words ("várakozásra" → "varakozas" → "varakoz"); short ones
  // lose meaning ("kellemes" would become "kell", must).
  return once.length >= 7 ? strip(once, 5) : once;
}
