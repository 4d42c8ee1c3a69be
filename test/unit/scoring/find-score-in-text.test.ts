import { describe, expect, it } from 'vitest';
import { findScoreInText } from '../../../src/scoring/parse-score.js';

/** [message, lang, score, the score phrase as it is written in the message] */
type Mention = [text: string, lang: string | undefined, score: number, phrase: string];

const MENTIONS: Mention[] = [
  ["I'd say 7, the wait was long", 'en', 7, "I'd say 7"],
  ['2 — nobody called back', 'en', 2, '2'],
  ['honestly a 3 from me', 'en', 3, 'honestly a 3 from me'],
  ['9/10, the agent was great', 'en', 9, '9/10'],
  ['out of 10, 7 because of the hold music', 'en', 7, 'out of 10, 7'],
  ['the agent was lovely, 10', 'en', 10, '10'],
  ['ocho, el agente fue muy amable', 'es', 8, 'ocho'],
  ['le doy un 6 porque tardaron mucho', 'es', 6, 'le doy un 6'],
  ['Ich würde 8 geben, die Wartezeit war lang', 'de', 8, 'Ich würde 8 geben'],
  ['ehrlich gesagt eine 3, niemand hat zurückgerufen', 'de', 3, 'ehrlich gesagt eine 3'],
  ['je dirais un petit 6, le conseiller était pressé', 'fr', 6, 'je dirais un petit 6'],
  ['7 sur 10 : trop d’attente', 'fr', 7, '7 sur 10'],
  ['adnék egy hetest, mert sokat vártam', 'hu', 7, 'adnék egy hetest'],
  ['8 pontot adok, kedves volt az ügyintéző', 'hu', 8, '8 pontot adok'],
  ['duočiau septynis, bet laukti teko ilgai', 'lt', 7, 'duočiau septynis'],
  ['7 iš 10 – niekas nepaskambino', 'lt', 7, '7 iš 10'],
  ['راستش ۳ می‌دم، کسی زنگ نزد', 'fa', 3, 'راستش ۳ می‌دم'],
  ['۷ از ۱۰، خیلی معطل شدم', 'fa', 7, '۷ از ۱۰'],
  ['هشت، اپراتور خیلی مؤدب بود', 'fa', 8, 'هشت'],
  ['١٠، عالی بود', 'fa', 10, '١٠'],
  ['Ｉ’ｄ ｓａｙ ８, fine', 'en', 8, 'Ｉ’ｄ ｓａｙ ８'],
  ['🔟, super', undefined, 10, '🔟'],
];

describe('findScoreInText', () => {
  it.each(MENTIONS)('when the message is %j (%s), then the score is %i, written as %j', (text, lang, score, phrase) => {
    const found = findScoreInText(text, lang);
    expect(found?.score).toBe(score);
    expect(text.slice(found?.start ?? 0, found?.end ?? 0)).toBe(phrase);
  });

  it('when the score phrase is cut out, then what is left is the reason', () => {
    const text = "I'd say 7, the wait was long";
    const found = findScoreInText(text, 'en');
    expect(found).not.toBeNull();
    const reason = `${text.slice(0, found?.start)} ${text.slice(found?.end)}`.replace(/^[\s,.;:!?—–-]+|[\s,.;:!?—–-]+$/g, '');
    expect(reason).toBe('the wait was long');
  });

  it.each([
    ['7 or 8, it was ok', 'en'], ['my son is 7 and I had to call twice', 'en'], ['esperé 20 minutos', 'es'], ['نه، ممنون', 'fa'], ['laukiau 2 valandas', 'lt'],
  ])('when the message %j (%s) holds no clear score, then nothing is found', (text, lang) => {
    expect(findScoreInText(text, lang)).toBeNull();
  });

  it('when the score comes after the first 2,000 characters, then it is not read', () => {
    const long = `${'the line kept dropping and '.repeat(100)}so 6`;
    expect(long.length).toBeGreaterThan(2_000);
    expect(findScoreInText(long, 'en')).toBeNull();
    expect(findScoreInText('so 6', 'en')?.score).toBe(6);
  });
});

/** Scores said inside a sentence, the way people answer, in every language. */
const IN_SENTENCES: Array<[string, string, number]> = [
  ['honestly a 3 from me', 'en', 3], ["I'd go with a solid 8", 'en', 8], ['gotta say 9', 'en', 9], ['Solid 8 from me', 'en', 8],
  ['sinceramente un 3', 'es', 3], ['yo le daría un 8 la verdad', 'es', 8], ['te pongo un 6', 'es', 6], ['pues mira, un 7', 'es', 7],
  ['ehrlich gesagt eine 3', 'de', 3], ["von mir gibt's eine 8", 'de', 8], ['na ja, so eine 6', 'de', 6], ['ich gebe euch eine 7', 'de', 7],
  ['je dirais un petit 6', 'fr', 6], ['franchement 3', 'fr', 3], ['allez, je mets 8', 'fr', 8], ['un bon 7', 'fr', 7],
  ['adnék egy hetest', 'hu', 7], ['őszintén szólva hármas', 'hu', 3], ['egy erős nyolcas', 'hu', 8], ['mondjuk 6', 'hu', 6],
  ['duočiau septynis', 'lt', 7], ['sakyčiau 8', 'lt', 8], ['tiesą sakant, 3', 'lt', 3], ['nuo manęs 9', 'lt', 9],
  ['راستش ۳ میدم', 'fa', 3], ['به نظرم ۸', 'fa', 8], ['بهتون ۹ میدم', 'fa', 9], ['نمره‌ام ۶ است', 'fa', 6],
];

describe('scores inside sentences', () => {
  it.each(IN_SENTENCES)('when the answer is %j (%s), then the score is %i', (text, lang, score) => {
    expect(findScoreInText(text, lang)?.score).toBe(score);
  });
});
