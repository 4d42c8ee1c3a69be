import { describe, expect, it } from 'vitest';
import { isOptOutRequest } from '../../../src/scoring/opt-out.js';
import { SURVEY_LANGUAGE_CODES, surveyLanguage } from '../../../src/survey/messages/languages.js';

const OPT_OUTS: Array<[string, string | undefined]> = [
  ['stop', undefined], ['STOP', undefined], ['Stop.', undefined], ['stop please', 'en'], ['STOPALL', undefined], ['unsubscribe', 'en'],
  ['Unsubscribe me', 'en'], ['opt out', 'en'], ['opt-out', 'en'], ['cancel', 'en'], ["don't contact me again", 'en'], ['Do not call me again!', 'en'],
  ['please stop calling me', 'en'], ['stop texting me', 'en'], ['remove me from your list', 'en'], ['take me off your list', 'en'],
  ['no more calls', 'en'], ['leave me alone', 'en'], ["I don't want any more surveys", 'en'],
  ['baja', 'es'], ['BAJA', undefined], ['darse de baja', 'es'], ['darme de baja', 'es'], ['quiero darme de baja', 'es'], ['No me llamen más', 'es'],
  ['no me llamen mas', 'es'], ['no me contacten más, por favor', 'es'], ['dejen de llamarme', 'es'], ['no quiero más encuestas', 'es'],
  ['abmelden', 'de'], ['Stopp', 'de'], ['bitte abmelden', 'de'], ['Rufen Sie mich nicht mehr an', 'de'], ['keine Anrufe mehr', 'de'],
  ['nicht mehr anrufen', 'de'], ['Lassen Sie mich in Ruhe', 'de'], ['ich möchte mich abmelden', 'de'],
  ['désabonner', 'fr'], ['desabonner', 'fr'], ['me désinscrire', 'fr'], ['désinscrire', 'fr'], ["ne m'appelez plus", 'fr'], ['ne me contactez plus', 'fr'],
  ['stop', 'fr'], ['arrêtez de m’appeler', 'fr'], ['laissez-moi tranquille', 'fr'],
  ['leiratkozás', 'hu'], ['leiratkozas', 'hu'], ['ne hívjanak', 'hu'], ['Ne hívjanak többet!', 'hu'], ['ne keressenek többet', 'hu'],
  ['nem kérek több hívást', 'hu'], ['le akarok iratkozni', 'hu'], ['hagyjanak békén', 'hu'],
  ['atsisakyti', 'lt'], ['Atsisakau', 'lt'], ['nebeskambinkite', 'lt'], ['Nebeskambinkite man daugiau!', 'lt'], ['neskambinkite daugiau, prašau', 'lt'],
  ['nebenoriu apklausų', 'lt'], ['pašalinkite mane iš sąrašo', 'lt'], ['palikite mane ramybėje', 'lt'], ['stop', 'lt'],
  ['لغو', 'fa'], ['انصراف', 'fa'], ['لغو عضویت', 'fa'], ['دیگه زنگ نزنید', 'fa'], ['لطفاً دیگر تماس نگیرید', 'fa'], ['مزاحم نشید', 'fa'],
  ['دیگه نمی‌خوام پیام بگیرم', 'fa'], ['منو از لیست حذف کنید', 'fa'], ['پیامک نفرستید', 'fa'], ['laghv', 'fa'],
];

const NOT_OPT_OUTS: Array<[string, string | undefined]> = [
  ['the app would stop crashing', 'en'], ['non-stop hold music', 'en'], ['stop putting me on hold', 'en'], ['please stop transferring me', 'en'],
  ['I wanted to cancel my contract and it took ages', 'en'], ['no', 'en'], ['no thanks', 'en'], ['8', undefined], ['', undefined],
  ['the end of the call was rude', 'en'], ['la baja del contrato fue complicada', 'es'], ['me dieron de baja la línea sin avisar', 'es'],
  ['die Abmeldung war kompliziert', 'de'], ['der Stopp der Lastschrift hat nicht geklappt', 'de'], ['le désabonnement a pris des semaines', 'fr'],
  ['a leiratkozás túl bonyolult volt', 'hu'], ['ne hívjanak vissza ilyen későn, de egyébként jó volt', 'hu'], ['nothing to stop', 'en'],
  ['atsisakyti sutarties buvo sunku', 'lt'], ['niekas nepaskambino', 'lt'], ['لغو قرارداد خیلی طول کشید', 'fa'], ['کسی زنگ نزد', 'fa'],
  ['انصراف از خرید سخت بود', 'fa'],
];

describe('isOptOutRequest', () => {
  it.each(OPT_OUTS)('when the whole message is %j, then it is an opt-out', (text, lang) => {
    expect(isOptOutRequest(text, lang)).toBe(true);
  });

  it.each(NOT_OPT_OUTS)('when the message %j only mentions stopping or cancelling, then it is not an opt-out', (text, lang) => {
    expect(isOptOutRequest(text, lang)).toBe(false);
  });

  it.each(SURVEY_LANGUAGE_CODES)('when the %s greeting names a word to opt out with, then that word is an opt-out', (code) => {
    const greeting = surveyLanguage(code).messages.greeting.text;
    const quoted = /["„«]\s*([^"“»]+?)\s*["“»]/u.exec(greeting)?.[1];
    expect(quoted, code).toBeDefined();
    expect(isOptOutRequest(quoted ?? '', code)).toBe(true);
  });

  it('when the opt-out table is read, then every survey language has opt-out phrases in it', () => {
    const covered = new Set(OPT_OUTS.map(([, lang]) => lang));
    for (const code of SURVEY_LANGUAGE_CODES) expect(covered.has(code), code).toBe(true);
  });
});
