package org.pathwise.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The guardrails a {@link Policy} describes. Each of the policy's rules runs its detector; when the detector finds
 * something, the verdict carries the rule's id, principle, action, severity and message, and the detector's evidence
 * with any personal data in it redacted. A new policy is compiled completely before it replaces the one in force, so a
 * policy that can't be used never becomes active, and a screening in progress finishes under the policy it started
 * with.
 */
final class PolicyGuardrails implements Guardrails {

    /**
     * A policy ready to screen.
     *
     * @param grounding the policy's grounding check, or the built-in one with its default settings when the policy has
     *     none, for {@link #grounding}
     */
    private record Compiled(Policy policy, RuleSet rules, GroundingRail grounding, List<RuleSet.Rule> quoting) {}

    private static final PersonalDataRail EVIDENCE_REDACTION = PersonalDataRail.withEveryName();

    private final Detectors detectors;
    private final AtomicReference<Compiled> active = new AtomicReference<>();

    /**
     * @throws PolicyException when the policy names a detector that does not exist or can't run at its stage
     */
    public PolicyGuardrails(Policy policy, Detectors detectors) {
        this.detectors = detectors;
        active.set(compile(policy));
    }

    /**
     * The bundled default policy with the built-in detectors, judging answers by their words alone (without a
     * semantic similarity).
     */
    public static PolicyGuardrails bundledDefault() {
        return new PolicyGuardrails(PolicyYaml.parse(PolicyYaml.bundledDefault()), Detectors.builtIn(null));
    }

    /** The policy in force. */
    public Policy policy() {
        return active.get().policy();
    }

    /**
     * Checks a policy against the detectors without putting it in force.
     *
     * @throws PolicyException naming the line at fault
     */
    public void check(Policy policy) {
        compile(policy);
    }

    /**
     * Puts a policy in force.
     *
     * @throws PolicyException naming the line at fault; the policy in force stays
     */
    public void activate(Policy policy) {
        active.set(compile(policy));
    }

    private Compiled compile(Policy policy) {
        var stages = new java.util.EnumMap<Policy.Stage, List<RuleSet.Rule>>(Policy.Stage.class);
        GroundingRail grounding = null;
        var quoting = new ArrayList<RuleSet.Rule>();
        for (var stage : Policy.Stage.values()) {
            var rules = new ArrayList<RuleSet.Rule>();
            for (var rule : policy.rules(stage)) {
                var detector = detectors.create(rule);
                if (grounding == null && stage == Policy.Stage.OUTPUT && detector instanceof GroundingRail rail) {
                    grounding = rail;
                }
                rules.add(new Bound(rule, detector));
                if (stage == Policy.Stage.OUTPUT
                        && rule.action() == Verdict.Action.REDACT
                        && detector instanceof PersonalDataRail) {
                    quoting.add(new Bound(rule, detector));
                }
            }
            stages.put(stage, rules);
        }
        return new Compiled(
                policy,
                new RuleSet(
                        stages.get(Policy.Stage.INPUT),
                        stages.get(Policy.Stage.RETRIEVAL),
                        stages.get(Policy.Stage.OUTPUT),
                        policy.version(),
                        policy.disclosure()),
                grounding == null ? defaultGrounding() : grounding,
                quoting);
    }

    /** The built-in grounding check with its default settings, for a policy that has none. */
    private GroundingRail defaultGrounding() {
        try {
            if (detectors.create(new Policy.Rule(
                            GroundingRail.RULE,
                            "",
                            Policy.Stage.OUTPUT,
                            Verdict.Action.ALLOW,
                            Verdict.Severity.LOW,
                            "",
                            java.util.Map.of(),
                            GroundingRail.RULE,
                            java.util.Map.of(),
                            0))
                    instanceof GroundingRail rail) {
                return rail;
            }
        } catch (PolicyException e) {
            // these detectors hold no grounding check: judge by words with the default settings
        }
        return GroundingRail.wordsOnly();
    }

    /** The output stage's personal-data redactions, applied to the passage as to an answer. */
    @Override
    public String quotable(String passage) {
        var screening = new Screening(passage, List.of());
        for (var rule : active.get().quoting()) {
            screening = rule.apply(screening);
        }
        return screening.text();
    }

    @Override
    public Screening screenQuestion(String question) {
        return active.get().rules().screenQuestion(question);
    }

    @Override
    public PassageScreening screenPassages(String question, List<String> passages) {
        return active.get().rules().screenPassages(question, passages);
    }

    @Override
    public Screening screenAnswer(String question, String answer, List<Screening.Source> sources) {
        return active.get().rules().screenAnswer(question, answer, sources);
    }

    /** Judged by the policy's own grounding check, with its settings (or the built-in one's defaults). */
    @Override
    public Grounding grounding(String answer, List<Screening.Source> sources) {
        return active.get().grounding().grounding(answer, sources);
    }

    @Override
    public String policyVersion() {
        return active.get().policy().version();
    }

    @Override
    public String disclosure() {
        return active.get().policy().disclosure();
    }

    @Override
    public String disclosure(String language) {
        return active.get().policy().disclosure(language);
    }

    @Override
    public String message(Verdict verdict, String language) {
        // a verdict of a policy that has since been replaced keeps the message it was given
        return active.get().policy().rules().stream()
                .filter(rule ->
                        rule.id().equals(verdict.rule()) && rule.message().equals(verdict.reason()))
                .findFirst()
                .map(rule -> rule.message(language))
                .orElse(verdict.reason());
    }

    /** A policy rule bound to its detector. */
    private record Bound(Policy.Rule rule, RuleSet.Rule detector) implements RuleSet.Rule {

        @Override
        public Screening apply(Screening screening) {
            // a rule that stops or flags a question judges what was asked, not what a redaction left of it: a student
            // number taken out of "should I fail student 20231487?" leaves a decision about a learner all the same
            boolean judgesIntent = rule.stage() == Policy.Stage.INPUT && rule.action() != Verdict.Action.REDACT;
            var found = detector.apply(new Screening(
                    judgesIntent ? screening.question() : screening.text(),
                    List.of(),
                    screening.question(),
                    screening.sources()));
            if (found.verdicts().isEmpty()) {
                return screening;
            }
            var first = found.verdicts().getFirst();
            var evidence = first.evidence().isEmpty() ? first.reason() : first.evidence();
            var verdict = new Verdict(
                    rule.id(),
                    rule.action(),
                    rule.message(),
                    rule.principle(),
                    rule.severity(),
                    EVIDENCE_REDACTION.redact(evidence));
            // a rule that only records or warns leaves the text as it was; the others take the detector's text
            boolean changes =
                    !judgesIntent && rule.action() != Verdict.Action.ALLOW && rule.action() != Verdict.Action.WARN;
            return screening.with(changes ? found.text() : screening.text(), verdict);
        }
    }
}
