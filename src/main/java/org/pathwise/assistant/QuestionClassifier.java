package org.pathwise.assistant;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.pathwise.retrieval.Sentence;
import org.pathwise.retrieval.TextTerms;

/**
 * Tells what kind of answer a question asks for ({@link QuestionType}) and which of its words the answer must be about
 * (its focus terms), in English, French, Spanish, Portuguese and German.
 *
 * <p>Strategy: the question's last interrogative sentence (a question often starts with its context: "I teach a
 * 12-week course… How many hours a week…?") is folded to lower case without accents and matched against cue patterns,
 * most specific first: comparison, quantity, reason, procedure, definition, list, choice, yes-no. The focus terms are that
 * sentence's terms (the whole question's when that sentence leans on its context: "… Is it realistic?") as texts are
 * matched word by word in the language of the text they are looked for in ({@link TextTerms#matched}: stop words
 * removed, stemmed so that a word family meets), less the words that only ask (question words, pronouns, auxiliaries
 * and modal verbs, in every language alike) and, in a choice question, the verbs that ask for the pick.
 */
final class QuestionClassifier {

    private record Cue(QuestionType type, Pattern pattern) {}

    private static final List<Cue> CUES = List.of(
            cue(
                    QuestionType.COMPARISON,
                    "\\bdifferen(ce|t|ces) between\\b|\\bcompare[sd]?\\b|\\bversus\\b|\\bvs\\.?\\s|\\bbetter than\\b"
                            + "|\\bhow does .+ differ\\b|\\bdifference entre\\b|\\bcompar(er|aison)\\b|\\bplutot que\\b"
                            + "|\\bpar rapport a\\b|\\bdiferencia(s)? entre\\b|\\bcompar(ar|acion)\\b|\\bmejor que\\b"
                            + "|\\bfrente a\\b|\\bdiferenca entre\\b|\\bunterschied zwischen\\b"),
            cue(
                    QuestionType.QUANTITY,
                    "\\bhow (many|much|long|often|old|large|big|far|frequently)\\b|\\bwhat (percentage|proportion"
                            + "|ratio|share|fraction|number)\\b|\\bat what age\\b|\\bcombien\\b|\\bquel(le)?s? (pourcentage"
                            + "|proportion|nombre|duree|frequence|ratio)\\b|\\ba quelle frequence\\b|\\bcuant[oa]s?\\b"
                            + "|\\bque (porcentaje|proporcion|numero|cantidad)\\b|\\bcon que frecuencia\\b"
                            + "|\\bquant[oa]s?\\b|\\bwie (viele|viel|lange|oft)\\b"),
            cue(
                    QuestionType.REASON,
                    "^(why|pourquoi|por que|porque|para que|warum|wieso)\\b|\\bwhy\\b|\\bwhat is the (reason|purpose)"
                            + "\\b|\\bfor what reason\\b|\\bpourquoi\\b|\\bquelle est la raison\\b|\\bpor que\\b"
                            + "|\\bcual es la razon\\b|\\bwarum\\b"),
            cue(
                    QuestionType.PROCEDURE,
                    "^how\\b|\\bhow (do|can|should|would|could|to|does|did|might|may|must)\\b|\\bwhat (are the )?steps"
                            + "\\b|\\bwhat should i do\\b|\\bwhat do i do\\b|\\bcomment\\b|\\bquelles (sont les )?etapes\\b"
                            + "|\\bque dois-je faire\\b|^como\\b|\\bcomo (puedo|puede|se|hago|hacer|podemos|debo|debemos"
                            + "|crear|evitar|organizar|preparar|usar|utilizar|elegir|evaluar|dar|conseguir|mejorar"
                            + "|lograr|disenar|posso|fazer)\\b|\\bque pasos\\b|\\bque debo hacer\\b|^wie\\b"),
            cue(
                    QuestionType.DEFINITION,
                    "^what (is|are|was|were) (a |an |the )?(\\S+ ?){1,4}\\??$|\\bwhat does .+ mean\\b|\\bwhat is meant by"
                            + "\\b|\\bdefin(e|ition)\\b|\\bmeaning of\\b|^who (is|was|are)\\b|\\bqu'?est-ce que\\b"
                            + "|\\bque (signifie|veut dire)\\b|\\bc'est quoi\\b|\\bque es\\b|\\bque son\\b|\\bque significa"
                            + "\\b|\\ba que se refiere\\b|\\bo que e\\b|\\bwas (ist|sind|bedeutet)\\b"),
            cue(
                    QuestionType.LIST,
                    "^(which|what) \\w+s\\b(?<!\\b(is|was|does|has|this|its|us|as|class|process|access|focus|bias"
                            + "|status|analysis|thesis|basis|campus|syllabus|corpus|consensus|success|business))"
                            + "|^(which|what) \\w+ \\w+s (are|do|should|can|could|would|will|have|help|exist)\\b"
                            + "|\\b(which|what) (kinds?|types?|sorts?) of\\b|\\blist\\b|\\bname (the|some|three|two)\\b"
                            + "|\\bexamples? of\\b|^(quels|quelles|lesquels|lesquelles)\\b|\\bexemples?\\b"
                            + "|^(cuales|que (tipos|herramientas|recursos|pasos|principios|elementos))\\b|\\bejemplos?\\b"
                            + "|^quais\\b|^welche\\b"),
            cue(
                    QuestionType.CHOICE,
                    "^(which|what) (\\w+ ){1,2}(should|would|could|can|do|does|is|lets?|allows?|works?|suits?|fits?)\\b"
                            + "|^which (\\w+ ){3}(should|would|could|can|will|must|lets?|allows?|works?|suits?|fits?)\\b"
                            + "|^which of\\b|^(under|in|on|from|for|with|by) which \\w+"
                            + "|^(quel|quelle) (\\w+ ){1,2}(dois|devrais|faut|permet|convient|conviendrait|choisir|suivre"
                            + "|utiliser|adopter|privilegier|conseillez|recommandez)|^(sur|vers|selon|avec) (quel|quelle) \\w+"
                            + "|^(que|cual) (\\w+ ){1,2}(debo|deberia|conviene|convendria|permite|elegir|elijo|puedo"
                            + "|recomiendan|recomiendas|recomienda|sirve)\\b|^(con|sobre) (que|cual) \\w+"
                            + "|^(qual) (\\w+ ){1,2}(devo|deveria|permite)\\b"),
            cue(
                    QuestionType.YES_NO,
                    "^(is|are|was|were|can|could|should|shall|do|does|did|must|may|might|will|would|has|have|had|am)"
                            + "\\b|^(est-ce|dois-je|puis-je|faut-il|peut-on|peut-il|y a-t-il|devrais-je|suis-je)\\b"
                            + "|-t-(il|elle|on)\\b|^(es|son|puedo|debo|deberia|hay|se puede|tengo que|conviene|existe)\\b"
                            + "|^(posso|devo|e|sao|existe)\\b|^(ist|sind|kann|soll|sollte|muss|darf|gibt es)\\b"));

