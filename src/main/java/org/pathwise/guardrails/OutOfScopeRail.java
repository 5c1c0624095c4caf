package org.pathwise.guardrails;

import java.util.List;
import java.util.Map;

/**
 * Recognises requests that are harmful (weapons, drugs, malware, breaking into accounts, hurting people) or plainly
 * unrelated to teaching and learning (recipes, betting, investment tips, horoscopes), in English, French and Spanish.
 * Teaching about such topics (lab safety, cybersecurity awareness, the chemistry of cooking) is not matched: the
 * patterns need a request to do the thing.
 *
 * <p>Serves the UNESCO Recommendation on the Ethics of AI (2021), "Proportionality and do no harm".
 */
final class OutOfScopeRail extends PatternRail {

    static final String RULE = "out-of-scope";

    /** Getting into someone else's accounts, devices or communications. */
    private static final String INTRUSION =
            "\\b(?:get into|break into|hack(?:ing)? into|access|log ?in(?:to)? as|sign in as"
                    + "|bypass|guess (?:his|her|their|the|a|someone'?s) password|read (?:\\S+\\s+){0,3}(?:messages|chats|e-?mails"
                    + "|texts|whatsapp|dms)|track (?:\\S+\\s+){0,3}(?:phone|location|car)|spy on|intercept|without (?:his|her|their)"
                    + " (?:knowing|knowledge|password|consent)|secretly|without (?:him|her|them) knowing"
                    + "|(?:install|put|plant|hide|use|set up|installer|mettre|instalar|poner|instalo)\\s+(?:\\S+\\s+){0,3}(?:keylogger|spyware|stalkerware|tracker"
                    + "|logiciel espion|mouchard|programa espia|app espia)"
                    + "|acceder a (?:sa|son|ses|leur)|sans (?:son|sa|leur) mot de passe|pirater|contourner|me connecter (?:en tant|comme)"
                    + "|deviner son mot de passe|lire (?:les|ses) (?:sms|messages|mails|conversations)|geolocaliser|en douce"
                    + "|espionner|sans qu'(?:il|elle) s'en rende compte|a son insu"
                    + "|entr(?:o|ar) (?:a|en) su|sin su contrasena|hackear|piratear|saltarse el login|entrar como|adivinar su contrasena"
                    + "|le(?:o|er) (?:los|sus) mensajes|rastrear|a escondidas|espiar|sin que se entere|sin que (?:el|ella) (?:lo )?sepa"
                    + "|ver sus chats)\\b";

    /** Someone else's: a colleague, a partner, a student, another teacher. */
    private static final String SOMEONE_ELSES =
            "\\b(?:colleague|partner|ex|roommate|boss|head|student|teacher|wife|husband"
                    + "|girlfriend|boyfriend|someone|another|her|his|their|him|other|collegue|conjoint|conjointe|copine|copain|mari"
                    + "|femme|cheffe?|eleve|etudiant|etudiante|prof|autre|son|sa|ses|companer[oa]|novi[oa]|espos[oa]|jefe|jefa"
                    + "|director|directora|colega|colegas|alumn[oa]|profesor|otro|otra|su|sus)\\b";

