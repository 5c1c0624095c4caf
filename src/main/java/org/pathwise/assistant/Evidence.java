package org.pathwise.assistant;

import java.util.List;

/**
 * What the library holds for a question, as the assistant measures it before it decides to answer or abstain: the
 * features of the {@link Answerability} model and the probability it gives. The features are shares, similarities and
 * differences that mean much the same whatever the library's size or subject; the question's context sentences are left
 * out of those that measure the answer unit.
 *
 * @param semantic the best passage's semantic score, {@code (1 + cosine) / 2}
 * @param coverage the IDF-weighted share of the question's terms that the retrieved passages hold
 * @param agreement how far lexical and semantic search agree on the best passage: the best hybrid score relative to a
 *     passage that both rank first, from 0 to 1
 * @param unitSimilarity the best cosine similarity of a sentence of the selected answer unit to the question
 * @param unitFocus the share of the question's focus terms that the selected answer unit holds
 * @param unitCoverage the IDF-weighted share of the terms of the sentence that asks that the selected answer unit
 *     (with its passage's title and headings) holds: as {@code coverage}, for the one unit the answer would quote and
 *     the question without its context
 * @param semanticGap how far the best passage's semantic score stands above the mean of the next nine: a passage that
 *     answers stands out from the rest, where related passages that do not answer score alike
 * @param otherLanguage whether the question is in another language than the passage that matches it best (both
 *     detected): the features that count shared words then say little, and the {@link Answerability} model decides
 *     from those that do not ({@link #LANGUAGE_INDEPENDENT})
 * @param score the probability that the library answers the question, from 0 to 1; 0 when nothing was retrieved
 */
public record Evidence(
        double semantic,
        double coverage,
        double agreement,
        double unitSimilarity,
        double unitFocus,
        double unitCoverage,
        double semanticGap,
        boolean otherLanguage,
        double score) {

    /** The names of the features, in the order of {@link #features()}. */
    public static final List<String> FEATURES = List.of(
            "semantic", "coverage", "agreement", "unit_similarity", "unit_focus", "unit_coverage", "semantic_gap");

    /**
     * The sign each feature's weight must have: more of every feature is evidence that the library answers. A model
     * fitted on a few libraries keeps these directions, so that on another library more evidence never lowers the
     * probability.
     */
    static final List<Integer> SIGNS = List.of(1, 1, 1, 1, 1, 1, 1);

    /**
     * The features that compare meanings rather than words, and so mean the same when the question and the passages
     * are in different languages: the embedding's similarities. The others count the question's words in the passages.
     */
    static final java.util.Set<String> LANGUAGE_INDEPENDENT =
            java.util.Set.of("semantic", "unit_similarity", "semantic_gap");

    /**
     * The name under which reports give {@link #otherLanguage()} beside the features, 1 or 0: what
     * {@code train-answerability} reads to know which model judged the question.
     */
    public static final String OTHER_LANGUAGE = "other_language";

    /** Evidence for a question that retrieved nothing. */
    static final Evidence NONE = new Evidence(0, 0, 0, 0, 0, 0, 0, false, 0);

    /** The features, in the order of {@link #FEATURES}. */
    public double[] features() {
        return new double[] {semantic, coverage, agreement, unitSimilarity, unitFocus, unitCoverage, semanticGap};
    }

    /**
     * Evidence from its features, in the order of {@link #FEATURES}, for a question in its passages' language, not yet
     * scored.
     *
     * @throws IllegalArgumentException when there are not as many features as {@link #FEATURES}
     */
    static Evidence of(double[] features) {
        return of(features, false);
    }

    /**
     * Evidence from its features, in the order of {@link #FEATURES}, not yet scored.
     *
     * @throws IllegalArgumentException when there are not as many features as {@link #FEATURES}
     */
    static Evidence of(double[] features, boolean otherLanguage) {
        if (features.length != FEATURES.size()) {
            throw new IllegalArgumentException("evidence has " + FEATURES.size() + " features, got " + features.length);
        }
        return new Evidence(
                features[0],
                features[1],
                features[2],
                features[3],
                features[4],
                features[5],
                features[6],
                otherLanguage,
                0);
    }

    /** The same evidence with the probability a model gives it. */
    Evidence scored(double probability) {
        return new Evidence(
                semantic,
                coverage,
                agreement,
                unitSimilarity,
                unitFocus,
                unitCoverage,
                semanticGap,
                otherLanguage,
                probability);
    }
}
