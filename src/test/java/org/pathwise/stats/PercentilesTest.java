package org.pathwise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void takesTheValueAtTheNearestRankOfAHundredValues() {
        var values = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

        assertThat(Percentiles.of(values)).isEqualTo(new Percentiles(50, 95, 99));
    }

    @Test
    void roundsTheRankUpSoThatTheResultIsAMeasuredValue() {
        double[] values = {7, 3, 9, 1, 5, 10, 2, 8, 4, 6};

        // ranks ceil(0.5 * 10) = 5, ceil(0.95 * 10) = 10, ceil(0.99 * 10) = 10
        assertThat(Percentiles.of(values)).isEqualTo(new Percentiles(5, 10, 10));
        assertThat(Percentiles.percentile(values, 10)).isEqualTo(1);
        assertThat(Percentiles.percentile(values, 11)).isEqualTo(2);
        assertThat(Percentiles.percentile(values, 100)).isEqualTo(10);
    }

    @Test
    void everyPercentileOfOneValueIsThatValue() {
        assertThat(Percentiles.of(new double[] {4.2})).isEqualTo(new Percentiles(4.2, 4.2, 4.2));
    }

    @Test
    void leavesTheCallersValuesInTheirOrder() {
        double[] values = {3, 1, 2};

        Percentiles.of(values);

        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void refusesAnEmptySample() {
        assertThatThrownBy(() -> Percentiles.of(new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values must not be empty");
    }

    @Test
    void refusesAPercentileOutsideZeroToAHundred() {
        assertThatThrownBy(() -> Percentiles.percentile(new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p must be in (0, 100], got 0.0");
        assertThatThrownBy(() -> Percentiles.percentile(new double[] {1}, 100.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
