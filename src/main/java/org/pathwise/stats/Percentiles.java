package org.pathwise.stats;

import java.util.Arrays;

/**
 * The median, 95th and 99th percentiles of a sample, by the nearest-rank method: the {@code p}-th percentile of
 * {@code n} values is the value at rank {@code ceil(p / 100 * n)} (from 1) in ascending order, so it is always one of
 * the measured values (Hyndman and Fan 1996, definition 1).
 *
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 */
public record Percentiles(double p50, double p95, double p99) {

    /**
     * The percentiles of {@code values}, in their unit.
     *
     * @throws IllegalArgumentException when {@code values} is empty
     */
    public static Percentiles of(double[] values) {
        var sorted = sorted(values);
        return new Percentiles(nearestRank(sorted, 50), nearestRank(sorted, 95), nearestRank(sorted, 99));
    }

    /**
     * The {@code p}-th percentile of {@code values} by the nearest-rank method.
     *
     * @throws IllegalArgumentException when {@code values} is empty or {@code p} is not in (0, 100]
     */
    public static double percentile(double[] values, double p) {
        return nearestRank(sorted(values), p);
    }

    private static double[] sorted(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values must not be empty");
        }
        var sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double nearestRank(double[] sorted, double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("p must be in (0, 100], got " + p);
        }
        return ofSorted(sorted, p / 100);
    }

    /**
     * The {@code q}-quantile, {@code q} in (0, 1], of values already in ascending order, by the nearest rank: the value
     * at rank {@code ceil(q n)}, from 1.
     */
    static double ofSorted(double[] sorted, double q) {
        // the small tolerance keeps, say, 0.975 * 1000 at rank 975 despite rounding in the product
        int rank = (int) Math.ceil(q * sorted.length - 1e-9);
        return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
    }
}
