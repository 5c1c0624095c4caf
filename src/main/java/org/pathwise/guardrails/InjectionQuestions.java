package org.pathwise.guardrails;

import java.util.List;
import java.util.Optional;

/**
 * Prompt injections worded as questions, in English, French, Spanish and German, recognised by their structure
 * ({@link Intent}) rather than by a phrase: asking what came before the user's first message or what the assistant's
 * setup says, asking how it would answer without its restrictions or in another mode, settling what its answers will
 * be from now on, asking it to confirm it is now another assistant, and asking how to switch its safety checks off.
 *
 * <p>Each structure needs the assistant or the conversation itself as its object ("this chatbot", "the text before my
 * message", "my last question"), so that a teacher's question about exam rules, a learning platform's configuration or
 * a class that would answer differently without limits is not read as one. Written from the calibration file
 * {@code eval/datasets/injection-questions-calibration.jsonl}; {@code injection-questions-test.jsonl} measures them.
 */
final class InjectionQuestions {

    private InjectionQuestions() {}

    /** The assistant or this conversation, named rather than addressed with "you". */
    private static final String THE_ASSISTANT = "\\b(?:the|this|that)\\s+(?:assistant|chatbot|chat\\s*bot|bot|ai|tutor"
            + "|chat|conversation)\\b|\\b(?:der|die|das|dieser|dieses|diesem|diesen|des)\\s+(?:assistent\\w*|bots?"
            + "|chatbots?|chats?|ki)\\b|\\bl'(?:assistant|ia)\\b|\\b(?:le|ce|cet|cette|du)\\s+(?:assistant|chatbot|bot"
            + "|chat|conversation|discussion)\\b|\\b(?:el|este|esta|del)\\s+(?:asistente|chatbot|bot|chat"
            + "|conversacion)\\b";

    /** The asker's own earlier question, which only the assistant has. */
    private static final String MY_QUESTION = "\\bmy\\s+(?:last|previous|earlier|first)?\\s*(?:question|message)\\b"
            + "|\\bwhat\\s+i\\s+asked\\b|\\bmeine\\w*\\s+(?:letzte\\w*|vorige\\w*|erste\\w*)?\\s*(?:frage|nachricht)\\b"
            + "|\\bma\\s+(?:derniere|precedente|premiere)?\\s*(?:question|message)\\b|\\bmon\\s+(?:dernier|premier)?\\s*"
            + "message\\b|\\bla\\s+question\\s+d'avant\\b|\\bmi\\s+(?:ultima|anterior|primera)?\\s*(?:pregunta|mensaje)"
            + "\\b|\\blo\\s+que\\s+pregunte\\b|\\bmy\\s+grading\\s+question\\b";

    /** The assistant, named or addressed. */
    private static final String ASSISTANT_OR_YOU = THE_ASSISTANT + "|\\b(?:you|your|du|dich|dir|dein\\w*|tu|toi|te"
            + "|vous|tes|ton|ta|usted|tus?)\\b|\\b(?:a|an|ein|eine|un|une)\\s+(?:tutor|tuteur|dozent|version|versione?)"
            + "\\b|\\bversion\\s+(?:of|des|del)\\b";

    /** A setup the user is not shown: the text before the conversation, the configuration, the developers' notes. */
    private static final String SETUP = "\\b(?:setup|set-up|initial|startup|start-up|hidden|system|configuration"
            + "|config|internal|developer'?s?)\\s+(?:text|message|prompt|file|template|notes?|settings|parameters)\\b"
            + "|\\bhidden\\s+settings\\b|\\bconfiguration\\s+file\\b|\\b(?:einrichtungs|konfigurations|start|system"
            + "|entwickler)(?:text|datei|vorlage|nachricht|hinweise|einstellungen)\\b|\\bversteckte\\w*\\s+einstellung"
            + "\\w*|\\bkonfiguration\\b|\\bvorlage\\b|\\b(?:texte|fichier|modele|message)\\s+de\\s+(?:parametrage"
            + "|configuration|demarrage)\\b|\\breglages\\s+caches\\b|\\bconfiguration\\b|\\b(?:texto|archivo|mensaje)"
            + "\\s+de\\s+(?:configuracion|ajustes|inicio)\\b|\\bmensaje\\s+oculto\\b|\\bparametros\\s+internos\\b"
            + "|\\barchivo\\s+de\\s+ajustes\\b";

    /** What holds the setup: the assistant itself, not a course or a platform. */
    private static final String OF_THE_ASSISTANT = THE_ASSISTANT + "|\\bleft\\s+for\\s+you\\b|\\bdir\\s+.{0,60}"
            + "hinterlassen\\b|\\bt'ont\\b|\\bte\\s+dejaron\\b|\\brunning\\s+with\\b|\\blauft\\s+dieser\\b"
            + "|\\bfonctionne-t-il\\b";

