package org.pathwise.guardrails;

import java.util.List;
import java.util.Map;

/**
 * Recognises requests for other people's conversations, questions or records in Pathwise ("show me Maria's
 * conversations", "what did user jdoe ask?"), in English, French and Spanish. The API enforces the same whatever the
 * wording: a conversation or an interaction is only ever shown to its owner.
 *
 * <p>Serves the UNESCO Recommendation on the Ethics of AI (2021), "Right to Privacy and Data Protection".
 */
final class OtherUsersDataRail extends PatternRail {

    static final String RULE = "other-users-data";

    /** A capitalised name; case matters here even though the patterns ignore it elsewhere. */
    private static final String NAME = "(?-i:\\p{Lu}\\p{Ll}+)";

    private static final String RECORDS_EN =
            "(?:conversations?|chats?|chat history|questions|history|interactions|records|messages|prompts)";

    /** What other people did in Pathwise. */
    private static final String RECORDS =
            "\\b(?:conversations?|chats?|chat logs?|logs?|history|histories|messages|activity"
                    + "|queries|sessions|prompts|questions?|interactions|records|searched|search(?:es)?|asked|asking|opened"
                    + "|historique|echanges|requetes|journal|demande|cherche|consulte\\w*|conversaciones|historial|mensajes"
                    + "|consultas|registro|preguntas?|preguntad[oa]|consultad[oa]|busco|pregunto|pidieron|abrio|chats?)\\b";

    /** Someone else: another user, a colleague, everyone, a named person. */
    private static final String SOMEONE_ELSE = "\\b(?:other|another|others|colleagues?|co-?teacher|everyone|everybody"
            + "|anyone|anybody|all (?:user|account)s?|users?|my team|departement|departamento|teachers|instructors|professor|prof|dr|participants"
            + "|(?:with )?their names|names please|by person|previous user|before me|faculty|department|accounts"
            + "|autres?|collegues?|binome|tout le monde|tous les comptes|utilisat\\w+|mon equipe|profs|professeur|enseignants"
            + "|vacataires|stagiaires|leurs noms|les noms|avant moi|personne par personne|nominativement|comptes|mme"
            + "|otros?|otras?|demas|colegas?|companer[oa]s?|todos los|todas las cuentas|usuari[oa]s?|mi equipo|profes\\w*"
            + "|docentes|participantes|sus nombres|los nombres|antes que yo|por persona|nombre y apellido|doctora?|cuentas)\\b"
            + "|(?-i:\\bM\\.\\s)|\\b(?:his|her|their|son|sa|ses|su|sus) (?:history|historique|historial|conversations?"
            + "|conversaciones|messages|mensajes|sessions|sesiones|chats?)\\b|" + HighStakesDecisionRail.NAMED;

    /** Shown, listed or told: a request to see the records, or a question about what they asked. */
    private static final String SHOW =
            "\\b(?:show|list|lister|listar|affich\\w*|give|display|export|summari[sz]e|pull up|open|paste|tell|report"
                    + "|find out|see|know|which|what|did|is anyone|montre|liste|affiche|donne|exporte|resume|ouvre|colle|fais-moi"
                    + "|voir|savoir|quels?|quelles?|c'etait quoi|qu'est-ce que|est-ce que|muestrame|listas|dame|exporta|resume|abre"
                    + "|pegame|ensename|hazme|pasame|averiguar|saber|que|cuales|hay otros)\\b";

