package org.pathwise.guardrails;

import java.util.Locale;

/**
 * The {@link PromptInjectionDetector} as a rule: fires when a question tries to override the assistant's instructions,
 * and reports what gave it away (a phrase, an encoding, or the classifier's score) as evidence.
 *
 * <p>Serves the UNESCO Recommendation on the Ethics of AI (2021), "Safety and security", and the EU AI Act, Article
 * 15 (robustness against attempts to alter a system's use or behaviour).
 */
final class PromptInjectionRail implements RuleSet.Rule {

    static final String RULE = "prompt-injection";

    private final PromptInjectionDetector detector;

    PromptInjectionRail(PromptInjectionDetector detector) {
        this.detector = detector;
    }

    @Override
    public Screening apply(Screening screening) {
        return detector.inspect(screening.text())
                .map(signal -> screening.with(
                        screening.text(),
                        new Verdict(
                                RULE,
                                Verdict.Action.REFUSE,
                                "instructions aimed at the assistant",
                                "",
                                Verdict.Severity.HIGH,
                                signal.kind().label() + " " + signal.name()
                                        + (signal.kind() == InjectionSignal.Kind.CLASSIFIER
                                                ? String.format(Locale.ROOT, " %.2f", signal.score())
                                                : "")
                                        + ": \"" + signal.evidence() + "\"")))
                .orElse(screening);
    }
}
