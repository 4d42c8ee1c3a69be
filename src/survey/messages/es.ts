import type { SurveyLanguage } from './message-catalog.js';

export const spanish: SurveyLanguage = {
  code: 'es',
  voiceLocale: 'es-ES',
  messages: {
    greeting: { text: '¡Hola[ {customerName}]! Gracias por contactar con {businessName}[; le atendió {agentName}]. Dos preguntas rápidas; escriba "baja" en cualquier momento para no recibir más encuestas.' },
    scoreQuestion: {
      text: '¿Qué probabilidad hay de que nos recomiende, del 0 al 10?',
      speech: '¿Qué probabilidad hay de que nos recomiende, del 0 al 10? Marque su puntuación y después la tecla almohadilla. Pulse asterisco en cualquier momento para terminar.',
    },
    scoreRetry: {
      text: 'Perdone, necesito un número del 0 al 10. ¿Qué probabilidad hay de que nos recomiende?',
      speech: 'Perdone, no le he entendido. Marque un número del 0 al 10 y después la tecla almohadilla.',
    },
    scoreThanks: { text: 'Gracias[, {customerName}]: {score} de 10.' },
    reasonQuestionDetractor: { text: 'Lamentamos oír eso. ¿Cómo podríamos mejorar?', speech: 'Lamentamos oír eso. ¿Cómo podríamos mejorar? Díganoslo en pocas palabras.' },
    reasonQuestionPassive: { text: '¿Cómo podríamos mejorar?', speech: '¿Cómo podríamos mejorar? Díganoslo en pocas palabras.' },
    reasonQuestionPromoter: { text: '¡Nos alegra! ¿Cómo podríamos mejorar?', speech: '¡Nos alegra! ¿Cómo podríamos mejorar? Díganoslo en pocas palabras.' },
    reasonRetry: { text: 'Perdone, no le he entendido. ¿Cómo podríamos mejorar?' },
    thanks: { text: 'Gracias por su opinión. ¡Adiós!' },
    giveUp: { text: 'Lo sentimos, no hemos podido registrar su respuesta. Gracias por su tiempo. Adiós.' },
    optedOut: { text: 'No volveremos a contactarle para encuestas. Adiós.' },
    alreadyAnswered: { text: 'Ya ha respondido a esta encuesta. ¡Gracias!' },
    alreadyOptedOut: { text: 'Ha pedido no participar, así que no volveremos a contactarle para encuestas.' },
    surveyClosed: { text: 'Esta encuesta está cerrada. ¡Gracias!' },
    transcriptFull: { text: 'Gracias, ya tenemos todo lo que necesitamos de esta conversación.' },
    smsInvitation: { text: 'Hola[ {customerName}], le escribe {businessName}. ¿Qué probabilidad hay de que nos recomiende, de 0 a 10? Responda con un número. Responda STOP para no recibir más.' },
    smsHelp: { text: 'Encuesta de clientes de {businessName}. Responda con un número del 0 al 10. Responda STOP para no recibir más.' },
    optedIn: { text: 'Volverá a recibir encuestas de {businessName}. Responda STOP para no recibir más.' },
    callIntro: { text: 'Le llama {businessName}. Pulse asterisco para no recibir llamadas.' },
    consentQuestion: {
      text: '[Hola, {customerName}. ]Queremos hacerle dos preguntas sobre su contacto reciente[ con {agentName}]. Pulse 1 para empezar. Nuestro número es {callbackNumber}.',
    },
    consentRetry: { text: 'Pulse 1 para empezar la encuesta, o asterisco para no recibir más llamadas.' },
    machineMessage: { text: 'Hola, le llama {businessName} con una breve encuesta sobre su contacto reciente. Volveremos a intentarlo más tarde. Para no recibir estas llamadas, llame al {callbackNumber}.' },
    serviceUnavailable: { text: 'Lo sentimos, ahora no podemos recoger sus respuestas. Inténtelo más tarde. Adiós.' },
    languageMenuOption: { text: 'Para español, pulse {digit}.' },
  },
};