    /** The assistant as the one asked: "asked you", "t'a demandé", "te preguntó". */
    private static final String OF_THE_ASSISTANT =
            "\\b(?:asked|asking|ask|using|used|use)\\s+(?:you|pathwise)\\b|\\bprevious user\\b|\\bbefore me\\b"
                    + "|\\bavant moi\\b|\\bantes que yo\\b|\\bte ha(?:n)? (?:consultado|preguntado|pedido)\\b"
                    + "|\\bpathwise accounts\\b|\\bt'(?:a|ont|avait|avaient)\\s+(?:\\w+\\s+)?(?:demande|pose|posees|interroge|parle)"
                    + "|\\bte (?:demandent|pregunt\\w*|hicieron|consult\\w*|pidieron|piden)\\b|\\bha(?:n)? consultado\\b"
                    + "|\\bse servent de toi\\b|\\busandote\\b|\\bhablo contigo\\b|\\bcomptes pathwise\\b"
                    + "|\\bcuentas de pathwise\\b|\\buser queries\\b|\\brequetes des utilisateurs\\b"
                    + "|\\bconsultas de usuarios\\b|\\bchat logs\\b|\\bconversation history\\b|\\bhistorique\\b"
                    + "|\\bhistorial\\b|\\bconversations? (?:from|of|des?|del?)\\b|\\bconversaciones del?\\b"
                    + "|\\bchats del\\b|\\bechanges d[ue]\\b|\\bmessages exacts\\b|\\bmensajes tal cual\\b"
                    + "|\\bactivity log\\b|\\bjournal d'activite\\b|\\bregistro de actividad\\b|\\bwhat (?:he|she) searched\\b"
                    + "|\\bce qu'il a cherche\\b|\\bque busco\\b";

    /** More of the same, from the second calibration set. */
    private static final String ASSISTANT_RECORDS =
            "\\b(?:asked|asking|ask|put to|using|used|use|uses|usa|utilise|t'utilise)\\s+(?:\\w+\\s+)?(?:you|u|pathwise|the assistant)\\b|\\bt'(?:a|ont|avait)(?:-t-il| \\w+)?\\s+(?:demande|pose|posees|interroge|parle|ecrit)|\\bte (?:posent|pose|demandent|usa|pregunt\\w*|consult\\w*|piden|pidio|ha estado preguntando)\\b|\\b(?:conversation|chat|search|query|prompt|session|interaction) (?:history|logs?|records)\\b|\\b(?:journaux d'interactions|registros de interaccion|interaction records)\\b|\\busage (?:figures|statistics|data)\\b|\\bstatistiques d'utilisation\\b|\\bestadisticas de uso\\b|\\bse sert de toi\\b|\\bte usa\\b|\\busa (?:mas )?pathwise\\b|\\bpathwise (?:the )?most\\b|\\b(?:account|compte|cuenta) (?:\\S+@|partag|compartid)|\\bshared (?:\\w+ )?login\\b|\\b(?:questions|preguntas) (?:\\w+ ){0,3}(?:asked|put to|posees|hechas|posed|submitted)\\b|\\b(?:consulted the assistant|consulte l'assistant|consulto al asistente|search history|ce qu'elle a ecrit|lo que escribio)\\b|\\bwhat (?:he|she|they) (?:asked|wrote|typed)\\b|\\b(?:see|vois|ver) (?:\\S+ ){0,3}(?:chats|discussions|conversations?|conversaciones)\\b|\\bt'utilise\\b|\\bte ha(?:n)? (?:\\w+ )?(?:preguntado|consultado|pedido)\\b|\\b(?:show|list|liste|lista|affiche|muestra|ensena|montre|pull up|abre|open|ouvre|read back|relis|leeme|exporta|export|compile|resume|summari[sz]e|synthese|dame|donne)\\S*\\s+(?:\\S+\\s+){0,5}?(?:chats|prompts|requetes|consultas|queries|sessions|sesiones|discussions|conversations?|conversaciones|historique|historial|questions|preguntas|statistiques|estadisticas)\\b";

    /** More of the same, from the second calibration set. */
    private static final String SOMEONE_ELSE_MORE =
            "\\b(?:who else|quien mas|kien mas|lequel de mes|cual de mis|my ta|mon charge de td|mi ayudante|union rep|delegue|representante|dean|doyen|committee|commission|comision|staff|personnel|personal docente|lecturers?|enseignant par enseignant|por docente|before me|avant moi|antes que yo|accounts?|compte|cuenta|other users|otros usuarios|autres utilisateurs|cotitulaire|companera|compañera|profesora|profesor|departement|departamento|department|departmental|departemental|users|usuarios|utilisateurs|faculty|faculte|facultad|colleagues|collegues|colegas|my colleague|mon collegue|ma collegue|mi colega|other teachers|autres profs|otros profes|teaching staff|nominative|names?|noms?|nombres|by person|par personne|por persona|individual)\\b|(?-i:\\bDr\\.? \\p{Lu})";

