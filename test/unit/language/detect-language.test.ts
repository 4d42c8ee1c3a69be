import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/language/detect-language.js';
import { readLabelled } from '../../../src/tagging/labelled-data.js';

describe('detectLanguage', () => {
  it('when the held-out test reasons are detected, then at least 97% of each language is right', () => {
    const test = readLabelled('test');
    for (const lang of ['en', 'es', 'de', 'fr', 'hu'] as const) {
      const ofLanguage = test.filter((r) => r.lang === lang);
      const correct = ofLanguage.filter((r) => detectLanguage(r.text) === lang).length;
      expect(correct / ofLanguage.length, lang).toBeGreaterThanOrEqual(0.97);
    }
  });

  it('when the held-out reasons are cut to their first two or three words, then at least 90% are still right', () => {
    const shortened = readLabelled('test').flatMap((r) => {
      const words = r.text.split(/\s+/);
      return words.length > 3 ? [{ text: words.slice(0, 2).join(' '), lang: r.lang }, { text: words.slice(0, 3).join(' '), lang: r.lang }] : [];
    });
    const correct = shortened.filter((r) => detectLanguage(r.text) === r.lang).length;
    expect(correct / shortened.length).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['ocho', 'es'], ['acht', 'de'], ['huit', 'fr'], ['nyolc', 'hu'], ['nothing', 'en'], ['nada', 'es'], ['rien', 'fr'], ['semmi', 'hu'],
    ['nichts', 'de'], ['alles gut', 'de'], ['todo bien', 'es'], ['tout va bien', 'fr'], ['minden rendben', 'hu'], ['all good', 'en'],
    ['Le doy un 7', 'es'], ['je dirais 9', 'fr'], ['Ich würde 8 geben', 'de'], ['probably a 9', 'en'], ['tízes', 'hu'],
    ['the agent was rude', 'en'], ['el agente fue muy borde', 'es'], ['die Wartezeit war zu lang', 'de'], ["l'attente était trop longue", 'fr'],
    ['túl sokat kellett várni', 'hu'],
  ])('when the text is %j, then it is %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each(['', '8', '10/10', '👍', 'ok', '...'])('when the text %j gives nothing to go on, then it is und', (text) => {
    expect(detectLanguage(text)).toBe('und');
  });

  it.each(['niente, tutto bene grazie', 'muito bom atendimento, obrigado', 'het was goed, bedankt'])(
    'when the text %j is in a language we do not serve, then it is und rather than a wrong guess',
    (text) => {
      expect(detectLanguage(text)).toBe('und');
    },
  );
});
