package org.pathwise.audit;

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
    void rejectsMalformedDropsAndUnknownMetrics() {
        assertThatThrownBy(() -> RegressionGate.parse(List.of("citation_precision")))
                .hasMessageContaining("metric=value");
        assertThatThrownBy(() -> RegressionGate.parse(List.of("x=-1"))).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> RegressionGate.parse(List.of("x=a"))).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> RegressionGate.parse(List.of("nope=0.1")).check(baseline, baseline))
                .hasMessageContaining("no metric nope in the baseline");
    }
}