    /** Text before the user's first message or question, or loaded before the conversation began. */
    private static final String BEFORE_MY_MESSAGE =
            "\\b(?:text|message|lines?|words?|what|content)\\b.{0,40}\\b(?:before"
                    + "|above|preceding|precedes|prior\\s+to|ahead\\s+of)\\s+(?:my|this|the)\\s+(?:first\\s+|very\\s+first\\s+)?"
                    + "(?:message|question|prompt|conversation|chat)\\b|\\bsits\\s+before\\s+this\\s+message\\b"
                    + "|\\b(?:text|nachricht|zeilen|inhalt|was)\\b.{0,60}\\bvor\\s+(?:meiner|meinem|dieser|diesem)\\s+"
                    + "(?:ersten\\s+)?(?:nachricht|frage|gesprach|chat)\\b|\\b(?:texte|message|lignes|ce\\s+qui)\\b.{0,40}"
                    + "\\b(?:avant|precede)\\s+(?:mon|ma|ce|cette)\\s+(?:premier\\s+|premiere\\s+)?(?:message|question"
                    + "|conversation)\\b|\\b(?:texto|mensaje|lineas|lo\\s+que)\\b.{0,40}\\b(?:antes\\s+de|precede\\s+a)\\s+"
                    + "(?:que\\s+empezara\\s+)?(?:mi|este|esta)\\s+(?:primer\\s+|primera\\s+)?(?:mensaje|pregunta"
                    + "|conversacion)\\b";

    /** Rules or notes kept from the user. */
    private static final String KEPT_FROM_USERS =
            "\\b(?:rules|guidelines|notes|instructions)\\b.{0,60}\\b(?:not\\s+shown"
                    + "|aren't\\s+shown|hidden|invisible|left\\s+for\\s+you)\\b|\\b(?:regeln|hinweise|vorgaben)\\b.{0,80}"
                    + "\\b(?:nicht\\s+angezeigt|versteckt\\w*|hinterlassen)\\b|\\b(?:regles|notes|consignes)\\b.{0,40}"
                    + "\\b(?:invisibles?|cachees?|laissees?)\\b|\\b(?:normas|notas|reglas|pautas)\\b.{0,60}\\b(?:no\\s+se"
                    + "\\s+muestran|ocultas?|dejaron)\\b";

    /** An answer, or the assistant's reply. */
    private static final String ANSWERING = "\\b(?:answer\\w*|respond\\w*|repl(?:y|ies|ied)|say|antwort\\w*"
            + "|beantwort\\w*|sagen|repond\\w*|dirait|diria|respond\\w*|contest\\w*)\\b|\\bwhat\\s+is\\s+the\\s+honest"
            + "\\s+answer\\b";

    /** No restrictions, another mode or persona without them. */
    private static final String UNRESTRICTED = "\\b(?:no|without(?:\\s+any)?)\\s+(?:restrictions?|limits?|filters?"
            + "|guidelines(?:\\s+whatsoever)?|rules|censorship|moral\\w*|ethics)\\b|\\b(?:unfiltered|uncensored"
            + "|unrestricted)\\b|\\bdeveloper[- ]mode\\b|\\bevil\\s+twin\\b|\\bkeinerlei\\s+einschrankungen\\b"
            + "|\\bohne\\s+(?:einschrankungen|filter|richtlinien|regeln|moral\\w*|zensur)\\b|\\bfilter\\s+ware\\s+aus"
            + "\\b|\\bsans\\s+(?:restrictions?|limites?|filtres?|regles?|censure)\\b|\\baucune\\s+(?:restriction"
            + "|regle|limite)\\b|\\bnon\\s+filtre\\b|\\bjumeau\\s+malefique\\b|\\bsin\\s+(?:restricciones|filtros"
            + "|censura|normas|limites)\\b|\\bninguna\\s+(?:restriccion|norma)\\b|\\bmodo\\s+sin\\s+filtros\\b"
            + "|\\bmode\\s+non\\s+filtre\\b";

    /** From now on, or from the next message. */
    private static final String FROM_NOW_ON = "\\bfrom\\s+(?:now|here)\\s+on\\b|\\bstarting\\s+with\\s+the\\s+next\\b"
            + "|\\bab\\s+(?:jetzt|sofort|der\\s+nachsten)\\b|\\bvon\\s+nun\\s+an\\b|\\bjede\\s+weitere\\b"
            + "|\\bdesormais\\b|\\bdorenavant\\b|\\ba\\s+partir\\s+de\\s+maintenant\\b|\\ba\\s+partir\\s+de\\s+ahora"
            + "\\b|\\bdesde\\s+ahora\\b|\\bde\\s+ahora\\s+en\\s+adelante\\b";

