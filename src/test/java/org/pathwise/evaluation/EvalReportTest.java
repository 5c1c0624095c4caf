package org.pathwise.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalReportTest {

    @TempDir
    Path folder;

    @Test
    void writesASelfContainedPageAndTheRunAsJson() throws Exception {
        var run = new EvalRun(
                "20261128-120000-abcdef12",
                Instant.parse("2026-11-28T12:00:00Z"),
                "eval/datasets/<odd>.jsonl",
                "ab".repeat(32),
                21,
                "cd".repeat(32),
                "extractive",
                "",
                "",
                "pathwise-default/1.0",
                Map.of("pathwise.assistant.passages", "5"),
                Map.of("citation_precision", 0.85, "questions", 2, "ndcg_at_10", 0.6309, "groundedness", 0.6667),
                List.of(
                        Map.of(
                                "id",
                                "q-1",
                                "expect",
                                "answer",
                                "outcome",
                                "answered",
                                "millis",
                                12.5,
                                "ndcgAt10",
                                0.6309,
                                "sentences",
                                3,
                                "supportedSentences",
                                2),
                        Map.of("id", "q-2", "expect", "abstain", "outcome", "answered", "millis", 9.0)));

        var written = EvalReport.write(run, folder);

        var html = Files.readString(written.resolve("report.html"));
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<svg")
                .contains("citation_precision")
                .contains(">ndcg_at_10</text>", ">groundedness</text>", ">0.667</text>")
                .contains("<td>0.631</td><td>2 of 3</td>")
                .contains("&lt;odd&gt;")
                .doesNotContain("<script")
                .doesNotContain("<odd>");
        assertThat(html.split("class=\"miss\"", -1)).hasSize(2);
        assertThat(Files.readString(written.resolve("report.json"))).contains("\"id\":\"20261128-120000-abcdef12\"");
    }

    @Test
    void showsTheAnswerF1WithItsIntervalTheTableOfTypesAndEachQuestionsF1() {
        var summary = new java.util.LinkedHashMap<String, Object>();
        summary.put("questions", 2);
        summary.put("expected_source_cited", 0.5);
        summary.put("answer_f1", 0.4123);
        summary.put("answer_f1_oracle", 0.7);
        summary.put("answer_f1_ratio", 0.589);
        summary.put(
                "by_question_type",
                Map.of("definition", Map.of("questions", 2, "answerable", 2, "answered", 1, "answer_f1", 0.4123)));
        summary.put(
                "intervals", Map.of("answer_f1", List.of(0.365, 0.459), "expected_source_cited", List.of(0.0, 1.0)));
        var item = new java.util.HashMap<String, Object>(
                Map.of("id", "q-1", "expect", "answer", "outcome", "answered", "millis", 12.5));
        item.put("questionType", "definition");
        item.put("answerF1", 0.4123);
        item.put("answerF1Oracle", 0.7);
        var run = new EvalRun(
                "run-1",
                Instant.parse("2026-11-28T12:00:00Z"),
                "set.jsonl",
                "ab".repeat(32),
                1,
                "cd".repeat(32),
                "extractive",
                "",
                "",
                "p/1",
                Map.of(),
                summary,
                List.of(item, Map.of("id", "q-2", "expect", "answer", "outcome", "abstained", "millis", 3.0)));

        var html = EvalReport.html(run);

        assertThat(html)
                .contains("<tr><th>answer_f1</th><td>0.4123</td><td>[0.3650, 0.4590]</td></tr>")
                .contains("<tr><th>answer_f1_ratio</th><td>0.589</td><td></td></tr>")
                .contains(">answer_f1_oracle</text>", ">expected_source_cited</text>")
                .contains("<title>95% interval 0.365–0.459</title>")
                .contains("<h2>By question type</h2>")
                .contains("<tr><th>definition</th><td>2</td><td>2</td><td>1</td><td>0.412</td><td>—</td>")
                .contains("<td>q-1</td><td>definition</td><td>answer</td>")
                .contains("<td>0.412</td><td>0.700</td><td>12.5</td>")
                .contains("<td>q-2</td><td>—</td>");
    }
}
