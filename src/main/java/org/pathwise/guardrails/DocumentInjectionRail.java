package org.pathwise.guardrails;

import java.util.stream.Collectors;

/**
 * Treats a retrieved passage that holds text addressed to an AI as quoted data: the sentences that address an AI are
 * taken out of what the composer is given, so that no composer carries them out or repeats them (the citation still
 * shows the passage as the library holds it). Works on one passage at a time.
 *
 * <p>Serves the UNESCO Recommendation on the Ethics of AI (2021), "Safety and security", against indirect prompt
 * injection through the documents an assistant reads.
 */
final class DocumentInjectionRail implements RuleSet.Rule {

    static final String RULE = "document-injection";

    @Override
    public Screening apply(Screening screening) {
        var findings = InstructionScanner.scan(screening.text());
        if (findings.isEmpty()) {
            return screening;
        }
        return screening.with(
                InstructionScanner.defuse(screening.text()),
                new Verdict(
                        RULE,
                        Verdict.Action.REDACT,
                        "text addressed to an AI",
                        "",
                        Verdict.Severity.MEDIUM,
                        findings.stream()
                                .map(Guardrails.Instruction::pattern)
                                .distinct()
                                .collect(Collectors.joining(", "))));
    }
}
