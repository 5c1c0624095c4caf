package org.pathwise.tools;

import static java.util.stream.Collectors.joining;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pathwise.CliCommand;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.LanguageDetector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;

/**
 * {@code pathwise train-injection-classifier <train.jsonl>... [--folds 5] [--seed N] [--out FILE] [--json]
 * [--source TEXT] [--features query|passage|both] [--benchmark]}: measures
 * the guardrails' prompt-injection detector by nested cross-validation ({@link InjectionTraining}), then trains its
 * classifier on every example and writes the weights ({@link Guardrails#writeInjectionClassifier}), by default to the
 * bundled resource in the project's source folder.
 *
 * <p>The input has one JSON object per line, {@code {"text": "...", "label": 0 or 1}}, 1 for an injection, or is a
 * question set ({@code {"question": ..., "expect": ..., "expected_rule": ...}}), whose questions count as injections
 * when they are to be refused by {@code prompt-injection} and as ordinary texts otherwise. The classifier decides only
 * in the languages of which the data holds at least {@value #MIN_PER_LANGUAGE} injections and as many ordinary texts
 * (the classifier's {@code languages}). With
 * {@code --benchmark}, nothing is trained: the bundled detector inspects every text and the command prints the time
 * per question. Exit codes: 0 on success, 2 on a usage error or a missing file, 1 when a line can't be read.
 */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "train-injection-classifier",
        description = "Cross-validate the prompt-injection detector, then train its classifier on all the data.")
final class TrainInjectionClassifierCommand implements CliCommand {

    private static final String NAME = "pathwise train-injection-classifier: ";

    /** Where the weights go by default, from the project's folder: the resource the guardrails read. */
    static final Path SOURCE_PATH = Path.of("src/main/resources/guardrails/prompt-injection-classifier.json");

    /** The rule of the prompt-injection detector, which refuses what it flags. */
    static final String RULE = "prompt-injection";

    /** The features the classifier may read, as its weights name them. */
    static final String QUERY_EMBEDDING = "query-embedding";

    static final String PASSAGE_EMBEDDING = "passage-embedding";
    static final String BOTH_EMBEDDINGS = "query-and-passage-embeddings";

    /** How many texts of each class a language needs for the classifier to decide in it. */
    static final int MIN_PER_LANGUAGE = InjectionTraining.MIN_PER_LANGUAGE;

    @Parameters(
            arity = "1..*",
            paramLabel = "TRAIN_JSONL",
            description = "Labelled texts, one JSON object a line; several files are read as one.")
    List<Path> data;

    @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (default: 5).")
    int folds = 5;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the fold split (default: 42).")
    long seed = 42;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the weights (default: src/main/resources/guardrails/"
                    + "prompt-injection-classifier.json).")
    Path output;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(
            names = "--min-precision",
            paramLabel = "P",
            description = "The precision the decision threshold must reach (default: 0.90).")
    double minPrecision = 0.90;

    @Option(
            names = "--max-ordinary-rate",
            paramLabel = "R",
            description = "The largest share of a language's ordinary questions (question sets' lines) the detector may"
                    + " flag; a language above it gets a higher threshold of its own (default: 0.005; 1 for one"
                    + " threshold everywhere).")
    double maxOrdinaryRate = 0.005;

    @Option(
            names = "--features",
            paramLabel = "KIND",
            description = "passage (the text embedded as a passage, the default), query (as a query) or both; the"
                    + " same vector with the bundled model, which has no instructions.")
    String features = "passage";

    @Option(
            names = "--word-buckets",
            paramLabel = "N",
            description = "Hashed word and word-pair features beside the embedding (default: 1024; 0 for the embedding"
                    + " alone).")
    int wordBuckets = 1024;

    @Option(names = "--unweighted", description = "Do not weight the classes to count equally.")
    boolean unweighted;

    @Option(
            names = "--all-texts",
            description = "Train the detector's classifier on every text, not only on those the phrases and"
                    + " encodings let through.")
    boolean allTexts;

    @Option(
            names = "--source",
            paramLabel = "TEXT",
            description = "Where the data comes from and its licence, recorded with the weights.")
    String source;

    @Option(names = "--benchmark", description = "Time the bundled detector on the texts instead of training.")
    boolean benchmark;

    /**
     * A labelled text.
     *
     * @param question whether it is a question set's question (a question users ask) rather than a labelled text of
     *     an injection data set
     */
    record Example(String text, int label, boolean question) {

        /** A labelled text of an injection data set. */
        Example(String text, int label) {
            this(text, label, false);
        }
    }

    private final ObjectProvider<Embedder> embedderProvider;

    TrainInjectionClassifierCommand(ObjectProvider<Embedder> embedderProvider) {
        this.embedderProvider = embedderProvider;
    }

