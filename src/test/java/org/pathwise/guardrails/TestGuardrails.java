package org.pathwise.guardrails;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Guardrails made of rules a test writes, for the tests of the modules that screen through the {@link Guardrails} port
 * (the assistant, evaluation): each rule looks at the screening so far and returns it, possibly redacted and with
 * verdicts added; the first rule that stops a text ends its screening.
 */
public final class TestGuardrails {

    private TestGuardrails() {}

    /** Guardrails without a rule: every text goes through unchanged and without verdicts (policy version "none"). */
    public static Guardrails none() {
        return new RuleSet();
    }

    /** Guardrails that screen questions and answers with the rules given, in order, under policy {@code version}. */
    public static Guardrails of(
            List<UnaryOperator<Screening>> questionRules, List<UnaryOperator<Screening>> answerRules, String version) {
        return new RuleSet(rules(questionRules), rules(answerRules), version);
    }

    /** Guardrails without a rule whose citations quote a passage as {@code quotable} rewrites it. */
    public static Guardrails quoting(UnaryOperator<String> quotable, String version) {
        return new RuleSet(List.of(), List.of(), version) {
            @Override
            public String quotable(String passage) {
                return quotable.apply(passage);
            }
        };
    }

    private static List<RuleSet.Rule> rules(List<UnaryOperator<Screening>> rules) {
        return rules.stream().<RuleSet.Rule>map(rule -> rule::apply).toList();
    }
}
