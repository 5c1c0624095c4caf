package org.pathwise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static double[] normal(int n, long seed) {
        var random = new Random(seed);
        var values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 10 + 2 * random.nextGaussian();
        }
        return values;
    }

    private static double mean(double[] values, int[] sample) {
        double sum = 0;
        for (int i : sample) {
            sum += values[i];
        }
        return sum / sample.length;
    }

    private static Bootstrap.Interval meanInterval(double[] values, long seed) {
        return Bootstrap.percentile(values.length, sample -> mean(values, sample), 1_000, seed);
    }

    @Test
    void theIntervalOfAMeanContainsTheEstimateAndIsAboutFourStandardErrorsWide() {
        var values = normal(400, 1);
        double estimate = Arrays.stream(values).average().orElseThrow();

        var interval = meanInterval(values, 42);

        assertThat(interval.contains(estimate))
                .as("%s contains %s", interval, estimate)
                .isTrue();
        // the standard error of the mean is 2 / sqrt(400) = 0.1; a 95% interval spans about 2 × 1.96 of them
        assertThat(interval.high() - interval.low()).isCloseTo(0.392, within(0.08));
    }

    @Test
    void theIntervalNarrowsAsTheSampleGrows() {
        var small = meanInterval(normal(50, 2), 42);
        var large = meanInterval(normal(800, 2), 42);

        // sixteen times the observations: about a quarter of the width
        assertThat(large.high() - large.low()).isLessThan((small.high() - small.low()) / 2);
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnotherOne() {
        var values = normal(100, 3);

        assertThat(meanInterval(values, 7)).isEqualTo(meanInterval(values, 7));
        assertThat(meanInterval(values, 7)).isNotEqualTo(meanInterval(values, 8));
    }

    @Test
    void severalStatisticsOnTheSameResamplesMatchEachComputedAlone() {
        var values = normal(60, 4);
        var maxima = Bootstrap.percentile(
                values.length,
                sample ->
                        Arrays.stream(sample).mapToDouble(i -> values[i]).max().orElseThrow(),
                500,
                9);

        var both = Bootstrap.percentiles(
                values.length,
                sample -> {
                    var statistics = new LinkedHashMap<String, Double>();
                    statistics.put("mean", mean(values, sample));
                    statistics.put(
                            "max",
                            Arrays.stream(sample)
                                    .mapToDouble(i -> values[i])
                                    .max()
                                    .orElseThrow());
                    return statistics;
                },
                500,
                9);

        assertThat(both).containsOnlyKeys("mean", "max");
        assertThat(both.get("max")).isEqualTo(maxima);
        assertThat(both.get("mean"))
                .isEqualTo(Bootstrap.percentile(values.length, sample -> mean(values, sample), 500, 9));
    }

    @Test
    void takesTheTwentyFifthAndNineHundredSeventyFifthOfAThousandResamples() {
        // the statistic counts resamples, so its values are 1 to 1000 and the ranks show directly
        var counter = new int[1];

        var interval = Bootstrap.percentile(3, sample -> ++counter[0], 1_000, 1);

        assertThat(interval).isEqualTo(new Bootstrap.Interval(25, 975));
    }

    @Test
    void leavesOutTheResamplesWhereAStatisticIsUndefined() {
        // defined only on the odd resamples: 1, 3, ..., 999, so 500 values
        var counter = new int[1];

        var intervals = Bootstrap.percentiles(
                3,
                sample -> {
                    int b = ++counter[0];
                    return b % 2 == 1 ? Map.of("odd", (double) b, "never", Double.NaN) : Map.of();
                },
                1_000,
                1);

        assertThat(intervals).containsOnlyKeys("odd");
        // the 13th and 488th of the 500 odd numbers
        assertThat(intervals.get("odd")).isEqualTo(new Bootstrap.Interval(25, 975));
    }

    @Test
    void aSingleObservationGivesAPointInterval() {
        assertThat(Bootstrap.percentile(1, sample -> 0.75, 100, 1)).isEqualTo(new Bootstrap.Interval(0.75, 0.75));
    }

    @Test
    void rejectsEmptySamplesNoResamplesAndStatisticsThatAreNotFinite() {
        assertThatThrownBy(() -> Bootstrap.percentile(0, sample -> 0, 10, 1))
                .hasMessage("need at least one observation, got 0");
        assertThatThrownBy(() -> Bootstrap.percentile(5, sample -> 0, 0, 1))
                .hasMessage("resamples must be >= 1, got 0");
        assertThatThrownBy(() -> Bootstrap.percentile(5, sample -> Double.NaN, 10, 1))
                .hasMessage("the statistic must be finite, got NaN");
        assertThatThrownBy(() -> new Bootstrap.Interval(0.5, 0.4))
                .hasMessage("need finite low <= high, got 0.5 and 0.4");
    }
}
