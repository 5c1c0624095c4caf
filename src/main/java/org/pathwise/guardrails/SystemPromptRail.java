package org.pathwise.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the sentences of an answer that disclose the assistant's instructions: that speak of its system prompt or
 * its instructions, in English, French and Spanish, or that repeat one of the confidential lines the policy lists
 * (for example the first line of a prompt).
 *
 * <p>Serves the UNESCO Recommendation on the Ethics of AI (2021), "Safety and security": instructions that steer a
 * model are part of its attack surface.
 */
final class SystemPromptRail implements RuleSet.Rule {

    static final String RULE = "system-prompt-disclosure";

    private static final List<Pattern> DISCLOSURES = PatternRail.compile(
            "\\b(?:my|the) (?:system )?(?:prompt|instructions) (?:is|are|says?|reads?|tells? me)\\b",
            "\\bsystem prompt\\s*[:\"“«]",
            "\\bI (?:was|have been|am) (?:told|instructed|programmed) to\\b",
            "\\b(?:here (?:is|are)|these are) my (?:system )?(?:prompt|instructions|rules)\\b",
            "\\b(?:mon|le) (?:prompt|message) système (?:est|dit)\\b",
            "\\bmes instructions (?:sont|disent|m'indiquent)\\b",
            "\\bon m'a (?:demandé|ordonné|programmé) de\\b",
            "\\b(?:mi|el) (?:prompt|mensaje) del sistema (?:es|dice)\\b",
            "\\bmis instrucciones (?:son|dicen|me indican)\\b",
            "\\bme (?:indicaron|ordenaron|programaron) (?:que|para)\\b");

    private final List<String> confidential;

    /** @param confidential lines that must never appear in an answer, compared without case */
    SystemPromptRail(List<String> confidential) {
        this.confidential = confidential.stream()
                .map(String::strip)
                .filter(line -> line.length() >= 20)
                .map(line -> line.toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    @Override
    public Screening apply(Screening screening) {
        var kept = new StringBuilder();
        var found = new ArrayList<String>();
        for (var sentence : Sentences.split(screening.text())) {
            var lower = sentence.toLowerCase(java.util.Locale.ROOT);
            boolean discloses =
                    DISCLOSURES.stream().anyMatch(p -> p.matcher(sentence).find())
                            || confidential.stream().anyMatch(lower::contains);
            if (discloses) {
                found.add(Sentences.withoutMarkers(sentence));
            } else {
                kept.append(sentence);
            }
        }
        if (found.isEmpty()) {
            return screening;
        }
        return screening.with(
                kept.toString().strip(),
                new Verdict(
                        RULE,
                        Verdict.Action.REDACT,
                        "instructions disclosed",
                        "",
                        Verdict.Severity.MEDIUM,
                        found.size() + " sentence(s) about the assistant's instructions removed"));
    }
}
