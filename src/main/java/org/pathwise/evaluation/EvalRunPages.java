package org.pathwise.evaluation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evaluation pages for researchers and administrators: the runs with their key metrics, a form to start one (a
 * bundled question set or an uploaded file), a run (its status while it runs, then what it ran on, the summary and
 * every question's result, and its HTML report), and two runs compared side by side.
 */
@Controller
class EvalRunPages {

    /** The summary metrics the list of runs shows, in its columns' order. */
    static final List<String> KEY_METRICS = List.of(
            "expected_source_in_top5",
            "ndcg_at_10",
            "citation_precision",
            "groundedness",
            "abstention_f1",
            "refusal_f1");

    /**
     * The self-contained report holds its own style sheet and no script: it may use inline styles, nothing else, and
     * no other origin.
     */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final EvalRuns runs;
    private final EvalRunStarter starter;
    private final BundledQuestionSets bundled;

    EvalRunPages(EvalRuns runs, EvalRunStarter starter, BundledQuestionSets bundled) {
        this.runs = runs;
        this.starter = starter;
        this.bundled = bundled;
    }

    /** A run in the list: its status and its key metrics, formatted ("—" when it has none). */
    record ListedRow(EvalRuns.Listed run, List<String> metrics) {}

    /** A question's result in a run's table. */
    record QuestionRow(
            String id,
            String question,
            String expect,
            String outcome,
            String rule,
            String cited,
            String ndcg,
            String grounded,
            String millis,
            boolean missed) {}

    @GetMapping("/audit/runs")
    String list(Model model) {
        var listed = runs.list(100);
        model.addAttribute(
                "runs",
                listed.stream()
                        .map(run -> new ListedRow(
                                run,
                                KEY_METRICS.stream()
                                        .map(key -> format(run.summary().get(key)))
                                        .toList()))
                        .toList());
        var done = listed.stream()
                .filter(run -> run.status().equals(EvalRuns.Started.DONE))
                .toList();
        model.addAttribute("done", done);
        model.addAttribute("before", done.size() > 1 ? done.get(1).id() : "");
        model.addAttribute("after", done.isEmpty() ? "" : done.getFirst().id());
        model.addAttribute("sets", bundled.names());
        model.addAttribute("running", runs.running().orElse(null));
        return "evaluation/runs";
    }

    @PostMapping("/audit/runs")
    String start(
            @RequestParam(required = false) String set,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) Integer limit,
            Principal principal,
            RedirectAttributes redirect)
            throws IOException {
        try {
            QuestionSet questions;
            if (file != null && !file.isEmpty()) {
                questions =
                        QuestionSet.parse(EvalRunController.uploadName(file.getOriginalFilename()), file.getBytes());
            } else if (set != null && !set.isBlank()) {
                questions = bundled.load(set);
            } else {
                throw new IllegalArgumentException("choose a bundled question set or a file to upload");
            }
            var started = starter.start(questions, limit, principal.getName());
            return "redirect:/audit/runs/" + started.id();
        } catch (IllegalArgumentException | EvalRunStarter.AlreadyRunning e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/audit/runs";
        }
    }

    @GetMapping("/audit/runs/compare")
    String compare(
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String after,
            Model model,
            RedirectAttributes redirect) {
        var a = before == null ? null : runs.find(before).orElse(null);
        var b = after == null ? null : runs.find(after).orElse(null);
        if (a == null || b == null) {
            redirect.addFlashAttribute("error", "choose two finished runs to compare");
            return "redirect:/audit/runs";
        }
        var changes = EvalCompareCommand.changes(a.items(), b.items());
        model.addAttribute("before", a);
        model.addAttribute("after", b);
        model.addAttribute("comparison", EvalCompareCommand.comparison(a, b));
        model.addAttribute(
                "better",
                changes.stream().filter(c -> c.verdict().equals("better")).toList());
        model.addAttribute(
                "worse",
                changes.stream().filter(c -> c.verdict().equals("worse")).toList());
        model.addAttribute(
                "changed",
                changes.stream().filter(c -> c.verdict().equals("changed")).toList());
        return "evaluation/compare";
    }

    @GetMapping("/audit/runs/{id}")
    String run(@PathVariable String id, Model model) {
        var started = runs.findStarted(id).orElse(null);
        var stored = runs.find(id).orElse(null);
        if (stored == null && started == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no evaluation run " + id);
        }
        model.addAttribute("id", id);
        model.addAttribute("started", started);
        model.addAttribute("run", stored);
        if (stored != null) {
            var metrics = new ArrayList<Map.Entry<String, String>>();
            stored.summary().forEach((key, value) -> {
                if (!(value instanceof Map) && !(value instanceof List)) {
                    metrics.add(Map.entry(key, value instanceof Double d ? format(d) : String.valueOf(value)));
                }
            });
            model.addAttribute("metrics", metrics);
            model.addAttribute(
                    "refusals", stored.summary().get("refusal_by_rule") instanceof Map<?, ?> rules ? rules : Map.of());
            model.addAttribute(
                    "questions", stored.items().stream().map(EvalRunPages::row).toList());
        }
        return "evaluation/run";
    }

    @GetMapping("/audit/runs/{id}/status")
    String status(@PathVariable String id, Model model, HttpServletResponse response) {
        var started = runs.findStarted(id)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no evaluation run " + id));
        if (!started.status().equals(EvalRuns.Started.RUNNING)) {
            // the run ended: htmx reloads the whole page, which shows the run or why it failed
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("id", id);
        model.addAttribute("started", started);
        return "evaluation/run :: status";
    }

    @GetMapping(path = "/audit/runs/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> report(@PathVariable String id) {
        var run = runs.find(id)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no evaluation run " + id));
        return ResponseEntity.ok()
                .header("Content-Security-Policy", REPORT_POLICY)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"report-" + id + ".html\"")
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(EvalReport.html(run));
    }

    private static QuestionRow row(Map<String, Object> item) {
        return new QuestionRow(
                EvalReport.cell(item, "id"),
                item.get("question") instanceof String text ? text : "",
                EvalReport.cell(item, "expect"),
                EvalReport.cell(item, "outcome"),
                item.get("refusedBy") instanceof String rule && !rule.isEmpty() ? rule : "",
                item.get("cited") instanceof List<?> cited
                        ? String.join(", ", cited.stream().map(String::valueOf).toList())
                        : "",
                EvalReport.cell(item, "ndcgAt10"),
                EvalReport.cell(item, "sentences"),
                EvalReport.cell(item, "millis"),
                EvalReport.missed(item));
    }

    private static String format(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : "—";
    }
}
