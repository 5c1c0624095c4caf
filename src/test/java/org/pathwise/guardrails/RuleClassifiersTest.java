package org.pathwise.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.retrieval.Embedder;

class RuleClassifiersTest {

    private final PromptInjectionDetectorTest.PirateModel model = new PromptInjectionDetectorTest.PirateModel();
    private final Embedder embedder = new Embedder("pirate", model, "", "");

    /** Scores a question mentioning pirates (embedding (1, 0)) high, and ignores the words. */
    private final RuleClassifiers classifiers = new RuleClassifiers(
            "pirate",
            4,
            Map.of("out-of-scope", new RuleClassifiers.Rule(new double[] {6, -6, 0, 0, 0, 0}, 0, 0.9)),
            Map.of());

    @Test
    void theClassifierFiresWhereTheRuleItselfFoundNothing() {
        var rule = classifiers.around("out-of-scope", new OutOfScopeRail(), embedder);

        var verdicts = rule.apply(new Screening("Where do pirates bury their gold these days?", List.of()))
                .verdicts();

        assertThat(verdicts).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("out-of-scope");
            assertThat(v.evidence()).startsWith("classifier 1.00");
        });
        assertThat(rule.apply(new Screening("How long should a lecture be?", List.of()))
                        .verdicts())
                .isEmpty();
    }

    @Test
    void aQuestionTheRuleRecognisesIsNeverEmbedded() {
        var rule = classifiers.around("out-of-scope", new OutOfScopeRail(), embedder);

        var verdicts = rule.apply(new Screening("Give me a recipe for chicken curry.", List.of()))
                .verdicts();

        assertThat(verdicts)
                .singleElement()
                .satisfies(v -> assertThat(v.evidence()).doesNotContain("classifier"));
        assertThat(model.embedded).isEmpty();
    }

    @Test
    void aRuleWithoutAClassifierIsLeftAsItIs() {
        var rail = new OtherUsersDataRail();

        assertThat(classifiers.around("other-users-data", rail, embedder)).isSameAs(rail);
    }

    @Test
    void theBundledClassifiersCoverEveryRefusalRuleOfTheBundledModel() {
        var bundled = RuleClassifiers.bundled().orElseThrow();

        assertThat(bundled.embeddingModel())
                .isEqualTo(Embedder.bgeSmallEnV15Quantized().modelId());
        assertThat(bundled.rules())
                .containsOnlyKeys("high-stakes-decision", "academic-integrity", "other-users-data", "out-of-scope");
        bundled.rules().values().forEach(r -> assertThat(r.weights()).hasSize(384 + bundled.wordBuckets()));
    }

    @Test
    void classifiersGivenAsTheFieldsOfTheirJsonFormAreWrittenAsTheRulesReadThem(@TempDir Path folder)
            throws IOException {
        var file = folder.resolve("nested/rules.json");
        Guardrails.writeRuleClassifiers(
                Map.of(
                        "embeddingModel",
                        "fake",
                        "wordBuckets",
                        2,
                        "rules",
                        Map.of("out-of-scope", Map.of("weights", new double[] {6, -6}, "bias", 0.5, "threshold", 0.9)),
                        "training",
                        Map.of("folds", 5)),
                file);

        RuleClassifiers read;
        try (var in = Files.newInputStream(file)) {
            read = RuleClassifiers.read(in, file.toString());
        }
        assertThat(read.embeddingModel()).isEqualTo("fake");
        assertThat(read.rules().get("out-of-scope").weights()).containsExactly(6, -6);
        assertThat(read.rules().get("out-of-scope").threshold()).isEqualTo(0.9);
        assertThat(read.training()).containsEntry("folds", 5);
    }
}
