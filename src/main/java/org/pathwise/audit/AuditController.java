package org.pathwise.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.pathwise.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log over HTTP: records by filter, a record's trace, annotations, verification and the export. Researchers
 * and administrators see every record, an educator only their own (the query itself is restricted to their
 * pseudonym). No endpoint changes or removes a record.
 */
@RestController
class AuditController {

    private static final Set<String> PAGING = Set.of("limit", "after", "format", "before", "order");

    /** An annotation as posted. */
    record AnnotationRequest(String label, String comment) {}

    private final AuditLog log;
    private final AuditRecords records;
    private final AuditDashboard dashboard;
    private final java.time.Clock clock;

    AuditController(AuditLog log, AuditRecords records, AuditDashboard dashboard, java.time.Clock clock) {
        this.clock = clock;
        this.log = log;
        this.records = records;
        this.dashboard = dashboard;
    }

    @GetMapping(path = "/api/audit/records", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Audit records by filter, oldest first (or newest first with order=newest)",
            description = "from, to (date or instant), outcome, rule, language, rating (up|down), composer, model,"
                    + " prompt, kind (interaction|feedback|erasure|purge|all); limit (≤ 500); oldest first, after"
                    + " (the next value of the previous page); order=newest, before (the next value of the previous"
                    + " page)")
    AuditRecords.Page list(
            @RequestParam Map<String, String> parameters,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "0") long before,
            @RequestParam(defaultValue = "oldest") String order,
            Authentication user) {
        return switch (order) {
            case "oldest" -> records.list(filter(parameters, user), after, limit);
            case "newest" -> records.list(filter(parameters, user), before, limit, true);
            default -> throw new IllegalArgumentException("order must be oldest or newest, got " + order);
        };
    }

    @GetMapping(path = "/api/audit/records/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An audit record's whole trace, with its ratings and annotations")
    AuditRecords.Detail record(@PathVariable String id, Authentication user) {
        return records.detail(id, restriction(user)).orElseThrow(() -> notFound(id));
    }

    @GetMapping(path = "/api/audit/records/{id}/annotations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An audit record's annotations and how far the annotators agree")
    Map<String, Object> annotations(@PathVariable String id, Authentication user) {
        var detail = records.detail(id, restriction(user)).orElseThrow(() -> notFound(id));
        return Map.of("annotations", detail.annotations(), "agreement", detail.agreement());
    }

    @PostMapping(
            path = "/api/audit/records/{id}/annotations",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Annotate an audit record (researchers)",
            description = "label: correct, incorrect, harmful or unsupported; comment optional")
    ResponseEntity<Map<String, Object>> annotate(
            @PathVariable String id, @RequestBody AnnotationRequest body, Authentication user) {
        if (body == null) {
            throw new IllegalArgumentException("send {\"label\":…,\"comment\":…}");
        }
        var detail = records.annotate(id, user.getName(), body.label(), body.comment())
                .orElseThrow(() -> notFound(id));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("annotations", detail.annotations(), "agreement", detail.agreement()));
    }

    @GetMapping(path = "/api/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify the audit chain (the JSON of pathwise audit verify --json)")
    Map<String, Object> verify() {
        return AuditCommand.Verify.shape(log.verify());
    }

    @GetMapping(path = "/api/audit/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The audit dashboard's figures for a period (default: the last 30 days)",
            description = "answers per day, outcomes, refusals per rule, ratings, latency per stage, quality per"
                    + " language")
    AuditDashboard.Figures dashboard(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return dashboard.figures(AuditDashboard.period(from, to, clock));
    }

    @GetMapping("/api/audit/export")
    @Operation(
            summary = "Export pseudonymised audit records, streamed",
            description = "format: jsonl (default) or csv; the filters of /api/audit/records")
    void export(
            @RequestParam Map<String, String> parameters,
            @RequestParam(required = false) String format,
            HttpServletResponse response)
            throws IOException {
        var filter = filter(parameters, null);
        var chosen = AuditRecords.Format.parse(format);
        // written on the request's own (virtual) thread as rows arrive: no asynchronous timeout cuts a long export
        response.setContentType(
                chosen == AuditRecords.Format.CSV ? "text/csv;charset=UTF-8" : "application/jsonl;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"audit." + chosen.name().toLowerCase(java.util.Locale.ROOT) + "\"");
        var writer =
                new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        records.export(filter, chosen, writer);
        writer.flush();
    }

    /** Whether a user sees every record (researchers, administrators); others see their own. */
    static boolean seesAll(Authentication user) {
        return user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_RESEARCHER") || a.equals("ROLE_ADMIN"));
    }

    private String restriction(Authentication user) {
        return seesAll(user) ? null : log.pseudonym(user.getName());
    }

    private RecordFilter filter(Map<String, String> parameters, Authentication user) {
        var filters = new HashMap<String, String>();
        parameters.forEach((name, value) -> {
            if (!PAGING.contains(name)) {
                if (!RecordFilter.PARAMETERS.contains(name)) {
                    throw new IllegalArgumentException(
                            "unknown parameter '" + name + "': use from, to, outcome, rule,"
                                    + " language, course, rating, composer, model, prompt, kind, limit, after, before or order");
                }
                filters.put(name, value);
            }
        });
        var filter = RecordFilter.parse(filters);
        return user == null || seesAll(user) ? filter : filter.onlyOf(log.pseudonym(user.getName()));
    }

    private static ErrorResponseException notFound(String id) {
        return Problems.notFound("There is no audit record " + id + ".");
    }
}
