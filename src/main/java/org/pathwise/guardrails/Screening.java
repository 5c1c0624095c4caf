package org.pathwise.guardrails;

import java.util.List;
import java.util.Optional;

/**
 * What the guardrails made of a text: the text as it may go on (redacted where a rule redacted it) and every verdict.
 * Rules on answers also see the question and the passages the answer cites.
 *
 * @param text the text to use from here on; never the unredacted original when a rule redacted it
 * @param verdicts the rules that fired, in the order they ran
 * @param question for an answer, the question it answers (as screened); for a question, the question itself
 * @param sources for an answer, the passages it cites; empty for a question
 */
public record Screening(String text, List<Verdict> verdicts, String question, List<Source> sources) {

    public Screening {
        verdicts = List.copyOf(verdicts);
        question = question == null ? text : question;
        sources = List.copyOf(sources);
    }

    /** A question's screening so far. */
    public Screening(String text, List<Verdict> verdicts) {
        this(text, verdicts, text, List.of());
    }

    /**
     * A passage an answer cites.
     *
     * @param marker the answer's marker for it, {@code [marker]}
     * @param passage the passage's text
     * @param licence its document's SPDX licence id, or empty
     * @param title its document's title
     */
    public record Source(int marker, String passage, String licence, String title) {}

    /** The first verdict that stops the text, if any. */
    public Optional<Verdict> stop() {
        return verdicts.stream().filter(Verdict::stops).findFirst();
    }

    /** This screening with another text and one more verdict. */
    public Screening with(String newText, Verdict verdict) {
        var all = new java.util.ArrayList<>(verdicts);
        all.add(verdict);
        return new Screening(newText, all, question, sources);
    }
}
