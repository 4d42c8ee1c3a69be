/**
 * The words around a number that tell whether it is a score. All accent-folded and lower case;
 * apostrophes split words, so "I'd" arrives as "i", "d".
 */

const list = (words: string): Set<string> => new Set(words.trim().split(/\s+/));

/** Words that may surround a score without changing it: "I'd say probably a solid 8". */
export const FILLERS = list(`
  i d s ll m ve re it its is was be would will could a an the my our me you u ya guys your them they y all
  say said maybe probably prob perhaps possibly definitely def certainly surely sure like about around roughly
  just only solid strong good great perfect fair high low pretty very really overall total final
  score scored scoring rating rate rated give giving gave given points point pts hmm hm um umm uh er erm ah oh
  ok okay okey well so yes yeah yep yup honestly guess think reckon answer number that thats this for and
  thanks thank thx please today easily clear full whole deserve deserves deserved mark grade go going with
  que qu yo le les lo la el mi tu su te doy daria pongo pondria diria digo seria es nota puntuacion calificacion puntaje
  puntos punto quizas quiza tal vez probablemente seguramente creo pues bueno bien buen vale si muy como
  gracias por favor solido claro ustedes ese eso esto merecen merece sin duda diria calificaria
  ich wurde wuerde gebe geben gibt sage sagen ware waere es ist eher vielleicht wahrscheinlich bestimmt sicher
  glatte glatt klare volle solide gute note punkte bewertung bewerte bewerten meine die der das also na ja naja
  so etwa ungefahr circa ca wir mal danke bitte mir ihnen dir euch sehr gut sagen verdient hier
  je j dirais dis donne donnerais mets mettrais met note noterais c est ce serait peut etre probablement
  surement disons bon ben alors euh oui vous tu te points sur environ peu pres merci solide bien tres
  franchement vraiment plutot genre mettre dirai donnerai attribue attribuerais meritez merite
  en adok adnek adnam adnank adunk ad az es talan valoszinuleg biztosan szerintem mondjuk mondanam
  pont pontot pontszam ertekeles ertekelem ertekelnem osztalyzat jegy nagyjabol kb korulbelul igen persze
  nos oszinten kerek tiszta eros jo nagyon csak koszonom koszi kerem teljes megerdemlik megerdemli
  hat sinceramente honestamente verdad mira ehrlich gesagt gesagt ehrlicherweise allez franchement sincerement oszinten szolva
  from petit
  as duociau duodu duosiu duoti duot duodam ivertinciau vertinu ivertinu ivertinimas ivertinima balas balai balu balus bala
  pazymys pazymi sakyciau sakau pasakyciau gal galbut turbut tikriausiai manau na nu gerai taip is nuo manes mano jums jusu
  jusu tvirtas tvirta aciu dekui prasau labai tiesiog tiesa sakant atvirai nuosirdziai apie mazdaug nusipelnete nusipelno tai
  cia visas visa pilna stipru gera koki tik
  من بهتون بهت به شما ما را رو نمره امتیاز امتیازم نمرم نمرمو ام میدم می دم دهم میدهم بدم میدادم دادم میدم میگم گم میگویم گویم
  بگم شاید احتمالا فکر کنم میکنم حدودا راستش صادقانه رک بگویم خب خوب خیلی عالی کامل ممنون مرسی لطفا سلام والا واقعا حتما قطعا
  مثلا همون همین اره بله باشه اوکی دیگه هم از طرف سمت بنظرم نظرم نظر میشه میشود است هست
`);

/** Words that make a nearby number uncertain or not the answer: "not 10", "almost 9", "more than 5". */
export const DOUBTERS = list(`
  not no never nor almost nearly over under above below least most than more less max
  nunca ni casi mas menos nicht kein keine nie fast knapp mehr weniger als hochstens mindestens
  pas ne n jamais presque plus moins nem sem soha majdnem tobb kevesebb legalabb legfeljebb mint
  nei beveik daugiau maziau bent daugiausia neduociau neduosiu neduodu
  نه تقریبا بیشتر کمتر حداقل حداکثر نزدیک بیش کم
`);

/** Words after a number that refuse it: Persian puts the verb last ("۱۰ نمی‌دم", I won't give 10). */
export const DOUBTERS_AFTER = list(`
  نمیدم نمیدهم نمی نمیدادم نمیشه neduociau neduosiu
`);

/** Words that say the nearby number is the score: "give it 8", "le pongo un 8", "8 geben", "adok 8-at". */
export const SCORE_CUES = list(`
  give giving gave rate rating rated score scored say mark grade points point deserve deserves
  doy daria pongo pondria diria digo nota puntuacion calificacion puntaje puntos califico calificaria merecen merece
  gebe geben wurde gibt sage note punkte bewertung bewerte bewerten verdient
  dirais donne donnerais mets mettrais note noterais points attribue attribuerais merite meritez
  adok adnek adnam adnank adunk mondanam mondanek pont pontot pontszam ertekelem ertekelnem osztalyzat jegy
  duociau duodu duosiu duoti duot ivertinciau vertinu ivertinu ivertinimas ivertinima balas balai balu balus bala pazymys pazymi
  sakyciau nusipelnete nusipelno
  میدم دهم میدهم دم بدم میدادم دادم نمره امتیاز امتیازم نمرم میگم بگم میگویم مستحق لیاقت
`);

