package org.pathwise.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {

    private static final double EPSILON = 1e-9;

    @Test
    void aRelevantDocumentAtTheTopScoresOne() {
        var relevance = Map.of("a", 1);

        assertThat(RetrievalMetrics.ndcgAt(10, List.of("a", "x", "y"), relevance))
                .isCloseTo(1.0, within(EPSILON));
        assertThat(RetrievalMetrics.recallAt(100, List.of("a", "x", "y"), relevance))
                .isEqualTo(1.0);
    }

    @Test
    void discountsGainByTheLogarithmOfRankPlusOne() {
        // the only relevant document at rank 3: 1 / log2(4) = 0.5
        assertThat(RetrievalMetrics.ndcgAt(10, List.of("x", "y", "a"), Map.of("a", 1)))
                .isCloseTo(0.5, within(EPSILON));
    }

    @Test
    void normalisesByTheIdealRankingOfTheJudgedDocuments() {
        // DCG = 1/log2(3) + 1/log2(5); IDCG = 1 + 1/log2(3)
        double ndcg = RetrievalMetrics.ndcgAt(10, List.of("x", "a", "y", "b"), Map.of("a", 1, "b", 1));

        assertThat(ndcg).isCloseTo(0.6509209298071326, within(EPSILON));
    }

    @Test
    void usesTheRelevanceScoreAsTheGain() {
        // DCG = 1 + 2/log2(3); IDCG = 2 + 1/log2(3)
        double ndcg = RetrievalMetrics.ndcgAt(10, List.of("b", "a"), Map.of("a", 2, "b", 1));

        assertThat(ndcg).isCloseTo(0.8597186998521972, within(EPSILON));
    }

    @Test
    void ignoresDocumentsBeyondTheCutoff() {
        var ranking = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            ranking.add("x" + i);
        }
        ranking.add("a");

        assertThat(RetrievalMetrics.ndcgAt(10, ranking, Map.of("a", 1))).isZero();
        assertThat(RetrievalMetrics.recallAt(10, ranking, Map.of("a", 1))).isZero();
        assertThat(RetrievalMetrics.recallAt(11, ranking, Map.of("a", 1))).isEqualTo(1.0);
    }

    @Test
    void cutsTheIdealRankingAtTheCutoffToo() {
        var relevance = new HashMap<String, Integer>();
        var ranking = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            relevance.put("r" + i, 1);
            if (i < 10) {
                ranking.add("r" + i);
            }
        }

        assertThat(RetrievalMetrics.ndcgAt(10, ranking, relevance)).isCloseTo(1.0, within(EPSILON));
        assertThat(RetrievalMetrics.recallAt(100, ranking, relevance)).isCloseTo(10.0 / 12, within(EPSILON));
    }

    @Test
    void givesNoGainToUnjudgedZeroOrNegativelyScoredDocuments() {
        var relevance = Map.of("a", 1, "zero", 0, "negative", -1);

        assertThat(RetrievalMetrics.ndcgAt(10, List.of("zero", "negative", "unjudged"), relevance))
                .isZero();
        assertThat(RetrievalMetrics.recallAt(100, List.of("zero", "negative", "unjudged"), relevance))
                .isZero();
    }

    @Test
    void recallIsTheShareOfRelevantDocumentsFound() {
        var relevance = Map.of("a", 1, "b", 2, "c", 1, "d", 1, "judged-irrelevant", 0);

        assertThat(RetrievalMetrics.recallAt(100, List.of("a", "x", "c", "d"), relevance))
                .isEqualTo(0.75);
    }

    @Test
    void anEmptyRankingScoresZero() {
        assertThat(RetrievalMetrics.ndcgAt(10, List.of(), Map.of("a", 1))).isZero();
        assertThat(RetrievalMetrics.recallAt(100, List.of(), Map.of("a", 1))).isZero();
    }

    @Test
    void refusesARankingThatRepeatsADocument() {
        assertThatThrownBy(() -> RetrievalMetrics.ndcgAt(10, List.of("a", "b", "a"), Map.of("a", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the ranking holds document 'a' twice");
    }

    @Test
    void refusesJudgementsWithoutARelevantDocument() {
        assertThatThrownBy(() -> RetrievalMetrics.recallAt(100, List.of("a"), Map.of("a", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the judgements hold no relevant document");
    }

    @Test
    void refusesACutoffBelowOne() {
        assertThatThrownBy(() -> RetrievalMetrics.ndcgAt(0, List.of("a"), Map.of("a", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be >= 1, got 0");
    }
}
