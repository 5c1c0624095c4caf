package org.pathwise.stats;

/**
 * Confidence intervals for a proportion: {@code k} successes in {@code n} trials. The Wilson score interval (Wilson,
 * "Probable inference, the law of succession, and statistical inference", JASA 1927) keeps its coverage near the
 * nominal level at rates near 0 or 1 and for small {@code n}, where the textbook normal interval collapses to a point
 * (0 of 1,190 false refusals is not a rate of exactly 0).
 */
public final class Proportions {

    /** The standard normal quantile for a two-sided 95% interval. */
    private static final double Z95 = 1.959963984540054;

    private Proportions() {}

    /**
     * The 95% Wilson score interval of {@code k / n}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= k <= n} and {@code n >= 1}
     */
    public static Bootstrap.Interval wilson(long k, long n) {
        if (n < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n and n >= 1, got k=" + k + " n=" + n);
        }
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // at k = 0 and k = n the exact end is 0 or 1; the formula leaves rounding dust there
        double low = k == 0 ? 0 : Math.max(0, centre - half);
        double high = k == n ? 1 : Math.min(1, centre + half);
        return new Bootstrap.Interval(low, high);
    }
}
