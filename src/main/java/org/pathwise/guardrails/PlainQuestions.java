package org.pathwise.guardrails;

import java.util.List;
import java.util.regex.Pattern;
import org.pathwise.retrieval.Sentence;

/**
 * Plain questions: texts that ask about something and address no one. Such a text can't carry an instruction to an
 * AI, so the prompt-injection classifier may not refuse it alone; its phrases and encodings still apply.
 *
 * <p>Why: the classifier reads an English embedding and hashed words. It learns an injection's topics along with its
 * intent, and the public injection data hold many political and historical prompts, so an ordinary question on such a
 * topic, in German above all, can score as an attack. An injection, though, has to tell the model something: it
 * addresses it ("you", "du", "Sie"), gives it an order ("forget", "vergiss", "write", "antworte"), names its workings
 * ("prompt", "instructions", "system"), asks about the conversation or what is hidden in it ("what was written
 * above?") or frames text for it (quotes, colons, brackets, a line in capitals). A text
 * with none of these, whose every sentence but the last states something and whose last asks with a question word, is
 * plain.
 *
 * <p>Measured before it was used: it exempts none of the 203 injections of deepset/prompt-injections' training data,
 * and about three in four XQuAD questions in English and in German. It knows the question words of English and German,
 * the languages the bundled classifier decides in; a question in another language is never plain here, and so is judged
 * as before.
 */
final class PlainQuestions {

    private PlainQuestions() {}

    /** A question is plain only when it is short enough to read at a glance. */
    static final int MOST_WORDS = 40;

    private static final Pattern QUESTION_WORD = Pattern.compile(
            "^(who|whom|whose|what|which|when|where|why|how|wer|wen|wem|wessen|was|welche[rsmn]?|wann|wo|woher|wohin"
                    + "|womit|wofür|worauf|woran|worin|wovon|wozu|warum|wieso|weshalb|weswegen|wie)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The second person, which addresses a reader: in English, and in German familiar and plural. */
    private static final Pattern SECOND_PERSON = Pattern.compile(
            "\\b(you|your|yours|yourself|yourselves|u|ur|du|dich|dir|dein|deine|deinen|deinem|deiner|deines|ihr|euch"
                    + "|euer|eure|euren|eurem|eurer)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** German's formal "you" is "Sie" with a capital inside a sentence ("sie" is she or they). */
    private static final Pattern FORMAL_YOU = Pattern.compile("\\s(Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\\b");

    /** Orders and words about a model's workings, which a plain question has no need of. */
    private static final Pattern INSTRUCTION = Pattern.compile(
            "\\b(ignor\\w*|forget|forgot|disregard|pretend|act|role|say|said|write|output|print|answer\\w*|respond\\w*"
                    + "|repeat|tell|show|give|list|translate|instead|now|prompt\\w*|instruction\\w*|system|ai|assistant"
                    + "|model|task\\w*|rules?|vergiss|vergessen|vergesse|ignoriere\\w*|schreib\\w*|sag\\w*|gib|antwort\\w*"
                    + "|zeig\\w*|tu|mach\\w*|nun|jetzt|stattdessen|aufgabe\\w*|anweisung\\w*|ki|modell|regeln?"
                    + "|befehl\\w*)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Words that point at the conversation itself or at what is kept from the reader: what a leak of the hidden part
     * of a prompt asks about ("what was written above?", "was stand davor?").
     */
    private static final Pattern THE_CONVERSATION = Pattern.compile(
            "\\b(above|earlier|previous\\w*|preceding|before this|conversation|chat|context|hidden|secret\\w*"
                    + "|confidential|password\\w*|written|wrote|oben|obig\\w*|davor|vorher\\w*|bisher\\w*|gespräch\\w*"
                    + "|unterhaltung|kontext|versteckt\\w*|geheim\\w*|vertraulich\\w*|passwort\\w*|geschrieben)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Marks that frame text for a reader: quotes, colons, brackets, code and markup, a line break. */
    private static final Pattern FRAMING = Pattern.compile("[\"“”„«»:;{}\\[\\]()<>$=#*_|\\\\/`\\n]");

    /** Two words in capitals in a row, as a shouted order is written. */
    private static final Pattern SHOUTING =
            Pattern.compile("\\b\\p{Lu}{2,}\\b\\P{L}+\\b\\p{Lu}{2,}\\b", Pattern.UNICODE_CASE);

    /** Whether the text is a plain question (see the class's documentation). */
    static boolean isPlain(String text) {
        var trimmed = text.strip();
        if (!trimmed.endsWith("?") || trimmed.split("\\s+").length > MOST_WORDS) {
            return false;
        }
        // a word can hide from the lists behind an invisible character or a look-alike letter ("sуstem")
        if (trimmed.chars().anyMatch(c -> Character.getType(c) == Character.FORMAT)
                || InjectionTexts.hasHomoglyphs(trimmed)) {
            return false;
        }
        if (SECOND_PERSON.matcher(trimmed).find()
                || FORMAL_YOU.matcher(trimmed).find()
                || INSTRUCTION.matcher(trimmed).find()
                || THE_CONVERSATION.matcher(trimmed).find()
                || FRAMING.matcher(trimmed).find()
                || SHOUTING.matcher(trimmed).find()) {
            return false;
        }
        List<String> sentences = Sentence.sentencesOf(trimmed, "und");
        if (sentences.isEmpty()
                || !QUESTION_WORD.matcher(sentences.getLast().strip()).find()) {
            return false;
        }
        for (var sentence : sentences.subList(0, sentences.size() - 1)) {
            if (!sentence.strip().endsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
