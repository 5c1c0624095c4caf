package org.pathwise.evaluation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.pathwise.assistant.Assistant;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.library.DocumentQuery;
import org.pathwise.library.Library;
import org.pathwise.retrieval.Search;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a question set through the assistant ({@link AnswerEvaluation}), stores the run with what it ran on (the set's
 * name and hash, the library's documents and a hash over them, composer, model, prompt, policy version, the settings
 * that shape answers) and writes its report. The {@code eval} command and runs started over HTTP both go through here,
 * so a run is stored the same way whoever started it.
 */
@Component
class Evaluations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final List<String> SETTINGS = List.of(
            "pathwise.assistant.answerability-model",
            "pathwise.assistant.answerability-threshold",
            "pathwise.assistant.passages",
            "pathwise.embedding.model");

    private final Assistant assistant;
    private final Search search;
    private final Guardrails guardrails;
    private final Library library;
    private final Environment environment;
    private final EvalRuns runs;
    private final Clock clock;

    Evaluations(
            Assistant assistant,
            Search search,
            Guardrails guardrails,
            Library library,
            Environment environment,
            EvalRuns runs,
            Clock clock) {
        this.assistant = assistant;
        this.search = search;
        this.guardrails = guardrails;
        this.library = library;
        this.environment = environment;
        this.runs = runs;
        this.clock = clock;
    }

    /** A stored run, its questions' results, and the folder of its report. */
    record Completed(EvalRun run, AnswerEvaluation.Evaluation evaluation, Path report) {}

    /**
     * A new run's id: the time in UTC and the first eight hex digits of the set's hash, with {@code -2}, {@code -3},
     * ... when a run of the same set started in the same second.
     *
     * @param taken whether an id is already used
     */
    String newId(QuestionSet set, java.util.function.Predicate<String> taken) {
        var id = ID_TIME.format(clock.instant()) + "-" + set.sha256().substring(0, 8);
        var candidate = id;
        for (int n = 2; taken.test(candidate) || runs.find(candidate).isPresent(); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    /**
     * Asks every question (the first {@code limit}, when given), then stores the run and writes its report.
     *
     * @param reportDir where the run's folder with {@code report.html} and {@code report.json} goes
     * @param progress told after each question
     */
    Completed run(String id, QuestionSet set, Integer limit, Path reportDir, AnswerEvaluation.Progress progress) {
        var evaluation =
                new AnswerEvaluation(assistant, search, guardrails, library).evaluate(set.first(limit), progress);
        var run = record(id, set, limit, evaluation);
        runs.save(run);
        return new Completed(run, evaluation, EvalReport.write(run, reportDir));
    }

    private EvalRun record(String id, QuestionSet set, Integer limit, AnswerEvaluation.Evaluation evaluation) {
        var libraryDigest = sha256();
        int documents = 0;
        for (int offset = 0; ; offset += DocumentQuery.MAX_LIMIT) {
            var page = library.documents(new DocumentQuery("", "", "", "", "", "", offset, DocumentQuery.MAX_LIMIT));
            for (var document : page) {
                libraryDigest.update(
                        (document.source() + "\n" + document.contentHash() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            documents += page.size();
            if (page.size() < DocumentQuery.MAX_LIMIT) {
                break;
            }
        }
        var provider = environment.getProperty("pathwise.assistant.llm.provider", "none");
        boolean extractive = provider.equalsIgnoreCase("none");
        var configuration = new LinkedHashMap<String, Object>();
        for (var key : SETTINGS) {
            var value = environment.getProperty(key);
            if (value != null) {
                configuration.put(key, value);
            }
        }
        if (limit != null) {
            configuration.put("limit", limit);
        }
        configuration.put("split", set.split());
        var items = evaluation.results().stream()
                .map(r -> JSON.convertValue(r, new TypeReference<java.util.Map<String, Object>>() {}))
                .toList();
        return new EvalRun(
                id,
                Instant.now(clock),
                set.name(),
                set.sha256(),
                documents,
                HexFormat.of().formatHex(libraryDigest.digest()),
                extractive ? "extractive" : provider.toLowerCase(Locale.ROOT),
                extractive ? "" : environment.getProperty("pathwise.assistant.llm.model", ""),
                extractive ? "" : environment.getProperty("pathwise.assistant.llm.prompt", "answer/v2"),
                guardrails.policyVersion(),
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
