package org.pathwise.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pathwise.CliCommand;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.retrieval.Embedder;
import org.pathwise.stats.LogisticRegression;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathwise train-rule-classifiers <questions.jsonl>... [--folds 5] [--seed 42] [--min-precision 0.95] [--l2 X]
 * [--out FILE]}: one logistic regression per refusal rule ({@value #RULES_TEXT}) over the questions' embeddings and
 * hashed words, written for the guardrails to read ({@link Guardrails#writeRuleClassifiers}). A question set's line
 * counts for the rule it is to be refused by and against every other rule; a labelled text ({@code {"text": ...}}) counts against every rule. Each rule's threshold is the
 * lowest probability at which its out-of-fold predictions in k-fold cross-validation reach the precision asked for;
 * the command prints that precision and recall per rule, then trains on everything and writes the weights. Train on
 * calibration sets only: the test sets judge the result. Exit codes: 0 on success, 2 on a usage error, 1 when a file
 * can't be read.
 */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "train-rule-classifiers",
        description =
                "Train the refusal rules' classifiers on calibration questions and measure them by cross-validation.")
final class TrainRuleClassifiersCommand implements CliCommand {

    static final List<String> RULES =
            List.of("high-stakes-decision", "academic-integrity", "other-users-data", "out-of-scope");
    static final String RULES_TEXT = "high-stakes-decision, academic-integrity, other-users-data, out-of-scope";

    /** Where the weights go by default, from the project's folder: the resource the guardrails read. */
    static final Path SOURCE_PATH = Path.of("src/main/resources/guardrails/rule-classifiers.json");

    private static final String NAME = "pathwise train-rule-classifiers: ";
    private static final int WORD_BUCKETS = 1024;

    @Parameters(arity = "1..*", paramLabel = "QUESTIONS", description = "Question sets or labelled texts (JSONL).")
    List<Path> data;

    @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (default: 5).")
    int folds = 5;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the fold split (default: 42).")
    long seed = 42;

    @Option(
            names = "--min-precision",
            paramLabel = "P",
            description = "The cross-validated precision each threshold must reach (default: 0.95).")
    double minPrecision = 0.95;

    @Option(names = "--l2", paramLabel = "X", description = "The L2 penalty (default: 0.001).")
    double l2 = 1e-3;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the weights (default: src/main/resources/guardrails/rule-classifiers.json).")
    Path output;

    private final ObjectProvider<Embedder> embedderProvider;

    TrainRuleClassifiersCommand(ObjectProvider<Embedder> embedderProvider) {
        this.embedderProvider = embedderProvider;
    }

    @Override
    public boolean usesModels() {
        return true;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        if (folds < 2 || !(minPrecision > 0 && minPrecision <= 1) || !(l2 >= 0)) {
            err.println(NAME + "need --folds >= 2, --min-precision in (0, 1] and --l2 >= 0");
            return USAGE;
        }
        var examples = new ArrayList<TrainInjectionClassifierCommand.Refusal>();
        try {
            for (var file : data) {
                examples.addAll(TrainInjectionClassifierCommand.refusals(file));
            }
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return FAILED;
        }
        var embedder = embedderProvider.getObject();
        err.println(NAME + "embedding " + examples.size() + " questions with " + embedder.modelId());
        var x = new double[examples.size()][];
        for (int i = 0; i < x.length; i++) {
            var features = Guardrails.classifierFeatures(
                    TrainInjectionClassifierCommand.PASSAGE_EMBEDDING,
                    WORD_BUCKETS,
                    embedder,
                    examples.get(i).text());
            x[i] = new double[features.length];
            for (int j = 0; j < features.length; j++) {
                x[i][j] = features[j];
            }
        }
        var rules = new LinkedHashMap<String, Map<String, Object>>();
        var measured = new LinkedHashMap<String, Object>();
        out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s%n", "rule", "examples", "threshold", "precision", "recall");
        for (var rule : RULES) {
            var y = new int[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = examples.get(i).rule().equals(rule) ? 1 : 0;
            }
            int positives = java.util.Arrays.stream(y).sum();
            if (positives < folds) {
                err.println(NAME + rule + " has " + positives + " questions to refuse; it needs at least " + folds);
                return FAILED;
            }
            var fold = StratifiedFolds.assign(y, folds, seed);
            var scores = new double[x.length];
            for (int f = 0; f < folds; f++) {
                var trainX = new ArrayList<double[]>();
                var trainY = new ArrayList<Integer>();
                for (int i = 0; i < x.length; i++) {
                    if (fold[i] != f) {
                        trainX.add(x[i]);
                        trainY.add(y[i]);
                    }
                }
                var model = LogisticRegression.fit(
                        trainX.toArray(double[][]::new),
                        trainY.stream().mapToInt(Integer::intValue).toArray(),
                        l2,
                        true);
                for (int i = 0; i < x.length; i++) {
                    if (fold[i] == f) {
                        scores[i] = model.probability(x[i]);
                    }
                }
            }
            double threshold = 1;
            for (int step = 99; step >= 5; step--) {
                double candidate = step / 100.0;
                if (confusion(scores, y, candidate).precision() >= minPrecision) {
                    threshold = candidate;
                } else {
                    break;
                }
            }
            var model = LogisticRegression.fit(x, y, l2, true);
            rules.put(rule, Map.of("weights", model.weights(), "bias", model.bias(), "threshold", threshold));
            var confusion = confusion(scores, y, threshold);
            double precision = confusion.precision();
            double recall = confusion.recall();
            measured.put(rule, Map.of("positives", positives, "precision", round(precision), "recall", round(recall)));
            out.printf(Locale.ROOT, "%-22s %9d %9.2f %9.4f %9.4f%n", rule, positives, threshold, precision, recall);
        }
        var training = new LinkedHashMap<String, Object>();
        training.put(
                "data", data.stream().map(p -> String.valueOf(p.getFileName())).toList());
        training.put("examples", examples.size());
        training.put("folds", folds);
        training.put("seed", seed);
        training.put("l2", l2);
        training.put("minPrecision", minPrecision);
        training.put("crossValidation", measured);
        var classifiers = new LinkedHashMap<String, Object>();
        classifiers.put("embeddingModel", embedder.modelId());
        classifiers.put("wordBuckets", WORD_BUCKETS);
        classifiers.put("rules", rules);
        classifiers.put("training", training);
        var target = output == null ? SOURCE_PATH : output;
        try {
            Guardrails.writeRuleClassifiers(classifiers, target);
        } catch (IOException e) {
            err.println(NAME + "can't write " + target + ": " + e.getMessage());
            return FAILED;
        }
        out.println("wrote " + target);
        out.flush();
        return OK;
    }

    /** The out-of-fold predictions at a threshold against the labels. */
    private static InjectionTraining.Confusion confusion(double[] scores, int[] y, double threshold) {
        var predicted = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= threshold;
        }
        return InjectionTraining.Confusion.of(predicted, y);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
