package org.pathwise.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pathwise.CliCommand;
import org.pathwise.assistant.Assistant;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.library.DocumentQuery;
import org.pathwise.library.Library;
import org.pathwise.retrieval.Search;
import org.springframework.context.ApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pathwise eval <questions.jsonl>}: runs the question set ({@link AnswerEvaluation}), stores the run with what
 * it ran on, writes its report, and, given a baseline, fails when a metric fell by more than allowed.
 */
final class QuestionSetRun {

    private static final String NAME = "pathwise eval: ";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private QuestionSetRun() {}

    static int run(EvalCommand command, ApplicationContext context, PrintWriter out, PrintWriter err) {
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
        var runs = context.getBean(EvalRuns.class);
        Map<String, Object> baseline = null;
        if (command.baseline != null) {
            try {
                baseline = baseline(command.baseline, runs);
            } catch (IllegalArgumentException e) {
                err.println(NAME + e.getMessage());
                return CliCommand.USAGE;
            }
        }
        AnswerEvaluation.Evaluation evaluation;
        try {
            evaluation = new AnswerEvaluation(context.getBean(Assistant.class), context.getBean(Search.class))
                    .evaluate(command.dataset, command.limitQueries);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return CliCommand.USAGE;
        }
        var run = record(command, context, evaluation);
        runs.save(run);
        var folder = EvalReport.write(run, command.reportDir);
        if (command.json) {
            var printed = new LinkedHashMap<String, Object>();
            printed.put("summary", evaluation.summary());
            printed.put("items", evaluation.results());
            printed.put("run", run.id());
            printed.put("report", folder.resolve("report.html").toString());
            out.println(CliCommand.json(printed));
        } else {
            AnswerEvaluation.printSummary(evaluation.summary(), out);
            out.println("run " + run.id() + ": " + folder.resolve("report.html"));
        }
        out.flush();
        if (baseline == null) {
            return CliCommand.OK;
        }
        List<RegressionGate.Regression> regressions;
        try {
            regressions = gate.check(baseline, evaluation.summary());
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
                return JSON.convertValue(tree.get("summary"), new TypeReference<Map<String, Object>>() {});
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

    private static EvalRun record(
            EvalCommand command, ApplicationContext context, AnswerEvaluation.Evaluation evaluation) {
        var environment = context.getEnvironment();
        var library = context.getBean(Library.class);
        var libraryDigest = sha256();
        int documents = 0;
        for (int offset = 0; ; offset += DocumentQuery.MAX_LIMIT) {
            var page = library.documents(new DocumentQuery("", "", "", "", "", "", offset, DocumentQuery.MAX_LIMIT));
            for (var document : page) {
                libraryDigest.update((document.source() + "\n" + document.contentHash() + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            documents += page.size();
            if (page.size() < DocumentQuery.MAX_LIMIT) {
                break;
            }
        }
        String datasetHash;
        try {
            datasetHash = HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(command.dataset)));
        } catch (IOException e) {
            throw new IllegalArgumentException("can't read " + command.dataset + ": " + e.getMessage());
        }
        var provider = environment.getProperty("pathwise.assistant.llm.provider", "none");
        boolean extractive = provider.equalsIgnoreCase("none");
        var configuration = new LinkedHashMap<String, Object>();
        for (var key : List.of(
                "pathwise.assistant.relevance-threshold",
                "pathwise.assistant.coverage-weight",
                "pathwise.assistant.passages",
                "pathwise.assistant.max-sentences",
                "pathwise.assistant.max-words",
                "pathwise.embedding.model")) {
            var value = environment.getProperty(key);
            if (value != null) {
                configuration.put(key, value);
            }
        }
        if (command.limitQueries != null) {
            configuration.put("limit", command.limitQueries);
        }
        var items = evaluation.results().stream()
                .map(r -> JSON.convertValue(r, new TypeReference<Map<String, Object>>() {}))
                .toList();
        var now = Instant.now();
        return new EvalRun(
                ID_TIME.format(now) + "-" + datasetHash.substring(0, 8),
                now,
                command.dataset.toString(),
                datasetHash,
                documents,
                HexFormat.of().formatHex(libraryDigest.digest()),
                extractive ? "extractive" : provider.toLowerCase(java.util.Locale.ROOT),
                extractive ? "" : environment.getProperty("pathwise.assistant.llm.model", ""),
                extractive ? "" : environment.getProperty("pathwise.assistant.llm.prompt", "answer/v1"),
                context.getBean(Guardrails.class).policyVersion(),
                configuration,
                evaluation.summary(),
                items);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
