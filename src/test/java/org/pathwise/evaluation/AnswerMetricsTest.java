package org.pathwise.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerMetricsTest {

    @Test
    void identicalTextsScoreOneAndDisjointTextsZero() {
        var text = "Formative assessment gives learners feedback while they still learn.";

        assertThat(AnswerMetrics.contentWordF1(text, text, "en")).isEqualTo(1.0);
        assertThat(AnswerMetrics.contentWordF1("Rubrics list criteria.", "Slides need captions.", "en"))
                .isZero();
    }

    @Test
    void countsTheTermsInCommonAsBagsWithTheSmallerCount() {
        // answer {cat 2, dog 1}, reference {cat 1, dog 2, fish 1}: 2 in common, precision 2/3, recall 2/4
        var f1 = AnswerMetrics.contentWordF1("cat cat dog", "cat dog dog fish", "en");

        assertThat(f1).isCloseTo(2 * (2.0 / 3) * (2.0 / 4) / (2.0 / 3 + 2.0 / 4), within(1e-12));
        assertThat(f1).isCloseTo(4.0 / 7, within(1e-12));
    }

    @Test
    void ignoresCitationMarkersAndStopWords() {
        assertThat(AnswerMetrics.contentWordF1("Cats [1] and the dogs [2].", "cats dogs", "en"))
                .isEqualTo(1.0);
        assertThat(AnswerMetrics.contentWordF1("[1] [2]", "cats dogs", "en")).isZero();
        assertThat(AnswerMetrics.contentWordF1("It is to be.", "It is.", "en"))
                .as("nothing but stop words")
                .isZero();
    }

    @Test
    void analysesFrenchInFrench() {
        // French drops the elided article and the stop word "des"; English keeps both
        var answer = "l'évaluation des apprentissages";
        var reference = "évaluation apprentissages";

        assertThat(AnswerMetrics.contentWordF1(answer, reference, "fr")).isEqualTo(1.0);
        assertThat(AnswerMetrics.contentWordF1(answer, reference, "en")).isLessThan(0.7);
    }

    @Test
    void theOraclePicksTheBestWindowOfUpToThreeSentences() {
        var passage = List.of("alpha.", "beta.", "gamma.", "delta.", "epsilon.");

        assertThat(AnswerMetrics.oracleF1(List.of(passage), "beta gamma", "en")).isEqualTo(1.0);
        // four sentences' worth: three of them at best, precision 1 and recall 3/4
        assertThat(AnswerMetrics.oracleF1(List.of(passage), "alpha beta gamma delta", "en"))
                .isCloseTo(6.0 / 7, within(1e-12));
    }

    @Test
    void theOracleNeverJoinsSentencesOfTwoPassages() {
        var passages = List.of(List.of("alpha.", "beta."), List.of("gamma.", "delta."));

        // "beta." alone: precision 1, recall 1/2; "beta. gamma." would score 1 but spans two passages
        assertThat(AnswerMetrics.oracleF1(passages, "beta gamma", "en")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(AnswerMetrics.oracleF1(List.of(), "beta gamma", "en")).isZero();
    }

    @Test
    void comparesInTheLanguageOfTheReferenceElseTheQuestionsElseEnglish() {
        assertThat(AnswerMetrics.language(
                        "Formative assessment gives learners feedback while they are still learning.", "ar"))
                .isEqualTo("en");
        assertThat(AnswerMetrics.language(
                        "L'évaluation formative donne aux apprenants un retour pendant qu'ils apprennent encore.",
                        "en"))
                .isEqualTo("fr");
        assertThat(AnswerMetrics.language("42", "ar")).isEqualTo("ar");
        assertThat(AnswerMetrics.language("42", "")).isEqualTo("en");
    }
}
