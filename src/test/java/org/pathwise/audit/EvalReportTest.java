package org.pathwise.audit;

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
}
