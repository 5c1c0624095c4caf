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
}
