package org.pathwise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ProportionsTest {

    @Test
    void wilsonIntervalMatchesThePublishedFormula() {
        // k = 5 of n = 10: 0.5 -+ 1.96 * sqrt(0.025 + 0.0096) / 1.384 (Newcombe 1998, method 3)
        var half = Proportions.wilson(5, 10);
        assertThat(half.low()).isCloseTo(0.2366, offset(1e-4));
        assertThat(half.high()).isCloseTo(0.7634, offset(1e-4));
    }

    @Test
    void noSuccessStillHasAnUpperEnd() {
        var none = Proportions.wilson(0, 1190);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.0032, offset(1e-4));
        var all = Proportions.wilson(48, 48);
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(0.9259, offset(1e-4));
    }

    @Test
    void refusesCountsThatAreNotAProportion() {
        assertThatThrownBy(() -> Proportions.wilson(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportions.wilson(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
