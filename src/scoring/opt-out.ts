import { foldedText, words } from '../language/normalize.js';

/**
 * Whole messages that ask never to be contacted again, accent-folded, one pattern per line.
 * The whole message must match (after polite words are removed), so a reason that only
 * contains "stop" ("the app would stop crashing") is not an opt-out.
 */
const OPT_OUT_MESSAGES: RegExp[] = [
  // English, and the carrier keywords (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT).
  /^(?:stop|stopall|stop all|unsubscribe|cancel|end|quit|opt ?out|optout)$/,
  /^(?:i want to |i d like to |i would like to |please )?(?:unsubscribe|opt out|be removed|stop (?:this|these|it|all this))(?: me)?(?: from (?:this|these|your|the) (?:list|surveys?|calls?|messages?|texts?))?$/,
  /^(?:please )?(?:stop|quit) (?:calling|texting|messaging|contacting|emailing|bothering|ringing|phoning|spamming) me(?: again| anymore| any more| now)?$/,
  /^(?:please )?(?:do not|dont|never) (?:ever )?(?:call|contact|text|message|email|ring|phone|bother) me(?: again| anymore| any more| ever again)?$/,
  /^(?:please )?(?:remove|delete|take) (?:me|my number|my details)(?: off| from)?(?: (?:your|the|this) (?:list|database|system|calling list|mailing list))?$/,
  /^(?:no more|not interested in any more|i do not want any more|i dont want any more) (?:calls|surveys|messages|texts|contact|emails)$/,
  /^leave me alone$/,
  // Spanish.
  /^(?:baja|darme de baja|darse de baja|dar de baja|de baja|dame de baja|denme de baja|quiero darme de baja|quiero la baja|me doy de baja|cancelar|cancelar suscripcion|alto|basta|parar|para ya|para)$/,
  /^(?:no me (?:llamen|llames|llame|contacten|contactes|contacte|escriban|escribas|molesten|molestes|manden|envien) (?:mas|nunca mas|otra vez|de nuevo)|no me vuelvan a (?:llamar|contactar|escribir)|no (?:quiero|deseo) (?:mas|recibir mas) (?:llamadas|encuestas|mensajes)|dejen de (?:llamarme|escribirme|contactarme|molestarme)|deja de (?:llamarme|escribirme)|dejenme en paz|borrenme de (?:la|su) lista|quitenme de (?:la|su) lista|sacadme de la lista|saquenme de (?:la|su) lista|eliminen mi numero)$/,
  // German.
  /^(?:stopp|stop|abmelden|abbestellen|austragen|abmeldung|aufhoren|hor auf|horen sie auf|ich mochte mich abmelden|ich will mich abmelden|bitte austragen|melden sie mich ab|tragen sie mich aus)$/,
  /^(?:(?:bitte )?(?:rufen sie mich|ruft mich|ruf mich) (?:nicht mehr|nie wieder|nie mehr) an|nicht mehr anrufen|nie wieder anrufen|keine (?:anrufe|umfragen|nachrichten|sms|kontaktaufnahme) mehr|kontaktieren sie mich (?:nicht mehr|nie wieder)|(?:bitte )?nicht mehr kontaktieren|lassen sie mich in ruhe|lasst mich in ruhe|loschen sie meine (?:nummer|daten)|ich will keine anrufe mehr|ich mochte nicht mehr kontaktiert werden)$/,
  // French.
  /^(?:stop|arret|arreter|arretez|arrete|desabonner|me desabonner|desabonnez moi|desinscrire|me desinscrire|desinscrivez moi|desabonnement|desinscription|je veux me desabonner|je veux me desinscrire|je souhaite me desinscrire|je souhaite me desabonner|stop appels|stop sms)$/,
  /^(?:ne (?:m |me )(?:appelez|appelle|contactez|contacte|rappelez|ecrivez|derangez) (?:plus|plus jamais)|ne plus me (?:contacter|appeler|deranger)|(?:je ne veux|je ne souhaite) plus (?:etre (?:contacte|contactee|appele|appelee)|recevoir (?:d appels|de messages|de sondages))|plus d appels|arretez de m appeler|arretez de me contacter|laissez moi tranquille|foutez moi la paix|retirez moi de (?:la|votre) liste|supprimez mon numero)$/,
  // Hungarian.
  /^(?:leiratkozas|leiratkozom|leiratkozni|le akarok iratkozni|szeretnek leiratkozni|iratkoztassanak le|stop|allj|alljanak le|eleg|eleg volt|torles|torolj|toroljenek|toroljenek a listarol|toroljek a szamomat)$/,
  /^(?:ne (?:hivjanak|hivjon|hivj|keressenek|keressen|zavarjanak|zavarjon|irjanak|irjon) (?:tobbet|tobbe|ujra|meg egyszer|soha tobbe|soha tobbet|soha)|ne hivjanak|ne keressenek|ne zavarjanak|nem kerek tobb (?:hivast|uzenetet|kerdoivet|felmerest|megkeresest)|hagyjanak beken|hagyjon beken|ne hivogassanak)$/,
  // Lithuanian.
  /^(?:stop|stopas|atsisakyti|atsisakau|atsisakymas|atsisakyti apklausu|atsisakau apklausu|atsisakyti prenumeratos|atsisakau prenumeratos|atsiregistruoti|noriu atsisakyti|noriu atsiregistruoti|noriu atsisakyti apklausu|baikite|gana)$/,
  /^(?:(?:daugiau )?(?:nebeskambinkite|neskambinkite|nerasykite|nebesiuskite|nebetrukdykite|netrukdykite|nesiuskite|nebera?sykite)(?: man)?(?: daugiau| niekada| niekada daugiau| daugiau niekada)?|(?:nebenoriu|nenoriu daugiau|daugiau nenoriu) (?:skambuciu|apklausu|zinuciu|sms)|(?:pasalinkite|isbraukite|istrinkite) (?:mane|mano numeri|mano duomenis)(?: is (?:saraso|jusu saraso|sarasu))?|palikite mane ramybeje|duokite man ramybe)$/,
  // Persian (the non-joiner of "نمی‌خواهم" reads as a space) and Finglish.
  /^(?:لغو|لغو عضویت|لغو اشتراک|لغو نظرسنجی|لغو پیامک|انصراف|انصراف میدم|انصراف میدهم|توقف|استاپ|laghv|enseraf|cancel kon)$/,
  /^(?:(?:دیگه|دیگر) )?(?:به من |با من )?(?:زنگ نزنید|زنگ نزن|تماس نگیرید|تماس نگیر|پیام ندید|پیام ندهید|پیامک ندید|پیامک ندهید|پیام نفرستید|پیامک نفرستید|مزاحم نشید|مزاحم نشوید|مزاحمم نشید)(?: دیگه| دیگر)?$/,
  /^(?:(?:دیگه|دیگر) )?(?:نمی خوام|نمی خواهم|نمیخوام|نمیخواهم) (?:دیگه |دیگر )?(?:تماس|پیام|پیامک|نظرسنجی)(?: بگیرم| دریافت کنم| داشته باشم)?$/,
  /^(?:منو|من را|مرا|من رو|شماره من را|شماره منو|شمارمو|شماره ام را|شماره ام رو) از (?:لیست|فهرست|لیستتون|لیستتان|فهرستتان)(?: تون| تان)? (?:حذف|پاک) (?:کنید|کن)$/,
  /^(?:ولم کنید|راحتم بذارید|راحتم بگذارید|دست از سرم بردارید)$/,
];

