import type { SurveyLanguage } from './message-catalog.js';

export const english: SurveyLanguage = {
  code: 'en',
  voiceLocale: 'en-US',
  messages: {
    greeting: { text: 'Hi[ {customerName}]! Thanks for contacting {businessName}[ — you spoke with {agentName}]. Two quick questions; type "stop" at any time to opt out.' },
    scoreQuestion: {
      text: 'How likely are you to recommend us, from 0 to 10?',
      speech: 'How likely are you to recommend us, from 0 to 10? Key your score, then press hash. Press star at any time to stop.',
    },
    scoreRetry: {
      text: 'Sorry, I need a number from 0 to 10. How likely are you to recommend us?',
      speech: 'Sorry, I did not get that. Please key a number from 0 to 10, then press hash.',
    },
    scoreThanks: { text: 'Thank you[, {customerName}]: {score} out of 10.' },
    reasonQuestionDetractor: { text: "We're sorry to hear that. How could we do better?", speech: "We're sorry to hear that. How could we do better? Please tell us in a few words." },
    reasonQuestionPassive: { text: 'How could we do better?', speech: 'How could we do better? Please tell us in a few words.' },
    reasonQuestionPromoter: { text: 'Glad to hear it! How could we do better?', speech: 'Glad to hear it! How could we do better? Please tell us in a few words.' },
    reasonRetry: { text: "Sorry, I didn't catch that. How could we do better?", speech: 'Sorry, I did not catch that. How could we do better?' },
    thanks: { text: 'Thank you for your feedback. Goodbye!' },
    giveUp: { text: "Sorry, we couldn't get your answer. Thank you for your time. Goodbye." },
    optedOut: { text: "You won't be contacted for surveys again. Goodbye." },
    alreadyAnswered: { text: "You've already answered this survey. Thank you!" },
    alreadyOptedOut: { text: "You've opted out, so we won't contact you for surveys again." },
    surveyClosed: { text: 'This survey is closed. Thank you!' },
    transcriptFull: { text: 'Thank you, we have all we need from this conversation.' },
    smsInvitation: { text: 'Hi[ {customerName}], {businessName} here. How likely are you to recommend us, from 0 to 10? Reply with a number. Reply STOP to opt out.' },
    smsHelp: { text: '{businessName} customer survey. Reply with a number from 0 to 10 to answer. Reply STOP to opt out.' },
    optedIn: { text: "You'll receive {businessName} surveys again. Reply STOP to opt out." },
    callIntro: { text: '{businessName} here. Press star to opt out.' },
    consentQuestion: {
      text: "[Hi {customerName}. ]We'd like two quick answers about your recent contact[ with {agentName}]. Press 1 to start. Our number is {callbackNumber}.",
    },
    consentRetry: { text: 'Press 1 to start the survey, or star to stop these calls.' },
    machineMessage: { text: 'Hello, this is {businessName} with a short survey about your recent contact. We will try again later. To stop these calls, call {callbackNumber}.' },
    serviceUnavailable: { text: "Sorry, we can't take your answers right now. Please try again later. Goodbye." },
    languageMenuOption: { text: 'For English, press {digit}.' },
  },
};
