package org.pathwise.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pathwise.CliCommand;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pathwise eval <questions.jsonl>}: runs the question set ({@link AnswerEvaluation}), stores the run with what
 * it ran on, writes its report, and, given a baseline, fails when a metric moved the wrong way by more than allowed
 * ({@link RegressionGate}).
 */
final class QuestionSetRun {

    private static final String NAME = "pathwise eval: ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QuestionSetRun() {}

    static int run(
            EvalCommand command,
            ObjectProvider<EvalRuns> runsProvider,
            ObjectProvider<Evaluations> evaluationsProvider,
            PrintWriter out,
            PrintWriter err) {
        RegressionGate gate;
        try {
            gate = RegressionGate.parse(command.maxDrops);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return CliCommand.USAGE;
        }
        if (!command.maxDrops.isEmpty() && command.baseline == null) {
            err.println(NAME + "--max-drop needs --baseline");
            return CliCommand.USAGE;
        }
        var runs = runsProvider.getObject();
        Map<String, Object> baseline = null;
        if (command.baseline != null) {
            try {
                baseline = baseline(command.baseline, runs);
            } catch (IllegalArgumentException e) {
                err.println(NAME + e.getMessage());
                return CliCommand.USAGE;
            }
        }
        QuestionSet set;
        try {
            set = QuestionSet.read(command.dataset).only(command.split);
            set.first(command.limitQueries);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return CliCommand.USAGE;
        }
        var evaluations = evaluationsProvider.getObject();
        var completed = evaluations.run(
                evaluations.newId(set, id -> false),
                set,
                command.limitQueries,
                command.reportDir,
                AnswerEvaluation.Progress.NONE);
        var report = completed.report().resolve("report.html").toString();
        return finish(
                command,
                completed.run().id(),
                completed.evaluation().summary(),
                completed.evaluation().results(),
                report,
                report,
                gate,
                baseline,
                out,
                err);
    }

    /**
     * Prints a finished run, its summary and where to read it (or, with {@code --json}, its summary, results, id and
     * report), then gates it against the baseline when one is given, for a run made here or on a service.
     *
     * @param report the run's {@code report.html}, as {@code --json} names it
     * @param location where to read the run, as the summary names it
     * @param baseline the baseline's summary, or {@code null}
     * @return the exit code: 1 when a metric regressed, 2 when the gate names a metric the summaries lack
     */
    static int finish(
            EvalCommand command,
            String id,
            Map<String, Object> summary,
            Object items,
            String report,
            String location,
            RegressionGate gate,
            Map<String, Object> baseline,
            PrintWriter out,
            PrintWriter err) {
        if (command.json) {
            var printed = new LinkedHashMap<String, Object>();
            printed.put("summary", summary);
            printed.put("items", items);
            printed.put("run", id);
            printed.put("report", report);
            out.println(CliCommand.json(printed));
        } else {
            AnswerEvaluation.printSummary(summary, out);
            out.println("run " + id + ": " + location);
        }
        out.flush();
        if (baseline == null) {
            return CliCommand.OK;
        }
        List<RegressionGate.Regression> regressions;
        try {
            regressions = gate.check(baseline, summary);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return CliCommand.USAGE;
        }
        regressions.forEach(r -> err.println(NAME + "regression: " + r.describe()));
        return regressions.isEmpty() ? CliCommand.OK : CliCommand.FAILED;
    }

    /**
     * A whole run: a stored run's id, or a {@code report.json}.
     *
     * @throws IllegalArgumentException when it is neither
     */
    static EvalRun load(String reference, EvalRuns runs) {
        var file = Path.of(reference);
        if (Files.isRegularFile(file)) {
            try {
                return JSON.readValue(Files.readString(file), EvalRun.class);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("can't read the run " + reference + ": " + e.getMessage());
            }
        }
        return runs.find(reference)
                .orElseThrow(() -> new IllegalArgumentException(reference + " is neither a file nor a stored run"));
    }

    /** A baseline's summary: from a stored run's id, or a {@code report.json} or {@code eval --json} file. */
    static Map<String, Object> baseline(String reference, EvalRuns runs) {
        var file = Path.of(reference);
        if (Files.isRegularFile(file)) {
            try {
                var tree = JSON.readTree(Files.readString(file));
                if (!tree.has("summary")) {
                    throw new IllegalArgumentException(
                            reference + " has no \"summary\": give a report.json or the" + " output of eval --json");
                }
                var summary = JSON.convertValue(tree.get("summary"), new TypeReference<Map<String, Object>>() {});
                if (!summary.containsKey("intervals") && tree.has("intervals")) {
                    // a baseline file keeps the intervals beside the summary
                    summary.put(
                            "intervals",
                            JSON.convertValue(tree.get("intervals"), new TypeReference<Map<String, Object>>() {}));
                }
                return summary;
            } catch (IOException | RuntimeException e) {
                if (e instanceof IllegalArgumentException illegal) {
                    throw illegal;
                }
                throw new IllegalArgumentException("can't read the baseline " + reference + ": " + e.getMessage());
            }
        }
        return runs.find(reference)
                .map(EvalRun::summary)
                .orElseThrow(() -> new IllegalArgumentException(
                        "the baseline " + reference + " is neither a file nor a stored run"));
    }
}