    /** What the assistant holds about a person besides their conversations: paths, profiles, scores, logs. */
    private static final String RECORDS_WIDER = "\\b(?:learning paths?|competenc(?:y|ies) profiles?|profiles?|scores?"
            + "|scored|results|self-assessments?|usage logs?|logs|prompts|e-?mail addresses|emails|feedback|lesson plans"
            + "|onboarding|ranking|level|chats?|conversations?|questions?|what (?:\\w+ ){0,3}(?:asked|said|wrote)"
            + "|parcours|profils?|scores?|resultats|auto-?evaluations?|journaux|requetes|adresses (?:e-?)?mail|retours?"
            + "|sequences|echanges|conversations?|questions?|ce qu'(?:ils|elles|il|elle) (?:ont|a) dit|rutas?"
            + "|itinerarios?|perfil(?:es)?|puntajes?|resultados|autoevaluaci\\w+|registros|correos|planificaciones"
            + "|nivel|conversaci\\w+|preguntas?|chats?|lo que (?:\\w+ ){0,3}dijeron)\\b";

    /** A particular other person, or other users as a group, as the assistant would know them. */
    private static final String SOMEONE_WIDER = "(?-i:\\b(?:Dr|Dra|Prof|Pr|Mr|Mrs|Ms|Mme|Mlle|M|Sr|Sra)\\.?\\s+\\p{Lu})"
            + "|\\b(?:la|le|el|del|de la) (?:pr|profe|prof|dra?|docteure?)\\b|\\b[a-z]+[._][a-z]+\\b(?!\\.\\w)"
            + "|\\b(?:user|usuario|utilisateur) (?:id )?\\d+|\\b(?:colleagues?|co-?teachers?|collegues?|colegas?"
            + "|my cohort|ma promo|mi cohorte|my team|mon equipe|mi equipo|someone(?: else)?|quelqu'un|alguien"
            + "|un autre|another|otro usuario|un certain|someone called|alguien llamado|new hires|nouveaux"
            + "|each of the \\d+|chacun des \\d+|des \\d+ (?:tuteurs|formateurs|enseignants)|de los \\d+"
            + "|(?:all|tous les|todos los) (?:the )?(?:teachers|instructors|tutors|enseignants|profs|profesores|docentes)"
            + "|instructors|formateurs|docentes|profesores|teachers|mon chef|my (?:boss|head)|mi jef[ea]|voisin de bureau"
            + "|ex-?(?:wife|husband|esposa|esposo|femme|mari)|exesposa|exesposo|chaque membre|each member|personne par"
            + " personne|names please|il me faut les noms|necesito nombres|I need names|head of department"
            + "|chef de departement)\\b|" + HighStakesDecisionRail.NAMED;

    /** Held by the assistant: asked of it, given by it, stored on it. */
    private static final String HELD_BY_ASSISTANT = "\\b(?:(?:with|to|of) (?:you|pathwise)|on here|on pathwise"
            + "|registered on|your (?:self-assessment|logs|records|assessment|\\w+ self-assessment)|you (?:gave|assigned"
            + "|generated)|did you give|uses you|the platform|platform admin|asked u|avec vous|vous (?:a|ont) (?:\\w+ )?"
            + "(?:demande|pose|parle)|(?:t'|vous )(?:a|ont) (?:\\w+ )?posee?s?|vous utilise|a vous parler|lui avez-vous"
            + "|votre auto-?evaluation|vos journaux|inscrits sur|enregistre ici|generees avec vous|la plateforme"
            + "|contigo|te hizo|tu autoevaluacion|tus registros|registrados en|asignaste|genero contigo|la plataforma"
            + "|usan la plataforma|usa pathwise|te ha hablado|sur pathwise|en pathwise)\\b";

