package org.pathwise.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegressionGateTest {

    private final Map<String, Object> baseline = Map.of("citation_precision", 0.85, "abstention_f1", 0.82);

    @Test
    void passesWhenEveryMetricStaysWithinItsAllowedDrop() {
        var gate = RegressionGate.parse(List.of("citation_precision=0.02", "abstention_f1=0"));

        assertThat(gate.check(baseline, Map.of("citation_precision", 0.84, "abstention_f1", 0.90)))
                .isEmpty();
    }

    @Test
    void namesEveryMetricThatFellTooFar() {
        var gate = RegressionGate.parse(List.of("citation_precision=0.02", "abstention_f1=0"));

        var regressions = gate.check(baseline, Map.of("citation_precision", 0.80, "abstention_f1", 0.8199));

        assertThat(regressions)
                .extracting(RegressionGate.Regression::metric)
                .containsExactly("citation_precision", "abstention_f1");
        assertThat(regressions.getFirst().describe())
                .isEqualTo("citation_precision fell from 0.8500 to 0.8000 (at most 0.0200 allowed)");
    }

    @Test
    void gatesGroundednessAndNdcgLikeAnyOtherMetric() {
        var before = Map.<String, Object>of("groundedness", 0.98, "ndcg_at_10", 0.81);
        var gate = RegressionGate.parse(List.of("groundedness=0.05", "ndcg_at_10=0.02"));

        assertThat(gate.check(before, Map.of("groundedness", 0.94, "ndcg_at_10", 0.80)))
                .isEmpty();
        assertThat(gate.check(before, Map.of("groundedness", 0.90, "ndcg_at_10", 0.78)))
                .extracting(RegressionGate.Regression::metric)
                .containsExactly("groundedness", "ndcg_at_10");
        // a baseline written before a metric existed can't gate it, and says so
        assertThatThrownBy(() -> gate.check(baseline, before))
                .hasMessageContaining("no metric groundedness in the baseline");
    }

    @Test
    void aFallWithinTheBaselinesIntervalIsNoRegressionAndOneBelowItIsNamedWithTheInterval() {
        var before = Map.<String, Object>of(
                "abstention_f1", 0.41, "intervals", Map.of("abstention_f1", List.of(0.21, 0.57)));
        var gate = RegressionGate.parse(List.of("abstention_f1=0.05"));

        assertThat(gate.check(before, Map.of("abstention_f1", 0.17))).isEmpty();
        var regressions = gate.check(before, Map.of("abstention_f1", 0.15));
        assertThat(regressions)
                .singleElement()
                .satisfies(r -> assertThat(r.describe())
                        .isEqualTo("abstention_f1 fell from 0.4100 to 0.1500, below the baseline's 95% interval"
                                + " [0.2100, 0.5700] by more than the 0.0500 allowed"));
        // a baseline without intervals is compared with its value, as before
        assertThat(gate.check(Map.of("abstention_f1", 0.41), Map.of("abstention_f1", 0.35)))
                .hasSize(1);
    }

    @Test
    void aRateOfMistakesOrALatencyRegressesWhenItRisesBeyondTheBaselinesInterval() {
        var before = Map.<String, Object>of(
                "false_abstention_rate",
                0.30,
                "latency_p95_ms",
                40.0,
                "intervals",
                Map.of("false_abstention_rate", List.of(0.18, 0.45)));
        var gate = RegressionGate.parse(List.of("false_abstention_rate=0.05", "latency_p95_ms=10"));

        // falling is getting better, however far
        assertThat(gate.check(before, Map.of("false_abstention_rate", 0.0, "latency_p95_ms", 5.0)))
                .isEmpty();
        assertThat(gate.check(before, Map.of("false_abstention_rate", 0.50, "latency_p95_ms", 50.0)))
                .isEmpty();
        var regressions = gate.check(before, Map.of("false_abstention_rate", 0.51, "latency_p95_ms", 50.5));
        assertThat(regressions)
                .extracting(RegressionGate.Regression::describe)
                .containsExactly(
                        "false_abstention_rate rose from 0.3000 to 0.5100, above the baseline's 95% interval"
                                + " [0.1800, 0.4500] by more than the 0.0500 allowed",
                        "latency_p95_ms rose from 40.0000 to 50.5000 (at most 10.0000 allowed)");
    }

    @Test
    void rejectsMalformedDropsAndUnknownMetrics() {
        assertThatThrownBy(() -> RegressionGate.parse(List.of("citation_precision")))
                .hasMessageContaining("metric=value");
        assertThatThrownBy(() -> RegressionGate.parse(List.of("x=-1"))).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> RegressionGate.parse(List.of("x=a"))).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> RegressionGate.parse(List.of("nope=0.1")).check(baseline, baseline))
                .hasMessageContaining("no metric nope in the baseline");
    }

    @Test
    void gatesAnswerF1InASummaryThatHoldsMapsAndLists() {
        var before = new java.util.LinkedHashMap<String, Object>();
        before.put("answer_f1", 0.41);
        before.put("answer_f1_oracle", 0.62);
        before.put("refusal_by_rule", Map.of("prompt-injection", Map.of("precision", 1.0)));
        before.put("by_question_type", Map.of("definition", Map.of("answer_f1", 0.5)));
        before.put("intervals", Map.of("answer_f1", List.of(0.36, 0.46)));
        before.put("ordinary_questions_with_verdicts", List.of());
        var gate = RegressionGate.parse(List.of("answer_f1=0.05", "answer_f1_oracle=0"));

        var after = new java.util.LinkedHashMap<>(before);
        after.put("answer_f1", 0.37);
        assertThat(gate.check(before, after)).isEmpty();
        after.put("answer_f1", 0.30);
        after.put("answer_f1_oracle", 0.61);
        assertThat(gate.check(before, after))
                .extracting(RegressionGate.Regression::metric)
                .containsExactly("answer_f1", "answer_f1_oracle");
        // a map is not a metric
        assertThatThrownBy(() -> RegressionGate.parse(List.of("intervals=0.1")).check(before, after))
                .hasMessageContaining("no metric intervals in the baseline");
    }
}
