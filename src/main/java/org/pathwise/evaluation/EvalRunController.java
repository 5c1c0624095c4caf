package org.pathwise.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pathwise.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluation runs for researchers and administrators: {@code GET /api/audit/runs} (newest first, with their
 * summaries and status), {@code GET /api/audit/runs/{id}} (a whole run, or how far a started one has come), {@code GET
 * /api/audit/runs/{before}/compare/{after}} (metric changes and the questions that got better or worse, as
 * {@code eval-compare --json} prints them), and {@code POST /api/audit/runs}, which checks a question set (a bundled
 * one by name, or JSONL in the body), starts running it in the background and answers 202 with the run's location.
 */
@RestController
class EvalRunController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A bundled question set to run.
     *
     * @param set its name ({@code sample-library})
     * @param limit only the first questions, or {@code null} for all
     * @param split {@code test}, {@code calibration} or {@code all} (the default): which of its questions to ask
     */
    record StartRequest(String set, Integer limit, String split) {}

    private final EvalRuns runs;
    private final EvalRunStarter starter;
    private final BundledQuestionSets bundled;

    EvalRunController(EvalRuns runs, EvalRunStarter starter, BundledQuestionSets bundled) {
        this.runs = runs;
        this.starter = starter;
        this.bundled = bundled;
    }

    @GetMapping(path = "/api/audit/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Evaluation runs, newest first: stored runs, and started ones still running or failed")
    List<EvalRuns.Listed> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500, got " + limit);
        }
        return runs.list(limit);
    }

    @GetMapping(path = "/api/audit/runs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A run: status done with the whole run, or running (questions asked so far) or failed (reason)")
    Map<String, Object> run(@PathVariable String id) {
        return status(id, runs).orElseThrow(() -> notFound(id));
    }

    /**
     * A started run's state while it runs or when it failed, else the stored run with {@code "status": "done"}. The
     * run is stored before its report is written, so a stored run whose start is still running is not done yet.
     */
    static java.util.Optional<Map<String, Object>> status(String id, EvalRuns runs) {
        var started = runs.findStarted(id);
        if (started.isPresent() && !started.get().status().equals(EvalRuns.Started.DONE)) {
            return started.map(state -> JSON.convertValue(state, new TypeReference<>() {}));
        }
        var stored = runs.find(id);
        if (stored.isPresent()) {
            var body = new LinkedHashMap<String, Object>();
            body.put("id", id);
            body.put("status", EvalRuns.Started.DONE);
            body.putAll(JSON.convertValue(stored.get(), new TypeReference<Map<String, Object>>() {}));
            return java.util.Optional.of(body);
        }
        return started.map(state -> JSON.convertValue(state, new TypeReference<>() {}));
    }

    @GetMapping(path = "/api/audit/runs/{before}/compare/{after}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Two stored runs compared, metric by metric and question by question")
    Map<String, Object> compare(@PathVariable String before, @PathVariable String after) {
        var a = runs.find(before).orElseThrow(() -> notFound(before));
        var b = runs.find(after).orElseThrow(() -> notFound(after));
        return EvalCompareCommand.comparison(a, b);
    }

    @PostMapping(
            path = "/api/audit/runs",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Start a run of a bundled question set (researchers and administrators)",
            description = "{\"set\":\"sample-library\",\"limit\":…,\"split\":\"test|calibration|all\"}; 202 with"
                    + " Location; 409 while another run runs")
    ResponseEntity<EvalRuns.Started> startBundled(@RequestBody StartRequest body, Authentication user) {
        if (body == null || body.set() == null || body.set().isBlank()) {
            throw new IllegalArgumentException("send {\"set\":\"<name>\"} naming a bundled question set ("
                    + String.join(", ", bundled.names()) + "), or the question set itself as JSONL");
        }
        return start(bundled.load(body.set()).only(selection(body.split())), body.limit(), user);
    }

    @PostMapping(
            path = "/api/audit/runs",
            consumes = {"application/jsonl", "application/x-ndjson", MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Start a run of the question set in the body, JSONL (researchers and administrators)",
            description = "name: the set's name in the run (default upload.jsonl); limit: only the first questions;"
                    + " split: test, calibration or all (the default)."
                    + " 422 with the line at fault when a line is not a valid question; 409 while another run runs")
    ResponseEntity<EvalRuns.Started> startUploaded(
            @RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String split,
            Authentication user) {
        return start(uploaded(name, body).only(selection(split)), limit, user);
    }

    /**
     * The questions a run asks: {@code test}, {@code calibration} or {@code all}; all when not given.
     *
     * @throws IllegalArgumentException naming the choices
     */
    static Split.Selection selection(String split) {
        if (split == null || split.isBlank()) {
            return Split.Selection.ALL;
        }
        for (var selection : Split.Selection.values()) {
            if (selection.label().equals(split.strip())) {
                return selection;
            }
        }
        throw new IllegalArgumentException("split must be test, calibration or all, got " + split);
    }

    /**
     * An uploaded question set, checked.
     *
     * @throws ErrorResponseException a 422 problem naming the line at fault
     */
    static QuestionSet uploaded(String name, byte[] body) {
        try {
            return QuestionSet.parse(uploadName(name), body == null ? new byte[0] : body);
        } catch (QuestionSet.InvalidException e) {
            throw Problems.problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Correct the question set at the line given",
                    e.getMessage(),
                    e.line() > 0 ? Map.of("line", e.line()) : Map.of());
        }
    }

    /** An upload's name as a run records it: the file name alone, without folders or control characters. */
    static String uploadName(String name) {
        if (name == null || name.isBlank()) {
            return "upload.jsonl";
        }
        var file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        file = file.length() > 200 ? file.substring(0, 200) : file;
        return file.isEmpty() ? "upload.jsonl" : file;
    }

    private ResponseEntity<EvalRuns.Started> start(QuestionSet set, Integer limit, Authentication user) {
        EvalRuns.Started started;
        try {
            started = starter.start(set, limit, user.getName());
        } catch (EvalRunStarter.AlreadyRunning e) {
            throw conflict(e);
        }
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/audit/runs/{id}")
                        .buildAndExpand(started.id())
                        .toUri())
                .body(started);
    }

    /** The 409 problem of a start while another run runs. */
    static ErrorResponseException conflict(EvalRunStarter.AlreadyRunning e) {
        return Problems.problem(
                HttpStatus.CONFLICT,
                "Wait for the running evaluation to finish",
                e.getMessage(),
                Map.of("running", e.running().id()));
    }

    private static ErrorResponseException notFound(String id) {
        return Problems.notFound("There is no evaluation run " + id + ".");
    }
}
