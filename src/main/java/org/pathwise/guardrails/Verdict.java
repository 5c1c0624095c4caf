package org.pathwise.guardrails;

import java.util.Locale;

/**
 * A rule's decision about a question or an answer.
 *
 * @param rule the rule's id in the policy
 * @param action what the rule did
 * @param reason why, in words the user can read
 */
public record Verdict(String rule, Action action, String reason) {

    public Verdict {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule must not be blank");
        }
        if (action == null) {
            throw new IllegalArgumentException("action must not be null");
        }
        reason = reason == null ? "" : reason;
    }

    /** What a rule may do. */
    public enum Action {
        ALLOW,
        WARN,
        REDACT,
        REDIRECT,
        REVIEW,
        REFUSE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether this verdict stops the question from being answered. */
    public boolean stops() {
        return action == Action.REFUSE || action == Action.REDIRECT;
    }
}