/** Words after a number that make it a count, a duration, money or a time, not a score. */
export const UNITS = list(`
  minutes minute mins min m hours hour hrs hr h seconds second secs sec days day weeks week wks months month
  years year yrs yr times time calls call people persons person agents agent kids children euros euro eur
  dollars dollar usd bucks pounds quid gbp percent pct am pm clock x k gb mb km miles emails messages texts
  attempts tries departments transfers pages steps questions items orders tickets
  minutos minuto horas hora hs segundos segundo dias dia semanas semana meses mes anos ano veces vez llamadas
  llamada personas persona agentes dolares pesos ciento
  minuten std stunden stunde sekunden sekunde tage tag tagen wochen woche monate monat monaten jahre jahr
  jahren male anrufe anruf personen leute mitarbeiter prozent uhr
  mn heures heure secondes seconde jours jour semaines mois ans an annees annee fois appels appel personnes
  conseillers pourcent
  perc percet percig percnyi perce ora orat oraig oras oraja orakor masodperc masodpercet nap napot napig napja
  napos het hetet hete hetig honap honapot honapja honapig ev eve evet evig eves alkalommal alkalom hivas
  hivast ember embert ugyintezo ugyintezot ft forint szazalek
  minutes minuciu minute min valandos valanda valandu val valandas sekundziu sekundes dienos dienas dienu diena savaites savaite
  savaiciu menesius menesiu menesi metus metu kartus kartu karta kartai euru eur eurus procentu proc zmones zmoniu skambuciu
  skambucius
  دقیقه دقیقست ساعت روز روزه هفته ماه سال بار دفعه نفر تومان تومن ریال درصد ثانیه تماس مرتبه گیگ
`);

/** Words before a number that make it a time, an age or an identifier: "at 8", "number 5", "um 8". */
export const NOT_SCORE_BEFORE = list(`
  at since until till before after age aged number nr order ticket case ref reference option press line page
  step room desk window extension ext
  las opcion numero ventanilla linea desde hasta
  um seit bis nummer taste option linie
  vers depuis jusqu touche numero ligne
  szam gomb mellek
  iki numeris nr numeriu uzsakymo uzsakymas paspauskite mygtuka
  ساعت شماره کد سفارش تیکت گزینه دکمه کلید داخلی سن
`);

/** Words for another rating scale: "5 stars" is not a 0–10 score. */
export const OTHER_SCALE_WORDS = list(`stars star estrellas estrella sterne stern etoiles etoile csillag csillagot csillagos zvaigzdutes zvaigzdute zvaigzduciu ستاره`);

/** Connectors of "8 out of 10", "8 de 10", "8 von 10", "8 sur 10", "7 iš 10", "۷ از ۱۰", "8/10". */
export const OUT_OF = list(`of de sur von aus over sobre from on auf از`);

/** Connectors that are common words elsewhere when their accents are gone: Lithuanian "iš" is English "is". */
export const OUT_OF_IN: Record<string, ReadonlySet<string>> = { lt: list(`is`), fa: list(`az`) };

/** Connectors that may also stand before the scale, ahead of the answer: "out of 10, 7", "iš 10 duočiau 8", "از ۱۰، ۸". */
export const SCALE_FIRST = list(`of از`);

/** Words that end a clause before a trailing score: "the agent was great, so 9". */
export const CLAUSE_ENDS = list(`so thus therefore hence donc alors entonces asi also deshalb daher ezert tehat igy tai taigi todel پس بنابراین`);

/** Number suffixes. Hungarian grade and case endings mean a score; the others a unit or an ordinal. */
export const SCORE_SUFFIXES = list(`as es os ast est ost at et ot t ra re pont pontot`);
export const SCALE_SUFFIXES = list(`bol`);
export const UNIT_SUFFIXES = list(`
  min mins h hr hrs m s sec pm am x k th st nd rd e er eme ieme e me o a
  szor szer kor perc percet ora orat nap napot ev eve ft
`);

/**
 * "(on) a scale of 0 to 10", "del 0 al 10", "von 0 bis 10", "de 0 à 10", "0-tól 10-ig": the scale,
 * not an answer. Matched on lower-case text that still has its accents.
 */
export const SCALE_PHRASES: RegExp[] = [
  /\b(?:on\s+)?(?:a\s+)?(?:scale\s+)?(?:of|from)\s+(?:0|1|zero|one)\s*(?:to|-)\s*(?:10|ten)\b/gu,
  /\b(?:en\s+una\s+escala\s+)?(?:del?|entre)\s+(?:0|1|cero|uno)\s*(?:al?|-|y)\s*(?:10|diez)\b/gu,
  /\b(?:auf\s+einer\s+skala\s+)?von\s+(?:0|1|null|eins)\s*(?:bis|-)\s*(?:10|zehn)\b/gu,
  /\b(?:sur\s+une\s+[ée]chelle\s+)?de\s+(?:0|1|z[ée]ro|un)\s*(?:[aà]|-)\s*(?:10|dix)\b/gu,
  /(?:^|\s)(?:0|1|null[aá]|egy)\s*-?\s*(?:t[oó]l|t[uú]l)\s+(?:10|t[ií]z)\s*-?\s*ig\b/gu,
  /\b(?:skal[eė]je\s+)?nuo\s+(?:0|1|nulio|vieno)\s*(?:iki|-)\s*(?:10|de[sš]imt|de[sš]imties)\b/gu,
  /(?<![\p{L}\p{N}])(?:در\s+مقیاس\s+)?(?:از|بین)\s*(?:0|1|صفر|یک)\s*(?:تا|-)\s*(?:10|ده)(?![\p{L}\p{N}])/gu,
];
