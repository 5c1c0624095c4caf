package org.pathwise.guardrails;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The phrases of prompt injection and jailbreaks in English, French, Spanish and German: telling the assistant to
 * ignore or forget its instructions, to take another role, to reveal its prompt or to drop its rules.
 *
 * <p>The patterns see the text as {@link InjectionTexts#fold} leaves it: accents removed, case kept, curly quotes made
 * straight. Verbs whose imperative is also an ordinary third-person form ("the student ignores the rules", "el alumno
 * olvida las instrucciones") only count at the start of a sentence or after a connective ("and", "now", "please"),
 * unless their object is the assistant's own ("your instructions"); this keeps questions about learners who ignore
 * instructions apart from instructions to ignore them.
 */
final class InjectionPatterns {

    /** A pattern that matched, and where. */
    record Match(String name, int start, int end) {}

    private record Named(String name, Pattern pattern) {}

    /** Where an imperative may stand: the start, after punctuation, or after a connective of one of the languages. */
    private static final String START = "(?:^|(?<=[.!?:;,\"'(\\[\\-–—>*\\n])|\\b(?:please|pls|now|just|and|then|but|so"
            + "|simply|kindly|also|ok|okay|first|instead|actually|maintenant|alors|puis|et|mais|donc|svp|d'abord"
            + "|desormais|ahora|y|pero|entonces|luego|por favor|primero|jetzt|nun|und|aber|dann|bitte|zuerst|sondern"
            + ")\\b|(?<=\\s)(?=(?-i:\\p{Lu})))\\s*";

    private static final List<Named> PATTERNS = List.of(
            // English
            named(
                    "ignore-instructions",
                    START
                            + "(?:ignore|disregard|forget|override|bypass|abandon|discard|neglect|set aside|throw away"
                            + "|leave behind)\\s+(?:(?:all|any|every|each|the|of|your|my|those|these|that|this|previous"
                            + "|previously|prior|above|earlier|preceding|foregoing|original|initial|old|former|given"
                            + "|system|existing|current|other|about|everything|what|whatever|you|you've|you have|were"
                            + "|been|was|were|told|said|received|before|so|far|instructions and)[\\s,]+){0,6}"
                            + "(?:instructions?|prompts?|rules?|directions?|guidelines?|directives?|commands?|orders"
                            + "|assignments?|tasks?|context|restrictions?|constraints?|programming|guardrails?"
                            + "|polic(?:y|ies)|information|documents?|conversation|messages?|everything|all|above"
                            + "|before)\\b"),
            named(
                    "ignore-instructions",
                    "\\b(?:ignore|disregard|forget|override|bypass|abandon|discard|circumvent|change|update|replace"
                            + "|modify|disable|turn off|switch off|remove|break|drop|delete|erase)\\s+(?:all\\s+)?(?:of\\s+)?your\\s+"
                            + "(?:(?:previous|prior|original|initial|current|system|hidden|secret|internal|earlier|old"
                            + "|safety|content|ethical|moral|usage|own)\\s+)*(?:instructions|rules|programming"
                            + "|guidelines|prompts?|directives|restrictions|training|system prompt|constraints|filters?"
                            + "|settings|polic(?:y|ies)|guardrails|safeguards|limitations|ethics|morals|principles"
                            + "|censorship)\\b"),
            named(
                    "ignore-instructions",
                    "\\bleave\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+|your\\s+)?(?:previous|prior|earlier|above)\\s+"
                            + "(?:information|instructions|tasks|context)\\s+behind\\b"
                            + "|\\byour\\s+(?:new\\s+)?instructions\\s+are\\s+now\\b"),
            named(
                    "ignore-context",
                    "\\b(?:ignore|disregard(?:ing)?)\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+)?(?:provided|given|retrieved)\\s+"
                            + "(?:context|documents|articles|sources|passages)\\b"
                            + "|" + START
                            + "(?:ignore|disregard(?:ing)?)\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+)?(?:context"
                            + "|documents|articles|sources|passages)\\b"
                            + "|\\b(?:do not|don't|dont)\\s+(?:look|search)\\s+(?:in|at|into)\\s+the\\s+(?:documents"
                            + "|context|articles|sources)\\b"
                            + "|\\b(?:answer|respond|reply)\\s+(?:only\\s+)?(?:by|from|with|using|on)\\s+your\\s+own\\s+"
                            + "knowledge\\b"
                            + "|\\b(?:do not|don't|dont)\\s+answer\\s+(?:this|the)\\s+question\\s+(?:but|and|just|instead)"
                            + "\\b"),
            named(
                    "chat-template",
                    "<\\|im_(?:start|end)\\|>|\\[/?INST\\]|<<\\s*/?SYS\\s*>>|###\\s*(?:instruction|system)\\b"
                            + "|\\b(?:human|user|assistant|system)\\s*:\\s*(?:human|user|assistant|system)\\s*:"),
            named(
                    "disregard-rules",
                    START
                            + "(?:ignore|disregard|bypass|circumvent|override|disable)\\s+(?:all\\s+|any\\s+)?(?:the\\s+)?"
                            + "(?:safety|content|ethical|ethics|moral|usage)\\s+(?:rules|guidelines|filters?"
                            + "|restrictions|polic(?:y|ies)|guardrails|safeguards)\\b"),
            named(
                    "disregard-rules",
                    "\\b(?:despite|regardless of|contrary to|notwithstanding)\\s+(?:what(?:ever)?|anything|everything"
                            + "|all)\\s+(?:you've|you have|you were|you've been|you have been)\\s*(?:been\\s+)?"
                            + "(?:told|instructed|programmed)\\b"),
            named(
                    "disregard-rules",
                    "\\b(?:do not|don't|dont|don'nt|never)\\s+(?:answer|respond|reply)\\b.{0,40}?\\b(?:according to"
                            + "|based on|using|from|with)\\s+(?:the\\s+)?(?:provided|given|supplied|retrieved)\\s+"
                            + "(?:documents?|context|texts?|sources?|passages?)"),
            named(
                    "new-role",
                    START + "(?:from now on,?\\s+|starting now,?\\s+|henceforth,?\\s+)?you\\s+(?:are|will be|'re)\\s+"
                            + "now\\b"),
            named("new-role", "\\bfrom now on,?\\s+you\\s+(?:are|will|must|shall|act|respond|answer|reply|only)\\b"),
            named(
                    "new-role",
                    "\\b(?:i\\s+want|i'd\\s+like|i\\s+would\\s+like|i\\s+need)\\s+you\\s+to\\s+(?:act|pretend|behave"
                            + "|roleplay|role-play|role play|impersonate|play\\s+the\\s+(?:role|part))\\b"),
            named("new-role", START + "(?:you\\s+)?(?:act|behave)\\s+(?:as|like)\\s+(?:if|though|\\w+)\\b"),
            named(
                    "new-role",
                    START + "pretend\\s+(?:to\\s+be|(?:that\\s+)?you(?:'re|\\s+are|\\s+were|\\s+can|\\s+could"
                            + "|\\s+have)|you\\s+(?:can|could))\\b"),
            named("new-task", "\\byour\\s+new\\s+(?:task|tasks|instructions?|assignment|role|job)\\b"),
            named(
                    "new-task",
                    START + "(?:now\\s+)?(?:new|further|additional|more)\\s+(?:tasks?|instructions?)\\s+(?:are\\s+)?"
                            + "(?:follow(?:s|ed|ing)?|coming)\\b"
                            + "|\\b(?:folgen|kommen)\\s+(?:nun\\s+|jetzt\\s+)?(?:neue|weitere)\\s+(?:aufgaben"
                            + "|anweisungen|instruktionen)\\b"),
            named(
                    "jailbreak-persona",
                    "(?-i:\\bDAN\\b)|\\bdo anything now\\b|\\bjailbroken\\b"
                            + "|\\b(?:enable|activate|enter|switch to|in)\\s+(?:DAN|god|jailbreak|unrestricted"
                            + "|unfiltered|uncensored|evil)\\s+mode\\b"
                            + "|\\b(?:developer|dev)\\s+mode\\s+(?:enabled|activated|output|is on)\\b"
                            + "|\\byou(?:'re|\\s+are)\\s+(?:now\\s+)?in\\s+(?:developer|dev|god|jailbreak|unrestricted)"
                            + "\\s+mode\\b"),
            named(
                    "role-play",
                    START + "(?:never|do not|don't)\\s+(?:ever\\s+)?break\\s+(?:out\\s+of\\s+)?character\\b"
                            + "|\\byou\\s+(?:will\\s+|must\\s+|should\\s+|may\\s+|can\\s+)?(?:never|not)\\s+break\\s+"
                            + "character\\b"),
            named(
                    "reveal-prompt",
                    "\\b(?:reveal|show|print|display|output|repeat|tell|give|write out|share|leak|dump|list|recite"
                            + "|spell out)\\s+(?:me\\s+|us\\s+)?(?:all\\s+)?(?:of\\s+)?your\\s+(?:(?:initial|original"
                            + "|hidden|secret|system|full|entire|complete|exact|first|internal)\\s+)*(?:system\\s+"
                            + "(?:prompt|message|instructions)|pre-?prompt|prompt\\s+texts?|prompts?|instructions"
                            + "|rules|guidelines|configuration|directives)\\b"),
            named(
                    "reveal-prompt",
                    "\\b(?:reveal|show|print|display|output|repeat|tell|give|write out|share|leak|dump|recite"
                            + "|spell out)\\s+(?:me\\s+|us\\s+)?the\\s+(?:system\\s+(?:prompt|message|instructions)"
                            + "|(?:initial|hidden|secret|original|internal|developer)\\s+(?:prompt|instructions)"
                            + "|pre-?prompt)\\b"),
            named(
                    "reveal-prompt",
                    "\\bwhat\\s+(?:are|were|is)\\s+your\\s+(?:(?:initial|original|hidden|secret|system|exact)\\s+)*"
                            + "(?:instructions|system prompt|prompt|directives)\\b"),
            named(
                    "reveal-prompt",
                    "\\b(?:repeat|print|output)\\s+(?:everything|all|the\\s+(?:text|words|lines|instructions))\\s+"
                            + "(?:above|before)\\b"),
            named(
                    "reveal-prompt",
                    "\\bwhat\\s+(?:was|is)\\s+written\\s+(?:above|before|at\\s+the\\s+(?:beginning|start)\\s+of\\s+"
                            + "(?:this|the|your)\\s+prompt)\\b"
                            + "|\\b(?:beginning|start)\\s+of\\s+(?:this|your|the\\s+system)\\s+prompt\\b"),
            named(
                    "stop-and-command",
                    "\\b(?:stop|stopp)\\s*[-:!–—]+\\s*(?:write|say|print|tell|answer|schreib\\w*|sag\\w*|antworte\\w*"
                            + "|ecris|ecrivez|dis|dites|escribe|di|ich|i)\\b"),
            // French, without accents
            named(
                    "ignore-instructions",
                    START
                            + "(?:ignore[zs]?|oublie[zs]?|neglige[zs]?|ne\\s+tiens\\s+pas\\s+compte|ne\\s+tenez\\s+pas"
                            + "\\s+compte|fais\\s+abstraction|faites\\s+abstraction)\\s*(?:(?:toutes?|tous|les|des|de"
                            + "|du|vos|tes|ton|ta|votre|mes|ces|l'|d'|la|le|ce|qui|a|ete|dit|precede|precedemment"
                            + "|avant|instructions? et)\\s*){0,6}(?:instructions?|consignes?|regles?|directives?"
                            + "|ordres?|commandes?|indications?|taches?|informations?|contexte|tout|precede"
                            + "|ci-dessus)\\b"),
            named(
                    "ignore-instructions",
                    "\\b(?:ignore[zs]?|oublie[zs]?|contourne[zs]?|change[zs]?|modifie[zs]?|desactive[zs]?)\\s+"
                            + "(?:toutes\\s+|tous\\s+)?(?:tes|ton|ta)\\s+(?:instructions|consignes|regles|prompt"
                            + "|invite|directives|programmation|filtres|restrictions)\\b"),
            named(
                    "disregard-rules",
                    "\\b(?:malgre|en\\s+depit\\s+de|peu\\s+importe|contrairement\\s+a)\\s+(?:ce\\s+qu'on\\s+(?:t'a"
                            + "|vous\\s+a)\\s+dit|tes\\s+instructions|vos\\s+instructions)"),
            named(
                    "new-role",
                    START + "(?:tu\\s+es|vous\\s+etes)\\s+(?:maintenant|desormais|a\\s+present)\\b"
                            + "|\\b(?:a\\s+partir\\s+de\\s+maintenant|desormais|dorenavant),?\\s+tu\\s+(?:es|vas|dois"
                            + "|reponds|joues)\\b"),
            named(
                    "new-role",
                    START + "(?:agis|agissez|comporte-toi|comportez-vous)\\s+comme\\s+(?:si|un|une|le|la)\\b"
                            + "|" + START + "(?:fais|faites)\\s+(?:semblant|comme\\s+si)\\b"
                            + "|" + START + "(?:joue|jouez)\\s+le\\s+role\\s+d"
                            + "|\\bje\\s+(?:veux|voudrais|souhaite|aimerais)\\s+que\\s+(?:tu|vous)\\s+(?:agisses"
                            + "|agissiez|joues\\s+le\\s+role|jouiez\\s+le\\s+role|fassiez\\s+semblant|fasses\\s+semblant"
                            + "|te\\s+comportes|vous\\s+comportiez)"),
            named("jailbreak-persona", "\\bmode\\s+(?:developpeur|dieu|sans\\s+restriction|sans\\s+filtre)"),
            named(
                    "reveal-prompt",
                    "\\b(?:revele[zs]?|montre-moi|montrez-moi|affiche-moi|affichez-moi|dis-moi|dites-moi|donne-moi"
                            + "|donnez-moi|repete[zs]?|imprime[zs]?)\\s+(?:(?:tes|ton|ta)\\s+(?:instructions|consignes"
                            + "|prompt|invite|regles)|(?:tes|vos|ton|votre|le|les|l')\\s*(?:instructions|consignes"
                            + "|prompt|invite|message)\\s+(?:systeme|initiales?|d'origine|cachee?s?|secrete?s?))"),
            // Spanish, without accents
            named(
                    "ignore-instructions",
                    START
                            + "(?:ignora|ignore|ignoren|olvida|olvide|olviden|olvidate\\s+de|olvidese\\s+de|descarta"
                            + "|descarte|omite|omita|pasa\\s+por\\s+alto|no\\s+hagas\\s+caso\\s+(?:a|de)|haz\\s+caso"
                            + "\\s+omiso\\s+(?:a|de)|deja\\s+de\\s+lado|(?:tienes|tiene|debes|debe|tendras)\\s+que"
                            + "\\s+olvidar|debes\\s+olvidar|debe\\s+olvidar)\\s+(?:(?:todas?|todos|las|los|tus|sus|mis"
                            + "|esas|estas|el|la|lo|de|del|a|que|se|te|ha|han|dicho|dado|anterior(?:es|mente)?"
                            + "|previas?|previos?|instrucciones\\s+y)\\s+){0,6}(?:instrucciones|indicaciones|reglas"
                            + "|ordenes|directrices|normas|comandos|consignas|tareas|informacion|contexto|todo"
                            + "|anterior(?:es)?|arriba)\\b"),
            named(
                    "ignore-instructions",
                    "\\b(?:ignora|olvida|cambia|modifica|salta(?:te)?|desactiva)\\s+(?:todas\\s+)?(?:tus|tu)\\s+"
                            + "(?:instrucciones|reglas|indicaciones|directrices|prompt|programacion|filtros"
                            + "|restricciones)\\b"),
            named(
                    "new-role",
                    "\\b(?:ahora|a\\s+partir\\s+de\\s+ahora|desde\\s+ahora),?\\s+(?:eres|seras|vas\\s+a\\s+ser"
                            + "|actuaras)\\b"
                            + "|" + START + "(?:actua|actue|comportate|comportese)\\s+como\\s+(?:si|un|una|el|la)\\b"
                            + "|" + START + "(?:finge|finja)\\s+(?:ser|que)\\b"
                            + "|\\bquiero\\s+que\\s+(?:actues|finjas|te\\s+comportes|hagas\\s+de|interpretes\\s+el"
                            + "\\s+papel)"),
            named("jailbreak-persona", "\\bmodo\\s+(?:desarrollador|dios|sin\\s+restricciones|sin\\s+filtros)\\b"),
            named(
                    "reveal-prompt",
                    "\\b(?:revela(?:me)?|muestrame|ensename|dime|imprime|repite|escribe)\\s+(?:(?:tus|tu)\\s+"
                            + "(?:instrucciones|indicaciones|prompt|reglas|directrices)|(?:el|las|los)\\s+(?:prompt"
                            + "|mensaje|instrucciones)\\s+(?:del\\s+sistema|de\\s+sistema|iniciales?|originales?"
                            + "|ocultas?|secretas?))"
                            + "|\\bcuales\\s+son\\s+tus\\s+instrucciones\\b"),
            // German, without umlauts
            named(
                    "ignore-instructions",
                    "(?:(?<![\\w-])(?:ignoriere|vergiss|vergi(?:ss|ß)|missachte)|" + START
                            + "(?:ignorier|ignorieren\\s+sie|ignoriert|vergiss|vergi(?:ss|ß)|vergessen\\s+sie"
                            + "|vergesst|missachte|missachten\\s+sie|uberspringe|verwirf|verwerfen\\s+sie))[\\s,]+"
                            + "(?:(?:alle|alles|die|den|das|deine|ihre|eure|bisherigen|vorherigen|vorangehenden"
                            + "|vorangegangenen|obigen|vorigen|fruheren|ursprunglichen|samtliche|was|wir|du|vorher"
                            + "|davor|bisher|zuvor|gesagt|besprochen|haben|hast|bekommen|erhalten|wurde|ist|nun|jetzt|einfach|bitte"
                            + "|gesagte|gesagten)[\\s,]+)"
                            + "{0,6}(?:anweisungen|instruktionen|befehle|regeln|aufgaben|informationen|vorgaben|angaben"
                            + "|auftrage|alles|davor|vorher|oben|zuvor|bisher)\\b"),
            named(
                    "ignore-instructions",
                    "\\b(?:obigen|vorherigen|bisherigen|vorangegangenen|vorangehenden|vorigen)\\s+(?:ausfuhrungen"
                            + "|anweisungen|instruktionen|informationen|befehle|regeln|aufgaben)\\s+(?:ignorieren"
                            + "|vergessen|missachten|au(?:ss|ß)er\\s+acht\\s+lassen|hinter\\s+(?:dir|sich)\\s+lassen)"
                            + "|\\b(?:lass|lassen\\s+sie)\\s+(?:alle\\s+)?(?:vorherigen|bisherigen|obigen)\\s+\\w+\\s+"
                            + "hinter\\s+(?:dir|sich)"
                            + "|\\babweichend\\s+(?:zu|von)\\s+(?:den\\s+)?(?:vorherigen|bisherigen|obigen)"
                            + "|\\balle\\s+(?:bisherigen|vorherigen)\\s+(?:informationen|anweisungen)\\b.{0,40}?"
                            + "\\b(?:irrelevant|unwichtig|ungultig|vergessen)"),
            named(
                    "ignore-instructions",
                    "\\b(?:ignoriere|vergiss|missachte|umgehe|andere)\\s+(?:alle\\s+)?(?:deine|deinen)\\s+"
                            + "(?:anweisungen|instruktionen|regeln|vorgaben|befehle|programmierung|filter)\\b"),
            named(
                    "new-role",
                    "\\b(?:du\\s+bist|ihr\\s+seid)\\s+(?:jetzt|nun|ab\\s+(?:jetzt|sofort)|von\\s+nun\\s+an)\\b"
                            + "|\\bab\\s+(?:jetzt|sofort),?\\s+bist\\s+du\\b"
                            + "|\\b(?:jetzt|nun)\\s+bist\\s+du\\s+(?:(?-i:\\p{Lu})|(?:ein|eine|der|die|das)\\s)"
                            + "|" + START + "(?:tu|tun\\s+sie)\\s+so,?\\s+als\\s+(?:ob|ware|waren|seist)\\b"
                            + "|" + START + "(?:verhalte\\s+dich|verhalten\\s+sie\\s+sich|agiere|agieren\\s+sie"
                            + "|fungiere|fungieren\\s+sie)\\s+(?:wie|als)\\b"
                            + "|\\bich\\s+mochte,?\\s+dass\\s+(?:du|sie)\\s+als\\b.{1,80}?\\b(?:fungierst|fungieren"
                            + "|agierst|agieren|auftrittst|auftreten|handelst)\\b"),
            named("jailbreak-persona", "\\bentwicklermodus\\b"),
            // Russian, a common carrier of translated attacks
            named(
                    "ignore-instructions",
                    "(?:забудь(?:те)?|игнорируй(?:те)?|проигнорируй(?:те)?)\\s+(?:все\\s+|всё\\s+)?(?:предыдущие\\s+"
                            + "|прежние\\s+|свои\\s+)?(?:инструкции|указания|правила|команды)"),
            named(
                    "reveal-prompt",
                    "\\b(?:zeig|zeige|zeigen\\s+sie|nenne|nennen\\s+sie|gib|geben\\s+sie|drucke|wiederhole|verrate"
                            + "|verraten\\s+sie)\\s+(?:mir\\s+)?(?:alle\\s+)?(?:deine|dein|deinen)\\s+(?:anweisungen"
                            + "|instruktionen|prompts?|systemprompt|system-prompt|regeln|vorgaben)\\b"));

    private InjectionPatterns() {}

    private static Named named(String name, String regex) {
        return new Named(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The first pattern, in the order above, that occurs in a folded text. */
    static Optional<Match> find(String folded) {
        for (var named : PATTERNS) {
            var matcher = named.pattern().matcher(folded);
            if (matcher.find()) {
                return Optional.of(new Match(named.name(), matcher.start(), matcher.end()));
            }
        }
        return Optional.empty();
    }

    /** The names of the patterns, each once. */
    static List<String> names() {
        return PATTERNS.stream().map(Named::name).distinct().toList();
    }
}
