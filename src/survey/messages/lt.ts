import type { SurveyLanguage } from './message-catalog.js';

export const lithuanian: SurveyLanguage = {
  code: 'lt',
  voiceLocale: 'lt-LT',
  messages: {
    greeting: { text: 'Sveiki[, {customerName}]! Dėkojame, kad kreipėtės į {businessName}[ – Jums padėjo {agentName}]. Du trumpi klausimai; jei nebenorite dalyvauti, bet kada parašykite „stop“.' },
    scoreQuestion: {
      text: 'Kiek tikėtina, kad rekomenduotumėte mus kitiems, nuo 0 iki 10?',
      speech: 'Kiek tikėtina, kad rekomenduotumėte mus kitiems, nuo 0 iki 10? Surinkite įvertinimą ir paspauskite grotelių klavišą. Norėdami baigti, bet kada paspauskite žvaigždutę.',
    },
    scoreRetry: {
      text: 'Atsiprašome, reikia skaičiaus nuo 0 iki 10. Kiek tikėtina, kad rekomenduotumėte mus kitiems?',
      speech: 'Atsiprašome, nesupratome. Surinkite skaičių nuo 0 iki 10 ir paspauskite grotelių klavišą.',
    },
    scoreThanks: { text: 'Ačiū[, {customerName}]: {score} iš 10.' },
    reasonQuestionDetractor: { text: 'Labai apgailestaujame. Ką galėtume padaryti geriau?', speech: 'Labai apgailestaujame. Ką galėtume padaryti geriau? Papasakokite keliais žodžiais.' },
    reasonQuestionPassive: { text: 'Ką galėtume padaryti geriau?', speech: 'Ką galėtume padaryti geriau? Papasakokite keliais žodžiais.' },
    reasonQuestionPromoter: { text: 'Džiaugiamės! Ką galėtume padaryti dar geriau?', speech: 'Džiaugiamės! Ką galėtume padaryti dar geriau? Papasakokite keliais žodžiais.' },
    reasonRetry: { text: 'Atsiprašome, nesupratome. Ką galėtume padaryti geriau?' },
    thanks: { text: 'Dėkojame už atsiliepimą. Viso gero!' },
    giveUp: { text: 'Atsiprašome, nepavyko gauti Jūsų atsakymo. Dėkojame, kad skyrėte laiko. Viso gero.' },
    optedOut: { text: 'Daugiau nebesikreipsime į Jus dėl apklausų. Viso gero.' },
    alreadyAnswered: { text: 'Į šią apklausą jau atsakėte. Ačiū!' },
    alreadyOptedOut: { text: 'Atsisakėte apklausų, todėl daugiau į Jus dėl jų nebesikreipsime.' },
    surveyClosed: { text: 'Ši apklausa jau baigta. Ačiū!' },
    transcriptFull: { text: 'Ačiū, iš šio pokalbio sužinojome viską, ko reikia.' },
    smsInvitation: { text: 'Sveiki[, {customerName}], rašo {businessName}. Kiek tikėtina, kad rekomenduotumėte mus kitiems, nuo 0 iki 10? Atsakykite skaičiumi. Norėdami atsisakyti, atsakykite STOP.' },
    smsHelp: { text: '{businessName} klientų apklausa. Atsakykite skaičiumi nuo 0 iki 10. Norėdami atsisakyti, atsakykite STOP.' },
    optedIn: { text: 'Vėl gausite {businessName} apklausas. Norėdami atsisakyti, atsakykite STOP.' },
    callIntro: { text: 'Skambina {businessName}. Norėdami atsisakyti skambučių, paspauskite žvaigždutę.' },
    consentQuestion: {
      text: '[Sveiki, {customerName}. ]Norėtume užduoti du trumpus klausimus apie Jūsų neseną kreipimąsi[, kai Jums padėjo {agentName}]. Norėdami pradėti, paspauskite 1. Mūsų numeris: {callbackNumber}.',
    },
    consentRetry: { text: 'Paspauskite 1, kad pradėtumėte apklausą, arba žvaigždutę, kad šie skambučiai būtų nutraukti.' },
    machineMessage: { text: 'Laba diena, skambina {businessName} dėl trumpos apklausos apie Jūsų neseną kreipimąsi. Pabandysime paskambinti vėliau. Jei nenorite gauti šių skambučių, paskambinkite numeriu {callbackNumber}.' },
    serviceUnavailable: { text: 'Atsiprašome, šiuo metu negalime priimti Jūsų atsakymų. Pabandykite vėliau. Viso gero.' },
    languageMenuOption: { text: 'Lietuviškai spauskite {digit}.' },
  },
};
