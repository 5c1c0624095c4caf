package org.pathwise.guardrails;

import java.util.List;
import java.util.Optional;

/**
 * What the guardrails made of a text: the text as it may go on (redacted where a rule redacted it) and every verdict.
 *
 * @param text the text to use from here on; never the unredacted original when a rule redacted it
 * @param verdicts the rules that fired, in the order they ran
 */
public record Screening(String text, List<Verdict> verdicts) {

    public Screening {
        verdicts = List.copyOf(verdicts);
    }

    /** The first verdict that stops the text, if any. */
    public Optional<Verdict> stop() {
        return verdicts.stream().filter(Verdict::stops).findFirst();
    }
}
