package org.pathwise.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerEvaluationTest {

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void ndcgCountsEachExpectedDocumentOnceAtItsFirstPassage() {
        // a at rank 1, a again at 3 (no gain), c at 4; the ideal puts a and c at ranks 1 and 2
        var ndcg = AnswerEvaluation.ndcgAt10(List.of("a.md", "b.md", "a.md", "c.md", "d.md"), List.of("a.md", "c.md"));

        assertThat(ndcg).isCloseTo((1 + 1 / log2(5)) / (1 + 1 / log2(3)), within(1e-12));
        assertThat(ndcg).isCloseTo(0.8772, within(1e-4));
    }

    @Test
    void ndcgIsOneForAPerfectRankingAndZeroWhenTheExpectedSourceComesAfterTheTenth() {
        assertThat(AnswerEvaluation.ndcgAt10(List.of("a.md", "a.md", "b.md"), List.of("a.md")))
                .isEqualTo(1.0);
        var late = new java.util.ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            late.add("other-" + i + ".md");
        }
        late.add("a.md");
        assertThat(AnswerEvaluation.ndcgAt10(late, List.of("a.md"))).isZero();
        assertThat(AnswerEvaluation.ndcgAt10(List.of(), List.of("a.md"))).isZero();
    }

    private static AnswerEvaluation.Result result(
            String id, String expect, String outcome, Double ndcg, int sentences, int supported) {
        return new AnswerEvaluation.Result(
                id,
                expect,
                outcome,
                List.of("a.md"),
                ndcg,
                outcome.equals("answered") ? List.of("a.md") : List.of(),
                sentences,
                supported,
                sentences == 0 ? null : (double) supported / sentences,
                List.of(),
                "",
                "",
                0.9,
                0.5,
                1.0,
                10);
    }

    private static Map<String, AnswerEvaluation.Item> items(List<AnswerEvaluation.Result> results) {
        var items = new LinkedHashMap<String, AnswerEvaluation.Item>();
        for (var r : results) {
            items.put(
                    r.id(),
                    new AnswerEvaluation.Item(
                            r.id(), "?", r.ndcgAt10() == null ? List.of() : List.of("a.md"), r.expect(), "en", ""));
        }
        return items;
    }

    @Test
    void theSummaryAveragesNdcgOverQuestionsWithExpectedSourcesAndPoolsSentencesForGroundedness() {
        var results = List.of(
                result("q1", "answer", "answered", 1.0, 3, 3),
                result("q2", "answer", "answered", 0.5, 1, 0),
                result("q3", "abstain", "abstained", null, 0, 0),
                result("q4", "answer", "abstained", 0.0, 0, 0));

        var summary = AnswerEvaluation.summary(results, items(results));

        assertThat(summary.get("ndcg_at_10")).isEqualTo(0.5);
        assertThat(summary.get("groundedness")).isEqualTo(0.75);
        assertThat(List.copyOf(summary.keySet()))
                .containsSubsequence("expected_source_in_top5", "ndcg_at_10", "citation_precision", "groundedness");
    }

    @Test
    void theSummaryLeavesOutNdcgWithoutExpectedSourcesAndGroundednessWithoutAJudgedSentence() {
        var results = List.of(result("q1", "abstain", "abstained", null, 0, 0));

        var summary = AnswerEvaluation.summary(results, items(results));

        assertThat(summary).doesNotContainKeys("ndcg_at_10", "groundedness");
    }
}
