package org.pathwise.guardrails;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The built-in detectors a policy's rules can name, each with the stages it can run at and a factory that reads its
 * settings. A rule's detector finds what the rule is about; the policy decides what to do about it.
 */
final class Detectors {

    private record Entry(Set<Policy.Stage> stages, Function<Settings, RuleSet.Rule> factory) {}

    private final Map<String, Entry> entries = new TreeMap<>();

    /**
     * The detectors of the default policy.
     *
     * @param embedder the embedding model, for the prompt-injection classifier and the semantic check of answer
     *     sentences; {@code null} for phrases, encodings and words alone
     */
    static Detectors builtIn(org.pathwise.retrieval.Embedder embedder) {
        GroundingRail.Similarity similarity = embedder == null
                ? null
                : (sentence, passage) -> org.pathwise.retrieval.Embedder.cosine(
                        embedder.embedQuery(sentence), embedder.embedPassage(passage));
        var detectors = new Detectors();
        var input = Set.of(Policy.Stage.INPUT);
        var output = Set.of(Policy.Stage.OUTPUT);
        detectors.register(
                "personal-data",
                Set.of(Policy.Stage.INPUT, Policy.Stage.OUTPUT),
                settings -> new PersonalDataRail(
                        settings.strings("patterns"),
                        settings.flag("names", true) ? PersonNames.Mode.SENSITIVE : PersonNames.Mode.OFF));
        detectors.register(
                "prompt-injection",
                input,
                settings -> new PromptInjectionRail(
                        embedder != null && settings.flag("classifier", true)
                                ? PromptInjectionDetector.withBundledClassifier(embedder)
                                : PromptInjectionDetector.rulesOnly()));
        // each refusal rule reads a question's structure first, then, unless its settings say classifier: false, asks
        // its classifier over the question's embedding and words
        java.util.function.BiFunction<String, RuleSet.Rule, java.util.function.Function<Settings, RuleSet.Rule>>
                classified = (rule, rail) -> settings -> embedder != null && settings.flag("classifier", true)
                ? RuleClassifiers.bundled()
                        .map(classifiers -> classifiers.around(rule, rail, embedder))
                        .orElse(rail)
                : rail;
        detectors.register(
                "high-stakes-decision",
                input,
                classified.apply(HighStakesDecisionRail.RULE, new HighStakesDecisionRail()));
        detectors.register(
                "academic-integrity", input, classified.apply(AcademicIntegrityRail.RULE, new AcademicIntegrityRail()));
        detectors.register("out-of-scope", input, classified.apply(OutOfScopeRail.RULE, new OutOfScopeRail()));
        detectors.register(
                "other-users-data", input, classified.apply(OtherUsersDataRail.RULE, new OtherUsersDataRail()));
        detectors.register(
                "document-injection", Set.of(Policy.Stage.RETRIEVAL), settings -> new DocumentInjectionRail());
        detectors.register(
                "unsupported-sentences",
                output,
                settings -> new GroundingRail(
                        settings.number("min_overlap", GroundingRail.DEFAULT_MIN_OVERLAP),
                        settings.number("min_similarity", GroundingRail.DEFAULT_MIN_SIMILARITY),
                        similarity));
        detectors.register(
                "system-prompt-disclosure", output, settings -> new SystemPromptRail(settings.list("confidential")));
        detectors.register("licence-restriction", output, settings -> new LicenceRail());
        return detectors;
    }

    /** Adds a detector. */
    public void register(String name, Set<Policy.Stage> stages, Function<Settings, RuleSet.Rule> factory) {
        entries.put(name, new Entry(Set.copyOf(stages), factory));
    }

    /** The detectors' names. */
    public Set<String> names() {
        return entries.keySet();
    }

    /**
     * The detector a rule names, made with the rule's settings.
     *
     * @throws PolicyException at the rule's line when the detector is unknown, can't run at the rule's stage, or its
     *     settings are wrong
     */
    RuleSet.Rule create(Policy.Rule rule) {
        var entry = entries.get(rule.detector());
        if (entry == null) {
            throw new PolicyException(
                    rule.line(),
                    "rule " + rule.id() + " names an unknown detector '" + rule.detector() + "'; known detectors: "
                            + String.join(", ", entries.keySet()));
        }
        if (!entry.stages().contains(rule.stage())) {
            throw new PolicyException(
                    rule.line(),
                    "the detector " + rule.detector() + " can't run at the "
                            + rule.stage().label() + " stage; it runs"
                            + " at "
                            + String.join(
                                    ", ",
                                    entry.stages().stream()
                                            .map(Policy.Stage::label)
                                            .sorted()
                                            .toList()));
        }
        try {
            return entry.factory().apply(new Settings(rule.settings()));
        } catch (IllegalArgumentException e) {
            throw new PolicyException(rule.line(), "rule " + rule.id() + ": " + e.getMessage());
        }
    }

    /** A rule's settings, read with checks that name the setting at fault. */
    public record Settings(Map<String, Object> values) {

        /** A number, or the default when it is absent. */
        public double number(String key, double otherwise) {
            var value = values.get(key);
            if (value == null) {
                return otherwise;
            }
            try {
                return Double.parseDouble(String.valueOf(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting " + key + " must be a number, got " + value);
            }
        }

        /** A yes-or-no setting, or the default when it is absent. */
        public boolean flag(String key, boolean otherwise) {
            var value = values.get(key);
            if (value == null) {
                return otherwise;
            }
            return switch (String.valueOf(value).toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default ->
                    throw new IllegalArgumentException("setting " + key + " must be true or false, got " + value);
            };
        }

        /** A list of strings, or an empty list when it is absent. */
        public List<String> list(String key) {
            var value = values.get(key);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException("setting " + key + " must be a list");
            }
            return list.stream().map(String::valueOf).toList();
        }

        /** A mapping of names to strings, or an empty mapping when it is absent. */
        public Map<String, String> strings(String key) {
            var value = values.get(key);
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("setting " + key + " must be a mapping of names to values");
            }
            var strings = new TreeMap<String, String>();
            map.forEach((k, v) -> strings.put(String.valueOf(k), String.valueOf(v)));
            return strings;
        }
    }
}
