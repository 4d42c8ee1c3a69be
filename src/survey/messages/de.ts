import type { SurveyLanguage } from './message-catalog.js';

export const german: SurveyLanguage = {
  code: 'de',
  voiceLocale: 'de-DE',
  messages: {
    greeting: { text: 'Hallo[ {customerName}]! Danke, dass Sie {businessName} kontaktiert haben[ – Sie sprachen mit {agentName}]. Zwei kurze Fragen; schreiben Sie jederzeit "stopp", um keine Umfragen mehr zu erhalten.' },
    scoreQuestion: {
      text: 'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen, von 0 bis 10?',
      speech: 'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen, von 0 bis 10? Geben Sie Ihre Zahl ein und drücken Sie die Raute-Taste. Mit der Stern-Taste beenden Sie jederzeit.',
    },
    scoreRetry: {
      text: 'Entschuldigung, ich brauche eine Zahl von 0 bis 10. Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?',
      speech: 'Entschuldigung, das habe ich nicht verstanden. Bitte geben Sie eine Zahl von 0 bis 10 ein und drücken Sie die Raute-Taste.',
    },
    scoreThanks: { text: 'Danke[, {customerName}]: {score} von 10.' },
    reasonQuestionDetractor: { text: 'Das tut uns leid. Was könnten wir besser machen?', speech: 'Das tut uns leid. Was könnten wir besser machen? Bitte sagen Sie es in wenigen Worten.' },
    reasonQuestionPassive: { text: 'Was könnten wir besser machen?', speech: 'Was könnten wir besser machen? Bitte sagen Sie es in wenigen Worten.' },
    reasonQuestionPromoter: { text: 'Das freut uns! Was könnten wir besser machen?', speech: 'Das freut uns! Was könnten wir besser machen? Bitte sagen Sie es in wenigen Worten.' },
    reasonRetry: { text: 'Entschuldigung, das habe ich nicht verstanden. Was könnten wir besser machen?' },
    thanks: { text: 'Vielen Dank für Ihr Feedback. Auf Wiederhören!' },
    giveUp: { text: 'Leider konnten wir Ihre Antwort nicht erfassen. Danke für Ihre Zeit. Auf Wiederhören.' },
    optedOut: { text: 'Wir werden Sie nicht mehr für Umfragen kontaktieren. Auf Wiederhören.' },
    alreadyAnswered: { text: 'Sie haben diese Umfrage bereits beantwortet. Danke!' },
    alreadyOptedOut: { text: 'Sie haben sich abgemeldet; wir kontaktieren Sie nicht mehr für Umfragen.' },
    surveyClosed: { text: 'Diese Umfrage ist abgeschlossen. Danke!' },
    transcriptFull: { text: 'Danke, wir haben alles, was wir aus diesem Gespräch brauchen.' },
    smsInvitation: { text: 'Hallo[ {customerName}], hier ist {businessName}. Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen, von 0 bis 10? Antworten Sie mit einer Zahl. Mit STOP abmelden.' },
    smsHelp: { text: 'Kundenumfrage von {businessName}. Antworten Sie mit einer Zahl von 0 bis 10. Mit STOP abmelden.' },
    optedIn: { text: 'Sie erhalten wieder Umfragen von {businessName}. Mit STOP abmelden.' },
    callIntro: { text: 'Hier ist {businessName}. Mit der Stern-Taste keine Anrufe mehr.' },
    consentQuestion: {
      text: '[Hallo {customerName}. ]Wir hätten zwei kurze Fragen zu Ihrem letzten Kontakt[ mit {agentName}]. Drücken Sie die 1, um zu beginnen. Unsere Nummer ist {callbackNumber}.',
    },
    consentRetry: { text: 'Drücken Sie die 1, um die Umfrage zu beginnen, oder die Stern-Taste, um keine Anrufe mehr zu erhalten.' },
    machineMessage: { text: 'Hallo, hier ist {businessName} mit einer kurzen Umfrage zu Ihrem letzten Kontakt. Wir versuchen es später noch einmal. Um keine Anrufe mehr zu erhalten, rufen Sie {callbackNumber} an.' },
    serviceUnavailable: { text: 'Leider können wir Ihre Antworten gerade nicht aufnehmen. Bitte versuchen Sie es später. Auf Wiederhören.' },
    languageMenuOption: { text: 'Für Deutsch drücken Sie die {digit}.' },
  },
};