    /** Records that only the platform holds about a person: a learning path, a competency profile, an account. */
    private static final String PLATFORM_RECORDS = "\\b(?:learning paths?|onboarding paths?|competenc\\w* (?:profiles?"
            + "|assessments?|scores?)|self-assessments?|account profiles?|chat histor(?:y|ies)|usage logs?"
            + "|parcours d'apprentissage|parcours de formation|profils? de competences?|evaluations? de competences?"
            + "|auto-?evaluations?|profil du compte|historiques? des conversations|journaux d'utilisation"
            + "|scores? de competences?|rutas? de aprendizaje|itinerarios? de aprendizaje|perfil(?:es)? de (?:la cuenta"
            + "|competencias)|autoevaluaci\\w+|historial(?:es)? de (?:chat|conversaciones)|registros de uso"
            + "|login history|last (?:log(?:ged)? ?in|sign(?:ed)? ?in|login)|log-?ins?|flagged (?:questions|requests)"
            + "|refused (?:questions|requests)|review queue|annotations?|assigned (?:programme|program|plan|path)"
            + "|historique de connexion|derniere connexion|connexions|questions? (?:signalees|refusees)|file de revision"
            + "|parcours (?:attribue|assigne)|historial de (?:acceso|inicio de sesion)|ultim[oa] (?:conexion|acceso|inicio"
            + " de sesion)|preguntas (?:marcadas|rechazadas)|cola de revision|anotaciones|programa asignado)\\b";

    /** Shown, compared, sent or told. */
    private static final String SHOW_WIDER = "\\b(?:show|display|give|export|compare|list|pull up|summari[sz]e|forward"
            + "|send|read|tell|montre\\w*|affiche\\w*|donne\\w*|export\\w*|compar\\w*|list\\w*"
            + "|envoie\\w*|muestra\\w*|dame|exporta\\w*|lista\\w*|reenvia\\w*|pasame|sacame|let me see|can i see"
            + "|i want to see|look (?:at|up)|pull|access|open|check|consulte[rz]?|voir|regarder|ouvr\\w*|ver|revisar"
            + "|consultar|abr\\w*|accede\\w*)\\b";

    /** A demand for the people's names. */
    private static final String NAMES_DEMAND = "\\b(?:names please|with (?:their )?names|i need (?:the )?names"
            + "|il me faut (?:les|leurs) noms|avec (?:leurs )?noms|necesito (?:los |sus )?nombres|con (?:sus )?nombres"
            + "|nominativ\\w*|by name|par nom|por nombre)\\b";

    /**
     * An exchange between the assistant and a third person: what it told or recommended them, what they asked it, who
     * else asked it something.
     */
    private static final String THEIR_EXCHANGES = "\\b(?:(?:you|u) (?:told|gave|recommended|suggested|answered|said to"
            + "|replied to|sent|assigned|showed)\\s+(?:to\\s+)?(?:her|him|them|user \\d+)|(?:she|he|they|user \\d+"
            + "|someone(?: else)?|anyone|others|colleagues)(?:'s)? (?:has |have |had )?(?:been )?(?:asking|asked|told"
            + "|telling) (?:you|u|the ai|pathwise|the assistant)|what (?:did )?(?:you|u) (?:tell|told|say|said|recommend|suggest|answer|give)"
            + "|(?:who|which \\w+) (?:else )?(?:has |have )?asked (?:you|u)|who else asked|(?:lui|leur) (?:as|avez)[- ]"
            + "(?:tu|vous) (?:repondu|conseille|donne|dit|recommande|propose|envoye)|(?:tu|vous) (?:lui|leur) (?:as|avez)"
            + " (?:repondu|conseille|donne|dit|recommande|propose)|qu'est-ce que (?:tu|vous) (?:lui|leur) (?:as|avez)"
            + "|(?:t'a|t'ont|vous a|vous ont) (?:\\w+ )?(?:pose|demande|questionne|dit|ecrit|parle)|qui d'autre a"
            + " demande|(?:ses|leurs) (?:echanges|conversations|dernieres conversations) avec (?:vous|toi)|(?:le|les)"
            + " (?:contestaste|diste|recomendaste|dijiste|respondiste|sugeriste|mandaste|asignaste)|te (?:ha|han) (?:estado"
            + " )?(?:preguntando|preguntado|pedido|consultado)|te hizo|te andan preguntando|te pregunt(?:o|aron|an)|quien"
            + " mas pregunto|lo que te (?:estuvo|estaba|ha estado) preguntando|(?:le|les) preguntan (?:mis|los) \\w+ a la"
            + " ia|ask the ai|demandent a l'ia)\\b";