    /**
     * The words that only ask, in every language the classifier reads, which an answer need not hold: question words,
     * the pronouns of the one who asks ("How do I …", "my slides") and of the one asked about, and the verbs that carry
     * a question rather than its subject (to be, to have, to do, can, should, must, want, and "if"/"whether"),
     * conjugated as questions use them. The same kinds of word in each language, so that a French or Spanish question
     * keeps as few words that only ask as an English one. A question is analysed in the language of the passage it is
     * compared with, so every language's words are taken out whatever the language, and a word whose analysed form is
     * also a content word's is left out: "mine" and "mining", "faire" and "fair", "eu" and "EU", "devoir" and
     * "devoirs" (homework), "deber" and "deberes", "fait" and "faits", "son" (sound), "été" (summer), Spanish "he" and
     * HE, Spanish "era", German "war" and "hat", French "ai" (AI) and "sa" (ShareAlike). A few are kept because
     * questions ask with them far more often than they ask about their twins: "us" (which English analyses as "use":
     * "How do I use…?" asks about what follows), "need" ("Do I need…?") and French "faut" ("faut-il", also "fautes").
     */
    private static final String QUESTION_WORDS = String.join(
            " ",
            // English
            "how what which why when where who whom whose many much long often do does did doing can could should",
            "would mean means meaning define definition difference differ compare example examples list name kind",
            "kinds type types step steps way ways reason purpose i me my myself we us our ours you your yours one",
            "someone is are was were be been being am has have had having need needs must may might will shall want",
            "wants whether if it its",
            // French
            "comment pourquoi combien quel quelle quels quelles quoi où signifie raison étape étapes exemple",
            "exemples je me moi mon ma mes nous notre nos vous votre vos on est sont suis es êtes sommes être",
            "était a as avons avez ont avoir peut peux puis pouvons pouvez peuvent pourrait pourrais pourrions",
            "pourriez pouvoir doit dois devons devez doivent devrait devrais devrions devriez faut faudrait falloir",
            "veux veut voulons voulez veulent voudrais voudrait voudrions vouloir fais faisons si il elle ils elles",
            "ce cela ça ses leur leurs",
            // Spanish
            "cómo como cuál cuáles cuánto cuántos cuánta cuántas qué por porque dónde donde significa razón paso",
            "pasos ejemplo ejemplos yo me mi mis nosotros nos nuestro nuestra nuestros usted ustedes su sus es son",
            "soy eres somos ser sido está están estoy estar hay ha han haber tiene tengo tienen tenemos tener puede",
            "puedo pueden podemos podría podrían podríamos poder debe debo deben debemos debería deberían deberíamos",
            "hace hago hacen hacer quiero quiere queremos quieren querer necesito necesita necesitamos necesitan si",
            // Portuguese
            "meu minha nós nosso é são sou ser está estão estar tem têm ter pode posso podem poderia poder deve devo",
            "devem deveria dever quero quer querer faz fazer há se onde",
            // German
            "wie warum welche welcher was ich mein meine wir unser ist sind bin bist waren habe haben hast kann",
            "kannst können könnte sollte sollten soll muss müssen darf will wollen möchte brauche braucht wird",
            "werden ob wo");