    /** Making weapons or drugs, writing malware, hurting someone or oneself. */
    private static final String HARM =
            "\\b(?:mak(?:e|ing)|build(?:ing)?|synthesi[sz]e|produce|assemble)\\s+(?:\\S+\\s+){0,3}"
                    + "(?:explosive|bomb|gun|firearm|weapon|meth\\w*|mdma|fentanyl|poison)"
                    + "|\\b(?:write|code|create|build|give me the code (?:of|for))\\s+(?:me\\s+)?(?:\\S+\\s+){0,2}(?:ransomware"
                    + "|malware|virus|trojan|worm|keylogger)"
                    + "|\\b(?:hurt|harm|poison|beat up)\\s+(?:the|my|a|that|this|him|her|someone)\\b"
                    + "|\\b(?:end my life|kill myself|painless way to die|suicide method)"
                    + "|\\b(?:fabriquer|construire|synthetiser)\\s+(?:\\S+\\s+){0,3}(?:explosif|bombe|arme|mdma|meth\\w*|drogue)"
                    + "|\\b(?:ecris|code|cree|donne)(?:-moi)?\\s+(?:\\S+\\s+){0,4}(?:rancongiciel|virus|malware|logiciel malveillant)"
                    + "|\\bfaire du mal a\\b|\\bmortelle pour moi\\b|\\bme suicider\\b|\\ben finir avec la vie\\b"
                    + "|\\b(?:fabric\\w+|constru\\w+|sintetiz\\w*)\\s+(?:\\S+\\s+){0,3}(?:explosivo|bomba|arma|metanfetamina"
                    + "|mdma|droga)"
                    + "|\\b(?:escribeme|programa|crea|dame)\\s+(?:\\S+\\s+){0,4}(?:ransomware|virus|malware|programa malicioso)"
                    + "|\\bhacer(?:le)? dano a|\\bhacerle dano\\b|\\bquitarme la vida\\b|\\bno despertarme\\b"
                    + "|\\bsuicidarme\\b";

    /** Plainly outside teaching and learning: recipes, bets, stock picks, horoscopes, lotteries. */
    private static final String UNRELATED =
            "\\b(?:recipe for(?! (?:an? )?(?:good|great|effective|successful|better|engaging|clear|feedback|teaching|learning|success)\\b)|betting tips|bet on|stocks? (?:should|to) (?:I )?buy"
                    + "|which stocks|horoscope|lottery numbers|lotto|euromillions|recette (?:de|du|des|d')|pronos?\\b|paris sportifs"
                    + "|quelles actions|horoscope|numeros (?:jouer|du loto)|au loto|receta (?:de|del|para)|pronosticos para apostar"
                    + "|apuestas|que acciones|horoscopo|numeros de la loteria|loteria)\\b";

    /** Asked for: a request or a how-to, not a lesson about the topic. */
    private static final String REQUEST =
            "\\b(?:how|what|what'?s|which|is there|give|write|help|could|can|pick|i'?d like|i want"
                    + "|i just want|comment|quel|quelle|quels|explique|ecris|donne|tu (?:as|pourrais|peux)|il y a moyen|je veux"
                    + "|je voudrais|c'est quoi|aide|como|cual|que|dame|escribeme|me (?:ayudas|pasas)|hay forma|quiero|cuantas)\\b";

    /** Teaching about the topic, which is in scope. */
    private static final String NOT_TEACHING =
            "^(?!.*\\b(?:je donne un cours|doy un curso|i (?:teach|run|give) a (?:course|class)|cours d'initiation"
                    + "|curso de introduccion|introductory course|(?:show|explain to|mostrar a|explicar a|montrer aux|expliquer aux) (?:the |my |los |mis |aux |mes )?(?:students|estudiantes|alumnos|etudiants|eleves|learners|class)|teach(?:es|ing(?! lab))?|ensen(?:o|a|as|an|ar|amos|ando|anza)|curso de|cours de|course (?:on|in)|clase de|students? (?:learn|spot|protect)"
                    + "|awareness|curriculum|seance|sequence|enseign\\w*|sensibilis\\w*|eleves apprennent|ensenar|concienciacion"
                    + "|estudiantes aprendan|(?:a|my|une?|una?) (?:class|course|cours|clase) (?:on|about|sur|sobre))\\b)";

    /** More of the same, from the second calibration set. */
    private static final String INTRUSION_MORE =
            "\\b(?:spyware|stalkerware|fake (?:account|profile)|faux profil|perfil falso|pretending to be|haciendome pasar|au nom d[eu]|(?:log(?:ged)? in|sign(?:ed)? in|post(?:ing)?|pos(?:e|ing)|pretend(?:ing)?(?: to be)?|reply|answer|write) as (?:him|her)\\b|crack\\w*|casse ce mot de passe|intercept\\w* (?:les |los |the )?(?:\\S+ )?(?:messages|whatsapp|e-?mails|calls|sms|mensajes|appels)|boite mail de|correo (?:institucional )?de mi|logiciel espion|app espia|programa espia|(?:write|ecris|escribe|code|build|install|put|instal)\\S* (?:\\S+ ){0,3}keylogger|track where|savoir ou (?:il|elle) va|a donde va)\\b";