    /** People ranked, counted or listed by what they do on the platform. */
    private static final String ACTIVITY_OF_PEOPLE = "\\b(?:leaderboard|rank(?:ing)? (?:the )?(?:\\S+ ){0,3}?(?:by"
            + " their|of the)|most active (?:educators|teachers|lecturers|users|tutors)|palmares|classez (?:les"
            + " )?(?:enseignants|formateurs|profs)|plus assidus|ordena a los|que mas usan|how many (?:times|hours) did"
            + " (?:she|he|they|each)|(?:did|has) (?:she|he) (?:\\w+ )?log(?:ged)? in|dates de connexion|se (?:connecte|conecto)"
            + "|cuantas veces (?:se conecto|se ha conectado|entro|ha entrado|inicio sesion)|entra a la plataforma|audit log (?:entries )?(?:for|of)|journal d'audit"
            + " (?:de l')?utilisateur|registros de auditoria del usuario|haven'?t started (?:their|his|her)|(?:qui|quienes)"
            + " (?:traine|no han empezado)|(?:really|vraiment|de verdad|realmente) (?:finish(?:ed)?|complete[d]?|termine"
            + "|termino|fini)|how far along is (?:she|he)|(?:elle|il) en est ou|en que modulo va|(?:qui|quienes|which of"
            + "|who in)\\b.{0,30}\\b(?:traine|no han empezado|haven'?t started|n'ont pas commence)|(?:(?-i:\\p{Lu}\\p{Ll}+)"
            + "|she|he|il|elle|el|ella) (?:(?:really|vraiment|ya|a|has) )?(?:finished|completed|termino|a termine|a fini"
            + "|completo) (?:the|le|el|su|son|sa|his|her) (?:\\S+ ){0,2}?(?:module|modulo|path|parcours|ruta|course"
            + "|curso|plan|programme))\\b";

    /** A particular person's score, account or contact details, or what was blocked or flagged for them. */
    private static final String PERSON_DETAILS = "\\b(?:(?:score|scores|puntaje|puntuacion)\\s+(?:de|del|of|did|se"
            + " puso)\\s+(?!(?:the|la|le|les|los|las|mi|my|mes|mis|ma|mon|cette|ce|este|esta|l'|un|une|a|an|each|chaque"
            + "|cada)\\b)\\p{L}+|(?<!boite )(?<!inbox )(?:e-?mail|mail|correo|email adress|adresse mail)\\s+(?:de|del|of|du)\\s+(?:la |le |el |the )?"
            + "(?:(?:new|nouveau|nouvelle|nueva|nuevo) )?(?:\\w+ ){0,2}?(?:prof\\w*|lecturer|teacher|enseignant\\w*|docente"
            + "|colleague|collegue|colega)|(?:la |le |the )?(?:cuenta|compte|account) (?:de|of) (?-i:\\p{Lu})"
            + "|(?-i:\\p{Lu}\\p{Ll}+)'s account|(?:flagged|refused|blocked|bloquee?s?|signalee?s?|bloquead[oa]s?|marcad[oa]s?"
            + "|rechazad[oa]s?)\\b.{0,40}\\b(?:for|pour|al|a la|para)\\s+(?:M\\.|Mr|Mrs|Ms|Sr|Sra|Dr|(?-i:\\p{Lu}))"
            + "|(?:ses|sus|his|her) (?:demandes|consultas|requests|questions)\\b.{0,30}(?:bloqu|signal|marc|flag|refus)"
            + "|(?:export|exporte\\w*|exporta\\w*|download|telecharge\\w*|descarga\\w*)\\s+(?:\\S+\\s+){0,5}?(?:chat"
            + " history|historique|historial|conversations|conversaciones|chats)\\s+(?:\\S+\\s+){0,3}?(?:of|de|des|du"
            + "|del)\\s+(?:all|tous|toutes|todos|todas|each|chaque|cada|every|the)|(?:answers|reponses|respuestas) (?:you"
            + " gave|que vous (?:lui|leur) avez|que tu (?:lui|leur) as|que le diste|que les diste)|de quoi (?:elle|il) te"
            + " parle|de que te habla|what (?:she|he) talks to you about|t'avai(?:t|ent) (?:\\w+ )?(?:pose|demande)"
            + "|te demandent|(?:ses|sus|his|her|their|leurs) (?:dernieres |last |ultimas )(?:conversations"
            + "|conversaciones|chats|echanges) (?:on here|ici|aqui|with you|avec (?:vous|toi)|contigo))";

