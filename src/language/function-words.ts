/**
 * Frequent function words and short answers per language, used as word evidence by the
 * language detector. The other languages are listed so that text in them is recognised as
 * what it is ("it", "pl", "ar" …) instead of being forced into the nearest of ours; their lists
 * hold only words that ours do not share, so they do not blur the evidence for ours.
 */

export const DETECTED_LANGUAGES = ['en', 'es', 'de', 'fr', 'hu', 'lt', 'fa'] as const;
export type DetectedLanguage = (typeof DETECTED_LANGUAGES)[number];
export const OTHER_LANGUAGES = ['it', 'pt', 'nl', 'pl', 'lv', 'cs', 'sv', 'tr', 'ro', 'ar', 'ur', 'he', 'yi'] as const;
export type OtherLanguage = (typeof OTHER_LANGUAGES)[number];

export const FUNCTION_WORDS: Record<DetectedLanguage | OtherLanguage, string> = {
  en: `the a an and or but is are was were be been to of in on at for with from by about it its this that these those i me my we our you your
    he she they them his her not no nothing very too so just only all have has had do did does dont didnt can could would should will what
    when why how who there here after before again still more less than then if because good great bad thanks thank please everything
    anything someone nobody waited waiting service time zero one two three four five seven eight nine ten yes yeah nope none all good
    agent staff hold call called got get need better worse really never always expensive fine rude slow awful terrible perfect excellent
    hello hi hey morning evening`,
  es: `el la los las un una unos unas y o pero es son fue era de del al en con por para sin que qué muy más no nada todo todos me mi mis te se
    lo le les nos su sus yo tú él ella ellos hay está están estuve ha han he cuando porque como también ya todavía sigue gracias bien mal
    bueno malo cero uno dos tres cuatro cinco seis siete ocho nueve diez sí vez veces esperé servicio atención ningún ninguna nunca siempre
    mucho muchísimo poco otra otro hace tuve tengo llamé llamada me atendió demasiado caro lento genial fatal hola buenos buenas días tardes`,
  de: `der die das den dem des ein eine einen einem und oder aber ist sind war waren wurde wurden hat habe haben hatte ich mich mir mein meine
    sie er es wir ihr nicht kein keine nichts sehr zu zum zur mit von vom auf für bei nach aus im an am noch immer schon auch nur wie was
    wenn weil dass alles gut schlecht danke bitte null eins zwei drei vier fünf sechs sieben acht neun zehn ja nein mal wieder man kann
    können würde gewartet mitarbeiter viel zu lange keiner niemand gar überhaupt einfach ewig nix passt prima teuer ordnung toll freundlich
    hallo guten tag morgen servus moin`,
  fr: `le la les un une des du de et ou mais est sont était été ai avait je j me m moi mon ma mes il elle ils on nous vous votre vos ne n pas
    rien plus très trop pour avec sans dans sur au aux ce c cette qui que qu quand parce comme aussi encore toujours déjà tout tous bien bon
    mal merci zéro deux trois quatre cinq sept huit neuf dix oui non fois attente conseiller conseillère jamais personne aucun aucune
    beaucoup peu ça y a été j'ai l d cher nul parfait génial lent bonjour bonsoir salut`,
  hu: `a az egy és vagy de hogy nem sem is volt van lett nincs meg el le ki be fel már még mindig csak nagyon túl sok semmi semmit minden mindent
    én engem nekem te mi ti ez ezt azt itt ott mert amikor mint után alatt nélkül köszönöm kérem jó rossz nulla kettő három négy öt
    hat hét nyolc kilenc tíz igen kellett vártam ügyintéző probléma szolgáltatás senki soha egyáltalán velem nekik őket volna lenne
    tudom rendben szuper pont pontot drága semmi gyors lassú kedves szia sziasztok napot üdvözlöm jó napot`,
  lt: `ir bet kad kai nes jei tai tas ta šis ši yra buvo bus nėra ne nei taip labai per su į iš nuo iki apie už prie dėl aš man mane mano
    jūs jums jus jūsų jie jis ji mes mus mūsų savo visi viskas nieko niekas niekada dar jau tik vis kaip kodėl kas ką kur ačiū dėkui
    prašau gerai blogai labas laba sveiki diena rytas vakaras nulis vienas du trys keturi penki šeši septyni aštuoni devyni dešimt
    puiku geras prastas ilgai laukti laukiau teko reikėjo paslauga aptarnavimas darbuotojas darbuotoja skambinau skambutis problema
    sąskaita kaina negavau gavau galėtų būtų visada kartą kartus vėl neveikia veikia internetas norėčiau`,
  fa: `و در به از که این آن را با است برای یک هم تا نه ما من شما او بود شد می نمی هست نیست خیلی خوب بد ممنون مرسی سلام چرا چه کی کجا
    چطور هیچ همه دیگه دیگر باید شده بودم کردم کرد کنید کردند ولی اما اگر وقتی چون بعد قبل هنوز فقط زیاد کم تماس پشتیبانی اپراتور
    مشکل لطفا صفر دو سه چهار پنج شش هفت هشت ده عالی افتضاح خوبه نشد وقت بخیر روز صبح درود خسته نباشید`,
  it: `il gli della delle degli che è sono molto grazie niente tutto bene servizio operatore attesa perché anche ho stato stata sempre otto
    nove dieci sette quattro cinque sei ottimo nessun nessuno troppo ancora già questo questa ciao buongiorno buonasera non mai giorni
    ha ho mi ci si più`,
  pt: `não muito é você obrigado obrigada com mas foi atendimento demorou ótimo tudo fiquei esperando oito nove dez sete três dois nenhum
    nunca sempre também ainda já isso essa então ruim olá bom dia boa tarde há os as um uma ao ninguém muitas muitos muita meu minha
    nós vocês pra pro pelo pela às estou estava foram fez fazer`,
  nl: `het een niet geen zeer heel goed slecht bedankt wachten lang ik mijn maar ook nog negen tien zeven zes vijf vier drie twee erg wel
    niks alles dank goedemorgen goedemiddag hoi dag heb heeft werd nooit al dagen te om op zeggen`,
  pl: `nie jest się że na w z do i jak co tak bardzo dziękuję dzień dobry cześć był była było mnie mi już tylko przez dla czy ale żeby od
    kilku dni nigdy`,
  lv: `un ir bija nav es tu jūs paldies labdien ļoti kā kas ar uz par lai vai jā nē labi slikti tikai vēl mēs man mani jau arī tā`,
  cs: `je jsem není se na to že a v s z do ale jak co tak velmi děkuji dobrý den ahoj byl byla bylo mě mi už jen pro nebo vůbec ke příliš`,
  sv: `och att det som en på är av för med till den har inte om ett jag var men tack hej mycket bra dåligt aldrig flera dagar kom`,
  tr: `ve bir bu da için çok ile ben sen var yok değil teşekkürler merhaba iyi kötü ama gibi daha hiç kimse beni`,
  ro: `și în nu este să la cu pe pentru că mai foarte mulțumesc bună ziua bine rău dar sau am fost din nou a`,
  ar: `في على إلى عن هذا هذه ذلك التي الذي هو هي كان كانت لم لن لا ما مع شكرا مرحبا السلام عليكم جدا أنا نحن أنت لقد قد ليس كل أو ثم إن أن
    منذ أيام حتى الآن عندي مشكلة`,
  ur: `کے کی کا ہے ہیں میں نے کو سے اور یہ وہ نہیں تھا تھی بہت شکریہ آپ ہم کیا`,
  he: `של את זה לא אני הוא היא עם על מה יש אין שלום תודה טוב מאוד גם רק כל אבל או כי הם אתה אנחנו היה הייתה בכלל כבר`,
  yi: `איך דו ער זי מיר איר זיי איז און ניט נישט דאס דער א אן פון מיט צו אויף ווי וואס האב האט געווען זייער גוט שלעכט דאנק גוט מארגן`,
};