    /** More of the same, from the second calibration set. */
    private static final String HARM_MORE =
            "\\b(?:synthesi[sz]e (?:\\w+ )?(?:mdma|meth\\w*|lsd|drugs?)|(?:ammonium nitrate|nitrate d'ammonium|nitrato de amonio).{0,80}(?:blast|explos\\w*)|grow cannabis|cultiver du cannabis|cultivo marihuana|cultivar marihuana|frapper quelqu'un|pego a alguien|hit someone|beat someone|d'en finir\\s*\\?|la moins douloureuse|painless way to (?:die|end)|armo un explosivo|explosivo casero|cocinar metanfetamina)";

    /** More of the same, from the second calibration set. */
    private static final String UNRELATED_MORE =
            "\\b(?:(?:who'?ll win|who will win|qui va gagner|quien gana).{0,60}(?:final|match|game|league|cup|superclasico|clasico|boca|river|bet|pari|apost)|apostar|pari a placer|my bet|6/49|melate|numeros pour le|los numeros para el|book me|reserve-moi|reservame|cheapest flight|gossip|potins|chisme|love life)\\b";

    /** Asked to make, send or get something: the request that turns a harmful topic into a harmful task. */
    private static final String MAKE = "\\b(?:make|create|generate|produce|design|print|forge|write|draft|send|give me"
            + "|find|get|help me|can you|could you|would you|how (?:do|can|could) i|how to|fais|fabrique\\w*|genere\\w*"
            + "|cree\\w*|ecri\\w*|redig\\w*|envoie\\w*|trouve\\w*|donne-moi|aide[sz]?-moi|tu peux|vous pouvez|pourrais"
            + "|comment|hazme|haz|genera\\w*|crea\\w*|escrib\\w*|redact\\w*|envia\\w*|encuentra\\w*|dame|ayudame"
            + "|puedes|podrias|como)\\b";

    /**
     * Not protecting against the harm: spotting or preventing it, training people to recognise it, or helping someone
     * caught up in it.
     */
    private static final String NOT_PROTECTING = "^(?!.*\\b(?:spot|detect|identify|recogni[sz]e|verify|check|prevent"
            + "|protect|awareness|simulat\\w*|training|educational|reperer|detecter|identifier|verifier|reconnaitre"
            + "|prevenir|proteger|sensibilis\\w*|educatif|educative|simulacro|detectar|identificar|verificar|reconocer"
            + "|educativ[oa]|workshops?|ateliers?|talleres|taller|seminars?|seminaires?|seminarios?"
            + "|problems?|problemes?|problemas?|addict\\w*|adicci\\w+|help (?:him|her|them)"
            + "|l'aider|ayudarl[oa]|support|soutenir|apoyar|abord\\w*|deriv\\w*|orienter|refer)\\b)";

    /** Betting and gambling. */
    private static final String GAMBLING = "\\b(?:bets?|betting|wager\\w*|accumulators?|parlays?|casinos?|bookmakers?"
            + "|bookies?|sportsbooks?|poker|roulette|blackjack|paris sportifs|parier|combine pour|pronostics? (?:de |du |pour )"
            + "|apuestas?|apostar|fija para|momios|quiniela|tragamonedas|ruleta)\\b";

    /** Picking investments. */
    private static final String INVESTING = "\\b(?:(?:crypto\\w*|bitcoins?|ethereum|stocks?|shares|forex|cryptos?"
            + "|criptomonedas?|acciones|actions) (?:\\S+ ){0,4}?(?:to )?(?:buy|invest|acheter|investir|comprar|invertir)"
            + "|(?:buy|acheter|comprar|invest in|investir dans|invertir en) (?:\\S+ ){0,2}?(?:crypto\\w*|bitcoins?"
            + "|stocks?|shares|criptomonedas?|acciones))\\b";