    /**
     * The words with which a choice question asks for its pick ("Which licence should I choose?", "Quelle grille
     * privilégier ?", "¿Qué buscador me recomiendan?"): in a choice question they only ask, as "how" does, and an
     * answer names the pick without them. In another kind of question they may be its subject ("How do I choose a
     * licence?"), so they are taken out of a choice question's focus terms only. Verbs whose analysed form is also a
     * content word's are left out: "suit" (suite), "work" (a derivative work), "fit" (fitness), "prefer"
     * (preferences), French "utiliser" (utilisateurs), "adopter" (adoption), "employer" (employers).
     */
    private static final String PICK_WORDS = String.join(
            " ",
            "choose chooses choosing chosen pick picks best better recommend recommends recommended advise advised",
            "use opt go choisir choisis choisissez choisirais convient conviendrait conviennent recommandez",
            "recommandes recommanderiez conseillez conseilles conseilleriez privilégier préférer suivre opter",
            "elegir elijo elija escoger escojo conviene convienen convendría recomiendan recomiendas recomienda",
            "recomendarías recomendaría aconsejas aconseja sirve sirven usar utilizar emplear optar",
            "escolher escolho recomenda recomendam convém serve",
            "wählen empfehlen empfiehlt eignet passt nutzen verwenden");

    private static final java.util.Map<String, Set<String>> QUESTION_TERMS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, Set<String>> PICK_TERMS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Fewer focus terms than this in the sentence that asks, and it leans on its context ("Is it realistic?", "Par où
     * commencer ?", "¿Es realista?"): the context's terms count as focus terms too.
     */
    static final int LEANING = 2;

    private static Cue cue(QuestionType type, String regex) {
        return new Cue(type, Pattern.compile(regex));
    }

    private QuestionClassifier() {}

    /** The kind of answer a question asks for. */
    public static QuestionType typeOf(String question) {
        var asked = fold(lastQuestion(question));
        for (var cue : CUES) {
            if (cue.pattern().matcher(asked).find()) {
                return cue.type();
            }
        }
        return QuestionType.OTHER;
    }

    /**
     * The question's focus terms analysed as {@code language} (the language of the text they are to be found in): the
     * terms of the part that asks ({@link #asked}: a question often starts with its context, which an answer need not
     * repeat), less the words that only ask, and in a choice question the verbs that ask for the pick.
     *
     * @param type the question's type ({@link #typeOf}), read from the question as it was asked
     */
    public static Set<String> focus(String question, QuestionType type, String language) {
        return askedPart(question, type, language).focus();
    }

    /**
     * The part of a question an answer must be about: the sentence that asks, or the whole question when that sentence
     * leans on its context, keeping fewer than {@value #LEANING} focus terms of its own.
     */
    public static String asked(String question, QuestionType type, String language) {
        return askedPart(question, type, language).text();
    }

    /** The part of a question that asks ({@link #asked}) and its focus terms, each analysed once. */
    private record AskedPart(String text, Set<String> focus) {}

    private static AskedPart askedPart(String question, QuestionType type, String language) {
        var asked = lastQuestion(question);
        var focus = withoutAskingWords(asked, type, language);
        if (focus.size() < LEANING && !asked.equals(question)) {
            return new AskedPart(question, withoutAskingWords(question, type, language));
        }
        return new AskedPart(asked, focus);
    }

    private static Set<String> withoutAskingWords(String text, QuestionType type, String language) {
        var terms = new LinkedHashSet<>(TextTerms.matched(text, language));
        var analysis = TextTerms.analysis(language);
        terms.removeAll(QUESTION_TERMS.computeIfAbsent(analysis, key -> TextTerms.matched(QUESTION_WORDS, language)));
        if (type == QuestionType.CHOICE) {
            terms.removeAll(PICK_TERMS.computeIfAbsent(analysis, key -> TextTerms.matched(PICK_WORDS, language)));
        }
        return terms;
    }

    /** The last sentence of a text that asks something, or the whole text when none does. */
    public static String lastQuestion(String text) {
        var sentences = Sentence.sentencesOf(text, "und");
        for (int i = sentences.size() - 1; i >= 0; i--) {
            if (Sentence.isQuestion(sentences.get(i))) {
                return sentences.get(i);
            }
        }
        return text;
    }

    /** Lower case, accents removed, apostrophes made straight, spaces single. */
    static String fold(String text) {
        var folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('’', '\'')
                .replace("¿", "")
                .replace("¡", "");
        return folded.replaceAll("\\s+", " ").strip();
    }
}
