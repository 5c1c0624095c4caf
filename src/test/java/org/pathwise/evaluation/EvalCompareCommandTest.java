package org.pathwise.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalCompareCommandTest {

    private static Map<String, Object> item(String id, String expect, String outcome, List<String> cited) {
        return Map.of("id", id, "expect", expect, "outcome", outcome, "cited", cited);
    }

    @Test
    void listsWhatGotBetterThenWhatGotWorseAndLeavesTheSameOut() {
        var before = List.of(
                item("q-1", "answer", "abstained", List.of()),
                item("q-2", "abstain", "abstained", List.of()),
                item("q-3", "answer", "answered", List.of("a.md")),
                item("q-4", "refuse", "refused", List.of()));
        var after = List.of(
                item("q-1", "answer", "answered", List.of("a.md")),
                item("q-2", "abstain", "answered", List.of("b.md")),
                item("q-3", "answer", "answered", List.of("a.md")),
                item("q-4", "refuse", "refused", List.of()));

        var changes = EvalCompareCommand.changes(before, after);

        assertThat(changes)
                .extracting(EvalCompareCommand.Change::id, EvalCompareCommand.Change::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("q-1", "better"),
                        org.assertj.core.groups.Tuple.tuple("q-2", "worse"));
    }

    private static Map<String, Object> measured(String id, String outcome, Double groundedness, Double ndcg) {
        var item = new java.util.HashMap<String, Object>(item(id, "answer", outcome, List.of("a.md")));
        item.put("groundedness", groundedness);
        item.put("ndcgAt10", ndcg);
        return item;
    }

    @Test
    void withTheSameOutcomeAHigherShareOfSupportedSentencesThenAHigherNdcgIsBetter() {
        var before = List.of(
                measured("q-1", "answered", 0.5, 0.6),
                measured("q-2", "answered", 1.0, 0.9),
                measured("q-3", "answered", 1.0, 0.5),
                measured("q-4", "answered", 1.0, 0.5));
        var after = List.of(
                measured("q-1", "answered", 1.0, 0.4),
                measured("q-2", "answered", 1.0, 0.7),
                measured("q-3", "answered", 1.0, 0.5),
                item("q-4", "answer", "answered", List.of("a.md")));

        var changes = EvalCompareCommand.changes(before, after);

        assertThat(changes)
                .extracting(EvalCompareCommand.Change::id, EvalCompareCommand.Change::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("q-1", "better"),
                        org.assertj.core.groups.Tuple.tuple("q-2", "worse"));
        assertThat(changes.getFirst().before()).isEqualTo("answered [a.md] grounded 0.500 nDCG@10 0.600");
        assertThat(changes.getFirst().after()).isEqualTo("answered [a.md] grounded 1.000 nDCG@10 0.400");
    }

    @Test
    void withTheSameOutcomeAndMeasuresAHigherAnswerF1IsBetter() {
        var before = List.of(measured("q-1", "answered", 1.0, 0.5), measured("q-2", "answered", 1.0, 0.5));
        var after = List.of(measured("q-1", "answered", 1.0, 0.5), measured("q-2", "answered", 1.0, 0.5));
        before.get(0).put("answerF1", 0.3);
        after.get(0).put("answerF1", 0.6);
        before.get(1).put("answerF1", 0.7);
        after.get(1).put("answerF1", 0.2);

        var changes = EvalCompareCommand.changes(before, after);

        assertThat(changes)
                .extracting(EvalCompareCommand.Change::id, EvalCompareCommand.Change::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("q-1", "better"),
                        org.assertj.core.groups.Tuple.tuple("q-2", "worse"));
        assertThat(changes.getFirst().after()).isEqualTo("answered [a.md] grounded 1.000 nDCG@10 0.500 F1 0.600");
    }

    @Test
    @SuppressWarnings("unchecked")
    void comparesEveryNumericMetricOfSummariesThatHoldMapsAndLeavesTheMapsOut() {
        var summary = new java.util.LinkedHashMap<String, Object>();
        summary.put("answer_f1", 0.40);
        summary.put("by_question_type", Map.of("definition", Map.of("answer_f1", 0.5)));
        summary.put("intervals", Map.of("answer_f1", List.of(0.36, 0.46)));
        var later = new java.util.LinkedHashMap<>(summary);
        later.put("answer_f1", 0.45);
        later.put("answer_f1_oracle", 0.6);

        var comparison = EvalCompareCommand.comparison(run("a", summary), run("b", later));

        assertThat((Map<String, ?>) comparison.get("metrics")).containsOnlyKeys("answer_f1");
        assertThat(((Map<?, ?>) ((Map<?, ?>) comparison.get("metrics")).get("answer_f1")).get("change"))
                .isEqualTo(0.05);
    }

    private static EvalRun run(String id, Map<String, Object> summary) {
        return new EvalRun(
                id,
                java.time.Instant.parse("2026-11-28T12:00:00Z"),
                "set.jsonl",
                "ab".repeat(32),
                1,
                "cd".repeat(32),
                "extractive",
                "",
                "",
                "p/1",
                Map.of(),
                summary,
                List.of());
    }
}
