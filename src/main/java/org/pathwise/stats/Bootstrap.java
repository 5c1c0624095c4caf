package org.pathwise.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap confidence intervals (Efron and Tibshirani, <i>An Introduction to the Bootstrap</i>, 1993,
 * §13.3): a statistic of {@code n} observations is recomputed on {@code B} resamples, each {@code n} observations drawn
 * with replacement, and its 95% interval runs from the {@code ceil(0.025 B)}-th to the {@code ceil(0.975 B)}-th of the
 * {@code B} values in ascending order (the nearest rank; for {@code B = 1000}, the 25th and the 975th).
 *
 * <p>A resample is given to the statistic as the indexes of the observations drawn ({@code n} of them, repeats
 * possible, in the order drawn), so the statistic can be any computation over the caller's own records. The resamples
 * come from {@link Random} seeded with {@code seed}, whose sequence the Java specification fixes: the same
 * {@code n}, number of resamples and seed give the same resamples, hence the same intervals, on every run and JVM.
 */
public final class Bootstrap {

    /** The confidence level of the intervals. */
    public static final double LEVEL = 0.95;

    private Bootstrap() {}

    /**
     * A confidence interval.
     *
     * @param low its lower end
     * @param high its upper end, {@code >= low}
     */
    public record Interval(double low, double high) {

        public Interval {
            if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
                throw new IllegalArgumentException("need finite low <= high, got " + low + " and " + high);
            }
        }

        /** Whether {@code value} lies within the interval, ends included. */
        public boolean contains(double value) {
            return low <= value && value <= high;
        }
    }

    /**
     * The 95% percentile interval of one statistic.
     *
     * @param n the number of observations, {@code >= 1}
     * @param statistic the statistic of a resample, given as the indexes of its observations; finite
     * @param resamples how many resamples to draw, {@code >= 1}
     * @param seed the seed of the resampling
     * @throws IllegalArgumentException when the statistic is not finite on a resample
     */
    public static Interval percentile(int n, ToDoubleFunction<int[]> statistic, int resamples, long seed) {
        var intervals = percentiles(
                n,
                sample -> {
                    double value = statistic.applyAsDouble(sample);
                    if (!Double.isFinite(value)) {
                        throw new IllegalArgumentException("the statistic must be finite, got " + value);
                    }
                    return Map.of("", value);
                },
                resamples,
                seed);
        return intervals.get("");
    }

    /**
     * The 95% percentile intervals of several statistics computed together on the same resamples (the resamples that
     * {@link #percentile} draws for the same {@code n}, number and seed).
     *
     * <p>A statistic that is undefined on a resample (absent from its map, or not finite: a share of questions when the
     * resample drew none that it counts) is left out of that resample, and its interval is taken over the resamples
     * where it is defined; a statistic defined on none has no interval.
     *
     * @param n the number of observations, {@code >= 1}
     * @param statistics the statistics of a resample, by name, given the indexes of its observations
     * @param resamples how many resamples to draw, {@code >= 1}
     * @param seed the seed of the resampling
     * @return each statistic's interval, in the order they were first computed
     */
    public static <K> Map<K, Interval> percentiles(
            int n, Function<int[], Map<K, Double>> statistics, int resamples, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one observation, got " + n);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        var random = new Random(seed);
        var values = new LinkedHashMap<K, double[]>();
        var counts = new LinkedHashMap<K, Integer>();
        var sample = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                sample[i] = random.nextInt(n);
            }
            statistics.apply(sample.clone()).forEach((name, value) -> {
                if (value != null && Double.isFinite(value)) {
                    int count = counts.merge(name, 1, Integer::sum);
                    values.computeIfAbsent(name, k -> new double[resamples])[count - 1] = value;
                }
            });
        }
        var intervals = new LinkedHashMap<K, Interval>();
        values.forEach((name, all) -> {
            var defined = Arrays.copyOf(all, counts.get(name));
            Arrays.sort(defined);
            double alpha = (1 - LEVEL) / 2;
            intervals.put(
                    name, new Interval(Percentiles.ofSorted(defined, alpha), Percentiles.ofSorted(defined, 1 - alpha)));
        });
        return intervals;
    }
}
