package org.pathwise.guardrails;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The guardrails as ordered lists of rules per stage, each a function from a screening to a screening; the first rule
 * that stops a text ends its screening. With no rule, every text goes through unchanged and without verdicts.
 * {@link PolicyGuardrails} compiles a {@link Policy} into a rule set.
 */
class RuleSet implements Guardrails {

    /** One rail: looks at the screening so far and returns it, possibly redacted and with verdicts added. */
    public interface Rule extends UnaryOperator<Screening> {}

    private final List<Rule> questionRules;
    private final List<Rule> passageRules;
    private final List<Rule> answerRules;
    private final String version;
    private final String disclosure;

    public RuleSet() {
        this(List.of(), List.of(), "none");
    }

    public RuleSet(List<Rule> questionRules, List<Rule> answerRules, String version) {
        this(questionRules, List.of(), answerRules, version, "");
    }

    public RuleSet(
            List<Rule> questionRules,
            List<Rule> passageRules,
            List<Rule> answerRules,
            String version,
            String disclosure) {
        this.questionRules = List.copyOf(questionRules);
        this.passageRules = List.copyOf(passageRules);
        this.answerRules = List.copyOf(answerRules);
        this.version = version;
        this.disclosure = disclosure;
    }

    @Override
    public Screening screenQuestion(String question) {
        return apply(questionRules, new Screening(question, List.of()));
    }

    /** Each passage is screened on its own; verdicts of one rule on several passages are reported once. */
    @Override
    public PassageScreening screenPassages(String question, List<String> passages) {
        if (passageRules.isEmpty()) {
            return new PassageScreening(passages, List.of());
        }
        var screened = new ArrayList<String>();
        var verdicts = new LinkedHashMap<String, Verdict>();
        for (int i = 0; i < passages.size(); i++) {
            var screening = apply(passageRules, new Screening(passages.get(i), List.of(), question, List.of()));
            screened.add(screening.text());
            int number = i + 1;
            for (var verdict : screening.verdicts()) {
                verdicts.merge(
                        verdict.rule(),
                        withEvidence(verdict, "passage " + number + ": " + verdict.evidence()),
                        (first, next) -> withEvidence(
                                first, first.evidence() + "; passage " + number + ": " + verdict.evidence()));
            }
        }
        return new PassageScreening(screened, List.copyOf(verdicts.values()));
    }

    private static Verdict withEvidence(Verdict verdict, String evidence) {
        return new Verdict(
                verdict.rule(), verdict.action(), verdict.reason(), verdict.principle(), verdict.severity(), evidence);
    }

    @Override
    public Screening screenAnswer(String question, String answer, List<Screening.Source> sources) {
        return apply(answerRules, new Screening(answer, List.of(), question, sources));
    }

    @Override
    public String policyVersion() {
        return version;
    }

    @Override
    public String disclosure() {
        return disclosure;
    }

    private static Screening apply(List<Rule> rules, Screening screening) {
        var current = screening;
        for (var rule : rules) {
            if (current.stop().isPresent()) {
                break;
            }
            current = rule.apply(current);
        }
        return current;
    }
}
