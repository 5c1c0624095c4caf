package org.pathwise.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a run's summary metrics with a baseline's: a metric that fell more than its allowed drop below the lower
 * bound of the baseline's 95% bootstrap interval is a regression. A fall within the interval is what another sample of
 * questions could give, and is no evidence of one; a baseline metric without an interval is compared with its value.
 * Only the metrics given a maximum drop are checked; higher is better for each of them.
 */
final class RegressionGate {

    /**
     * A metric that fell too far.
     *
     * @param interval the baseline's 95% interval, or {@code null} when it has none
     */
    record Regression(String metric, double baseline, double[] interval, double now, double allowed) {

        String describe() {
            if (interval == null) {
                return String.format(
                        java.util.Locale.ROOT,
                        "%s fell from %.4f to %.4f (at most %.4f allowed)",
                        metric,
                        baseline,
                        now,
                        allowed);
            }
            return String.format(
                    java.util.Locale.ROOT,
                    "%s fell from %.4f to %.4f, below the baseline's 95%% interval [%.4f, %.4f] by more than the"
                            + " %.4f allowed",
                    metric,
                    baseline,
                    now,
                    interval[0],
                    interval[1],
                    allowed);
        }
    }

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
            double floor = interval == null ? before : Math.min(before, interval[0]);
            if (floor - after > allowed + 1e-9) {
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