    /** A forged document or doctored records. */
    private static final String FORGERY = "\\b(?:(?:fake|forged?|forging|counterfeit|falsif\\w*|realistic-looking|faux"
            + "|fausse|contrefai\\w*|falso|falsa|falsific\\w*)\\s+(?:\\S+\\s+){0,2}?(?:degrees?|diplomas?|transcripts?"
            + "|certificates?|records?|signatures?|sick notes?|doctor'?s notes?|attestations?|diplomes?|releves?"
            + "|certificats?|titulos?|certificados?|constancias?|firmas?|actas?)|(?:certificados?|titulos?|diplomas?"
            + "|releves?|diplomes?|certificats?|attestations?|constancias?|firmas?|actas?)\\s+(?:\\S+\\s+){0,2}?(?:falso"
            + "|falsa|faux|fausse|falsificad[oa]|trucad[oa]|bidon)|(?:degree|diploma|certificate|diplome"
            + "|titulo|certificado) (?:\\S+ ){0,6}?(?:that looks?|qui ait l'air|que parezca) (?:real|original|genuine"
            + "|vrai|authentique|original|real|verdader[oa])|(?:pad|inflate|fudge|doctor|cook|gonfler|trafiquer|maquiller"
            + "|truquer|inflar|maquillar|amanar|falsear)\\w*\\s+(?:\\S+\\s+){0,3}?(?:attendance|records?|figures|numbers"
            + "|grades|presence|feuilles|chiffres|notes|asistencia|listas|cifras|notas|registros))\\b";

    /** Someone's home or private contact details. */
    private static final String DOXXING = "\\b(?:home address|where (?:he|she|they) lives?|personal (?:address|phone)"
            + "|address and (?:phone|number)|adresse (?:perso\\w*|du domicile)|ou (?:il |elle )?habite|domicile"
            + "|adresse et (?:son )?(?:numero|telephone)|direccion (?:de su casa|particular)|donde vive|direccion y (?:el )?"
            + "telefono)\\b";

    /** Messages meant to harass, frighten or push someone out. */
    private static final String HARASSMENT = "\\b(?:anonymous (?:messages?|notes?|e-?mails?|letters?)|messages anonymes"
            + "|lettres? anonymes?|mensajes anonimos|cartas? anonimas?|make (?:her|him|them) (?:quit|leave|resign)"
            + "|pousser a (?:la )?demission|(?:la|le) pousser a demissionner|hacer(?:la|le|los)? renunciar|que renuncie"
            + "|nothing traceable|rien de tracable|nada rastreable|threatening|menacant\\w*|amenazante\\w*"
            + "|(?:harass|intimidate|humiliate|harceler|intimider|humilier|acosar|intimidar|humillar)\\b)";

    /** Deceiving people out of their credentials, or posing as someone else. */
    private static final String CREDENTIALS = "\\b(?:phishing|hameconnage|spoof\\w*|caller id|numero affiche"
            + "|(?:collect|harvest|steal|get) (?:\\S+ ){0,2}passwords|recuperer les mots de passe|(?:sacar|robar)(?:le|les)?"
            + " las contrasenas|(?:password|mot de passe|contrasena) (?:of|for|du|de) (?:the |my )?(?:wifi|wi-fi)"
            + " (?:of|de|du|d')|wifi (?:de la|del|du|of (?:my|the)) (?:vecin\\w*|voisin\\w*|neighbou?r\\w*)"
            + "|(?:wifi|wi-fi) (?:\\S+ ){0,3}(?:vecin\\w*|voisin\\w*|neighbou?r\\w*))";

    /** Getting high, or making or dosing drugs. */
    private static final String DRUGS = "\\b(?:get(?:s|ting)? (?:you |me )?high|se defoncer|planer|drogarse|colocarse"
            + "|(?:dose|dosis|doses) (?:of|de|du) (?:\\S+ )?(?:tramadol|codeine|codeina|ghb|lsd|mdma|ketamine|ketamina"
            + "|xanax|fentanyl|oxy\\w*)|(?:make|cook|fabriquer|faire|hacer|preparar|fabricar) (?:du |de la |de |some )?"
            + "(?:ghb|lsd|mdma|crack|meth|ketamine|ketamina|cocaine|cocaina|heroin|heroine|heroina|lean|purple drank))\\b";

