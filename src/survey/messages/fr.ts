import type { SurveyLanguage } from './message-catalog.js';

export const french: SurveyLanguage = {
  code: 'fr',
  voiceLocale: 'fr-FR',
  messages: {
    greeting: { text: 'Bonjour[ {customerName}] ! Merci d’avoir contacté {businessName}[ — vous avez parlé avec {agentName}]. Deux questions rapides ; écrivez « stop » à tout moment pour ne plus être sollicité.' },
    scoreQuestion: {
      text: 'Quelle est la probabilité que vous nous recommandiez, de 0 à 10 ?',
      speech: 'Quelle est la probabilité que vous nous recommandiez, de 0 à 10 ? Tapez votre note, puis la touche dièse. Appuyez sur étoile à tout moment pour arrêter.',
    },
    scoreRetry: {
      text: 'Désolé, j’ai besoin d’un nombre de 0 à 10. Quelle est la probabilité que vous nous recommandiez ?',
      speech: 'Désolé, je n’ai pas compris. Tapez un nombre de 0 à 10, puis la touche dièse.',
    },
    scoreThanks: { text: 'Merci[, {customerName}] : {score} sur 10.' },
    reasonQuestionDetractor: { text: 'Nous en sommes désolés. Comment pourrions-nous faire mieux ?', speech: 'Nous en sommes désolés. Comment pourrions-nous faire mieux ? Dites-le-nous en quelques mots.' },
    reasonQuestionPassive: { text: 'Comment pourrions-nous faire mieux ?', speech: 'Comment pourrions-nous faire mieux ? Dites-le-nous en quelques mots.' },
    reasonQuestionPromoter: { text: 'Ravis de l’entendre ! Comment pourrions-nous faire mieux ?', speech: 'Ravis de l’entendre ! Comment pourrions-nous faire mieux ? Dites-le-nous en quelques mots.' },
    reasonRetry: { text: 'Désolé, je n’ai pas compris. Comment pourrions-nous faire mieux ?' },
    thanks: { text: 'Merci pour votre avis. Au revoir !' },
    giveUp: { text: 'Désolé, nous n’avons pas pu enregistrer votre réponse. Merci de votre temps. Au revoir.' },
    optedOut: { text: 'Vous ne serez plus contacté pour des enquêtes. Au revoir.' },
    alreadyAnswered: { text: 'Vous avez déjà répondu à cette enquête. Merci !' },
    alreadyOptedOut: { text: 'Vous vous êtes désinscrit : nous ne vous contacterons plus pour des enquêtes.' },
    surveyClosed: { text: 'Cette enquête est close. Merci !' },
    transcriptFull: { text: 'Merci, nous avons tout ce dont nous avons besoin pour cette conversation.' },
    smsInvitation: { text: 'Bonjour[ {customerName}], ici {businessName}. Quelle est la probabilité que vous nous recommandiez, de 0 à 10 ? Répondez par un chiffre. Répondez STOP pour vous désinscrire.' },
    smsHelp: { text: 'Enquête clients de {businessName}. Répondez par un chiffre de 0 à 10. Répondez STOP pour vous désinscrire.' },
    optedIn: { text: 'Vous recevrez de nouveau les enquêtes de {businessName}. Répondez STOP pour vous désinscrire.' },
    callIntro: { text: 'Ici {businessName}. Tapez étoile pour ne plus être appelé.' },
    consentQuestion: {
      text: '[Bonjour {customerName}. ]Nous aimerions vous poser deux questions sur votre contact récent[ avec {agentName}]. Tapez 1 pour commencer. Notre numéro est le {callbackNumber}.',
    },
    consentRetry: { text: 'Tapez 1 pour commencer l’enquête, ou étoile pour ne plus être appelé.' },
    machineMessage: { text: 'Bonjour, ici {businessName} pour une courte enquête sur votre contact récent. Nous rappellerons plus tard. Pour ne plus être appelé, composez le {callbackNumber}.' },
    serviceUnavailable: { text: 'Désolé, nous ne pouvons pas enregistrer vos réponses pour le moment. Réessayez plus tard. Au revoir.' },
    languageMenuOption: { text: 'Pour le français, appuyez sur le {digit}.' },
  },
};
