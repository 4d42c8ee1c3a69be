import { describe, expect, it } from 'vitest';
import { parseScore } from '../../../src/scoring/parse-score.js';

type Accepted = [text: string, lang: string | undefined, score: number];
type Rejected = [text: string, lang: string | undefined];

const ACCEPTED: Accepted[] = [
  // Digits and the x/10 family.
  ['0', undefined, 0], ['5', undefined, 5], ['8', undefined, 8], ['10', undefined, 10], [' 7 ', undefined, 7], ['8.', undefined, 8],
  ['8!', undefined, 8], ['9!!!', undefined, 9], ['(7)', undefined, 7], ['"6"', undefined, 6], ['8/10', undefined, 8], ['10/10', undefined, 10],
  ['8 / 10', undefined, 8], ['0/10', undefined, 0], ['8 out of 10', 'en', 8], ['Ten out of ten', 'en', 10], ['7 of 10', 'en', 7],
  ['score: 7', 'en', 7], ['rating 9', 'en', 9], ['8 points', 'en', 8],
  ['8 de 10', 'es', 8], ['ocho de diez', 'es', 8], ['6 sobre 10', 'es', 6], ['8 von 10', 'de', 8], ['neun von zehn', 'de', 9], ['7 aus 10', 'de', 7],
  ['8 sur 10', 'fr', 8], ['neuf sur dix', 'fr', 9], ['8 a 10-ből', 'hu', 8], ['10-ből 9', 'hu', 9], ['tízből nyolc', 'hu', 8], ['9/10', 'hu', 9],
  // English words and sentences.
  ['eight', 'en', 8], ['Eight.', 'en', 8], ['EIGHT', 'en', 8], ['zero', 'en', 0], ['one', 'en', 1], ['two', 'en', 2], ['three', 'en', 3],
  ['four', 'en', 4], ['five', 'en', 5], ['seven', 'en', 7], ['nine', 'en', 9], ['ten', 'en', 10], ['a ten', 'en', 10], ["I'd give it a 6", 'en', 6],
  ['probably a 9', 'en', 9], ["I'd say 8", 'en', 8], ['I would give you guys a 10', 'en', 10], ["it's an eight", 'en', 8], ['maybe 7', 'en', 7],
  ['definitely a 10', 'en', 10], ['a perfect 10', 'en', 10], ['ok 6', 'en', 6], ['hmm, 5', 'en', 5], ['well... 4', 'en', 4], ['8 I guess', 'en', 8],
  ['solid 8', 'en', 8], ["I'll go with 7", 'en', 7], ['I rate you 9', 'en', 9], ['give them 3', 'en', 3], ['9, great service', 'en', 9],
  ['2 - the wait was awful', 'en', 2], ['the agent was lovely, 10', 'en', 10], ['long wait so 6', 'en', 6], ['9/10 would recommend', 'en', 9],
  ["I'd give it a 6 because I waited 20 minutes", 'en', 6], ['I called 3 times, I would give 4', 'en', 4], ['on a scale of 0 to 10, 8', 'en', 8],
  ['eigth', 'en', 8], ['nien', 'en', 9], ['Ten!', undefined, 10], ['nine', undefined, 9],
  // Spanish.
  ['ocho', 'es', 8], ['Ocho', undefined, 8], ['cero', 'es', 0], ['uno', 'es', 1], ['dos', 'es', 2], ['tres', 'es', 3], ['cuatro', 'es', 4],
  ['cinco', 'es', 5], ['seis', 'es', 6], ['siete', 'es', 7], ['nueve', 'es', 9], ['diez', 'es', 10], ['un 8', 'es', 8], ['Le doy un 7', 'es', 7],
  ['le pongo un 9', 'es', 9], ['un diez', 'es', 10], ['diría que 8', 'es', 8], ['diria que un 6', 'es', 6], ['pues un 5', 'es', 5],
  ['creo que 7', 'es', 7], ['un 10, muy amables', 'es', 10], ['8 puntos', 'es', 8], ['nota: 9', 'es', 9], ['del 0 al 10 un 8', 'es', 8],
  ['sinco', 'es', 5], ['nuebe', 'es', 9],
  // German.
  ['acht', 'de', 8], ['Acht', undefined, 8], ['null', 'de', 0], ['eins', 'de', 1], ['zwei', 'de', 2], ['zwo', 'de', 2], ['drei', 'de', 3],
  ['vier', 'de', 4], ['fünf', 'de', 5], ['funf', 'de', 5], ['sechs', 'de', 6], ['sieben', 'de', 7], ['neun', 'de', 9], ['zehn', 'de', 10],
  ['Ich würde 8 geben', 'de', 8], ['ich wuerde 8 geben', 'de', 8], ['ich gebe 9', 'de', 9], ['eine 7', 'de', 7], ['eine glatte 10', 'de', 10],
  ['ich würde sagen 6', 'de', 6], ['vielleicht 7', 'de', 7], ['8 Punkte', 'de', 8], ['Note 9', 'de', 9], ['von 0 bis 10 eine 8', 'de', 8],
  ['10, alles super', 'de', 10],
  // French.
  ['huit', 'fr', 8], ['Huit', undefined, 8], ['zéro', 'fr', 0], ['zero', 'fr', 0], ['un', 'fr', 1], ['deux', 'fr', 2], ['trois', 'fr', 3],
  ['quatre', 'fr', 4], ['cinq', 'fr', 5], ['six', 'fr', 6], ['sept', 'fr', 7], ['neuf', 'fr', 9], ['dix', 'fr', 10], ['je dirais 9', 'fr', 9],
  ['je donne 8', 'fr', 8], ['je mettrais 7', 'fr', 7], ['un 8', 'fr', 8], ['peut-être 6', 'fr', 6], ['disons 7', 'fr', 7], ['8 points', 'fr', 8],
  ['très bien, 9', 'fr', 9], ['très bien, 9', undefined, 9], ['note : 8', 'fr', 8], ['de 0 à 10, je mets 8', 'fr', 8],
  // Hungarian.
  ['nyolc', 'hu', 8], ['Nyolc', undefined, 8], ['nulla', 'hu', 0], ['egy', 'hu', 1], ['kettő', 'hu', 2], ['ketto', 'hu', 2], ['három', 'hu', 3],
  ['harom', 'hu', 3], ['négy', 'hu', 4], ['öt', 'hu', 5], ['hat', 'hu', 6], ['hét', 'hu', 7], ['kilenc', 'hu', 9], ['tíz', 'hu', 10], ['tiz', 'hu', 10],
  ['tízes', 'hu', 10], ['nyolcas', 'hu', 8], ['nyolcast', 'hu', 8], ['egy nyolcas', 'hu', 8], ['nyolcat adok', 'hu', 8], ['8-ast adnék', 'hu', 8],
  ['10-est', 'hu', 10], ['10 pont', 'hu', 10], ['8 pontot adok', 'hu', 8], ['szerintem 7', 'hu', 7], ['hát nyolc', 'hu', 8], ['hát, 9', undefined, 9],
  ['kilencre értékelném', 'hu', 9], ['0-tól 10-ig 8', 'hu', 8], ['tiszta tízes', 'hu', 10],
  // Lithuanian.
  ['septyni', 'lt', 7], ['Septyni', undefined, 7], ['nulis', 'lt', 0], ['vienas', 'lt', 1], ['du', 'lt', 2], ['trys', 'lt', 3], ['keturi', 'lt', 4],
  ['penki', 'lt', 5], ['šeši', 'lt', 6], ['sesi', 'lt', 6], ['aštuoni', 'lt', 8], ['astuoni', 'lt', 8], ['devyni', 'lt', 9], ['dešimt', 'lt', 10],
  ['desimt', 'lt', 10], ['7 iš 10', 'lt', 7], ['7 is 10', 'lt', 7], ['septyni iš dešimties', 'lt', 7], ['duočiau septynis', 'lt', 7],
  ['duociau 8', 'lt', 8], ['sakyčiau 8', 'lt', 8], ['gal 6 iš 10', 'lt', 6], ['dešimtukas', 'lt', 10], ['duodu dešimtuką', 'lt', 10],
  ['aštuonetas', 'lt', 8], ['8 balai', 'lt', 8], ['nuo 0 iki 10 – 8', 'lt', 8], ['9, viskas puiku', 'lt', 9], ['iš 10 duočiau 8', 'lt', 8],
  // Persian: words, Persian and Arabic-Indic digits, "X از 10", Finglish.
  ['هفت', 'fa', 7], ['هفت', undefined, 7], ['صفر', 'fa', 0], ['یک', 'fa', 1], ['دو', 'fa', 2], ['سه', 'fa', 3], ['چهار', 'fa', 4],
  ['پنج', 'fa', 5], ['شش', 'fa', 6], ['هشت', 'fa', 8], ['ده', 'fa', 10], ['۷', 'fa', 7], ['۱۰', 'fa', 10], ['٨', 'fa', 8], ['۷ از ۱۰', 'fa', 7],
  ['۷ از ۱۰', undefined, 7], ['7 از 10', 'fa', 7], ['هفت از ده', 'fa', 7], ['نه از ده', 'fa', 9], ['نمره نه', 'fa', 9], ['از ۱۰، ۸', 'fa', 8],
  ['۸ میدم', 'fa', 8], ['بهتون ۹ می‌دم', 'fa', 9], ['به نظرم ۶', 'fa', 6], ['یه ۸', 'fa', 8], ['امتیاز من: ۹', 'fa', 9],
  ['از ۰ تا ۱۰، ۸', 'fa', 8], ['۱۰، عالی بود', 'fa', 10], ['haft', 'fa', 7], ['hasht az dah', 'fa', 8],

  ['8️⃣', undefined, 8], ['🔟', undefined, 10], ['0️⃣', undefined, 0], ['１０', undefined, 10], ['８', undefined, 8], ['٣', undefined, 3],
  ['۷', undefined, 7], ['९', undefined, 9], ['I give 8️⃣', 'en', 8],
];