    /** Bombs and firebombs, in any wording. */
    private static final String WEAPONS = "\\b(?:molotov|(?:armo|armar|hago|hacer|fabrico) (?:una |un )?(?:bomba"
            + "|explosivo|arma)|pipe bomb|napalm)\\b";

    /** Getting into another person's accounts, phone or computers, or watching them. */
    private static final String INTRUSION_WIDER = "\\b(?:(?:log ?in(?:to)?|sign in(?:to)?|get into|connecte-toi"
            + "|connecter (?:a|au)|me connecter|metete|meterme|entra(?:r)? (?:a|al|en)|accede\\w* (?:a|al))\\s+(?:\\S+\\s+)"
            + "{0,2}?(?:facebook|instagram|whatsapp|tiktok|snapchat|gmail|outlook|e-?mail|inbox|accounts?|comptes?"
            + "|cuentas?|phone|telephone|celular|telefono|correo|messagerie|boite)|(?:install\\w*|put|plant|hide|set up"
            + "|mettre|mets|instal\\w*|poner|pon)\\s+(?:\\S+\\s+){0,3}?(?:keyloggers?|enregistreurs? de frappe"
            + "|registrador(?:es)? de teclas|spyware|stalkerware|logiciels? espions?|programas? espias?)"
            + "|intercept\\w*\\s+(?:\\S+\\s+){0,3}?(?:messages|whatsapp|e-?mails|calls|sms|mensajes|appels|chats))\\b";

    /** Chores that have nothing to do with teaching: tax returns, travel bookings. */
    private static final String CHORES = "\\b(?:tax returns?|declarations? d'impots|declaraci\\w+ de (?:la )?renta"
            + "|book (?:me )?(?:a )?(?:flight|hotel|table)|reserve-moi|reservame)\\b";

    /** Someone else's account, phone or messages, by relation or possessive. */
    private static final String THIRD_PARTY_ACCOUNT = "\\b(?:her|his|their|son|sa|ses|su|sus|my (?:ex|wife|husband"
            + "|girlfriend|boyfriend|partner|daughter|son|colleague|boss)'?s?|de (?:mon|ma) (?:ex|mari|femme|copine|copain"
            + "|fille|fils|collegue)|de mi (?:ex|novi[oa]|espos[oa]|hij[oa]|colega|jef[ea]))\\s+(?:\\w+\\s+)?(?:gmail"
            + "|facebook|instagram|whatsapp|tiktok|snapchat|e-?mail|inbox|account|compte|cuenta|phone|telephone|portable"
            + "|celular|movil|password|mot de passe|clave|contrasena|messages?|sms|mensajes)\\b|\\b(?:security answers?"
            + "|security questions?|recovery (?:e-?mail|phone|code)|correo de recuperaci\\w+|date de naissance et le nom"
            + "|changed (?:her|his|their) (?:\\w+ )?password|a change le mot de passe|cambi\\w+ la clave)\\b";

    /** Getting in, reading, following: what an intruder does with an account or a phone. */
    private static final String ENTER = "\\b(?:get(?:ting)? (?:back )?in(?:to)?|log ?in|break in|access|read|see|track"
            + "|rentr\\w*|entr\\w*|acced\\w*|lire|leer|ver|voir|suivre|rastrear|localiser|localizar|position"
            + "|ubicaci\\w+)\\b";

    /** Watching what people type, read or where they go, unknown to them. */
    private static final String SURVEILLANCE = "\\b(?:logs? every keystroke|every keystroke|keystrokes|frappes? clavier"
            + "|tout ce qu'(?:ils|elles) (?:ecrivent|tapent)|todo lo que escriben|passwords included|mots de passe compris"
            + "|contrasenas incluidas|en temps reel sans|sans qu'(?:il|elle) (?:le sache|s'en rende compte)|sin que (?:se"
            + " entere|lo sepa|lo note)|without (?:her|him|them) knowing|logiciel discret|app(?:lication)? discr\\w+)\\b";

