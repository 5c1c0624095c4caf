package org.pathwise.tools;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.pathwise.stats.Percentiles;

/**
 * Times the guardrails' prompt-injection detector per question ({@link org.pathwise.guardrails.Guardrails#injectionDetector}):
 * the phrases and encodings alone, then the whole detector on questions it has not embedded before (cold) and on the
 * same questions a second time, when the vector comes from {@link org.pathwise.retrieval.Embedder}'s cache (warm), as
 * it does for the search when the detector runs before it, or for the detector when the search ran first. Percentiles are nearest-rank (Hyndman and Fan 1996, definition 1).
 */
final class InjectionBenchmark {

    private static final int WARM_UP_ROUNDS = 3;

    private InjectionBenchmark() {}

    /**
     * One measurement.
     *
     * @param name what was timed
     * @param questions how many questions
     * @param p50 the median, in milliseconds
     * @param p95 the 95th percentile, in milliseconds
     */
    record Timing(String name, int questions, double p50, double p95) {}

    /** Every measurement, in the order taken. */
    record Result(List<Timing> timings) {

        Result {
            timings = List.copyOf(timings);
        }

        String table() {
            var text = new StringBuilder(String.format(
                    Locale.ROOT,
                    "prompt-injection detector, ms per question%n%-52s %9s %8s %8s%n",
                    "",
                    "questions",
                    "p50",
                    "p95"));
            for (var t : timings) {
                text.append(String.format(
                        Locale.ROOT, "%-52s %9d %8.3f %8.3f%n", t.name(), t.questions(), t.p50(), t.p95()));
            }
            return text.toString().stripTrailing();
        }
    }

    /**
     * Times the detector on the questions, each distinct one once.
     *
     * @param features how the detector's classifier embeds a question, for the progress line
     * @param phrases whether the phrases and encodings alone flag a question
     * @param detector whether the whole detector flags a question
     */
    static Result run(
            String features,
            Predicate<String> phrases,
            Predicate<String> detector,
            List<String> questions,
            Consumer<String> progress) {
        progress.accept("classifier features: " + features);
        var distinct = List.copyOf(new LinkedHashSet<>(questions));
        progress.accept("warming up on " + distinct.size() + " questions");
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (var question : distinct) {
                phrases.test(question);
            }
        }
        for (int i = 0; i < 20; i++) {
            // questions the data set does not have, so that its own questions stay out of the embedding cache
            detector.test("warm-up question " + i + " about course design and assessment");
        }
        progress.accept("timing");
        var rules = new double[distinct.size()];
        var coldAll = new double[distinct.size()];
        var cold = new ArrayList<Double>();
        var warm = new ArrayList<Double>();
        for (int i = 0; i < distinct.size(); i++) {
            var question = distinct.get(i);
            long start = System.nanoTime();
            boolean hit = phrases.test(question);
            rules[i] = millis(start);
            start = System.nanoTime();
            detector.test(question);
            coldAll[i] = millis(start);
            start = System.nanoTime();
            detector.test(question);
            double again = millis(start);
            if (!hit) {
                cold.add(coldAll[i]);
                warm.add(again);
            }
        }
        var timings = new ArrayList<Timing>();
        timings.add(timing("phrases + encodings, every question", rules));
        timings.add(timing("detector, every question, first time", coldAll));
        if (!cold.isEmpty()) {
            timings.add(timing("detector, questions reaching the classifier, 1st time", unbox(cold)));
            timings.add(timing("detector, questions reaching the classifier, 2nd time", unbox(warm)));
        }
        return new Result(timings);
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Timing timing(String name, double[] values) {
        var percentiles = Percentiles.of(values);
        return new Timing(name, values.length, percentiles.p50(), percentiles.p95());
    }
}