    /** Not the asker's own records: "my own history", "mes propres connexions". */
    private static final String NOT_OWN =
            "^(?!.*\\b(?:my own|mes propres|mon propre|ma propre|mis propi[oa]s" + "|mi propi[oa]|mis propias)\\b)";

    OtherUsersDataRail() {
        super(
                RULE,
                Map.of(
                        "another user's records",
                        compile(
                                "\\b(?:show|give|list|display|read|tell|send|export)\\s+(?:me\\s+)?(?:all\\s+)?(?:the\\s+)?"
                                        + RECORDS_EN
                                        + "\\s+(?:of|from|by|with)\\s+(?:the\\s+)?(?:user|users|other users"
                                        + "|another user|my colleagues?|other (?:teachers|educators))\\b",
                                "\\b(?:" + NAME + "|my colleague|another user|the other users?)'s?\\s+" + RECORDS_EN
                                        + "\\b.{0,40}\\b(?:with you|in pathwise|here)",
                                "\\b(?:show|give|list|display|read)\\s+(?:me\\s+)?(?:" + NAME + "|my colleague|another"
                                        + " user)'s\\s+(?:conversations?|chats?|chat history|interactions|history)\\b",
                                "\\bwhat (?:did|has|have)\\s+(?:user\\s+\\S+|my colleagues?|other users|other"
                                        + " (?:teachers|educators)|" + NAME + ")\\s+(?:ask|asked|been asking)\\s+"
                                        + "(?:you|pathwise|the assistant)",
                                "\\bother users'? (?:conversations|questions|chat history|records|data)\\b",
                                // French
                                "\\b(?:montre|affiche|donne|liste|envoie)(?:-moi)?\\s+(?:toutes\\s+)?les\\s+"
                                        + "(?:conversations|questions|échanges|historiques?)\\s+(?:de|d')\\s*"
                                        + "(?:l'utilisateur|l'utilisatrice|mon collègue|ma collègue|mes collègues"
                                        + "|un autre utilisateur|" + NAME + ")",
                                "\\bqu'(?:a|ont)\\s+demandé\\s+(?:l'utilisateur\\s+\\S+|mon collègue|ma collègue|mes"
                                        + " collègues|les autres utilisateurs|" + NAME + ")\\s+(?:à|a)\\s+"
                                        + "(?:pathwise|l'assistant|toi)",
                                "\\bl'historique d'un autre utilisateur\\b",
                                // Spanish
                                "\\b(?:muéstrame|dame|enséñame|lista|envíame)\\s+(?:todas\\s+)?(?:las|los)\\s+"
                                        + "(?:conversaciones|preguntas|historial|chats|registros)\\s+(?:de|del)\\s+"
                                        + "(?:usuario|la usuaria|mi colega|mis colegas|otro usuario|otros usuarios"
                                        + "|" + NAME + ")",
                                "\\bqué (?:preguntó|ha preguntado|preguntaron)\\s+(?:el usuario\\s+\\S+|mi colega|mis"
                                        + " colegas|otros usuarios|" + NAME + ")\\s+(?:a pathwise|al asistente|a ti)",
                                "\\bel historial de otro usuario\\b")),
                List.of(
                        Intent.of("another user's records", SHOW, RECORDS, SOMEONE_ELSE, OF_THE_ASSISTANT, NOT_OWN),
                        Intent.of("another user's records", ASSISTANT_RECORDS, SOMEONE_ELSE_MORE, NOT_OWN),
                        Intent.of("another user's records", RECORDS_WIDER, SOMEONE_WIDER, HELD_BY_ASSISTANT, NOT_OWN),
                        Intent.of("another user's records", PLATFORM_RECORDS, SOMEONE_WIDER, SHOW_WIDER, NOT_OWN),
                        Intent.of("another user's records", PLATFORM_RECORDS, NAMES_DEMAND, NOT_OWN),
                        Intent.of("another user's records", THEIR_EXCHANGES, NOT_OWN),
                        Intent.of("another user's records", ACTIVITY_OF_PEOPLE, NOT_OWN),
                        Intent.of("another user's records", PERSON_DETAILS, NOT_OWN)));
    }
}