    @Override
    public boolean usesModels() {
        return true;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        if (folds < 2) {
            err.println(NAME + "--folds must be at least 2, got " + folds);
            return USAGE;
        }
        if (!(minPrecision > 0 && minPrecision <= 1)) {
            err.println(NAME + "--min-precision must be in (0, 1], got " + minPrecision);
            return USAGE;
        }
        if (wordBuckets < 0) {
            err.println(NAME + "--word-buckets must be >= 0, got " + wordBuckets);
            return USAGE;
        }
        if (!(maxOrdinaryRate >= 0 && maxOrdinaryRate <= 1)) {
            err.println(NAME + "--max-ordinary-rate must be in [0, 1], got " + maxOrdinaryRate);
            return USAGE;
        }
        var kind = switch (features) {
            case "query" -> QUERY_EMBEDDING;
            case "passage" -> PASSAGE_EMBEDDING;
            case "both" -> BOTH_EMBEDDINGS;
            default -> null;
        };
        if (kind == null) {
            err.println(NAME + "--features must be query, passage or both, got " + features);
            return USAGE;
        }
        var target = output == null ? SOURCE_PATH : output;
        if (!benchmark && output == null && !Files.isDirectory(target.getParent())) {
            err.println(NAME + target.getParent() + " does not exist: run from the project's folder or pass --out");
            return USAGE;
        }
        for (var file : data) {
            if (!Files.isRegularFile(file)) {
                err.println(NAME + file + " is not a file");
                return USAGE;
            }
        }
        var examples = new ArrayList<Example>();
        var fileOf = new ArrayList<Integer>();
        try {
            for (int f = 0; f < data.size(); f++) {
                var read = read(data.get(f));
                examples.addAll(read);
                for (int i = 0; i < read.size(); i++) {
                    fileOf.add(f);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return FAILED;
        }
        var embedder = embedderProvider.getObject();
        if (benchmark) {
            out.println(InjectionBenchmark.run(
                            Guardrails.injectionClassifierFeatures(),
                            Guardrails::injectionPhrasesFlag,
                            Guardrails.injectionDetector(embedder),
                            examples.stream().map(Example::text).toList(),
                            message -> err.println(NAME + message))
                    .table());
            out.flush();
            return OK;
        }
        int positives = (int) examples.stream().filter(e -> e.label() == 1).count();
        if (positives < folds || examples.size() - positives < folds) {
            err.println(NAME + "each class needs at least " + folds + " examples, got " + positives + " injections and "
                    + (examples.size() - positives) + " others");
            return FAILED;
        }
        var settings =
                new InjectionTraining.Settings(folds, seed, minPrecision, !unweighted, !allTexts, maxOrdinaryRate);
        err.println(NAME + "embedding " + examples.size() + " texts with " + embedder.modelId());
        var x = new double[examples.size()][];
        var y = new int[examples.size()];
        var hits = new boolean[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            var text = examples.get(i).text();
            var vector = Guardrails.classifierFeatures(kind, wordBuckets, embedder, text);
            x[i] = toDoubles(vector);
            y[i] = examples.get(i).label();
            hits[i] = Guardrails.injectionPhrasesFlag(text);
        }
        err.println(NAME + "nested " + folds + "-fold cross-validation");
        var groups = fileOf.stream().mapToInt(Integer::intValue).toArray();
        var detector = LanguageDetector.shared();
        var languageOf = examples.stream().map(e -> detector.detect(e.text())).toArray(String[]::new);
        var capped = new boolean[examples.size()];
        for (int i = 0; i < capped.length; i++) {
            capped[i] = examples.get(i).question();
        }
        var report = InjectionTraining.crossValidate(x, y, hits, groups, languageOf, capped, settings);
        err.println(NAME + "choosing the penalty and thresholds on all the data, then training on all of it");
        var selection = InjectionTraining.select(x, y, hits, languageOf, capped, settings.cascade(), settings, seed);
        var decided = languages(languageOf, y);
        var model = InjectionTraining.fit(x, y, hits, settings.cascade(), selection.l2(), settings);
        var training = new LinkedHashMap<String, Object>();
        training.put(
                "data",
                data.stream().map(file -> file.getFileName().toString()).collect(joining(", "))
                        + (source == null || source.isBlank() ? "" : " (" + source.strip() + ")"));
        training.put("examples", examples.size());
        training.put("positives", positives);
        training.put("folds", folds);
        training.put("seed", seed);
        training.put("l2", selection.l2());
        training.put("balanced", settings.balanced());
        training.put("cascade", settings.cascade());
        training.put("crossValidation", summary(report, files()));
        var languageThresholds = decidedOnly(selection.languageThresholds(), decided);
        var classifier = new LinkedHashMap<String, Object>();
        classifier.put("embeddingModel", embedder.modelId());
        classifier.put("features", kind);
        classifier.put("weights", model.weights());
        classifier.put("bias", model.bias());
        classifier.put("threshold", selection.threshold());
        classifier.put("training", training);
        classifier.put("languages", decided);
        classifier.put("wordBuckets", wordBuckets);
        classifier.put("languageThresholds", languageThresholds);
        try {
            Guardrails.writeInjectionClassifier(classifier, target);
        } catch (IOException e) {
            err.println(NAME + "can't write " + target + ": " + e.getMessage());
            return FAILED;
        }
        if (json) {
            var result = new LinkedHashMap<String, Object>();
            result.put("examples", examples.size());
            result.put("injections", positives);
            result.put("folds", folds);
            result.put("seed", seed);
            result.put("features", kind);
            result.put("balanced", settings.balanced());
            result.put("cascade", settings.cascade());
            result.put("crossValidation", summary(report, files()));
            result.put("languages", decided);
            result.put("l2", selection.l2());
            result.put("threshold", selection.threshold());
            result.put("languageThresholds", languageThresholds);
            result.put("out", target.toString());
            out.println(CliCommand.json(result));
        } else {
            out.println(table(report, files(), settings, examples.size(), positives, kind, selection, target));
        }
        out.flush();
        return OK;
    }

    /** Reads labelled texts, naming the line of any problem; 1 for the texts {@link #refusals} gives to this rule. */
    static List<Example> read(Path file) {
        return refusals(file).stream()
                .map(r -> new Example(r.text(), r.rule().equals(RULE) ? 1 : 0, r.question()))
                .toList();
    }

    /**
     * A text and the rule that is to refuse it, empty for an ordinary text.
     *
     * @param rule for a question set's line, its {@code expected_rule} when it expects a refusal; for a labelled text,
     *     {@code prompt-injection} when labelled 1
     * @param question whether it is a question set's line
     */
    record Refusal(String text, String rule, boolean question) {}

    /**
     * Reads question sets and labelled texts ({@code {"text": ..., "label": 0 or 1}}) as texts and the rule that is
     * to refuse each, naming the line of any problem.
     *
     * @throws IllegalArgumentException when the file can't be read, a line is not valid, or it holds no text
     */
    static List<Refusal> refusals(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        var examples = new ArrayList<Refusal>();
        for (int number = 1; number <= lines.size(); number++) {
            var line = lines.get(number - 1);
            if (line.isBlank()) {
                continue;
            }
            try {
                var node = CliCommand.mapper().readTree(line);
                if (node.has("question") && !node.has("text")) {
                    var question = node.path("question");
                    if (!question.isString() || question.asString().isBlank()) {
                        throw new IllegalArgumentException(
                                file + ":" + number + ": \"question\" must be a non-blank string");
                    }
                    boolean refuse = node.path("expect").asString("").equals("refuse");
                    examples.add(new Refusal(
                            question.asString(),
                            refuse ? node.path("expected_rule").asString("") : "",
                            true));
                    continue;
                }
                var text = node.path("text");
                var label = node.path("label");
                if (!text.isString() || text.asString().isBlank()) {
                    throw new IllegalArgumentException(file + ":" + number + ": \"text\" must be a non-blank string");
                }
                if (!label.isInt() || (label.asInt() != 0 && label.asInt() != 1)) {
                    throw new IllegalArgumentException(file + ":" + number + ": \"label\" must be 0 or 1");
                }
                examples.add(new Refusal(text.asString(), label.asInt() == 1 ? RULE : "", false));
            } catch (JacksonException e) {
                throw new IllegalArgumentException(file + ":" + number + ": not JSON: " + e.getOriginalMessage(), e);
            }
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(file + ": no labelled text");
        }
        return examples;
    }

    /**
     * The languages in which the data holds at least {@value #MIN_PER_LANGUAGE} injections and as many ordinary texts,
     * in alphabetical order.
     *
     * @param languages each text's language, as {@link LanguageDetector} detects it
     * @param labels each text's label
     */
    static List<String> languages(String[] languages, int[] labels) {
        var counts = new java.util.TreeMap<String, int[]>();
        for (int i = 0; i < languages.length; i++) {
            counts.computeIfAbsent(languages[i], k -> new int[2])[labels[i]]++;
        }
        counts.remove("und");
        return counts.entrySet().stream()
                .filter(e -> e.getValue()[0] >= MIN_PER_LANGUAGE && e.getValue()[1] >= MIN_PER_LANGUAGE)
                .map(java.util.Map.Entry::getKey)
                .toList();
    }

    /** The thresholds of the languages the classifier decides in; the others never reach it. */
    private static Map<String, Double> decidedOnly(Map<String, Double> thresholds, List<String> decided) {
        var kept = new java.util.TreeMap<>(thresholds);
        kept.keySet().retainAll(decided);
        return kept;
    }

    static double[] toDoubles(float[] vector) {
        var doubles = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            doubles[i] = vector[i];
        }
        return doubles;
    }

    /** The cross-validation figures by name, as stored with the weights and printed with --json. */
    static Map<String, Map<String, Object>> summary(InjectionTraining.Report report, List<String> files) {
        var summary = new LinkedHashMap<String, Map<String, Object>>();
        summary.put("detector", figures(report.detector()));
        summary.put("classifier", figures(report.classifier()));
        summary.put("rules", figures(report.rules()));
        if (files.size() > 1) {
            for (int f = 0; f < files.size(); f++) {
                var group = report.groups().get(f);
                summary.put("detector on " + files.get(f), figures(group.detector()));
                summary.put("classifier on " + files.get(f), figures(group.classifier()));
                summary.put("rules on " + files.get(f), figures(group.rules()));
            }
        }
        return summary;
    }

    /** The input files' names, in order. */
    private List<String> files() {
        return data.stream().map(file -> file.getFileName().toString()).toList();
    }

    private static Map<String, Object> figures(InjectionTraining.Confusion confusion) {
        var figures = new LinkedHashMap<String, Object>();
        figures.put("precision", round(confusion.precision()));
        figures.put("recall", round(confusion.recall()));
        figures.put("f1", round(confusion.f1()));
        figures.put("tp", confusion.tp());
        figures.put("fp", confusion.fp());
        figures.put("fn", confusion.fn());
        figures.put("tn", confusion.tn());
        return figures;
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }

    /** The report as a table for people. */
    static String table(
            InjectionTraining.Report report,
            List<String> files,
            InjectionTraining.Settings settings,
            int examples,
            int positives,
            String features,
            InjectionTraining.Selection selection,
            Path target) {
        var text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%d examples (%d injections); features %s; classes %s; detector's classifier trained on %s; seed %d%n",
                examples,
                positives,
                features,
                settings.balanced() ? "balanced" : "unweighted",
                settings.cascade() ? "the texts the phrases let through" : "every text",
                settings.seed()));
        text.append(String.format(
                Locale.ROOT,
                "%nnested %d-fold cross-validation (penalty and threshold chosen inside each training part;"
                        + " threshold: highest recall at precision >= %.2f)%n",
                settings.folds(),
                settings.minPrecision()));
        text.append(String.format(
                Locale.ROOT,
                "%-26s %9s %7s %7s %5s %5s %5s %5s%n",
                "",
                "precision",
                "recall",
                "F1",
                "TP",
                "FP",
                "FN",
                "TN"));
        row(text, "detector", report.detector());
        row(text, "classifier alone", report.classifier());
        row(text, "phrases + encodings alone", report.rules());
        if (files.size() > 1) {
            for (int f = 0; f < files.size(); f++) {
                var group = report.groups().get(f);
                text.append(String.format(Locale.ROOT, "%non %s only%n", files.get(f)));
                row(text, "detector", group.detector());
                row(text, "classifier alone", group.classifier());
                row(text, "phrases + encodings alone", group.rules());
            }
        }
        text.append(String.format(
                Locale.ROOT, "%nchosen inside each training part: l2 and threshold, detector | classifier alone%n"));
        for (int i = 0; i < report.choices().size(); i++) {
            var choice = report.choices().get(i);
            text.append(String.format(
                    Locale.ROOT,
                    "  fold %d: %.0e %.4f%s | %.0e %.4f%s%n",
                    i + 1,
                    choice.detector().l2(),
                    choice.detector().threshold(),
                    byLanguage(choice.detector()),
                    choice.classifier().l2(),
                    choice.classifier().threshold(),
                    byLanguage(choice.classifier())));
        }
        text.append(String.format(
                Locale.ROOT,
                "%nfinal model, trained on all %d examples: l2 %.0e, threshold %.4f%s%nwrote %s",
                examples,
                selection.l2(),
                selection.threshold(),
                byLanguage(selection),
                target));
        return text.toString();
    }

    /** The languages' own thresholds, as " (de 0.4210, en 0.2000)", or nothing. */
    private static String byLanguage(InjectionTraining.Selection selection) {
        return selection.languageThresholds().isEmpty()
                ? ""
                : selection.languageThresholds().entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                        .collect(joining(", ", " (", ")"));
    }

    private static void row(StringBuilder text, String name, InjectionTraining.Confusion c) {
        text.append(String.format(
                Locale.ROOT,
                "%-26s %9.4f %7.4f %7.4f %5d %5d %5d %5d%n",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp(),
                c.fp(),
                c.fn(),
                c.tn()));
    }
}
