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

    AuditPages(AuditRecords records) {
        this.records = records;
    }

    @GetMapping("/audit")
    String list(@RequestParam Map<String, String> parameters, Model model) {
        var filters = new java.util.HashMap<String, String>();
        parameters.forEach((name, value) -> {
            if (RecordFilter.PARAMETERS.contains(name)) {
                filters.put(name, value);
            }
        });
        long after = parameters.containsKey("after") ? parseAfter(parameters.get("after")) : 0;
        model.addAttribute("filters", filters);
        try {
            model.addAttribute("page", records.list(RecordFilter.parse(filters), after, PAGE));
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

    private static long parseAfter(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