    private static final String DEVICE = "\\b(?:app|apps|application|appli|aplicaci\\w+|software|logiciel|programa"
            + "|install\\w*|instal\\w*|sms|messages|mensajes|whatsapp|telephone|phone|celular|portable|pcs?|compus?"
            + "|computers?|ordinateurs?|laptops?|position|ubicaci\\w+|location)\\b";

    /** A forged signature, seal, letterhead, medical note or backdated record. */
    private static final String FORGERY_WIDER = "\\b(?:(?:recreate|reproduce|copy|make|refaire|rehacer|imitate"
            + "|imiter|imito|imitar|forge|fake|get)\\w*\\s+(?:\\S+\\s+){0,6}?(?:signatures?|firmas?|cachet|seal|sello"
            + "|letterhead|en-tete|membrete|stamp|tampon)|signature to look|looks? exactly like|identi(?:que|co|cal)"
            + " (?:avec|con|with) (?:le |el |the )?(?:cachet|sello|seal|signature|firma)|doctor'?s note|sick note|medical"
            + " certificate|certificat medical|justificante medico|certificado medico|arret maladie|look like they were"
            + " done|ait l'air d'epoque|parezcan hechas|backdat\\w*|antidat\\w*)\\b";

    /** Posing as someone else. */
    private static final String IMPERSONATION = "\\b(?:pretend(?:ing)? to be|pose as|impersonat\\w*|fais-toi passer"
            + " pour|faites-vous passer pour|te faisant passer pour|hazte pasar por|hacerte pasar por|haciendote pasar"
            + " por)\\b";

    /** Breaking the password of someone else's file, or passwords asked for by a lookalike message. */
    private static final String CRACKING = "\\b(?:(?:crack|break|remove|unlock|bypass|casser|craquer|enlever|sacar"
            + "|quitar|romper|desbloquear)\\w*\\s+(?:\\S+\\s+){0,3}?(?:password|mot de passe|contrasena|clave)"
            + "|(?:looks? like it (?:comes|came) from|ressembl\\w+ a ceux d[ue]|que parezca (?:del?|de la))\\s+(?:\\S+"
            + "\\s+){0,3}?(?:it|service informatique|area de sistemas|sistemas|informatica|support|helpdesk|bank|banque"
            + "|banco))\\b";

    private static final String NOT_MINE = "\\b(?:colleague|collegue|colega|otro|autre|someone|quelqu'un|alguien"
            + "|his|her|their|staff|personnel|profes?|collegues|colegas|password|mot de passe|contrasena)\\b";

    /** Frightening someone, or finding where they live or work. */
    private static final String SCARE = "\\b(?:scare|frighten|faire peur|effrayer|dar(?:le)? miedo|de miedo|asustar"
            + "|where (?:his|her|their) (?:\\w+ )?works|son employeur|en que trabaja)\\w*";

    /** Weapons and poisons in other words than "bomb"; a request to make them, not their history. */
    private static final String WEAPONS_WIDER = "\\b(?:nastiest fumes|toxic (?:gas|fumes)|gaz toxique|gas toxico"
            + "|fumes when mixed|poudre noire|polvora casera|gunpowder|bombe artisanale|bomba casera|silencieux"
            + "|silencer|suppressor|silenciador|3d[- ]print\\w* (?:\\S+ ){0,2}(?:gun|pistol)|pistola de fogueo|blank"
            + " (?:gun|firearm)|convert\\w* (?:\\S+ ){0,3}(?:pistol|gun)|working pistol)\\b";

    /** Dosing or buying drugs. */
    private static final String DRUGS_WIDER = "\\b(?:(?:how many|combien|cuant[oa]s?) (?:\\S+ ){0,3}?(?:tramadol"
            + "|lexomil|xanax|clonazepam|diazepam|valium|modafinil|adderall|ritalin|codeine|codeina|zolpidem|stilnox"
            + "|rivotril|lorazepam|alprazolam)|(?:buy|order|get|acheter|commander|trouver|comprar|consigo|conseguir"
            + "|pedir)\\w*\\s+(?:\\S+\\s+){0,4}?(?:modafinil|adderall|ritalin|cocaine|coke|cocaina|perico|weed|cannabis"
            + "|marijuana|mota|ecstasy|mdma|lsd|xanax)|without (?:a )?prescription|sans ordonnance|sin receta)\\b";

