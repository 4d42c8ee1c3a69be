import { identifyLanguage } from '../language/detect-language.js';
import { getTagger } from './tagger.js';
import { TAGGER_LANGUAGES } from './tagger-languages.js';

/**
 * Loads what reading a reason needs (models, each language's vocabulary, the language profiles)
 * before the first customer does: on a fresh install they are trained and cached on first use,
 * which can take longer than a Twilio webhook's deadline.
 */
export function warmUpReading(): void {
  const tagger = getTagger();
  for (const lang of TAGGER_LANGUAGES) tagger.tag('the wait was long', { lang, score: 5 });
  identifyLanguage('the wait was long');
}
