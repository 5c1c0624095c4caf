package org.pathwise.audit;

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
}
