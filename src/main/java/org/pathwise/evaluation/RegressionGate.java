package org.pathwise.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a run's summary metrics with a baseline's: a metric that fell more than its allowed drop below the lower
 * bound of the baseline's 95% bootstrap interval is a regression. A fall within the interval is what another sample of
 * questions could give, and is no evidence of one; a baseline metric without an interval is compared with its value.
 * Only the metrics given a maximum drop are checked. Higher is better for each of them except the rates of mistakes and
 * the latencies ({@link #LOWER_IS_BETTER}), for which a rise beyond the upper bound is the regression.
 */
final class RegressionGate {

    /**
     * A metric that fell too far, or rose too far for one of {@link #LOWER_IS_BETTER}.
     *
     * @param interval the baseline's 95% interval, or {@code null} when it has none
     */
    record Regression(String metric, double baseline, double[] interval, double now, double allowed) {

        String describe() {
            boolean rose = LOWER_IS_BETTER.contains(metric);
            if (interval == null) {
                return String.format(
                        java.util.Locale.ROOT,
                        "%s %s from %.4f to %.4f (at most %.4f allowed)",
                        metric,
                        rose ? "rose" : "fell",
                        baseline,
                        now,
                        allowed);
            }
            return String.format(
                    java.util.Locale.ROOT,
                    "%s %s from %.4f to %.4f, %s the baseline's 95%% interval [%.4f, %.4f] by more than the %.4f allowed",
                    metric,
                    rose ? "rose" : "fell",
                    baseline,
                    now,
                    rose ? "above" : "below",
                    interval[0],
                    interval[1],
                    allowed);
        }
    }

    /** The metrics for which lower is better: a rise, not a fall, is the regression their maximum drop bounds. */
    static final java.util.Set<String> LOWER_IS_BETTER =
            java.util.Set.of("false_refusal_rate", "false_abstention_rate", "latency_p50_ms", "latency_p95_ms");

    private final Map<String, Double> maxDrops;

    RegressionGate(Map<String, Double> maxDrops) {
        maxDrops.forEach((metric, drop) -> {
            if (drop == null || drop < 0) {
                throw new IllegalArgumentException("--max-drop " + metric + " must be >= 0, got " + drop);
            }
        });
        this.maxDrops = new LinkedHashMap<>(maxDrops);
    }

    /**
     * Parses {@code metric=value} pairs.
     *
     * @throws IllegalArgumentException naming the pair that is not of that form
     */
    static RegressionGate parse(List<String> pairs) {
        var drops = new LinkedHashMap<String, Double>();
        for (var pair : pairs) {
            var parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("--max-drop must be metric=value, got " + pair);
            }
            try {
                drops.put(parts[0].strip(), Double.parseDouble(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--max-drop " + parts[0] + " must be a number, got " + parts[1]);
            }
        }
        return new RegressionGate(drops);
    }

    /**
     * The regressions of {@code now} against {@code baseline}, whose {@code intervals} entry (when it has one) maps a
     * metric to its 95% interval {@code [low, high]}.
     *
     * @throws IllegalArgumentException when a checked metric is missing from either summary
     */
    List<Regression> check(Map<String, ?> baseline, Map<String, ?> now) {
        var regressions = new ArrayList<Regression>();
        var intervals = baseline.get("intervals") instanceof Map<?, ?> map ? map : Map.of();
        maxDrops.forEach((metric, allowed) -> {
            double before = number(baseline, metric, "the baseline");
            double after = number(now, metric, "this run");
            var interval = interval(intervals.get(metric));
            double change;
            if (LOWER_IS_BETTER.contains(metric)) {
                change = after - (interval == null ? before : Math.max(before, interval[1]));
            } else {
                change = (interval == null ? before : Math.min(before, interval[0])) - after;
            }
            if (change > allowed + 1e-9) {
                regressions.add(new Regression(metric, before, interval, after, allowed));
            }
        });
        return regressions;
    }

    /** A {@code [low, high]} pair of numbers, or {@code null} when it is not one. */
    private static double[] interval(Object value) {
        if (value instanceof List<?> bounds
                && bounds.size() == 2
                && bounds.get(0) instanceof Number low
                && bounds.get(1) instanceof Number high) {
            return new double[] {low.doubleValue(), high.doubleValue()};
        }
        return null;
    }

    private static double number(Map<String, ?> summary, String metric, String where) {
        var value = summary.get(metric);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(
                    "no metric " + metric + " in " + where + "; metrics: " + String.join(", ", summary.keySet()));
        }
        return number.doubleValue();
    }
}
