package org.pathwise.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pathwise.retrieval.LanguageDetector;
import org.pathwise.retrieval.TextTerms;

/**
 * How close an answer's words come to a reference answer's: the token F1 of SQuAD (Rajpurkar et al. 2016) over
 * content words, and the best F1 that quoting the expected sources could reach.
 *
 * <p>Both texts are analysed as lexical search analyses them ({@link TextTerms#tokens}: lower-cased, stop words
 * removed, stemmed in the given language), after citation markers such as {@code [1]} are removed. The terms are
 * compared as bags: the terms in common are counted with the smaller of their two counts, precision is that count over
 * the answer's terms, recall over the reference's, and F1 their harmonic mean; it is 0 when either text has no term.
 */
final class AnswerMetrics {

    private static final Pattern MARKER = Pattern.compile("\\[\\d+]");
    private static final LanguageDetector DETECTOR = LanguageDetector.shared();

    /** The largest number of consecutive sentences the oracle quotes. */
    static final int ORACLE_WINDOW = 3;

    private AnswerMetrics() {}

    /**
     * The content-word F1 of an answer against a reference answer, in [0, 1].
     *
     * @param language the BCP 47 tag of the analysis for both texts
     */
    static double contentWordF1(String answer, String reference, String language) {
        return f1(bag(answer, language), bag(reference, language));
    }

    /**
     * The best content-word F1 against the reference of any window of 1 to {@value #ORACLE_WINDOW} consecutive
     * sentences of one passage: what an answer quoting the sources could reach at best. A window never spans two
     * passages; 0 when there is no sentence.
     *
     * @param passagesSentences the sentences of each passage, in order
     * @param language the BCP 47 tag of the analysis for every text
     */
    static double oracleF1(List<List<String>> passagesSentences, String reference, String language) {
        var gold = bag(reference, language);
        double best = 0;
        for (var sentences : passagesSentences) {
            var bags = sentences.stream().map(s -> bag(s, language)).toList();
            for (int first = 0; first < bags.size(); first++) {
                var window = new HashMap<String, Integer>();
                for (int last = first; last < Math.min(first + ORACLE_WINDOW, bags.size()); last++) {
                    bags.get(last).forEach((term, count) -> window.merge(term, count, Integer::sum));
                    best = Math.max(best, f1(window, gold));
                }
            }
        }
        return best;
    }

    /**
     * The language a reference answer is compared in: the one detected in it, else {@code fallback} (the question's
     * language as its line gives it), else English. An English reference to an Arabic question is compared in English.
     */
    static String language(String reference, String fallback) {
        var detected = DETECTOR.detect(reference);
        if (!detected.equals("und")) {
            return detected;
        }
        return fallback == null || fallback.isBlank() ? "en" : fallback;
    }

    private static Map<String, Integer> bag(String text, String language) {
        var bag = new HashMap<String, Integer>();
        for (var term : TextTerms.tokens(MARKER.matcher(text).replaceAll(" "), language)) {
            bag.merge(term, 1, Integer::sum);
        }
        return bag;
    }

    private static double f1(Map<String, Integer> predicted, Map<String, Integer> gold) {
        int predictedSize = size(predicted);
        int goldSize = size(gold);
        if (predictedSize == 0 || goldSize == 0) {
            return 0;
        }
        int common = 0;
        for (var entry : predicted.entrySet()) {
            common += Math.min(entry.getValue(), gold.getOrDefault(entry.getKey(), 0));
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / predictedSize;
        double recall = (double) common / goldSize;
        return 2 * precision * recall / (precision + recall);
    }

    private static int size(Map<String, Integer> bag) {
        return bag.values().stream().mapToInt(Integer::intValue).sum();
    }
}
