package org.pathwise.guardrails;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.pathwise.Located;
import org.pathwise.YamlRecords;
import tools.jackson.core.type.TypeReference;

/**
 * Reads a policy from YAML into records ({@link org.pathwise.YamlRecords}), so that every error names the line at fault:
 * a syntax error, a missing or unknown key, an unknown stage, action or severity, a duplicate rule id.
 *
 * <pre>{@code
 * version: pathwise-default/1.0
 * disclosure: AI-generated answer; check it against the cited sources.
 * disclosures:                     # optional, the disclosure in other languages by primary language tag
 *   fr: Réponse générée par une IA ; vérifiez-la dans les sources citées.
 * rules:
 *   - id: personal-data
 *     principle: UNESCO Recommendation on the Ethics of AI (2021), right to privacy and data protection
 *     stage: input
 *     action: redact
 *     severity: medium
 *     message: Personal data was removed before the question was searched or stored.
 *     messages:                    # optional, the message in other languages; a reader whose question is in
 *       es: Se quitaron ...        # none of them reads the message above
 *     detector: personal-data      # optional, defaults to the id
 *     settings: {}                 # optional, the detector's settings
 * }</pre>
 */
final class PolicyYaml {

    /** Where the bundled default policy is, on the class path. */
    static final String BUNDLED_DEFAULT = "guardrails/policy.yaml";

    /** A translation's key: a primary language tag, lower case. */
    private static final String LANGUAGE = "[a-z]{2,3}";

    private static final String LANGUAGE_MESSAGE =
            "a translation's key must be a language tag such as fr, es or ar, got ${validatedValue}";

    private static final String BLANK = "a translation must not be blank";

    private PolicyYaml() {}

    /** A policy file as written. */
    record PolicyFile(
            @NotBlank(message = "'version' is missing") String version,
            String disclosure,
            Map<@Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE) String, @NotBlank(message = BLANK) String>
                    disclosures,
            String description,

            @NotNull(message = "rules must be a list of rules")
            Located<List<Located<RuleFile>>> rules) {}

    /** One rule as written; the stage, action and severity are matched without regard to case. */
    record RuleFile(
            @NotBlank(message = "'id' is missing")
            @Pattern(
                    regexp = "[a-z0-9][a-z0-9-]{0,63}",
                    message = "rule id must be lower-case letters, digits and hyphens, got ${validatedValue}")
            String id,

            @NotBlank(message = "'principle' is missing") String principle,
            @NotNull(message = "'stage' is missing") Policy.Stage stage,
            @NotNull(message = "'action' is missing") Verdict.Action action,
            Verdict.Severity severity,
            @NotBlank(message = "'message' is missing") String message,
            Map<@Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE) String, @NotBlank(message = BLANK) String>
                    messages,
            String detector,
            Map<String, Object> settings) {}

    /** The text of the bundled default policy. */
    public static String bundledDefault() {
        try {
            return new org.springframework.core.io.ClassPathResource(BUNDLED_DEFAULT)
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the bundled policy " + BUNDLED_DEFAULT + " is missing", e);
        }
    }

    /**
     * Parses a policy.
     *
     * @throws PolicyException naming the line at fault
     */
    public static Policy parse(String yaml) {
        try {
            var file = YamlRecords.read(yaml, new TypeReference<Located<PolicyFile>>() {}, PolicyYaml::name)
                    .orElseThrow(() ->
                            new YamlRecords.Invalid(1, "a policy is a mapping with version, disclosure and rules"));
            YamlRecords.check(file);
            var rules = new ArrayList<Policy.Rule>();
            var ids = new HashSet<String>();
            for (var located : file.value().rules().value()) {
                if (located == null || located.value() == null) {
                    throw new YamlRecords.Invalid(
                            file.value().rules().line(), "rules must be a list of rules; one is empty");
                }
                YamlRecords.check(located);
                var rule = rule(located);
                if (!ids.add(rule.id())) {
                    throw new YamlRecords.Invalid(located.line(), "rule id " + rule.id() + " is used twice");
                }
                rules.add(rule);
            }
            return new Policy(
                    file.value().version().strip(),
                    text(file.value().disclosure()),
                    stripped(file.value().disclosures()),
                    rules,
                    yaml);
        } catch (YamlRecords.Invalid e) {
            throw new PolicyException(e.line(), e.reason());
        }
    }

    private static Policy.Rule rule(Located<RuleFile> located) {
        var rule = located.value();
        return new Policy.Rule(
                rule.id().strip(),
                rule.principle().strip(),
                rule.stage(),
                rule.action(),
                rule.severity() == null ? Verdict.Severity.MEDIUM : rule.severity(),
                rule.message().strip(),
                stripped(rule.messages()),
                text(rule.detector()),
                rule.settings() == null ? Map.of() : rule.settings(),
                located.line());
    }

    private static Map<String, String> stripped(Map<String, String> translations) {
        var result = new java.util.TreeMap<String, String>();
        if (translations != null) {
            translations.forEach((language, text) -> result.put(language, text.strip()));
        }
        return result;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** How messages name the records: "unknown rule key ...". */
    private static String name(Class<?> type) {
        return type == RuleFile.class ? "rule" : "policy";
    }
}
