package org.pathwise.guardrails;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy in force, for administrators and researchers to read ({@code GET /api/policy}, its YAML at
 * {@code GET /api/policy/yaml}), and for administrators to replace ({@code PUT /api/policy} with the YAML as the body,
 * or the page {@code /admin/policy}). A policy that can't be used is rejected with 422 and the line at fault.
 */
@Controller
class PolicyController {

    /** A rule as the API shows it. */
    record RuleView(
            String id,
            String principle,
            String stage,
            String action,
            String severity,
            String message,
            java.util.Map<String, String> messages,
            String detector,
            java.util.Map<String, Object> settings) {}

    /** The policy as the API shows it, with the versions put in force before. */
    record PolicyView(
            String version,
            String disclosure,
            java.util.Map<String, String> disclosures,
            List<RuleView> rules,
            List<Policies.Version> history) {}

    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    @GetMapping(path = "/api/policy", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PolicyView policy() {
        return view(policies.active());
    }

    @GetMapping(path = "/api/policy/yaml", produces = "application/yaml")
    @ResponseBody
    ResponseEntity<String> yaml() {
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .body(policies.active().yaml());
    }

    @PutMapping(
            path = "/api/policy",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PolicyView putInForce(@RequestBody String yaml, Principal principal) {
        return view(policies.putInForce(yaml, principal.getName()));
    }

    @ExceptionHandler(PolicyException.class)
    @ResponseBody
    ResponseEntity<ProblemDetail> invalid(PolicyException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Invalid policy");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("line", e.line());
        return ResponseEntity.unprocessableContent()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping("/admin/policy")
    String page(Model model) {
        var policy = policies.active();
        model.addAttribute("policy", view(policy));
        model.addAttribute("yaml", policy.yaml());
        return "guardrails/policy";
    }

    @PostMapping("/admin/policy")
    String upload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String yaml,
            Principal principal,
            Model model,
            RedirectAttributes redirect)
            throws java.io.IOException {
        var text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : yaml;
        if (text == null || text.isBlank()) {
            return failed(model, "Choose a policy file or paste the policy's YAML.", "");
        }
        try {
            var policy = policies.putInForce(text, principal.getName());
            redirect.addFlashAttribute("message", "Policy " + policy.version() + " is now in force.");
            return "redirect:/admin/policy";
        } catch (PolicyException e) {
            return failed(model, "The policy was not put in force: " + e.getMessage(), text);
        }
    }

    private String failed(Model model, String error, String text) {
        var policy = policies.active();
        model.addAttribute("policy", view(policy));
        model.addAttribute("yaml", text.isBlank() ? policy.yaml() : text);
        model.addAttribute("error", error);
        return "guardrails/policy";
    }

    private PolicyView view(Policy policy) {
        return new PolicyView(
                policy.version(),
                policy.disclosure(),
                policy.disclosures(),
                policy.rules().stream()
                        .map(r -> new RuleView(
                                r.id(),
                                r.principle(),
                                r.stage().label(),
                                r.action().label(),
                                r.severity().label(),
                                r.message(),
                                r.messages(),
                                r.detector(),
                                r.settings()))
                        .toList(),
                policies.history());
    }
}
