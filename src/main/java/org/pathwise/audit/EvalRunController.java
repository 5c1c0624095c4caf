package org.pathwise.audit;

import java.util.List;
import java.util.Map;
import org.pathwise.Problems;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stored evaluation runs for researchers and administrators: {@code GET /api/audit/runs} (newest first, with their
 * summaries), {@code GET /api/audit/runs/{id}} (a whole run) and {@code GET /api/audit/runs/{before}/compare/{after}}
 * (metric changes and the questions that got better or worse, as {@code eval-compare --json} prints them).
 */
@RestController
class EvalRunController {

    private final EvalRuns runs;

    EvalRunController(EvalRuns runs) {
        this.runs = runs;
    }

    @GetMapping(path = "/api/audit/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    List<EvalRuns.Listed> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500, got " + limit);
        }
        return runs.list(limit);
    }

    @GetMapping(path = "/api/audit/runs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    EvalRun run(@PathVariable String id) {
        return runs.find(id).orElseThrow(() -> notFound(id));
    }

    @GetMapping(path = "/api/audit/runs/{before}/compare/{after}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> compare(@PathVariable String before, @PathVariable String after) {
        var a = runs.find(before).orElseThrow(() -> notFound(before));
        var b = runs.find(after).orElseThrow(() -> notFound(after));
        return EvalCompareCommand.comparison(a, b);
    }

    private static ErrorResponseException notFound(String id) {
        return Problems.notFound("There is no evaluation run " + id + ".");
    }
}
