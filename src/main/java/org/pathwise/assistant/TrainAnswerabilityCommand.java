package org.pathwise.assistant;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.pathwise.CliCommand;
import org.pathwise.retrieval.Embedder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code pathwise train-answerability <report.json>... [--out FILE] [--l2 X] [--json]}: fits the answerability model
 * ({@link AnswerabilityTraining}) on the evidence that evaluation runs measured, and writes it, by default to the
 * bundled resource in the project's source folder.
 *
 * <p>Each input is an evaluation run's {@code report.json} (or the output of {@code eval --json}): its questions that
 * expect an answer or an abstention, with their {@code features}, are the examples, and the run's question set is
 * their set. A question the library answers but whose expected source the search did not retrieve is left out: the
 * evidence then says nothing about whether the library holds the answer, and the assistant could not answer it from
 * what it found anyway. Feed it runs of calibration sets only; a set that will measure the model must not be among them. Exit
 * codes: 0 on success, 2 on a usage error or an unreadable file, 1 when the runs hold no usable example.
 */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "train-answerability",
        description = "Fit the model that decides whether the library answers a question, from evaluation runs of"
                + " calibration question sets.")
final class TrainAnswerabilityCommand implements CliCommand {

    private static final String NAME = "pathwise train-answerability: ";

    @Parameters(
            arity = "1..*",
            paramLabel = "REPORT_JSON",
            description = "Evaluation runs (report.json or eval --json) of calibration question sets.")
    List<Path> reports;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the model (default: src/main/resources/assistant/answerability.json).")
    Path output;

    @Option(names = "--l2", paramLabel = "X", description = "The penalty on the weights (default: 0.01).")
    double l2 = AnswerabilityTraining.L2;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    private final ObjectProvider<Embedder> embedderProvider;

    TrainAnswerabilityCommand(ObjectProvider<Embedder> embedderProvider) {
        this.embedderProvider = embedderProvider;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        if (!(l2 > 0)) {
            err.println(NAME + "--l2 must be > 0, got " + l2);
            return USAGE;
        }
        var examples = new ArrayList<AnswerabilityTraining.Example>();
        var names = new ArrayList<String>();
        for (var report : reports) {
            try {
                names.add(read(report, examples));
            } catch (IOException | JacksonException e) {
                err.println(NAME + "can't read " + report + ": " + e.getMessage());
                return USAGE;
            } catch (IllegalArgumentException e) {
                err.println(NAME + report + ": " + e.getMessage());
                return USAGE;
            }
        }
        var embedder = embedderProvider.getObject();
        AnswerabilityTraining.Result result;
        try {
            result = AnswerabilityTraining.train(examples, l2, embedder.modelId(), String.join(", ", names));
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return FAILED;
        }
        var target = output == null ? Answerability.SOURCE_PATH : output;
        result.model().write(target);
        if (json) {
            var report = new LinkedHashMap<String, Object>();
            report.put("model", target.toString());
            report.put("threshold", result.model().threshold());
            report.put("in_sample", result.inSample());
            report.put("held_out_set", result.heldOut());
            out.println(CliCommand.json(report));
            return OK;
        }
        out.printf(
                Locale.ROOT,
                "%d questions from %d sets; threshold %.4f; written to %s%n",
                examples.size(),
                names.size(),
                result.model().threshold(),
                target);
        out.printf(
                Locale.ROOT,
                "%-44s %6s %6s   %-26s %s%n",
                "abstention",
                "answer",
                "abstain",
                "fitted on all: P / R / F1",
                "fitted on the other sets: P / R / F1");
        result.inSample().forEach((set, scores) -> {
            var held = result.heldOut().get(set);
            out.printf(
                    Locale.ROOT,
                    "%-44s %6d %6d   %.3f / %.3f / %.3f      %s%n",
                    set,
                    scores.answerable(),
                    scores.unanswerable(),
                    scores.precision(),
                    scores.recall(),
                    scores.f1(),
                    held == null
                            ? "-"
                            : String.format(
                                    Locale.ROOT, "%.3f / %.3f / %.3f", held.precision(), held.recall(), held.f1()));
        });
        return OK;
    }

    /** Adds a report's examples and returns the name of its question set. */
    private static String read(Path report, List<AnswerabilityTraining.Example> examples) throws IOException {
        JsonNode root = CliCommand.mapper().readTree(Files.readString(report));
        var results = root.has("items") ? root.get("items") : root.get("results");
        if (results == null || !results.isArray()) {
            throw new IllegalArgumentException("not an evaluation report: it has no \"items\" list");
        }
        var set = root.has("dataset") ? root.get("dataset").asString() : report.toString();
        long test = 0;
        for (var result : results) {
            // a result without a split is from a run before splits were recorded: its set's name says
            var split = result.path("split").asString(set.contains("calibration") ? "calibration" : "test");
            if (!split.equals("calibration")) {
                test++;
            }
        }
        if (test > 0) {
            throw new IllegalArgumentException(test + " of its questions are not calibration questions: the model is"
                    + " fitted on calibration questions only (run eval --split calibration)");
        }
        int before = examples.size();
        for (var result : results) {
            var expect = result.path("expect").asString("");
            if (!expect.equals("answer") && !expect.equals("abstain")) {
                continue;
            }
            if (expect.equals("answer")
                    && result.path("expectedSourceRetrieved").isBoolean()
                    && !result.get("expectedSourceRetrieved").asBoolean()) {
                // the library holds the answer but the search did not find it: no evidence either way
                continue;
            }
            var features = result.get("features");
            if (features == null || !features.isObject()) {
                throw new IllegalArgumentException("question "
                        + result.path("id").asString("?") + " has no \"features\": run eval again with this version");
            }
            var values = new double[Evidence.FEATURES.size()];
            for (int j = 0; j < values.length; j++) {
                var value = features.get(Evidence.FEATURES.get(j));
                if (value == null || !value.isNumber()) {
                    throw new IllegalArgumentException("question "
                            + result.path("id").asString("?") + " has no feature " + Evidence.FEATURES.get(j));
                }
                values[j] = value.asDouble();
            }
            // a question in another language than its best passage's is judged by the other model; a report from
            // before that was measured holds none
            var otherLanguage = features.path(Evidence.OTHER_LANGUAGE).asDouble(0) > 0;
            examples.add(new AnswerabilityTraining.Example(set, values, expect.equals("answer"), otherLanguage));
        }
        if (examples.size() == before) {
            throw new IllegalArgumentException("it holds no question that expects an answer or an abstention");
        }
        return set;
    }
}
