package org.pathwise.evaluation;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Ranking quality measures of one query, computed as BEIR computes them with pytrec_eval / trec_eval (Van Gysel and
 * de Rijke 2018, "Pytrec_eval: An Extremely Fast Python Interface to trec_eval").
 *
 * <p>A ranking is a list of document ids, most relevant first, without repeats. Judgements map document ids to
 * graded relevance; a document without a judgement, or with a score of 0 or less, is not relevant. Both measures need
 * at least one relevant document, so queries without one must be left out of averages.
 */
final class RetrievalMetrics {

    private RetrievalMetrics() {}

    /**
     * Normalised discounted cumulative gain at {@code k} (Järvelin and Kekäläinen 2002) with trec_eval's
     * {@code ndcg_cut}: the gain of the document at rank {@code r} (from 1) is its relevance score, discounted by
     * {@code log2(r + 1)}; the ideal ranking orders the query's judged documents by relevance and is cut at {@code k}
     * too. The result lies in [0, 1].
     *
     * @throws IllegalArgumentException when {@code k < 1}, the ranking repeats a document, or no document is relevant
     */
    public static double ndcgAt(int k, List<String> ranking, Map<String, Integer> relevance) {
        requireValid(k, ranking, relevance);
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            dcg += gain(relevance.get(ranking.get(i))) / log2(i + 2);
        }
        var ideal = relevance.values().stream()
                .filter(score -> score > 0)
                .sorted(Comparator.reverseOrder())
                .limit(k)
                .toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return dcg / idcg;
    }

    /**
     * The share of the query's relevant documents found in the first {@code k} of the ranking, in [0, 1].
     *
     * @throws IllegalArgumentException when {@code k < 1}, the ranking repeats a document, or no document is relevant
     */
    public static double recallAt(int k, List<String> ranking, Map<String, Integer> relevance) {
        requireValid(k, ranking, relevance);
        long relevant = relevance.values().stream().filter(score -> score > 0).count();
        long found = ranking.stream()
                .limit(k)
                .filter(id -> gain(relevance.get(id)) > 0)
                .count();
        return (double) found / relevant;
    }

    private static void requireValid(int k, List<String> ranking, Map<String, Integer> relevance) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        var seen = new HashSet<String>();
        for (var id : ranking) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("the ranking holds document '" + id + "' twice");
            }
        }
        if (relevance.values().stream().noneMatch(score -> score > 0)) {
            throw new IllegalArgumentException("the judgements hold no relevant document");
        }
    }

    private static int gain(Integer score) {
        return score == null ? 0 : Math.max(0, score);
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
