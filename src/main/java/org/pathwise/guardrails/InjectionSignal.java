package org.pathwise.guardrails;

import java.util.Locale;

/**
 * Why {@link PromptInjectionDetector} takes a question for an attempt to override the assistant's instructions.
 *
 * @param kind which check fired
 * @param name the pattern's name for {@link Kind#PATTERN} ({@code ignore-instructions}, {@code reveal-prompt}, ...),
 *     the encoding that hid the instruction for {@link Kind#ENCODED} ({@code base64}, {@code rot13}, {@code leetspeak},
 *     {@code invisible-unicode}, {@code unicode-tags}, {@code homoglyphs}), or {@code logistic-regression} for
 *     {@link Kind#CLASSIFIER}
 * @param evidence a short excerpt, at most {@value #MAX_EVIDENCE} characters, of the text that matched: the decoded
 *     text for {@link Kind#ENCODED}, the start of the question for {@link Kind#CLASSIFIER}
 * @param score the classifier's probability that the question is an injection, in [0, 1]; 1 for a pattern or an
 *     encoding, which are certain once they match
 */
record InjectionSignal(Kind kind, String name, String evidence, double score) {

    /** The longest evidence excerpt, in characters. */
    public static final int MAX_EVIDENCE = 80;

    public InjectionSignal {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (evidence == null || evidence.length() > MAX_EVIDENCE) {
            throw new IllegalArgumentException("evidence must be at most " + MAX_EVIDENCE + " characters, got "
                    + (evidence == null ? "null" : evidence.length() + ""));
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
    }

    /** The checks of the detector, cheapest first. */
    public enum Kind {
        /** A phrase that tells the assistant to drop its instructions, take another role or reveal its prompt. */
        PATTERN,
        /** Such a phrase hidden by an encoding or by look-alike or invisible characters. */
        ENCODED,
        /** The trained classifier's probability cleared its threshold. */
        CLASSIFIER;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
