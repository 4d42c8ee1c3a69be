/**
 * Reads a 0-10 recommendation score from what a person typed or said.
 * Returns null when there is no score, more than one candidate, or it is out of range.
 * PLACEHOLDER: plain integers only; the score-parsing work replaces it.
 */
export function parseScore(text: string, _lang?: string): number | null {
  const match = /^\s*(\d{1,2})\s*(?:\/\s*10)?\s*$/.exec(text.normalize('NFKC'));
  if (!match?.[1]) return null;
  const value = Number(match[1]);
  return value >= 0 && value <= 10 ? value : null;
}
