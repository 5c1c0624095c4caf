package org.pathwise.guardrails;

import java.util.Locale;

/**
 * A rule's decision about a question, the passages retrieved for it, or an answer.
 *
 * @param rule the rule's id in the policy
 * @param action what the rule did
 * @param reason why, in words the user can read (the policy's message for the rule)
 * @param principle the principle the rule serves, as the policy states it, or empty
 * @param severity how serious the finding is; refusals of high severity go to the review queue
 * @param evidence what the rule found, itself redacted (kinds of personal data, a pattern's name, an excerpt), or
 *     empty
 */
public record Verdict(String rule, Action action, String reason, String principle, Severity severity, String evidence) {

    public Verdict {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule must not be blank");
        }
        if (action == null) {
            throw new IllegalArgumentException("action must not be null");
        }
        if (severity == null) {
            throw new IllegalArgumentException("severity must not be null");
        }
        reason = reason == null ? "" : reason;
        principle = principle == null ? "" : principle;
        evidence = evidence == null ? "" : evidence;
    }

    /** A verdict of medium severity, without a principle or evidence: what a rail reports before the policy. */
    public Verdict(String rule, Action action, String reason) {
        this(rule, action, reason, "", Severity.MEDIUM, "");
    }

    /** The same verdict with another reason: its message as a reader of another language reads it. */
    public Verdict withReason(String reason) {
        return reason.equals(this.reason) ? this : new Verdict(rule, action, reason, principle, severity, evidence);
    }

    /** What a rule may do. */
    public enum Action {
        /** Record the finding and go on. */
        ALLOW,
        /** Go on, and show the user the rule's message with the answer. */
        WARN,
        /** Replace what was found (personal data, an unsupported sentence) and go on. */
        REDACT,
        /** Answer with guidance instead of what was asked. */
        REDIRECT,
        /** Go on, and put the interaction in the review queue for a person to follow up. */
        REVIEW,
        /** Do not answer. */
        REFUSE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How serious a finding is. */
    public enum Severity {
        LOW,
        MEDIUM,
        HIGH;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether this verdict stops the question from being answered. */
    public boolean stops() {
        return action == Action.REFUSE || action == Action.REDIRECT;
    }

    /** Whether a person should follow this verdict up: a rule that asks for review, or a high-severity refusal. */
    public boolean needsReview() {
        return action == Action.REVIEW || (severity == Severity.HIGH && stops());
    }
}