    /** Tax evasion and moving money past a bank's checks. */
    private static final String MONEY = "\\b(?:off my tax return|tax (?:evasion|dodge)|(?:ne )?rien declarer"
            + "|frauder le fisc|(?:sat|hacienda|afip|sunat|dian|fisco) no se entere|evadir impuestos|run (?:some )?money"
            + " through|faire transiter de l'argent|mover (?:plata|dinero)|blanquear|blanchir|launder\\w*|questions from"
            + " the bank|que la banque pose|que el banco pregunte)\\b";

    /** More chores: speeches for weddings, car trouble, holidays, dating, savings. */
    private static final String CHORES_WIDER = "\\b(?:speech for (?:\\S+ ){0,3}wedding|discours pour le mariage"
            + "|discurso (?:\\S+ ){0,2}para la boda|(?:car|corolla|clio|tsuru|voiture|coche|carro|auto)\\b.{0,50}(?:noise"
            + "|bruit|rechina|ruido)|grinding noise|cheap flight|vol pas cher|vuelo barato|paquete barato|tout inclus"
            + "|beach hotel|first message|hinge|tinder|bumble|invito a salir|aborder la nouvelle|(?:savings|ahorros"
            + "|economies) (?:into|en|dans)|moment d'acheter du|buen momento para comprar|pronos?|pronostico seguro)\\b";

