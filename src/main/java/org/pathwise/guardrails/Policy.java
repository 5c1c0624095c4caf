package org.pathwise.guardrails;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ethics policy: a version, the disclosure shown with every answer, and ordered rules. Each rule names the principle
 * it serves, the stage it runs at, the detector that finds what it is about, the action taken when it fires, and the
 * message the user reads. Policies are written in YAML ({@link PolicyYaml}); the bundled default is
 * {@code guardrails/policy.yaml}.
 *
 * @param version the version recorded with every interaction, for example {@code pathwise-default/1.0}
 * @param disclosure the notice shown with every answer (EU AI Act, Article 50), in the policy's own language
 * @param disclosures the notice in other languages, by primary language tag ({@code fr}, {@code ar})
 * @param rules the rules, in the order they run within a stage
 * @param yaml the policy's YAML text, as written
 */
record Policy(String version, String disclosure, Map<String, String> disclosures, List<Rule> rules, String yaml) {

    public Policy {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank");
        }
        disclosure = disclosure == null ? "" : disclosure;
        disclosures = disclosures == null ? Map.of() : Map.copyOf(disclosures);
        rules = List.copyOf(rules);
        var ids = new HashSet<String>();
        for (var rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("rule ids must be unique, got " + rule.id() + " twice");
            }
        }
        yaml = yaml == null ? "" : yaml;
    }

    /** The notice shown with every answer, in the reader's language when the policy has it, else as written. */
    public String disclosure(String language) {
        return inLanguage(disclosure, disclosures, language);
    }

    /**
     * A text in a reader's language: the translation of {@code language}'s primary tag ({@code es} for
     * {@code es-MX}), else the text as written.
     */
    static String inLanguage(String written, Map<String, String> translations, String language) {
        if (language == null || translations.isEmpty()) {
            return written;
        }
        return translations.getOrDefault(org.pathwise.retrieval.LanguageDetector.primary(language), written);
    }

    /** Where in the answering pipeline a rule runs. */
    public enum Stage {
        /** On the question, before retrieval, any model and any storage. */
        INPUT,
        /** On the retrieved passages, before they are given to a composer. */
        RETRIEVAL,
        /** On the composed answer, before it is shown or stored. */
        OUTPUT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One rule.
     *
     * @param id the rule's id, recorded in every verdict
     * @param principle the principle it serves (a UNESCO text or an EU AI Act article)
     * @param stage where it runs
     * @param action what happens when it fires
     * @param severity how serious a finding is
     * @param message what the user reads when it fires, in the policy's own language
     * @param messages the message in other languages, by primary language tag
     * @param detector the built-in detector that finds what the rule is about
     * @param settings the detector's settings
     * @param line the line of the policy file on which the rule starts, for messages
     */
    public record Rule(
            String id,
            String principle,
            Stage stage,
            Verdict.Action action,
            Verdict.Severity severity,
            String message,
            Map<String, String> messages,
            String detector,
            Map<String, Object> settings,
            int line) {

        public Rule {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
            principle = principle == null ? "" : principle;
            message = message == null ? "" : message;
            messages = messages == null ? Map.of() : Map.copyOf(messages);
            detector = detector == null || detector.isBlank() ? id : detector;
            settings = Map.copyOf(settings);
        }

        /** What the user reads when the rule fires, in the reader's language when the policy has it. */
        public String message(String language) {
            return inLanguage(message, messages, language);
        }
    }

    /** The rules of one stage, in order. */
    public List<Rule> rules(Stage stage) {
        return rules.stream().filter(r -> r.stage() == stage).toList();
    }
}
