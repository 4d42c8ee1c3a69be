import { foldedText } from '../language/normalize.js';

/** The words for 0–10 (and a few beyond, so "elf" or "eleven" is read as out of range), accent-folded. */

export type ScoreLanguage = 'en' | 'es' | 'de' | 'fr' | 'hu' | 'lt' | 'fa';
export const SCORE_LANGUAGES: readonly ScoreLanguage[] = ['en', 'es', 'de', 'fr', 'hu', 'lt', 'fa'];

const BASE: Record<ScoreLanguage, Record<string, number>> = {
  en: {
    zero: 0, nought: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    eleven: 11, twelve: 12, twenty: 20, hundred: 100,
    // Frequent typos of a word typed alone.
    eigth: 8, eigt: 8, eihgt: 8, nien: 9, nnine: 9, sevn: 7, seben: 7, fiv: 5, foru: 4, tne: 10,
  },
  es: {
    cero: 0, uno: 1, una: 1, un: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
    once: 11, doce: 12, veinte: 20, cien: 100,
    sero: 0, quatro: 4, sinco: 5, nuebe: 9, ochoo: 8, dies: 10,
  },
  de: {
    null: 0, eins: 1, ein: 1, eine: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, funf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8,
    neun: 9, zehn: 10, elf: 11, zwolf: 12, zwoelf: 12, zwanzig: 20, hundert: 100,
    siben: 7, nuen: 9, zehen: 10,
  },
  fr: {
    zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11,
    douze: 12, vingt: 20, cent: 100,
    deu: 2, cinque: 5, uit: 8, disse: 10,
  },
  hu: {
    nulla: 0, egy: 1, ketto: 2, ket: 2, harom: 3, negy: 4, ot: 5, hat: 6, het: 7, nyolc: 8, kilenc: 9, tiz: 10,
    tizenegy: 11, tizenketto: 12, husz: 20, szaz: 100,
    nyolcz: 8, kilenz: 9,
  },
  // Nominative, feminine and accusative forms ("duočiau septynis").
  lt: {
    nulis: 0, nuli: 0, vienas: 1, viena: 1, du: 2, dvi: 2, trys: 3, tris: 3, keturi: 4, keturios: 4, keturis: 4, penki: 5, penkios: 5,
    penkis: 5, sesi: 6, sesios: 6, sesis: 6, septyni: 7, septynios: 7, septynis: 7, astuoni: 8, astuonios: 8, astuonis: 8,
    devyni: 9, devynios: 9, devynis: 9, desimt: 10, desimtis: 10, vienuolika: 11, dvylika: 12, dvidesimt: 20, simtas: 100,
    septini: 7, devini: 9, desim: 10,
  },
  fa: {
    'صفر': 0, 'یک': 1, 'یه': 1, 'دو': 2, 'سه': 3, 'چهار': 4, 'چار': 4, 'پنج': 5, 'شش': 6, 'شیش': 6, 'هفت': 7, 'هشت': 8, 'نه': 9, 'ده': 10,
    'یازده': 11, 'دوازده': 12, 'بیست': 20, 'صد': 100,
  },
};

// Persian typed in Latin letters ("Finglish"), read only when the language is given as Persian:
// "do", "se" and "ye" are words of their own in the other languages.
const FINGLISH: Record<string, number> = {
  sefr: 0, yek: 1, ye: 1, do: 2, se: 3, chahar: 4, char: 4, panj: 5, shish: 6, shesh: 6, haft: 7, hasht: 8, noh: 9, dah: 10, davazdah: 12,
  yazdah: 11,
};

/**
 * Words that are numbers only when nothing else in the message is: articles ("un 8", "eine 8",
 * "egy nyolcas", "یه ۸"), and words that are something else in a neighbouring language ("hat" is
 * German for "has", "tres" is French "très" without its accent, "sept" a month, "du" German "you").
 */
export const WEAK_NUMBER_WORDS = new Set([
  'un', 'una', 'une', 'ein', 'eine', 'egy', 'egyre', 'hat', 'hatra', 'tres', 'sept', 'het', 'ot', 'once', 'dies', 'uit', 'du', 'dvi', 'tris',
  'یک', 'یه', 'نه', 'yek', 'ye',
]);

/**
 * Words that are a number only next to a score cue or a scale: Persian "نه" is nine and also
 * "no", so "نه" alone is a refusal, while "نه از ده" or "نمره نه" is a nine.
 */
export const CUED_ONLY_NUMBER_WORDS = new Set(['نه']);

/** Accented spellings that are not numbers although their folded form is: Hungarian "hát" (well), "őt" (him), French "très". */
export const NOT_NUMBERS_WITH_ACCENT = new Set(['hát', 'őt', 'très', 'hátra']);