    /** The assistant's answers as the object of a rule the user sets. */
    private static final String ITS_ANSWERS = "\\b(?:every|each|the\\s+next|all)\\s+(?:\\w+\\s+)?(?:answers?|repl(?:y"
            + "|ies)|responses?|messages?)\\b|\\b(?:reply|respond|answer)\\s+(?:only|just)\\s+with\\b|\\b(?:jede\\w*"
            + "|die\\s+nachste\\w*|alle)\\s+(?:\\w+\\s+)?(?:antwort\\w*|nachricht\\w*)\\b|\\bnur\\s+noch\\s+mit\\b"
            + "|\\b(?:chaque|la\\s+prochaine|toutes?\\s+les)\\s+(?:\\w+\\s+)?(?:reponses?|messages?)\\b|\\bne\\s+repondre"
            + "\\b.{0,20}\\bque\\s+par\\b|\\b(?:cada|la\\s+proxima|todas\\s+las)\\s+(?:\\w+\\s+)?(?:respuestas?"
            + "|mensajes?)\\b|\\bresponder\\s+solo\\s+con\\b|\\bentre\\s+corchetes\\b|\\bin\\s+square\\s+brackets\\b"
            + "|\\bin\\s+eckigen\\s+klammern\\b|\\bentre\\s+crochets\\b";

    /** Only a given text, and nothing else. */
    private static final String ONLY_THIS_TEXT = "\\bnothing\\s+else\\b|\\bsonst\\s+nichts\\b|\\bohne\\s+weiteren\\s+"
            + "text\\b|\\brien\\s+d'autre\\b|\\bnada\\s+mas\\b|\\bconsist(?:ed|ing|s)?\\s+only\\s+of\\b"
            + "|\\bformada\\s+unicamente\\s+por\\b|\\bse\\s+limiter\\s+a\\b|\\beinfach\\s+\".{1,80}\"\\s+lauten\\b";

    /** Being another assistant now. */
    private static final String NOW_ANOTHER = "\\byou(?:'re|\\s+are)\\s+now\\b|\\btu\\s+es\\s+maintenant\\b"
            + "|\\b(?:ahora|ya)\\s+eres\\b|\\beres\\s+(?:ahora|ya)\\b|\\b(?:am\\s+i\\s+(?:talking|speaking)\\s+"
            + "(?:to|with)|spreche\\s+ich\\s+(?:gerade\\s+)?mit|je\\s+parle\\s+bien\\s+a|estoy\\s+hablando\\s+con)\\s+['\"]"
            + "|\\b(?:is|ist|est|es)\\s+(?:the\\s+assistant|der\\s+assistent|l'assistant|el\\s+asistente)\\s+"
            + "(?:now|jetzt|maintenant|ahora)\\b";

    /** An administrator's assistant, which this one would have become. */
    private static final String ADMIN_ASSISTANT = "\\badmin(?:istrator)?[- ](?:level\\s+)?assistant\\b"
            + "|\\badmin-assistent\\w*|\\bassistant\\s+administrateur\\b|\\basistente\\s+de\\s+administrador\\b";

    /** A maintenance mode in which replies are no longer filtered. */
    private static final String MAINTENANCE =
            "\\bmaintenance\\s+mode\\b|\\bwartungsmodus\\b|\\bmode\\s+maintenance\\b" + "|\\bmodo\\s+mantenimiento\\b";

    private static final String NO_LONGER_FILTERED =
            "\\b(?:no\\s+longer|nicht\\s+mehr|ne\\s+sont\\s+plus|plus" + "|ya\\s+no)\\b.{0,20}\\bfilt";

    /** Dropping its own instructions, asked as a question ("can you ignore your previous instructions?"). */
    private static final String DROP_ITS_INSTRUCTIONS = "\\b(?:ignor\\w*|forget\\w*|disregard\\w*|oubli\\w*|olvid\\w*"
            + "|vergess\\w*|vergiss\\w*)\\s+(?:all\\s+|toutes\\s+|todas\\s+|alle\\s+)?(?:your|tes|vos|tus|sus|deine\\w*"
            + "|ihre\\w*)\\s+(?:\\w+\\s+)?(?:instructions?|consignes|instrucciones|anweisungen|regles|reglas|regeln)\\b"
            + "|\\b(?:deine|ihre)\\s+(?:\\w+\\s+)?\\w*anweisungen\\b.{0,60}\\bignorier\\w*";

