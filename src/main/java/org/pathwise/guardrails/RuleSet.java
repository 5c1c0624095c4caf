package org.pathwise.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The guardrails as an ordered list of rules, each a function from a screening to a screening; the first rule that
 * stops the text ends the screening. With no rule, every text goes through unchanged and without verdicts.
 */
public class RuleSet implements Guardrails {

    /** One rail: looks at the screening so far and returns it, possibly redacted and with verdicts added. */
    public interface Rule extends UnaryOperator<Screening> {}

    private final List<Rule> questionRules;
    private final List<Rule> answerRules;
    private final String version;

    public RuleSet() {
        this(List.of(), List.of(), "none");
    }

    public RuleSet(List<Rule> questionRules, List<Rule> answerRules, String version) {
        this.questionRules = List.copyOf(questionRules);
        this.answerRules = List.copyOf(answerRules);
        this.version = version;
    }

    @Override
    public Screening screenQuestion(String question) {
        return apply(questionRules, new Screening(question, List.of()));
    }

    @Override
    public Screening screenAnswer(String question, String answer) {
        return apply(answerRules, new Screening(answer, List.of()));
    }

    @Override
    public String policyVersion() {
        return version;
    }

    private static Screening apply(List<Rule> rules, Screening screening) {
        var current = screening;
        for (var rule : rules) {
            if (current.stop().isPresent()) {
                break;
            }
            current = rule.apply(current);
        }
        return new Screening(current.text(), new ArrayList<>(current.verdicts()));
    }
}