// Hungarian numbers take suffixes: "nyolcas" (an eight, as a grade), "nyolcast"/"nyolcat" (as an
// object), "nyolcra" (rate it to eight), "tízből" (out of ten).
const HU_STEMS: Array<[string, number, { adjective: string; object: string; onto: string; from: string }]> = [
  ['nulla', 0, { adjective: 'nullas', object: 'nullat', onto: 'nullara', from: 'nullabol' }],
  ['egy', 1, { adjective: 'egyes', object: 'egyet', onto: 'egyre', from: 'egybol' }],
  ['ketto', 2, { adjective: 'kettes', object: 'kettot', onto: 'kettore', from: 'kettobol' }],
  ['harom', 3, { adjective: 'harmas', object: 'harmat', onto: 'haromra', from: 'harombol' }],
  ['negy', 4, { adjective: 'negyes', object: 'negyet', onto: 'negyre', from: 'negybol' }],
  ['ot', 5, { adjective: 'otos', object: 'otot', onto: 'otre', from: 'otbol' }],
  ['hat', 6, { adjective: 'hatos', object: 'hatot', onto: 'hatra', from: 'hatbol' }],
  ['het', 7, { adjective: 'hetes', object: 'hetet', onto: 'hetre', from: 'hetbol' }],
  ['nyolc', 8, { adjective: 'nyolcas', object: 'nyolcat', onto: 'nyolcra', from: 'nyolcbol' }],
  ['kilenc', 9, { adjective: 'kilences', object: 'kilencet', onto: 'kilencre', from: 'kilencbol' }],
  ['tiz', 10, { adjective: 'tizes', object: 'tizet', onto: 'tizre', from: 'tizbol' }],
];

// Lithuanian school grades are nouns ("dešimtukas", "aštuonetą"), and "iš dešimties" is the scale.
const LT_GRADES: Array<[number, string[]]> = [
  [1, ['vienetas', 'vieneta']], [2, ['dvejetas', 'dveja']], [3, ['trejetas', 'treja']], [4, ['ketvertas', 'ketverta']],
  [5, ['penketas', 'penketa']], [6, ['sesetas', 'seseta']], [7, ['septynetas', 'septyneta']], [8, ['astuonetas', 'astuoneta']],
  [9, ['devynetas', 'devyneta']], [10, ['desimtukas', 'desimtuka', 'desimtuke']],
];

export interface NumberWord {
  value: number;
  /** "tízből", "dešimties": the scale of the answer ("out of ten"), not the answer. */
  isScale: boolean;
  /** A grade form ("nyolcas", "dešimtukas"), which is itself a sign that a score is meant. */
  isGrade: boolean;
}

function buildTable(lang: ScoreLanguage): Map<string, NumberWord> {
  const table = new Map<string, NumberWord>();
  for (const [word, value] of Object.entries(BASE[lang])) table.set(foldedText(word), { value, isScale: false, isGrade: false });
  if (lang === 'hu') {
    for (const [, value, forms] of HU_STEMS) {
      table.set(forms.adjective, { value, isScale: false, isGrade: true });
      table.set(`${forms.adjective}t`, { value, isScale: false, isGrade: true });
      table.set(forms.object, { value, isScale: false, isGrade: true });
      table.set(forms.onto, { value, isScale: false, isGrade: true });
      table.set(forms.from, { value, isScale: true, isGrade: false });
    }
  }
  if (lang === 'fa') for (const [word, value] of Object.entries(FINGLISH)) table.set(word, { value, isScale: false, isGrade: false });
  if (lang === 'lt') {
    for (const [value, forms] of LT_GRADES) for (const form of forms) table.set(form, { value, isScale: false, isGrade: true });
    table.set('desimties', { value: 10, isScale: true, isGrade: false });
  }
  return table;
}

const TABLES = new Map(SCORE_LANGUAGES.map((lang) => [lang, buildTable(lang)]));
const PERSIAN_SCRIPT_ONLY = new Map([...(TABLES.get('fa') ?? [])].filter(([word]) => !/^[a-z]+$/.test(word)));

/**
 * The number a folded word stands for in any of `languages`, or undefined. Finglish counts only
 * when Persian is the given language (first in the list), not when every language is tried.
 */
export function numberWord(folded: string, languages: readonly ScoreLanguage[]): NumberWord | undefined {
  for (const lang of languages) {
    const table = lang === 'fa' && languages[0] !== 'fa' ? PERSIAN_SCRIPT_ONLY : TABLES.get(lang);
    const found = table?.get(folded);
    if (found) return found;
  }
  return undefined;
}
