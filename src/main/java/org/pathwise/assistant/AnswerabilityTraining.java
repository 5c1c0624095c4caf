package org.pathwise.assistant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pathwise.stats.LogisticRegression;

/**
 * Fits the {@link Answerability} model on the evidence measured for labelled questions: an L2-penalised logistic
 * regression over standardised features, fitted on every question, and a second one, for questions in another language
 * than their best passage, over the features that do not count shared words ({@link Evidence#LANGUAGE_INDEPENDENT})
 * and fitted on such questions. In each, every weight is kept to the sign {@link Evidence#SIGNS} gives it, each question
 * set is weighted to count as much as any other (so that a large set does not decide alone) and, within a set, both
 * classes to count alike; then comes the threshold that gives the best abstention F1 over the weighted data. It also reports, for each set, what a model fitted on the other sets alone
 * does on it: how the model does on a set it has never seen.
 */
final class AnswerabilityTraining {

    /** The default penalty: the features are few and standardised, so it only keeps weights finite. */
    static final double L2 = 1e-2;

    private AnswerabilityTraining() {}

    /**
     * One labelled question.
     *
     * @param set the question set it comes from
     * @param features its evidence, in the order of {@link Evidence#FEATURES}
     * @param answerable whether the library answers it ({@code expect} is {@code answer})
     * @param otherLanguage whether it was asked in another language than the passage that matched it best
     */
    record Example(String set, double[] features, boolean answerable, boolean otherLanguage) {

        /** A question asked in its passages' language. */
        Example(String set, double[] features, boolean answerable) {
            this(set, features, answerable, false);
        }
    }

    /** Abstention precision, recall and F1 on a set, and how many questions it has of each kind. */
    record Scores(int answerable, int unanswerable, double precision, double recall, double f1) {}

    /**
     * A fitted model and what it measured.
     *
     * @param inSample each set's scores under the model fitted on every set
     * @param heldOut each set's scores under a model fitted on the other sets, with their threshold
     */
    record Result(Answerability model, Map<String, Scores> inSample, Map<String, Scores> heldOut) {}

    static Result train(List<Example> examples, double l2, String embeddingModel, String data) {
        if (examples.stream().noneMatch(Example::answerable)
                || examples.stream().allMatch(Example::answerable)) {
            throw new IllegalArgumentException(
                    "training needs questions the library answers and questions it does not; got " + examples.size()
                            + " of one kind");
        }
        var model = fit(examples, l2, embeddingModel, data);
        var inSample = new LinkedHashMap<String, Scores>();
        var heldOut = new LinkedHashMap<String, Scores>();
        for (var set : sets(examples)) {
            var own = examples.stream().filter(e -> e.set().equals(set)).toList();
            inSample.put(set, scores(model, own));
            var others = examples.stream().filter(e -> !e.set().equals(set)).toList();
            if (others.stream().anyMatch(Example::answerable) && others.stream().anyMatch(e -> !e.answerable())) {
                heldOut.put(set, scores(fit(others, l2, embeddingModel, data), own));
            }
        }
        var training = new LinkedHashMap<String, Object>();
        training.put("data", data);
        training.put("examples", examples.size());
        training.put("answerable", examples.stream().filter(Example::answerable).count());
        training.put(
                "other_language",
                examples.stream().filter(Example::otherLanguage).count());
        training.put("l2", l2);
        training.put("in_sample", inSample);
        training.put("held_out_set", heldOut);
        return new Result(
                new Answerability(
                        model.embeddingModel(),
                        model.features(),
                        model.means(),
                        model.scales(),
                        model.weights(),
                        model.bias(),
                        model.threshold(),
                        training,
                        model.otherLanguage()),
                inSample,
                heldOut);
    }

    private static List<String> sets(List<Example> examples) {
        return examples.stream().map(Example::set).distinct().toList();
    }

    /**
     * The model fitted on some examples, with the threshold that gives the best weighted abstention F1 on them: one over
     * every feature, fitted on all of them, and one for the questions asked in another language than their best
     * passage, over the features that do not count shared words, fitted on those questions when they hold both kinds
     * (else on all). The first keeps the questions in another language: they are most of the unanswerable questions
     * that the calibration sets have, and leaving them out made the model worse on the set left out of its fit.
     */
    static Answerability fit(List<Example> examples, double l2, String embeddingModel, String data) {
        var other = bothKinds(examples.stream().filter(Example::otherLanguage).toList(), examples);
        var independent = Evidence.FEATURES.stream()
                .map(Evidence.LANGUAGE_INDEPENDENT::contains)
                .toList();
        var forOther = fit(other, l2, embeddingModel, data, independent);
        var allFeatures = Evidence.FEATURES.stream().map(f -> true).toList();
        var forSame = fit(examples, l2, embeddingModel, data, allFeatures);
        return new Answerability(
                embeddingModel,
                forSame.features(),
                forSame.means(),
                forSame.scales(),
                forSame.weights(),
                forSame.bias(),
                forSame.threshold(),
                forSame.training(),
                forOther);
    }

    /** Some examples when they hold questions of both kinds, else all of them. */
    private static List<Example> bothKinds(List<Example> some, List<Example> all) {
        return some.stream().anyMatch(Example::answerable) && some.stream().anyMatch(e -> !e.answerable()) ? some : all;
    }

