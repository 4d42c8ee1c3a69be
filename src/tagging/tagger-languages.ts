/** The languages the tagger has models and lexicons for. */
export const TAGGER_LANGUAGES = ['en', 'es', 'de', 'fr', 'hu', 'lt', 'fa'] as const;
export type TaggerLanguage = (typeof TAGGER_LANGUAGES)[number];

export function isTaggerLanguage(value: string): value is TaggerLanguage {
  return (TAGGER_LANGUAGES as readonly string[]).includes(value);
}

/** "es-MX" → "es"; anything else the tagger has no model for → undefined. */
export function taggerLanguageOf(code: string | undefined): TaggerLanguage | undefined {
  const base = code?.trim().toLowerCase().slice(0, 2);
  return base !== undefined && isTaggerLanguage(base) ? base : undefined;
}
