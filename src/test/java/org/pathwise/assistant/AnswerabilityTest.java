package org.pathwise.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.CliRun;
import org.pathwise.retrieval.DocumentFacets;
import org.pathwise.retrieval.Passage;
import org.pathwise.retrieval.SearchHit;

class AnswerabilityTest {

    @TempDir
    Path folder;

    /** Questions of one set: the answerable ones have more of every feature, plus noise, seeded. */
    private static List<AnswerabilityTraining.Example> set(String name, int n, double shift, long seed) {
        var random = new Random(seed);
        var examples = new ArrayList<AnswerabilityTraining.Example>();
        for (int i = 0; i < n; i++) {
            boolean answerable = i % 3 != 0;
            var features = new double[Evidence.FEATURES.size()];
            for (int j = 0; j < features.length; j++) {
                features[j] = shift + (answerable ? 0.3 : 0) + 0.2 * random.nextGaussian();
            }
            // a feature that is only evidence through its correlation with the others, and the wrong way round
            features[1] = -features[0] + 0.01 * random.nextGaussian();
            examples.add(new AnswerabilityTraining.Example(name, features, answerable));
        }
        return examples;
    }

    @Test
    void aFittedModelKeepsEveryWeightToItsSignAndSeparatesTheClasses() {
        var examples = new ArrayList<>(set("a", 120, 0, 1));
        examples.addAll(set("b", 600, 0.1, 2));

        var result = AnswerabilityTraining.train(examples, AnswerabilityTraining.L2, "fake", "a, b");

        var model = result.model();
        for (int j = 0; j < Evidence.FEATURES.size(); j++) {
            assertThat(model.weights()[j] * Evidence.SIGNS.get(j)).isGreaterThanOrEqualTo(0);
        }
        assertThat(model.weights()[1]).isZero();
        assertThat(result.inSample().get("a").f1()).isGreaterThan(0.7);
        assertThat(result.heldOut()).containsKeys("a", "b");
        assertThat(model.threshold()).isBetween(0.0, 1.0);
    }

    /**
     * Questions in another language than their passages: the features that count shared words are near 0 whatever the
     * answer, and only the embedding's similarities tell the answerable ones apart.
     */
    private static List<AnswerabilityTraining.Example> otherLanguage(String name, int n, long seed) {
        var random = new Random(seed);
        var examples = new ArrayList<AnswerabilityTraining.Example>();
        for (int i = 0; i < n; i++) {
            boolean answerable = i % 2 == 0;
            var features = new double[Evidence.FEATURES.size()];
            for (int j = 0; j < features.length; j++) {
                boolean meaning = Evidence.LANGUAGE_INDEPENDENT.contains(Evidence.FEATURES.get(j));
                features[j] = meaning
                        ? (answerable ? 0.3 : 0) + 0.2 * random.nextGaussian()
                        : 0.02 * Math.abs(random.nextGaussian());
            }
            examples.add(new AnswerabilityTraining.Example(name, features, answerable, true));
        }
        return examples;
    }

    @Test
    void questionsInAnotherLanguageAreJudgedByAModelOfTheirOwnThatReadsNoSharedWords() {
        var examples = new ArrayList<>(set("a", 300, 0, 4));
        examples.addAll(otherLanguage("b", 300, 5));

        var model = AnswerabilityTraining.train(examples, AnswerabilityTraining.L2, "fake", "a, b")
                .model();

        var other = model.otherLanguage();
        assertThat(other).isNotNull();
        for (int j = 0; j < Evidence.FEATURES.size(); j++) {
            if (!Evidence.LANGUAGE_INDEPENDENT.contains(Evidence.FEATURES.get(j))) {
                assertThat(other.weights()[j]).as(Evidence.FEATURES.get(j)).isZero();
            }
        }
        // an answerable question in another language: similar in meaning, no word in common
        var features = new double[Evidence.FEATURES.size()];
        for (int j = 0; j < features.length; j++) {
            features[j] = Evidence.LANGUAGE_INDEPENDENT.contains(Evidence.FEATURES.get(j)) ? 0.35 : 0;
        }
        var asked = Evidence.of(features, true);
        assertThat(model.answers(asked.scored(model.probability(asked)))).isTrue();
        // the same evidence for a question in its passages' language: none of its words found counts against it
        assertThat(model.probability(Evidence.of(features, false))).isLessThan(model.probability(asked));
        assertThat(model.withThreshold(0.999).otherLanguage().threshold()).isEqualTo(0.999);
    }

    private static SearchHit hit(String id, String language) {
        var facets = new DocumentFacets(id + ".md", id, List.of(), "CC-BY-4.0", language, "", List.of(), "");
        return new SearchHit(Passage.of(id, 0, "A passage.", List.of(), "", facets), 1.0, "");
    }

    @Test
    void aQuestionIsInAnotherLanguageOnlyWhenBothLanguagesAreKnownAndDiffer() {
        assertThat(Assistant.otherLanguage("fr", hit("p1", "en"))).isTrue();
        assertThat(Assistant.otherLanguage("en", hit("p1", "en-GB"))).isFalse();
        assertThat(Assistant.otherLanguage("und", hit("p1", "en"))).isFalse();
        assertThat(Assistant.otherLanguage("es", hit("p1", "und"))).isFalse();
    }

