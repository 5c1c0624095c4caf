package org.pathwise.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The guardrails as an ordered list of rules, each a function from a screening to a screening. The default policy's
 * rails are added to this list as they are built; with no rule, every text goes through unchanged and without
 * verdicts.
 */
@Component
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
