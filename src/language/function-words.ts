/**
 * Frequent function words and short answers per language, used as word evidence by the
 * language detector. Italian, Portuguese and Dutch are listed only so that text in them is
 * recognised as "none of ours" instead of being forced into the nearest of the five.
 */

export const DETECTED_LANGUAGES = ['en', 'es', 'de', 'fr', 'hu'] as const;
export type DetectedLanguage = (typeof DETECTED_LANGUAGES)[number];
export const OTHER_LANGUAGES = ['it', 'pt', 'nl'] as const;
export type OtherLanguage = (typeof OTHER_LANGUAGES)[number];

export const FUNCTION_WORDS: Record<DetectedLanguage | OtherLanguage, string> = {
  en: `the a an and or but is are was were be been to of in on at for with from by about it its this that these those i me my we our you your
    he she they them his her not no nothing very too so just only all have has had do did does dont didnt can could would should will what
    when why how who there here after before again still more less than then if because good great bad thanks thank please everything
    anything someone nobody waited waiting service time zero one two three four five seven eight nine ten yes yeah nope none all good
    agent staff hold call called got get need better worse really never always expensive fine rude slow awful terrible perfect excellent`,
  es: `el la los las un una unos unas y o pero es son fue era de del al en con por para sin que qué muy más no nada todo todos me mi mis te se
    lo le les nos su sus yo tú él ella ellos hay está están estuve ha han he cuando porque como también ya todavía sigue gracias bien mal
    bueno malo cero uno dos tres cuatro cinco seis siete ocho nueve diez sí vez veces esperé servicio atención ningún ninguna nunca siempre
    mucho muchísimo poco otra otro hace tuve tengo llamé llamada me atendió demasiado caro lento genial fatal`,
  de: `der die das den dem des ein eine einen einem und oder aber ist sind war waren wurde wurden hat habe haben hatte ich mich mir mein meine
    sie er es wir ihr nicht kein keine nichts sehr zu zum zur mit von vom auf für bei nach aus im an am noch immer schon auch nur wie was
    wenn weil dass alles gut schlecht danke bitte null eins zwei drei vier fünf sechs sieben acht neun zehn ja nein mal wieder man kann
    können würde gewartet mitarbeiter viel zu lange keiner niemand gar überhaupt einfach ewig nix passt prima teuer ordnung toll freundlich`,
  fr: `le la les un une des du de et ou mais est sont était été ai avait je j me m moi mon ma mes il elle ils on nous vous votre vos ne n pas
    rien plus très trop pour avec sans dans sur au aux ce c cette qui que qu quand parce comme aussi encore toujours déjà tout tous bien bon
    mal merci zéro deux trois quatre cinq sept huit neuf dix oui non fois attente conseiller conseillère jamais personne aucun aucune
    beaucoup peu ça y a été j'ai l d cher nul parfait génial lent`,
  hu: `a az egy és vagy de hogy nem sem is volt van lett nincs meg el le ki be fel már még mindig csak nagyon túl sok semmi semmit minden mindent
    én engem nekem te mi ti ez ezt azt itt ott mert amikor mint után alatt nélkül köszönöm kérem jó rossz nulla kettő három négy öt
    hat hét nyolc kilenc tíz igen kellett vártam ügyintéző probléma szolgáltatás senki soha egyáltalán velem nekik őket volna lenne
    tudom rendben szuper pont pontot drága semmi gyors lassú kedves`,
  it: `il lo gli della delle che non è sono molto grazie niente tutto bene servizio operatore attesa perché anche ho stato sempre otto nove
    dieci sette uno due tre quattro cinque sei ottimo nessun nessuno troppo ancora già questo questa`,
  pt: `não muito é um uma você obrigado obrigada com para mas foi atendimento demorou bom ótimo tudo fiquei esperando oito nove dez sete
    três dois nenhum nunca sempre também ainda já isso essa então ruim`,
  nl: `de het een en niet geen is was zeer heel goed slecht bedankt wachten lang ik mijn maar ook nog negen tien zeven zes vijf vier drie
    twee erg wel niks alles dank`,
};