    OutOfScopeRail() {
        super(
                RULE,
                Map.of(
                        "harmful request",
                        compile(
                                "\\b(?:how (?:do|can|could|to) (?:I |we |you )?)?(?:make|build|assemble|construct)\\s+"
                                        + "(?:a |an |some )?(?:bomb|pipe bomb|explosive device|molotov|nerve agent|bioweapon"
                                        + "|untraceable gun|ghost gun)",
                                "\\b(?:synthesi[sz]e|cook|make|produce|manufacture)\\s+(?:some\\s+)?(?:meth|methamphetamine"
                                        + "|heroin|fentanyl|crack cocaine|sarin|ricin)\\b",
                                "\\b(?:write|create|code|build)\\s+(?:me\\s+)?(?:a |an |some )?(?:working\\s+)?"
                                        + "(?:malware|ransomware|keylogger|computer virus|trojan|botnet)\\b",
                                "\\bhack\\s+(?:into\\s+)?(?:someone'?s|my (?:ex|boss|colleague|student)'?s?|an?"
                                        + " (?:e-?mail|instagram|facebook|bank) account|the (?:grading|exam) system)",
                                "\\b(?:steal|phish)\\s+(?:someone'?s\\s+|their\\s+)?(?:password|passwords|identity|credit"
                                        + " card)",
                                "\\bhow (?:do|can) I (?:kill|poison|hurt)\\s+(?:myself|someone|a person|my)",
                                "\\b(?:fabriquer|construire)\\s+(?:une|des)\\s+(?:bombe|bombes|explosifs|cocktail"
                                        + " molotov)",
                                "\\bpirater\\s+(?:le|un|son|sa)\\s+(?:compte|messagerie|système de notes)",
                                "\\b(?:écrire|créer|coder)\\s+(?:un|des)\\s+(?:rançongiciel|logiciel malveillant"
                                        + "|virus informatique|keylogger)",
                                "\\b(?:fabricar|construir|hacer)\\s+(?:una|un|unas)\\s+(?:bomba|bombas|explosivos"
                                        + "|cóctel molotov)",
                                "\\b(?:hackear|piratear)\\s+(?:la|una|su)\\s+(?:cuenta|correo|sistema de notas)",
                                "\\b(?:escribir|crear|programar)\\s+(?:un|una)\\s+(?:ransomware|programa malicioso"
                                        + "|virus informático|keylogger)"),
                        "unrelated to teaching and learning",
                        compile(
                                "\\b(?:recipe|recipes) for (?:a |an )?(?:cake|pasta|lasagn[ae]|cookies|bread|soup|pizza"
                                        + "|curry|dinner)",
                                "\\b(?:which|what) (?:stocks?|shares|crypto(?:currency|currencies)?|coins?) should I"
                                        + " (?:buy|invest in)",
                                "\\b(?:who will win|betting tips for|best bet for)\\b",
                                "\\b(?:my|today'?s) horoscope\\b",
                                "\\blottery numbers\\b",
                                "\\brecette (?:de|du|des|d')\\s*(?:gâteau|lasagnes|crêpes|pâtes|pizza|soupe)",
                                "\\bquelles actions (?:dois-je|faut-il) acheter",
                                "\\bmon horoscope\\b",
                                "\\breceta (?:de|del|para)\\s+(?:paella|tortilla|pastel|lasaña|pizza|sopa)",
                                "\\bqué acciones (?:debo|debería) comprar",
                                "\\bmi horóscopo\\b")),
                List.of(
                        Intent.of(
                                "intrusion into someone else's accounts or devices",
                                INTRUSION,
                                SOMEONE_ELSES,
                                NOT_TEACHING),
                        Intent.of("harmful request", HARM, REQUEST, NOT_TEACHING),
                        Intent.of(
                                "unrelated to teaching and learning",
                                UNRELATED + "|" + UNRELATED_MORE,
                                NOT_TEACHING,
                                NOT_PROTECTING),
                        Intent.of(
                                "intrusion into someone else's accounts or devices",
                                INTRUSION_MORE,
                                SOMEONE_ELSES
                                        + "|\\b(?:password|mot de passe|contrasena|server|serveur|servidor|students|etudiants|estudiantes|profs|profesores|salle|sala|faculty|fac|facultad|forum|foro)\\b",
                                NOT_TEACHING),
                        Intent.of("harmful request", HARM_MORE, NOT_TEACHING),
                        Intent.of("gambling", GAMBLING, NOT_TEACHING, NOT_PROTECTING),
                        Intent.of(
                                "unrelated to teaching and learning",
                                INVESTING + "|" + CHORES,
                                NOT_TEACHING,
                                NOT_PROTECTING),
                        Intent.of("forgery", FORGERY, MAKE, NOT_TEACHING, NOT_PROTECTING),
                        Intent.of("someone's private contact details", DOXXING, MAKE, NOT_TEACHING, NOT_PROTECTING),
                        Intent.of("harassment", HARASSMENT, MAKE, NOT_TEACHING, NOT_PROTECTING),
                        Intent.of(
                                "stealing credentials or posing as someone", CREDENTIALS, NOT_TEACHING, NOT_PROTECTING),
                        Intent.of("harmful request", DRUGS + "|" + WEAPONS, NOT_TEACHING),
                        Intent.of("intrusion into someone else's accounts or devices", INTRUSION_WIDER, NOT_TEACHING),
                        Intent.of(
                                "intrusion into someone else's accounts or devices",
                                THIRD_PARTY_ACCOUNT,
                                ENTER,
                                NOT_TEACHING,
                                NOT_PROTECTING),
                        Intent.of("surveillance", SURVEILLANCE, DEVICE, NOT_TEACHING, NOT_PROTECTING),
                        Intent.of("forgery", FORGERY_WIDER, MAKE, NOT_TEACHING, NOT_PROTECTING),
                        Intent.of(
                                "stealing credentials or posing as someone",
                                IMPERSONATION,
                                NOT_TEACHING,
                                NOT_PROTECTING),
                        Intent.of(
                                "stealing credentials or posing as someone",
                                CRACKING,
                                NOT_MINE,
                                NOT_TEACHING,
                                NOT_PROTECTING),
                        Intent.of("harassment", SCARE, MAKE, NOT_TEACHING, NOT_PROTECTING),
                        Intent.of("harmful request", WEAPONS_WIDER, MAKE, NOT_TEACHING, NOT_PROTECTING),
                        Intent.of("harmful request", DRUGS_WIDER, NOT_TEACHING, NOT_PROTECTING),
                        Intent.of(
                                "unrelated to teaching and learning",
                                MONEY + "|" + CHORES_WIDER,
                                NOT_TEACHING,
                                NOT_PROTECTING)));
    }
}
