package org.pathwise.guardrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyYamlTest {

    private static final String VALID = """
            version: test/1
            disclosure: AI-generated.
            rules:
              - id: personal-data
                principle: privacy
                stage: input
                action: redact
                message: Removed.
              - id: out-of-scope
                principle: do no harm
                stage: input
                action: refuse
                severity: high
                message: Not for this.
            """;

    @Test
    void readsTheBundledDefaultPolicyWithEveryRuleItsDetectorCanRun() {
        var policy = PolicyYaml.parse(PolicyYaml.bundledDefault());
        new PolicyGuardrails(policy, Detectors.builtIn(null));

        assertThat(policy.version()).startsWith("pathwise-default/");
        assertThat(policy.disclosure()).contains("AI");
        assertThat(policy.rules())
                .allSatisfy(rule -> {
                    assertThat(rule.principle()).isNotBlank();
                    assertThat(rule.message()).isNotBlank();
                })
                .extracting(Policy.Rule::id)
                .contains(
                        "personal-data",
                        "high-stakes-decision",
                        "academic-integrity",
                        "out-of-scope",
                        "other-users-data",
                        "document-injection",
                        "unsupported-sentences",
                        "system-prompt-disclosure",
                        "licence-restriction");
    }

    @Test
    void theBundledPolicySpeaksEachInterfaceLanguageInEveryMessageAndItsDisclosure() {
        var policy = PolicyYaml.parse(PolicyYaml.bundledDefault());

        for (var language : java.util.List.of("fr", "es", "ar")) {
            assertThat(policy.disclosure(language)).as(language).isNotEqualTo(policy.disclosure());
            assertThat(policy.rules())
                    .as(language)
                    .allSatisfy(rule -> assertThat(rule.message(language)).isNotEqualTo(rule.message()));
        }
        assertThat(policy.rules().getFirst().message("es-MX"))
                .as("a regional tag reads its language's message")
                .isEqualTo(policy.rules().getFirst().message("es"));
        assertThat(policy.rules().getFirst().message("sw"))
                .isEqualTo(policy.rules().getFirst().message());
        assertThat(policy.disclosure("und")).isEqualTo(policy.disclosure());
    }

    @Test
    void readsMessagesInOtherLanguagesAndNamesTheLineOfABadOne() {
        var translated = VALID.replace("""
                    message: Removed.
                """, """
                    message: Removed.
                    messages:
                      fr: Retiré.
                      ar: أزيل.
                """)
                .replace(
                        "disclosure: AI-generated.\n",
                        "disclosure: AI-generated.\ndisclosures: {es: Generado por IA.}\n");

        var policy = PolicyYaml.parse(translated);

        assertThat(policy.rules().getFirst().messages()).containsOnlyKeys("fr", "ar");
        assertThat(policy.rules().getFirst().message("ar")).isEqualTo("أزيل.");
        assertThat(policy.disclosure("es")).isEqualTo("Generado por IA.");
        assertThatThrownBy(() -> PolicyYaml.parse(translated.replace("fr: Retiré.", "French: Retiré.")))
                .isInstanceOf(PolicyException.class)
                .as("the line of the rule that holds it")
                .hasMessageContaining("line 5")
                .hasMessageContaining("language tag such as fr, es or ar, got French");
        assertThatThrownBy(() -> PolicyYaml.parse(translated.replace("fr: Retiré.", "fr: ''")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("a translation must not be blank");
    }

    @Test
    void readsEachRulesFieldsAndLine() {
        var policy = PolicyYaml.parse(VALID);

        assertThat(policy.version()).isEqualTo("test/1");
        assertThat(policy.rules()).hasSize(2);
        var refuse = policy.rules().get(1);
        assertThat(refuse.action()).isEqualTo(Verdict.Action.REFUSE);
        assertThat(refuse.severity()).isEqualTo(Verdict.Severity.HIGH);
        assertThat(refuse.stage()).isEqualTo(Policy.Stage.INPUT);
        assertThat(refuse.detector()).isEqualTo("out-of-scope");
        assertThat(refuse.line()).isEqualTo(9);
        assertThat(policy.rules().getFirst().severity()).isEqualTo(Verdict.Severity.MEDIUM);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "    action: redact|    action: erase|7|unknown action 'erase'",
                "    stage: input|    stage: later|6|unknown stage 'later'",
                "  - id: out-of-scope|  - id: personal-data|9|used twice",
                "    message: Removed.|    mesage: Removed.|8|unknown rule key 'mesage'",
                "    message: Removed.|    message: [Removed.|8|invalid YAML",
                "version: test/1|versio: test/1|1|unknown policy key 'versio'",
                "  - id: personal-data|  - id: Personal Data|4|lower-case letters, digits and hyphens, got Personal Data"
            })
    void rejectsAnInvalidPolicyNamingTheLineAtFault(String original, String broken, int line, String message) {
        var yaml = VALID.replace(original, broken);
        assertThat(yaml).isNotEqualTo(VALID);

        assertThatThrownBy(() -> PolicyYaml.parse(yaml))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageContaining(message)
                .hasMessageStartingWith("line " + line + ":");
    }

    @Test
    void rejectsAMissingMessageAtItsRule() {
        var yaml = VALID.replace("    message: Not for this.\n", "");

        assertThatThrownBy(() -> PolicyYaml.parse(yaml))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.line()).isEqualTo(9))
                .hasMessageContaining("'message' is missing");
    }

    @Test
    void rejectsADetectorThatDoesNotExistOrCannotRunAtTheRulesStage() {
        var detectors = Detectors.builtIn(null);
        var unknown = PolicyYaml.parse(VALID.replace("action: refuse", "action: refuse\n    detector: mind-reader"));
        var wrongStage = PolicyYaml.parse(
                VALID.replace("    stage: input\n    action: refuse", "    stage: output\n" + "    action: refuse"));

        assertThatThrownBy(() -> new PolicyGuardrails(unknown, detectors))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.line()).isEqualTo(9))
                .hasMessageContaining("unknown detector 'mind-reader'");
        assertThatThrownBy(() -> new PolicyGuardrails(wrongStage, detectors))
                .hasMessageContaining("can't run at the output stage");
    }

    @Test
    void rejectsDetectorSettingsThatAreWrong() {
        var yaml = VALID.replace(
                "    message: Removed.",
                "    message: Removed.\n    settings:\n      patterns:\n" + "        staff-id: \"[unclosed\"");

        assertThatThrownBy(() -> new PolicyGuardrails(PolicyYaml.parse(yaml), Detectors.builtIn(null)))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("staff-id is not a valid regular expression");
    }

    @Test
    void aPolicyThatCannotBeUsedLeavesThePolicyInForce() {
        var guardrails = new PolicyGuardrails(PolicyYaml.parse(VALID), Detectors.builtIn(null));
        var broken = PolicyYaml.parse(VALID.replace("version: test/1", "version: test/2")
                .replace("action: refuse", "action: refuse\n    detector: mind-reader"));

        assertThatThrownBy(() -> guardrails.activate(broken)).isInstanceOf(PolicyException.class);
        assertThat(guardrails.policyVersion()).isEqualTo("test/1");
        assertThat(guardrails.screenQuestion("How do I make a pipe bomb?").stop())
                .isPresent();
    }
}
