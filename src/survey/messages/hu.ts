import type { SurveyLanguage } from './message-catalog.js';

export const hungarian: SurveyLanguage = {
  code: 'hu',
  voiceLocale: 'hu-HU',
  messages: {
    greeting: { text: 'Üdvözöljük[, {customerName}]! Köszönjük, hogy a(z) {businessName} ügyfélszolgálatát kereste[ – {agentName} segített Önnek]. Két rövid kérdés; a "leiratkozás" szóval bármikor kiléphet.' },
    scoreQuestion: {
      text: 'Mennyire valószínű, hogy ajánlana minket, 0-tól 10-ig?',
      speech: 'Mennyire valószínű, hogy ajánlana minket, 0-tól 10-ig? Üsse be a pontszámot, majd nyomja meg a kettőskereszt gombot. A csillag gombbal bármikor kiléphet.',
    },
    scoreRetry: {
      text: 'Elnézést, egy 0 és 10 közötti számra van szükségem. Mennyire valószínű, hogy ajánlana minket?',
      speech: 'Elnézést, ezt nem értettem. Üssön be egy számot 0 és 10 között, majd nyomja meg a kettőskereszt gombot.',
    },
    scoreThanks: { text: 'Köszönjük[, {customerName}]: {score} a 10-ből.' },
    reasonQuestionDetractor: { text: 'Sajnáljuk. Min javíthatnánk?', speech: 'Sajnáljuk. Min javíthatnánk? Kérjük, mondja el néhány szóban.' },
    reasonQuestionPassive: { text: 'Min javíthatnánk?', speech: 'Min javíthatnánk? Kérjük, mondja el néhány szóban.' },
    reasonQuestionPromoter: { text: 'Örülünk neki! Min javíthatnánk?', speech: 'Örülünk neki! Min javíthatnánk? Kérjük, mondja el néhány szóban.' },
    reasonRetry: { text: 'Elnézést, ezt nem értettem. Min javíthatnánk?' },
    thanks: { text: 'Köszönjük a visszajelzést. Viszonthallásra!' },
    giveUp: { text: 'Sajnáljuk, nem sikerült rögzíteni a válaszát. Köszönjük az idejét. Viszonthallásra.' },
    optedOut: { text: 'Többé nem keressük meg felmérésekkel. Viszonthallásra.' },
    alreadyAnswered: { text: 'Ezt a felmérést már kitöltötte. Köszönjük!' },
    alreadyOptedOut: { text: 'Leiratkozott, ezért többé nem keressük meg felmérésekkel.' },
    surveyClosed: { text: 'Ez a felmérés lezárult. Köszönjük!' },
    transcriptFull: { text: 'Köszönjük, ebből a beszélgetésből mindent megtudtunk, amire szükségünk van.' },
    smsInvitation: { text: 'Üdvözöljük[ {customerName}], itt a {businessName}. Mennyire valószínű, hogy ajánlana minket, 0-tól 10-ig? Válaszoljon egy számmal. Leiratkozás: STOP.' },
    smsHelp: { text: '{businessName} ügyfélfelmérés. Válaszoljon egy számmal 0-tól 10-ig. Leiratkozás: STOP.' },
    optedIn: { text: 'Újra kap felméréseket a {businessName} cégtől. Leiratkozás: STOP.' },
    callIntro: { text: 'A(z) {businessName} hívja. A csillag gombbal letilthatja a hívásokat.' },
    consentQuestion: {
      text: '[Jó napot, {customerName}. ]Két rövid kérdést tennénk fel a legutóbbi megkereséséről[, amelyben {agentName} segített]. A kezdéshez nyomja meg az 1-est. Telefonszámunk: {callbackNumber}.',
    },
    consentRetry: { text: 'A kezdéshez nyomja meg az 1-est, a hívások letiltásához a csillagot.' },
    machineMessage: { text: 'Jó napot, a(z) {businessName} hívja egy rövid felméréssel a legutóbbi megkereséséről. Később újra próbálkozunk. A hívások letiltásához hívja a {callbackNumber} számot.' },
    serviceUnavailable: { text: 'Sajnáljuk, most nem tudjuk rögzíteni a válaszait. Kérjük, próbálja később. Viszonthallásra.' },
    languageMenuOption: { text: 'Magyar nyelvhez nyomja meg ezt a gombot: {digit}.' },
  },
};
