package org.pathwise.audit;

import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit pages for researchers and administrators: records by filter, and a record's trace and annotations. */
@Controller
class AuditPages {

    private static final int PAGE = 50;

    private final AuditRecords records;
    private final AuditDashboard dashboard;
    private final java.time.Clock clock;

    AuditPages(AuditRecords records, AuditDashboard dashboard, java.time.Clock clock) {
        this.records = records;
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @GetMapping("/audit/dashboard")
    String dashboard(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        var period = AuditDashboard.period(from, to, clock);
        var figures = dashboard.figures(period);
        model.addAttribute("figures", figures);
        model.addAttribute("perDay", AuditDashboard.bars(figures.perDay()));
        model.addAttribute(
                "maxPerDay",
                figures.perDay().stream()
                        .mapToLong(AuditDashboard.Count::value)
                        .max()
                        .orElse(0));
        model.addAttribute("outcomes", AuditDashboard.bars(figures.outcomes()));
        model.addAttribute("refusals", AuditDashboard.bars(figures.refusalsByRule()));
        model.addAttribute("ratings", AuditDashboard.bars(figures.ratings()));
        double slowest = figures.latency().stream()
                .mapToDouble(AuditDashboard.Latency::p95)
                .max()
                .orElse(0);
        model.addAttribute(
                "latency",
                figures.latency().stream()
                        .map(l -> new AuditDashboard.Bar(
                                l.stage(),
                                String.format(java.util.Locale.ROOT, "p50 %.0f ms, p95 %.0f ms", l.p50(), l.p95()),
                                slowest == 0 ? 0 : 100 * l.p95() / slowest))
                        .toList());
        model.addAttribute(
                "quality",
                figures.languages().stream()
                        .map(l -> new AuditDashboard.Bar(
                                l.language(),
                                String.format(
                                        java.util.Locale.ROOT,
                                        "%.0f%% answered of %d%s",
                                        100 * l.answeredShare(),
                                        l.interactions(),
                                        l.usefulShare() == null
                                                ? ""
                                                : String.format(
                                                        java.util.Locale.ROOT,
                                                        ", %.0f%% useful of %d rated",
                                                        100 * l.usefulShare(),
                                                        l.ratings())),
                                100 * l.answeredShare()))
                        .toList());
        var kappa = figures.agreement();
        model.addAttribute("kappa", kappa);
        model.addAttribute(
                "kappaFigures",
                java.util.stream.Stream.of(kappa.kappa(), kappa.observed(), kappa.expected())
                        .map(value -> value == null ? "—" : String.format(java.util.Locale.ROOT, "%.3f", value))
                        .toList());
        model.addAttribute("from", period.from().toString().substring(0, 10));
        model.addAttribute("to", period.to().minusSeconds(1).toString().substring(0, 10));
        return "audit/dashboard";
    }

    @GetMapping("/audit")
    String list(@RequestParam Map<String, String> parameters, Model model) {
        var filters = new java.util.HashMap<String, String>();
        parameters.forEach((name, value) -> {
            if (RecordFilter.PARAMETERS.contains(name)) {
                filters.put(name, value);
            }
        });
        // newest first: what a researcher looks for is most often what just happened
        long before = parameters.containsKey("before") ? parseCursor(parameters.get("before")) : 0;
        model.addAttribute("filters", filters);
        model.addAttribute("choices", records.choices());
        try {
            model.addAttribute("page", records.list(RecordFilter.parse(filters), before, PAGE, true));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("page", new AuditRecords.Page(java.util.List.of(), null));
        }
        return "audit/records";
    }

    @GetMapping("/audit/records/{id}")
    String record(@PathVariable String id, Model model) {
        var detail = records.detail(id, null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no audit record " + id));
        model.addAttribute("detail", detail);
        model.addAttribute("trace", Chain.JSON.convertValue(detail.trace(), Map.class));
        model.addAttribute("labels", AuditRecords.LABELS.stream().sorted().toList());
        return "audit/record";
    }

    @PostMapping("/audit/records/{id}/annotations")
    String annotate(
            @PathVariable String id,
            @RequestParam(required = false) String label,
            @RequestParam(required = false) String comment,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            if (records.annotate(id, principal.getName(), label, comment).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no audit record " + id);
            }
            redirect.addFlashAttribute("message", "annotated");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/audit/records/" + id;
    }

    private static long parseCursor(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
