package org.pathwise.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerEvaluationTest {

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void ndcgCountsEachExpectedDocumentOnceAtItsFirstPassage() {
        // a at rank 1, a again at 3 (no gain), c at 4; the ideal puts a and c at ranks 1 and 2
        var ndcg = AnswerEvaluation.ndcgAt10(List.of("a.md", "b.md", "a.md", "c.md", "d.md"), List.of("a.md", "c.md"));

        assertThat(ndcg).isCloseTo((1 + 1 / log2(5)) / (1 + 1 / log2(3)), within(1e-12));
        assertThat(ndcg).isCloseTo(0.8772, within(1e-4));
    }

    @Test
    void ndcgIsOneForAPerfectRankingAndZeroWhenTheExpectedSourceComesAfterTheTenth() {
        assertThat(AnswerEvaluation.ndcgAt10(List.of("a.md", "a.md", "b.md"), List.of("a.md")))
                .isEqualTo(1.0);
        var late = new java.util.ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            late.add("other-" + i + ".md");
        }
        late.add("a.md");
        assertThat(AnswerEvaluation.ndcgAt10(late, List.of("a.md"))).isZero();
        assertThat(AnswerEvaluation.ndcgAt10(List.of(), List.of("a.md"))).isZero();
    }

    private static AnswerEvaluation.Result result(
            String id, String expect, String outcome, Double ndcg, int sentences, int supported) {
        return result(id, "other", expect, outcome, ndcg, sentences, supported, null, null);
    }

    private static AnswerEvaluation.Result result(
            String id,
            String type,
            String expect,
            String outcome,
            Double ndcg,
            int sentences,
            int supported,
            Double answerF1,
            Double oracle) {
        var cited = outcome.equals("answered") ? List.of("a.md") : List.<String>of();
        return new AnswerEvaluation.Result(
                id,
                "Question " + id + "?",
                type,
                expect,
                outcome,
                List.of("a.md"),
                ndcg,
                cited,
                expect.equals("answer") ? true : null,
                expect.equals("answer") ? !cited.isEmpty() : null,
                sentences,
                supported,
                sentences == 0 ? null : (double) supported / sentences,
                answerF1,
                oracle,
                List.of(),
                "",
                "",
                Map.of("semantic", 0.9, "coverage", 0.5),
                1.0,
                10,
                new AnswerEvaluation.Trace(List.of(), List.of(), Map.of()),
                "test");
    }

    private static Map<String, AnswerEvaluation.Item> items(List<AnswerEvaluation.Result> results) {
        var items = new LinkedHashMap<String, AnswerEvaluation.Item>();
        for (var r : results) {
            items.put(
                    r.id(),
                    new AnswerEvaluation.Item(
                            r.id(), "?", r.ndcgAt10() == null ? List.of() : List.of("a.md"), r.expect(), "en", "", ""));
        }
        return items;
    }

    @Test
    void theSummaryAveragesNdcgOverQuestionsWithExpectedSourcesAndPoolsSentencesForGroundedness() {
        var results = List.of(
                result("q1", "answer", "answered", 1.0, 3, 3),
                result("q2", "answer", "answered", 0.5, 1, 0),
                result("q3", "abstain", "abstained", null, 0, 0),
                result("q4", "answer", "abstained", 0.0, 0, 0));

        var summary = AnswerEvaluation.summary(results, items(results));

        assertThat(summary.get("ndcg_at_10")).isEqualTo(0.5);
        assertThat(summary.get("groundedness")).isEqualTo(0.75);
        assertThat(List.copyOf(summary.keySet()))
                .containsSubsequence("expected_source_in_top5", "ndcg_at_10", "citation_precision", "groundedness");
    }

    @Test
    void theSummaryLeavesOutNdcgWithoutExpectedSourcesAndGroundednessWithoutAJudgedSentence() {
        var results = List.of(result("q1", "abstain", "abstained", null, 0, 0));

        var summary = AnswerEvaluation.summary(results, items(results));

        assertThat(summary).doesNotContainKeys("ndcg_at_10", "groundedness");
    }

    private static AnswerEvaluation.Item item(String expect, String reference) {
        return new AnswerEvaluation.Item("q", "What is a rubric?", List.of("a.md"), expect, "ar", "", reference);
    }

    @Test
    void answerF1IsZeroForAWrongAbstentionAndAbsentWithoutAReferenceOrAnAnswerToGive() {
        var reference = "A rubric lists the criteria of a piece of work and describes levels of quality.";

        assertThat(AnswerEvaluation.answerF1(item("answer", reference), "answered", reference + " [1]"))
                .isEqualTo(1.0);
        assertThat(AnswerEvaluation.answerF1(item("answer", reference), "abstained", ""))
                .isZero();
        assertThat(AnswerEvaluation.answerF1(item("answer", reference), "refused", "I can't help with that."))
                .isZero();
        assertThat(AnswerEvaluation.answerF1(item("answer", ""), "answered", reference))
                .isNull();
        assertThat(AnswerEvaluation.answerF1(item("abstain", reference), "answered", reference))
                .isNull();
    }

    @Test
    void anEnglishReferenceIsComparedInEnglishWhenTheQuestionIsInArabic() {
        // analysed in English, "rubrics" and "rubric" share a stem and "the" is a stop word
        var f1 = AnswerEvaluation.answerF1(
                item("answer", "Rubrics describe the criteria of the work and the levels of quality."),
                "answered",
                "A rubric describes criteria of work and levels of quality [1].");

        assertThat(f1).isEqualTo(1.0);
    }

    @Test
    void theExpectedSourceCountsAsCitedOnlyForAQuestionToAnswer() {
        assertThat(AnswerEvaluation.expectedSourceAmong(item("answer", ""), List.of("b.md", "a.md")))
                .isTrue();
        assertThat(AnswerEvaluation.expectedSourceAmong(item("answer", ""), List.of("b.md")))
                .isFalse();
        assertThat(AnswerEvaluation.expectedSourceAmong(item("abstain", ""), List.of("a.md")))
                .isNull();
    }

    private static List<AnswerEvaluation.Result> typedResults() {
        return List.of(
                result("d1", "definition", "answer", "answered", 1.0, 2, 2, 0.6, 0.8),
                result("d2", "definition", "answer", "abstained", 0.5, 0, 0, 0.0, 0.5),
                result("d3", "definition", "abstain", "abstained", null, 0, 0, null, null),
                result("p1", "procedure", "answer", "answered", 1.0, 3, 2, 0.4, null),
                result("p2", "procedure", "answer", "answered", 0.0, 1, 1, null, null),
                result("o1", "other", "refuse", "refused", null, 0, 0, null, null));
    }

    @Test
    void theSummaryAveragesAnswerF1OverQuestionsWithAReferenceAndTheRatioOverThoseWithAnOracle() {
        var results = typedResults();

        var summary = AnswerEvaluation.summary(results, items(results));

        // (0.6 + 0.0 + 0.4) / 3, the wrong abstention counting 0
        assertThat(summary.get("answer_f1")).isEqualTo(0.3333);
        assertThat(summary.get("answer_f1_oracle")).isEqualTo(0.65);
        // d1 and d2 have both: (0.6 + 0.0) / (0.8 + 0.5)
        assertThat(summary.get("answer_f1_ratio")).isEqualTo(0.4615);
        assertThat(summary.get("expected_source_cited")).isEqualTo(0.75);
        assertThat(List.copyOf(summary.keySet()))
                .containsSubsequence(
                        "questions",
                        "answerable",
                        "expected_source_in_top5",
                        "ndcg_at_10",
                        "citation_precision",
                        "groundedness",
                        "abstention_precision",
                        "abstention_recall",
                        "abstention_f1",
                        "refusal_precision",
                        "refusal_recall",
                        "refusal_f1",
                        "refusal_by_rule",
                        "ordinary_questions_with_verdicts",
                        "latency_p50_ms",
                        "latency_p95_ms")
                .contains("answer_f1", "answer_f1_oracle", "answer_f1_ratio", "expected_source_cited")
                .contains("by_question_type", "intervals");
    }

    @Test
    void theSummaryGroupsTheAnswerMeasuresByQuestionTypeInTheOrderOfTheTypes() {
        var results = typedResults();

        var summary = AnswerEvaluation.summary(results, items(results));

        @SuppressWarnings("unchecked")
        var byType = (Map<String, Map<String, Object>>) summary.get("by_question_type");
        assertThat(byType).containsOnlyKeys("definition", "procedure", "other");
        assertThat(List.copyOf(byType.keySet())).containsExactly("definition", "procedure", "other");
        assertThat(byType.get("definition"))
                .containsEntry("questions", 3)
                .containsEntry("answerable", 2)
                .containsEntry("answered", 1)
                .containsEntry("answer_f1", 0.3)
                .containsEntry("answer_f1_oracle", 0.65)
                .containsEntry("expected_source_cited", 0.5)
                .containsEntry("abstention_f1", 0.6667);
        assertThat(byType.get("procedure"))
                .containsEntry("questions", 2)
                .containsEntry("answer_f1", 0.4)
                .containsEntry("expected_source_cited", 1.0)
                .doesNotContainKeys("answer_f1_oracle", "abstention_f1");
        assertThat(byType.get("other"))
                .containsEntry("questions", 1)
                .containsEntry("answerable", 0)
                .doesNotContainKeys("answer_f1", "expected_source_cited", "abstention_f1");
    }

    @Test
    void theSummaryGivesEachQuestionLanguageItsRetrievalAnswerAndRefusalSharesWithWilsonIntervals() {
        var results = List.of(
                result("en-1", "answer", "answered", 1.0, 0, 0),
                result("en-2", "answer", "answered", 1.0, 0, 0),
                result("ar-1", "answer", "refused", 1.0, 0, 0),
                result("ar-2", "answer", "abstained", 1.0, 0, 0),
                result("ar-3", "abstain", "abstained", null, 0, 0));
        var items = new LinkedHashMap<String, AnswerEvaluation.Item>();
        items(results)
                .forEach((id, item) -> items.put(
                        id,
                        new AnswerEvaluation.Item(
                                id, "?", item.expectedSources(), item.expect(), id.substring(0, 2), "", "")));

        var summary = AnswerEvaluation.summary(results, items);

        @SuppressWarnings("unchecked")
        var byLanguage = (Map<String, Map<String, Object>>) summary.get("by_language");
        assertThat(List.copyOf(byLanguage.keySet())).containsExactly("en", "ar");
        assertThat(byLanguage.get("en"))
                .containsEntry("questions", 2)
                .containsEntry("answered", 2)
                .containsEntry("expected_source_in_top5", 1.0)
                .containsEntry("answered_with_expected_source", 1.0)
                .containsEntry("false_refusal_rate", 0.0);
        assertThat(byLanguage.get("ar"))
                .containsEntry("questions", 3)
                .containsEntry("answerable", 2)
                .containsEntry("refused", 1)
                .containsEntry("abstained", 2)
                .containsEntry("expected_source_in_top5", 1.0)
                .containsEntry("answered_with_expected_source", 0.0)
                .containsEntry("false_refusal_rate", 0.3333)
                .containsEntry("false_abstention_rate", 0.5);
        assertThat(byLanguage.get("en")).containsEntry("false_abstention_rate", 0.0);
        // 1 of 3: Wilson's 95% interval is about [0.06, 0.79]
        @SuppressWarnings("unchecked")
        var interval = (List<Double>) byLanguage.get("ar").get("false_refusal_rate_interval");
        assertThat(interval.get(0)).isBetween(0.05, 0.07);
        assertThat(interval.get(1)).isBetween(0.78, 0.80);

        var printed = new java.io.StringWriter();
        AnswerEvaluation.printSummary(summary, new java.io.PrintWriter(printed));
        assertThat(printed.toString()).containsPattern("(?m)^ar\\s+3\\s+2\\s+1\\.000 \\[0\\.34-1\\.00\\]");
        assertThat(printed.toString())
                .containsPattern("(?m)^language\\s+questions\\s+answerable\\s+top5\\s+answered_cited\\s+"
                        + "false_abstention\\s+abstained\\s+refused$");
        assertThat(printed.toString())
                .containsPattern(
                        "(?m)^ar\\s+3\\s+2\\s+\\S+ \\S+\\s+0\\.000 \\S+\\s+0\\.500 \\[0\\.09-0\\.91\\]\\s+2\\s+1$");
    }

    @Test
    void theSummaryCountsTheQuestionsToAnswerThatWereAbstainedFromWithAnInterval() {
        var results = List.of(
                result("q1", "answer", "answered", 1.0, 0, 0),
                result("q2", "answer", "abstained", 1.0, 0, 0),
                result("q3", "answer", "refused", 1.0, 0, 0),
                result("q4", "answer", "abstained", 1.0, 0, 0),
                result("q5", "abstain", "abstained", null, 0, 0),
                result("q6", "refuse", "refused", null, 0, 0));

        var summary = AnswerEvaluation.summary(results, items(results));

        // a refusal is counted by false_refusal_rate, not here
        assertThat(summary.get("false_abstention_rate")).isEqualTo(0.5);
        @SuppressWarnings("unchecked")
        var interval = ((Map<String, List<Double>>) summary.get("intervals")).get("false_abstention_rate");
        assertThat(interval.get(0)).isLessThan(0.5);
        assertThat(interval.get(1)).isGreaterThan(0.5);
        var none = AnswerEvaluation.summary(List.of(results.get(4)), items(List.of(results.get(4))));
        assertThat(none).doesNotContainKey("false_abstention_rate");
    }

    @Test
    void everyRateHasABootstrapIntervalAroundItsValue() {
        var results = new java.util.ArrayList<AnswerEvaluation.Result>();
        var random = new java.util.Random(5);
        for (int i = 0; i < 60; i++) {
            var expect = i % 6 == 0 ? "abstain" : i % 6 == 1 ? "refuse" : "answer";
            var outcome = random.nextDouble() < 0.8
                    ? expect.replace("answer", "answered")
                            .replace("abstain", "abstained")
                            .replace("refuse", "refused")
                    : "answered";
            boolean answer = expect.equals("answer");
            results.add(result(
                    "q" + i,
                    i % 2 == 0 ? "definition" : "procedure",
                    expect,
                    outcome,
                    answer ? random.nextDouble() : null,
                    outcome.equals("answered") ? 2 : 0,
                    outcome.equals("answered") ? random.nextInt(3) : 0,
                    answer ? (outcome.equals("answered") ? random.nextDouble() : 0.0) : null,
                    answer ? 0.5 + random.nextDouble() / 2 : null));
        }

        var summary = AnswerEvaluation.summary(results, items(results));
        var again = AnswerEvaluation.summary(results, items(results));

        @SuppressWarnings("unchecked")
        var intervals = (Map<String, List<Double>>) summary.get("intervals");
        assertThat(intervals).containsOnlyKeys(AnswerEvaluation.INTERVAL_METRICS);
        intervals.forEach((metric, bounds) -> {
            double value = ((Number) summary.get(metric)).doubleValue();
            assertThat(bounds).as(metric).hasSize(2);
            assertThat(bounds.get(0)).as(metric).isLessThanOrEqualTo(value);
            assertThat(bounds.get(1)).as(metric).isGreaterThanOrEqualTo(value);
        });
        assertThat(again.get("intervals")).as("the same seed").isEqualTo(intervals);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSummaryHasNoAnswerF1WithoutAReferenceAndNoIntervalForAMissingRate() {
        var results = List.of(
                result("q1", "answer", "answered", null, 0, 0), result("q2", "abstain", "abstained", null, 0, 0));

        var summary = AnswerEvaluation.summary(results, items(results));

        assertThat(summary).doesNotContainKeys("answer_f1", "answer_f1_oracle", "answer_f1_ratio", "groundedness");
        assertThat((Map<String, ?>) summary.get("intervals"))
                .containsKeys("expected_source_in_top5", "citation_precision")
                .doesNotContainKeys("answer_f1", "groundedness", "ndcg_at_10");
    }

    @Test
    void thePrintedSummaryShowsEachRateWithItsIntervalAndATableOfTheTypes() {
        var results = typedResults();
        var text = new java.io.StringWriter();

        AnswerEvaluation.printSummary(AnswerEvaluation.summary(results, items(results)), new java.io.PrintWriter(text));

        assertThat(text.toString())
                .containsPattern("(?m)^answer_f1\\s+0\\.3333  \\[0\\.\\d{4}, 0\\.\\d{4}]$")
                .containsPattern("(?m)^questions\\s+6$")
                .containsPattern("(?m)^question type\\s+questions\\s+answerable\\s+answered\\s+answer_f1\\s+oracle")
                .containsPattern("(?m)^definition\\s+3\\s+2\\s+1\\s+0\\.3000\\s+0\\.6500\\s+0\\.5000\\s+0\\.6667$")
                .containsPattern("(?m)^other\\s+1\\s+0\\s+0\\s+—\\s+—\\s+—\\s+—$")
                .doesNotContain("intervals", "by_question_type");
    }

    private static AnswerEvaluation.Result refused(AnswerEvaluation.Result r, String rule) {
        return new AnswerEvaluation.Result(
                r.id(),
                r.question(),
                r.questionType(),
                r.expect(),
                "refused",
                r.retrieved(),
                r.ndcgAt10(),
                List.of(),
                r.expectedSourceRetrieved(),
                r.expect().equals("answer") ? false : null,
                0,
                0,
                null,
                r.answerF1(),
                r.answerF1Oracle(),
                List.of(rule),
                rule,
                "",
                r.features(),
                r.evidence(),
                r.millis(),
                r.trace(),
                r.split());
    }

    @Test
    void theSummaryCountsFalseRefusalsAndTheConfusionOfExpectedAndFiredRules() {
        var results = List.of(
                refused(result("q1", "answer", "answered", 1.0, 0, 0), "prompt-injection"),
                result("q2", "answer", "answered", 1.0, 0, 0),
                result("q3", "abstain", "abstained", null, 0, 0),
                refused(result("q4", "refuse", "answered", null, 0, 0), "prompt-injection"),
                refused(result("q5", "refuse", "answered", null, 0, 0), "high-stakes-decision"),
                result("q6", "answer", "answered", 1.0, 0, 0));
        var items = new LinkedHashMap<>(items(results));
        items.put("q4", new AnswerEvaluation.Item("q4", "?", List.of(), "refuse", "en", "high-stakes-decision", ""));
        items.put("q5", new AnswerEvaluation.Item("q5", "?", List.of(), "refuse", "en", "high-stakes-decision", ""));
        // a near miss names the rule it is near, but is to be answered
        items.put(
                "q6",
                new AnswerEvaluation.Item("q6", "?", List.of("a.md"), "answer", "en", "high-stakes-decision", ""));

        var summary = AnswerEvaluation.summary(results, items);

        assertThat(summary.get("false_refusal_rate")).isEqualTo(0.25);
        assertThat(summary.get("refusal_confusion"))
                .isEqualTo(Map.of(
                        "high-stakes-decision", Map.of("high-stakes-decision", 1L, "prompt-injection", 1L),
                        "none", Map.of("none", 3L, "prompt-injection", 1L)));
        @SuppressWarnings("unchecked")
        var byRule = (Map<String, Map<String, Object>>) summary.get("refusal_by_rule");
        assertThat(byRule.get("high-stakes-decision"))
                .containsEntry("expected", 2L)
                .containsEntry("recall", 0.5);
        assertThat(summary.get("intervals"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("false_refusal_rate");
    }
}