const POLITE_WORDS = new Set(['please', 'pls', 'plz', 'thanks', 'thank', 'you', 'por', 'favor', 'gracias', 'bitte', 'danke', 'merci', 's', 'il', 'vous', 'plait', 'kerem', 'koszonom', 'legyszi', 'legyszives', 'now', 'ya', 'ahora', 'sofort', 'maintenant', 'azonnal', 'just', 'prasau', 'aciu', 'dekui', 'dabar', 'لطفا', 'خواهشا', 'ممنون', 'ممنونم', 'مرسی', 'الان']);

/** The message without punctuation and surrounding polite words ("STOP please!!" → "stop"). */
function coreOf(text: string): string {
  const tokens = words(foldedText(text).replace(/n't\b/g, ' not'));
  let start = 0;
  let end = tokens.length;
  while (start < end && POLITE_WORDS.has(tokens[start] ?? '')) start += 1;
  while (end > start && POLITE_WORDS.has(tokens[end - 1] ?? '')) end -= 1;
  return tokens.slice(start, end).join(' ');
}

/** True when the whole message asks not to be contacted again ("stop", "darme de baja", "ne hívjanak többet", "nebeskambinkite", "لغو"). */
export function isOptOutRequest(text: string, _lang?: string): boolean {
  const core = coreOf(text);
  if (core === '' || core.length > 80) return false;
  return OPT_OUT_MESSAGES.some((pattern) => pattern.test(core));
}