const REJECTED: Rejected[] = [
  // Nothing that is a number.
  ['', undefined], ['   ', undefined], ['hello', 'en'], ['nothing', 'en'], ['good', 'en'], ['no idea', 'en'], ['nada', 'es'], ['rien', 'fr'],
  ['semmi', 'hu'], ['nichts', 'de'], ['👍', undefined], ['?', undefined], ['#', undefined],
  // More than one candidate, ranges, decimals, signs.
  ['7 or 8', 'en'], ['7-8', undefined], ['7 - 8', undefined], ['7–8', undefined], ['between 7 and 8', 'en'], ['8 maybe 9', 'en'], ['8, no 9', 'en'],
  ['two 9s', 'en'], ['7 u 8', 'es'], ['7 o 8', 'es'], ['siete u ocho', 'es'], ['7 oder 8', 'de'], ['sieben oder acht', 'de'], ['7 ou 8', 'fr'],
  ['sept ou huit', 'fr'], ['7 vagy 8', 'hu'], ['hét vagy nyolc', 'hu'], ['7.5', undefined], ['7,5', undefined], ['9.9', undefined], ['8.0', undefined],
  ['-1', undefined], ['-5', undefined], ['+8', undefined], ['10+', undefined], ['9s', undefined],
  // Out of range.
  ['11', undefined], ['12', undefined], ['100', undefined], ['42', undefined], ['eleven', 'en'], ['elf', 'de'], ['onze', 'fr'], ['once', 'es'],
  ['tizenegy', 'hu'], ['100%', undefined], ['00', undefined], ['06', undefined],
  // Other scales.
  ['5 stars', 'en'], ['4/5', undefined], ['4 out of 5', 'en'], ['3 de 5', 'es'], ['5 Sterne', 'de'], ['4 étoiles', 'fr'], ['5 csillag', 'hu'],
  // Numbers that are counts, durations, times, ages, identifiers.
  ['waited 20 minutes', 'en'], ['I called 3 times', 'en'], ['3 times', 'en'], ['2 hours on hold', 'en'], ['5 days', 'en'], ['at 8', 'en'],
  ['8:30', undefined], ['8pm', 'en'], ["8 o'clock", 'en'], ['8th', 'en'], ['my son is 7 and I had to call', 'en'], ['I am 9 months pregnant', 'en'],
  ['call me on 555 1234', 'en'], ['ticket 8', 'en'], ['press 1', 'en'], ['option 2', 'en'], ['£10', 'en'], ['$5', 'en'], ['10 euros', 'en'],
  ['8/10/2024', undefined], ['12/05', undefined], ['esperé 20 minutos', 'es'], ['llamé 3 veces', 'es'], ['a las 8', 'es'], ['tengo 2 hijos', 'es'],
  ['20 Minuten gewartet', 'de'], ['3 mal angerufen', 'de'], ['um 8 Uhr', 'de'], ['nach 2 Tagen', 'de'], ['attendu 20 minutes', 'fr'],
  ['appelé 3 fois', 'fr'], ['à 8h', 'fr'], ['3 jours', 'fr'], ['20 percet vártam', 'hu'], ['3-szor hívtam', 'hu'], ['8 órakor', 'hu'],
  ['2 napja', 'hu'],
  // A number without anything saying it is the score.
  ['the 2 agents were rude', 'en'], ['1 question: why', 'en'], ['no one helped me', 'en'], ['I have 3 kids and no time', 'en'],
  ['the app crashed 2 days ago and I lost everything', 'en'], ['mi hijo tiene 7 años', 'es'], ['der 2. Mitarbeiter war besser', 'de'],
  ['les 2 conseillers', 'fr'], ['a 2 ügyintéző', 'hu'], ['Das Team hat 8 Leute', 'de'],
  // Doubt around the number.
  ['not 10', 'en'], ["I wouldn't give 10", 'en'], ['almost 10', 'en'], ['nearly 9', 'en'], ['more than 8', 'en'], ['at least 7', 'en'],
  ['no 10', 'en'], ['casi 10', 'es'], ['más de 8', 'es'], ['nicht 10', 'de'], ['fast 10', 'de'], ['mehr als 8', 'de'], ['pas 10', 'fr'],
  ['presque 10', 'fr'], ['plus de 8', 'fr'], ['nem 10', 'hu'], ['majdnem 10', 'hu'], ['több mint 8', 'hu'],
  ['beveik 10', 'lt'], ['ne 10', 'lt'], ['daugiau nei 8', 'lt'], ['neduočiau 10', 'lt'], ['تقریبا ۱۰', 'fa'], ['۱۰ نمی‌دم', 'fa'], ['بیشتر از ۸', 'fa'],
  // Lithuanian and Persian: choices, other scales, counts.
  ['7 ar 8', 'lt'], ['septyni ar aštuoni', 'lt'], ['4 iš 5', 'lt'], ['5 žvaigždutės', 'lt'], ['laukiau 20 minučių', 'lt'], ['skambinau 3 kartus', 'lt'],
  ['po 2 dienų', 'lt'], ['۷ یا ۸', 'fa'], ['۷ تا ۸', 'fa'], ['۴ از ۵', 'fa'], ['۲۰ دقیقه منتظر ماندم', 'fa'], ['۳ بار زنگ زدم', 'fa'],
  ['ساعت ۸', 'fa'], ['۵ ستاره', 'fa'], ['۱۱', 'fa'], ['نه', 'fa'], ['نه، ممنون', 'fa'], ['haft', undefined], ['do', undefined], ['se', 'es'],
];

describe('parseScore', () => {
  it.each(ACCEPTED)('when %j (lang %s) is the answer, then the score is %i', (text, lang, score) => {
    expect(parseScore(text, lang)).toBe(score);
  });

  it.each(REJECTED)('when %j (lang %s) is the answer, then there is no score', (text, lang) => {
    expect(parseScore(text, lang)).toBeNull();
  });

  it('when the table is counted, then it holds at least 200 cases over the seven languages', () => {
    expect(ACCEPTED.length + REJECTED.length).toBeGreaterThanOrEqual(200);
  });

  it('when the language is given, then the words of another language with another meaning are not numbers', () => {
    // German "hat" (has) is Hungarian six; "Er hat 8 gegeben" has one number only in German.
    expect(parseScore('hat', 'de')).toBeNull();
    expect(parseScore('hat', 'hu')).toBe(6);
  });

  it('when accents are missing or the case is odd, then the word still reads', () => {
    expect(parseScore('TÍZ', 'hu')).toBe(10);
    expect(parseScore('Zero', 'fr')).toBe(0);
    expect(parseScore('FUNF', 'de')).toBe(5);
  });
});