    @Test
    void trainingTheSameDataTwiceGivesTheSameModel() {
        var examples = set("a", 90, 0, 7);
        examples = new ArrayList<>(examples);
        examples.addAll(set("b", 60, 0.2, 8));

        var first = AnswerabilityTraining.train(examples, AnswerabilityTraining.L2, "fake", "x");
        var second = AnswerabilityTraining.train(examples, AnswerabilityTraining.L2, "fake", "x");

        assertThat(second.model().weights()).containsExactly(first.model().weights());
        assertThat(second.model().threshold()).isEqualTo(first.model().threshold());
    }

    @Test
    void refusesToTrainOnOneKindOfQuestionAlone() {
        var answerable = set("a", 30, 0, 3).stream()
                .filter(AnswerabilityTraining.Example::answerable)
                .toList();

        assertThatThrownBy(() -> AnswerabilityTraining.train(answerable, AnswerabilityTraining.L2, "fake", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not");
    }

    @Test
    void theBundledModelReadsTheFeaturesThisVersionMeasuresAndMoreEvidenceNeverLowersItsProbability() {
        var model = Answerability.bundled();
        assertThat(model.otherLanguage()).isNotNull();
        for (boolean otherLanguage : new boolean[] {false, true}) {
            var deciding = otherLanguage ? model.otherLanguage() : model;
            var features = deciding.means().clone();
            double base = model.probability(Evidence.of(features, otherLanguage));
            for (int j = 0; j < features.length; j++) {
                var more = features.clone();
                more[j] += deciding.scales()[j];
                assertThat(model.probability(Evidence.of(more, otherLanguage))).isGreaterThanOrEqualTo(base);
            }
        }
        assertThat(model.features()).isEqualTo(Evidence.FEATURES);
    }

    @Test
    void aModelFileThatIsMalformedOrReadsOtherFeaturesIsRefusedNamingTheFile() throws Exception {
        var broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"features\": [\"semantic\"]");
        var other = folder.resolve("other.json");
        Files.writeString(
                other,
                "{\"embeddingModel\":\"m\",\"features\":[\"semantic\"],\"means\":[0],\"scales\":[1],"
                        + "\"weights\":[1],\"bias\":0,\"threshold\":0.5,\"training\":{}}");

        assertThatThrownBy(() -> Answerability.read(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.json");
        assertThatThrownBy(() -> Answerability.read(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("train-answerability");
    }

    @Test
    void theCommandFitsAModelFromEvaluationReportsAndLeavesOutQuestionsWhoseSourceWasNotRetrieved() throws Exception {
        var report = new StringBuilder("{\"dataset\":\"set-calibration.jsonl\",\"items\":[");
        var random = new Random(11);
        for (int i = 0; i < 60; i++) {
            boolean answerable = i % 2 == 0;
            var features = new StringBuilder();
            for (var name : Evidence.FEATURES) {
                features.append(features.isEmpty() ? "" : ",")
                        .append('"')
                        .append(name)
                        .append("\":")
                        .append((answerable ? 0.8 : 0.4) + 0.1 * random.nextGaussian());
            }
            features.append(",\"other_language\":").append(i % 3 == 1 ? 1 : 0);
            report.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"q")
                    .append(i)
                    .append("\",\"expect\":\"")
                    .append(answerable ? "answer" : "abstain")
                    .append("\",\"expectedSourceRetrieved\":")
                    .append(answerable ? (i % 10 != 0) : "null")
                    .append(",\"features\":{")
                    .append(features)
                    .append("}}");
        }
        report.append(",{\"id\":\"r\",\"expect\":\"refuse\"}]}");
        var file = folder.resolve("report.json");
        Files.writeString(file, report);
        var out = folder.resolve("model.json");

        var run = CliRun.of(
                "--data-dir",
                folder.resolve("data").toString(),
                "train-answerability",
                file.toString(),
                "--out",
                out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("54 questions from 1 sets").contains("set-calibration.jsonl");
        assertThat(Answerability.read(out).features()).isEqualTo(Evidence.FEATURES);
        // 20 questions asked in another language, two of them answerable ones whose source was not retrieved
        assertThat(Answerability.read(out).training()).containsEntry("other_language", 18);
        assertThat(Answerability.read(out).otherLanguage()).isNotNull();
        assertThat(CliRun.of(
                                "train-answerability",
                                folder.resolve("missing.json").toString())
                        .code())
                .isEqualTo(2);
        var test = Files.writeString(
                folder.resolve("test-report.json"),
                report.toString()
                        .replace("\"id\":\"q7\",", "\"id\":\"q7\",\"split\":\"test\",")
                        .replace("set-calibration.jsonl", "set.jsonl"));
        var refused = CliRun.of("train-answerability", test.toString(), "--out", out.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err().lines())
                .singleElement()
                .asString()
                .contains("61 of its questions are not calibration questions", "eval --split calibration");
        var oneTestQuestion = Files.writeString(
                folder.resolve("one-test-question.json"),
                report.toString().replace("\"id\":\"q7\",", "\"id\":\"q7\",\"split\":\"test\","));
        assertThat(CliRun.of("train-answerability", oneTestQuestion.toString(), "--out", out.toString())
                        .err())
                .contains("1 of its questions are not calibration questions");
    }
}
