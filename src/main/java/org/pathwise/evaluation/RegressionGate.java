package org.pathwise.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a run's summary metrics with a baseline's: a metric that fell by more than its allowed drop is a regression.
 * Only the metrics given a maximum drop are checked; higher is better for each of them.
 */
final class RegressionGate {

    /** A metric that fell too far. */
    record Regression(String metric, double baseline, double now, double allowed) {

        String describe() {
            return String.format(
                    java.util.Locale.ROOT,
                    "%s fell from %.4f to %.4f (at most %.4f allowed)",
                    metric,
                    baseline,
                    now,
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
     * The regressions of {@code now} against {@code baseline}.
     *
     * @throws IllegalArgumentException when a checked metric is missing from either summary
     */
    List<Regression> check(Map<String, ?> baseline, Map<String, ?> now) {
        var regressions = new ArrayList<Regression>();
        maxDrops.forEach((metric, allowed) -> {
            double before = number(baseline, metric, "the baseline");
            double after = number(now, metric, "this run");
            if (before - after > allowed + 1e-9) {
                regressions.add(new Regression(metric, before, after, allowed));
            }
        });
        return regressions;
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
