package org.pathwise.guardrails;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.pathwise.retrieval.Sentence;

/** Sentences and content words of a text, for the rails that judge an answer sentence by sentence. */
final class Sentences {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKER = Pattern.compile("\\[\\d+]");
    /** Final punctuation, closing quotes or brackets, then markers and spaces, with more text after them. */
    private static final Pattern LEADING_MARKERS = Pattern.compile("(?:\\[\\d+]\\s*)+");

    private static final Pattern MARKED_END = Pattern.compile("[.!?…][\"'’”»)]*\\s*(?:\\[\\d+]\\s*)+(?=\\S)");

    private static final Set<String> STOP = Set.copyOf(List.of(
            "the", "and", "for", "are", "but", "not", "you", "with", "that", "this", "from", "they", "have", "has",
            "was", "were", "will", "can", "its", "their", "there", "which", "what", "when", "where", "who", "how",
            "than", "then", "them", "these", "those", "into", "also", "about", "should", "would", "could", "may", "les",
            "des", "une", "est", "pour", "que", "qui", "dans", "par", "sur", "pas", "plus", "avec", "son", "ses", "aux",
            "leur", "leurs", "elle", "ils", "elles", "nous", "vous", "ces", "cette", "sont", "être", "los", "las",
            "del", "por", "para", "con", "una", "que", "como", "más", "sus", "este", "esta", "estos", "son", "entre",
            "sin", "sobre", "también", "puede", "pueden"));

    private Sentences() {}

    /**
     * The sentences of a text, each with its trailing markers and spaces, so that joining them gives the text: the
     * application's one segmentation ({@link Sentence#split}), under the rules common to every language, since an answer's
     * language is not given.
     */
    static List<String> split(String text) {
        return Sentence.split(text, "und");
    }

    /**
     * The sentences of an answer, each with its citation markers, so that joining them gives the answer. As
     * {@link #split}, with the markers that follow a sentence's final punctuation ("… a week. [1] In the …", as the
     * extractive composer writes) kept with that sentence: the sentence rules alone either do not separate the two
     * sentences or give the markers to the next one.
     */
    static List<String> splitAnswer(String text) {
        var sentences = new ArrayList<String>();
        for (var piece : split(text)) {
            var leading = LEADING_MARKERS.matcher(piece);
            if (!sentences.isEmpty() && leading.lookingAt()) {
                sentences.add(sentences.removeLast() + leading.group());
                piece = piece.substring(leading.end());
            }
            var ends = MARKED_END.matcher(piece);
            int start = 0;
            while (ends.find()) {
                sentences.add(piece.substring(start, ends.end()));
                start = ends.end();
            }
            if (start < piece.length()) {
                sentences.add(piece.substring(start));
            }
        }
        return sentences;
    }

    /** A sentence without its citation markers. */
    static String withoutMarkers(String sentence) {
        return MARKER.matcher(sentence).replaceAll("").strip();
    }

    /** The content words of a text: lower-case, accents removed, at least three characters, no stop words. */
    static Set<String> contentWords(String text) {
        var folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        var words = new HashSet<String>();
        var matcher = WORD.matcher(folded);
        while (matcher.find()) {
            var word = matcher.group();
            if (word.length() >= 3 && !STOP.contains(word)) {
                words.add(stem(word));
            }
        }
        return words;
    }

    /** A light stem that lets plural and singular meet: "rubrics" and "rubric", "evaluaciones" and "evaluacion". */
    private static String stem(String word) {
        if (word.length() > 5 && word.endsWith("es")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 4 && word.endsWith("s")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