    /** A single model over the features {@code used} allows, the others' weights kept at 0. */
    private static Answerability fit(
            List<Example> examples, double l2, String embeddingModel, String data, List<Boolean> used) {
        int n = examples.size();
        int d = Evidence.FEATURES.size();
        var means = new double[d];
        var scales = new double[d];
        for (var example : examples) {
            for (int j = 0; j < d; j++) {
                means[j] += example.features()[j] / n;
            }
        }
        for (var example : examples) {
            for (int j = 0; j < d; j++) {
                double deviation = example.features()[j] - means[j];
                scales[j] += deviation * deviation / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scales[j] = scales[j] > 1e-12 ? Math.sqrt(scales[j]) : 1;
        }
        var weights = weights(examples);
        var x = new double[n][];
        var y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[d];
            for (int j = 0; j < d; j++) {
                x[i][j] = (examples.get(i).features()[j] - means[j]) / scales[j];
            }
            y[i] = examples.get(i).answerable() ? 1 : 0;
        }
        var fitted = signConstrained(x, y, weights, l2, used);
        var probabilities = new double[n];
        for (int i = 0; i < n; i++) {
            probabilities[i] = fitted.probability(x[i]);
        }
        double threshold = threshold(probabilities, y, weights);
        return new Answerability(
                embeddingModel,
                Evidence.FEATURES,
                means,
                scales,
                fitted.weights(),
                fitted.bias(),
                threshold,
                Map.of("data", data));
    }

    /**
     * A fit whose weights keep the signs of {@link Evidence#SIGNS}: a feature whose weight comes out with the wrong
     * sign (it only helps through its correlation with others, on these libraries) is left out and the rest fitted
     * again, until every weight has its sign.
     */
    private static LogisticRegression.Model signConstrained(
            double[][] x, int[] y, double[] weights, double l2, List<Boolean> used) {
        int d = Evidence.FEATURES.size();
        var active = new boolean[d];
        for (int j = 0; j < d; j++) {
            active[j] = used.get(j);
        }
        while (true) {
            var kept = new ArrayList<Integer>();
            for (int j = 0; j < d; j++) {
                if (active[j]) {
                    kept.add(j);
                }
            }
            var reduced = new double[x.length][kept.size()];
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < kept.size(); k++) {
                    reduced[i][k] = x[i][kept.get(k)];
                }
            }
            var model = LogisticRegression.fit(reduced, y, weights, l2);
            var full = new double[d];
            boolean violated = false;
            for (int k = 0; k < kept.size(); k++) {
                int j = kept.get(k);
                full[j] = model.weights()[k];
                if (full[j] * Evidence.SIGNS.get(j) < 0) {
                    active[j] = false;
                    violated = true;
                }
            }
            if (!violated || kept.isEmpty()) {
                return new LogisticRegression.Model(full, model.bias());
            }
        }
    }

    /** Each set counts as much as any other, and within a set each class as much as the other. */
    private static double[] weights(List<Example> examples) {
        var counts = new LinkedHashMap<String, int[]>();
        for (var example : examples) {
            counts.computeIfAbsent(example.set(), s -> new int[2])[example.answerable() ? 1 : 0]++;
        }
        var weights = new double[examples.size()];
        for (int i = 0; i < weights.length; i++) {
            var example = examples.get(i);
            var count = counts.get(example.set());
            int classes = (count[0] > 0 ? 1 : 0) + (count[1] > 0 ? 1 : 0);
            weights[i] = examples.size() / (double) counts.size() / classes / count[example.answerable() ? 1 : 0];
        }
        return weights;
    }

    /** The probability threshold, between two observed probabilities, with the best weighted abstention F1. */
    static double threshold(double[] probabilities, int[] y, double[] weights) {
        var candidates =
                java.util.Arrays.stream(probabilities).sorted().distinct().toArray();
        double best = 0.5;
        double bestF1 = -1;
        for (int c = 0; c < candidates.length; c++) {
            double threshold = c == 0 ? candidates[0] / 2 : (candidates[c - 1] + candidates[c]) / 2;
            if (!(threshold > 0 && threshold < 1)) {
                continue;
            }
            double truePositive = 0;
            double predicted = 0;
            double actual = 0;
            for (int i = 0; i < y.length; i++) {
                boolean abstains = probabilities[i] < threshold;
                if (abstains) {
                    predicted += weights[i];
                }
                if (y[i] == 0) {
                    actual += weights[i];
                    if (abstains) {
                        truePositive += weights[i];
                    }
                }
            }
            double f1 = predicted + actual == 0 ? 0 : 2 * truePositive / (predicted + actual);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = threshold;
            }
        }
        return best;
    }

    /** Abstention precision, recall and F1 of a model on some examples. */
    static Scores scores(Answerability model, List<Example> examples) {
        int truePositive = 0;
        int predicted = 0;
        int actual = 0;
        for (var example : examples) {
            var evidence = Evidence.of(example.features(), example.otherLanguage());
            boolean abstains = !model.answers(evidence.scored(model.probability(evidence)));
            if (abstains) {
                predicted++;
            }
            if (!example.answerable()) {
                actual++;
                if (abstains) {
                    truePositive++;
                }
            }
        }
        double precision = predicted == 0 ? (actual == 0 ? 1 : 0) : (double) truePositive / predicted;
        double recall = actual == 0 ? 1 : (double) truePositive / actual;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Scores(examples.size() - actual, actual, round(precision), round(recall), round(f1));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