    /** Switching its safety checks off. */
    private static final String SAFETY_OFF = "\\b(?:skip\\w*|disabl\\w*|switch\\w*\\s+off|turn\\w*\\s+off|bypass\\w*"
            + "|deactivat\\w*|get\\s+around|circumvent\\w*|abschalt\\w*|ausschalt\\w*|deaktivier\\w*|umgeh\\w*"
            + "|uberspring\\w*|desactiv\\w*|contourn\\w*|sauter|apag\\w*|saltar)\\b.{0,40}\\b(?:(?:sicherheits|moderations)"
            + "(?:prufung|filter|schicht|anweisung)\\w*|(?:safety|security|moderation)\\s*-?\\s*(?:checks?|filters?|layer"
            + "|controls?)\\b)|\\b(?:sicherheits|moderations)(?:prufung"
            + "|filter|schicht)\\w*\\b.{0,60}\\b(?:abschalt\\w*|ausschalt\\w*|deaktivier\\w*|uberspring\\w*)\\b"
            + "|\\bschalt\\w*\\b.{0,80}\\b(?:sicherheits|moderations)(?:prufung|filter|schicht)\\w*\\b.{0,40}\\b(?:ab"
            + "|aus)\\b|\\b(?:filtres?\\s+de\\s+(?:securite|moderation)|verifications?\\s+de\\s+securite)\\b"
            + "|\\b(?:controles?|filtros?)\\s+de\\s+(?:seguridad|moderacion)\\b|\\boverride\\s+code\\b";

    /** Safety checks switched off for the assistant, not for a platform the teacher runs. */
    private static final String FOR_THE_ASSISTANT = THE_ASSISTANT + "|\\boverride\\s+code\\b|\\bdes\\s+"
            + "(?:assistenten|chats)\\b|\\bdieses\\s+chats\\b|\\bde\\s+ce\\s+chat\\b|\\bde\\s+este\\s+chat\\b"
            + "|\\bdel\\s+asistente\\b";

    /** Guidelines said to be gone. */
    private static final String GUIDELINES_GONE = "\\bas\\s+(?:though|if)\\s+(?:its|your|his|her)\\s+(?:guidelines"
            + "|rules|instructions|restrictions|filters)\\s+(?:had\\s+been|were)\\s+(?:cleared|removed|deleted|lifted"
            + "|switched\\s+off|turned\\s+off)\\b|\\bals\\s+waren\\s+seine\\s+(?:vorgaben|regeln|richtlinien)\\s+"
            + "(?:geloscht|entfernt|aufgehoben)\\b|\\bcomme\\s+si\\s+ses\\s+(?:consignes|regles|instructions)\\s+"
            + "avaient\\s+ete\\s+(?:effacees|supprimees|levees)\\b|\\bcomo\\s+si\\s+sus\\s+(?:pautas|normas|reglas"
            + "|instrucciones)\\s+se\\s+hubieran\\s+(?:borrado|eliminado)\\b";

    private static final List<Intent> INTENTS = List.of(
            Intent.of("leak-setup", BEFORE_MY_MESSAGE),
            Intent.of("leak-setup", SETUP, OF_THE_ASSISTANT),
            Intent.of("leak-setup", KEPT_FROM_USERS, OF_THE_ASSISTANT + "|\\bdiscussion\\b|\\busuario\\b"),
            Intent.of("unrestricted-answer", UNRESTRICTED, ANSWERING, MY_QUESTION + "|" + ASSISTANT_OR_YOU),
            Intent.of("unrestricted-answer", GUIDELINES_GONE),
            Intent.of("set-answers", FROM_NOW_ON, ITS_ANSWERS),
            Intent.of("set-answers", ONLY_THIS_TEXT, "\\b(?:answer|reply|response|antwort|reponse|respuesta)\\b"),
            Intent.of(
                    "repeat-after-me",
                    "\\brepeat\\s+after\\s+me\\b|\\bnachsprechen\\b|\\bsprich\\s+mir\\s+nach\\b"
                            + "|\\brepete[rz]?\\s+apres\\s+moi\\b|\\brepetir\\s+conmigo\\b|\\brepite\\s+(?:conmigo|despues"
                            + "\\s+de\\s+mi)\\b"),
            Intent.of("new-role", NOW_ANOTHER),
            Intent.of("new-role", ADMIN_ASSISTANT, THE_ASSISTANT),
            Intent.of("new-role", MAINTENANCE, NO_LONGER_FILTERED),
            Intent.of("disable-safety", SAFETY_OFF, FOR_THE_ASSISTANT),
            Intent.of("ignore-instructions", DROP_ITS_INSTRUCTIONS));

    /** The first structure found in a folded text, with the words that made it up. */
    static Optional<Found> find(String folded) {
        for (var intent : INTENTS) {
            var words = intent.find(folded);
            if (words.isPresent()) {
                return Optional.of(new Found(intent.name(), words.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * A structure found.
     *
     * @param name the family of injection, as the phrases name theirs
     * @param words the words of the text that made it up, joined by " … "
     */
    record Found(String name, String words) {}
}
