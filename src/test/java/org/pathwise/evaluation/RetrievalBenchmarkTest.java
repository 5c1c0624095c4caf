package org.pathwise.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.CliCommand;
import org.pathwise.library.DocumentMetadata;
import org.pathwise.retrieval.DocumentFacets;
import org.pathwise.retrieval.FakeEmbeddingModel;
import org.pathwise.retrieval.Passage;
import tools.jackson.databind.JsonNode;

class RetrievalBenchmarkTest {

    @TempDir
    Path scratch;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    /** One passage per paragraph; document ids differ from corpus ids, as the library's do. */
    private static List<Passage> paragraphs(String source, DocumentMetadata metadata, String text) {
        var facets = new DocumentFacets(
                source,
                metadata.title(),
                List.of("Ada Author"),
                metadata.licence(),
                metadata.language(),
                "",
                List.of(),
                "");
        var passages = new ArrayList<Passage>();
        var parts = text.split("\n\n");
        for (int i = 0; i < parts.length; i++) {
            passages.add(Passage.of("doc-" + source, i, parts[i], List.of(), "line " + (i + 1), facets));
        }
        return passages;
    }

    private static BeirDataset dataset() {
        var corpus = List.of(
                new BeirDataset.CorpusEntry("d1", "Rubrics", "Rubrics describe criteria and performance levels."),
                new BeirDataset.CorpusEntry(
                        "d2",
                        "Licences",
                        "An opening paragraph about sharing.\n\nCreative Commons licences allow reuse of open resources."),
                new BeirDataset.CorpusEntry("d3", "Captions", "Captions make lecture videos accessible."),
                new BeirDataset.CorpusEntry("d4", "Quizzes", "Short quizzes give learners retrieval practice."),
                new BeirDataset.CorpusEntry("d5", "Forums", "Discussion forums build an online community."),
                new BeirDataset.CorpusEntry("d6", "", ""));
        var queries = new LinkedHashMap<String, String>();
        queries.put("q1", "rubrics criteria performance");
        queries.put("q2", "creative commons licences reuse");
        queries.put("q3", "captions accessible lecture videos");
        queries.put("q4", "unjudged");
        var qrels = new LinkedHashMap<String, Map<String, Integer>>();
        qrels.put("q1", Map.of("d1", 1));
        qrels.put("q2", Map.of("d2", 1, "d5", 0));
        qrels.put("q3", Map.of("d3", 2));
        qrels.put("q4", Map.of("d4", 0));
        return new BeirDataset("tiny", corpus, queries, qrels);
    }

    private RetrievalBenchmark benchmark(RetrievalBenchmark.Settings settings) {
        return new RetrievalBenchmark(
                RetrievalBenchmarkTest::paragraphs, FakeEmbeddingModel.embedder("fake-64"), settings, progress::add);
    }

    @Test
    void indexesEveryNonEmptyDocumentAndScoresTheJudgedQueries() {
        var report = benchmark(RetrievalBenchmark.Settings.DEFAULTS).run(dataset(), scratch);

        assertThat(report.dataset()).isEqualTo("tiny");
        assertThat(report.corpus()).isEqualTo(new BenchmarkReport.Corpus(5, 6));
        assertThat(report.queries()).isEqualTo(3);
        assertThat(report.embeddingModel()).isEqualTo("fake-64");
        assertThat(report.modes()).containsOnlyKeys("lexical", "semantic", "hybrid");
        assertThat(report.modes().keySet()).containsExactly("lexical", "semantic", "hybrid");
    }

    @Test
    void ranksDocumentsByTheirBestPassageAndCountsEachOnce() {
        var report = benchmark(RetrievalBenchmark.Settings.DEFAULTS).run(dataset(), scratch);

        // d2 matches q2 only in its second passage; every query's relevant document contains all its words
        assertThat(report.modes().get("lexical")).isEqualTo(new BenchmarkReport.Quality(1.0, 1.0, 300));
        report.modes().values().forEach(quality -> {
            assertThat(quality.recallAt100()).isEqualTo(1.0);
            assertThat(quality.ndcgAt10()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void measuresIngestAgainstTheEmbeddingModelOnASample() {
        var settings = new RetrievalBenchmark.Settings(2, 4, 10, Integer.MAX_VALUE);

        var ingest = benchmark(settings).run(dataset(), scratch).ingest();

        assertThat(ingest.embeddingSample()).isEqualTo(4);
        assertThat(ingest.batch()).isEqualTo(2);
        assertThat(ingest.passagesPerS()).isPositive();
        assertThat(ingest.embeddingModelPassagesPerS()).isPositive();
        assertThat(ingest.seconds()).isNotNegative();
        // rounded to three places: with a fake model far faster than indexing, the ratio may round to 0
        assertThat(ingest.ratio()).isNotNegative();
        assertThat(ingest.embeddingModelWithSentencesPassagesPerS()).isPositive();
        assertThat(ingest.ratioWithSentences())
                .isCloseTo(
                        ingest.passagesPerS() / ingest.embeddingModelWithSentencesPassagesPerS(),
                        org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void timesEveryQueryOnceInOneThreadAndOncePerThreadInEight() {
        var latency = benchmark(RetrievalBenchmark.Settings.DEFAULTS)
                .run(dataset(), scratch)
                .latencyMs();

        assertThat(latency.single().threads()).isEqualTo(1);
        assertThat(latency.single().searches()).isEqualTo(3);
        assertThat(latency.concurrent8().threads()).isEqualTo(8);
        assertThat(latency.concurrent8().searches()).isEqualTo(24);
        for (var run : List.of(latency.single(), latency.concurrent8())) {
            assertThat(run.p50()).isNotNegative();
            assertThat(run.p50()).isLessThanOrEqualTo(run.p95());
            assertThat(run.p95()).isLessThanOrEqualTo(run.p99());
            assertThat(run.k()).isEqualTo(10);
        }
    }

    @Test
    void usesOnlyTheFirstQueriesWhenLimited() {
        var report = benchmark(RetrievalBenchmark.Settings.DEFAULTS.withQueryLimit(1))
                .run(dataset(), scratch);

        assertThat(report.queries()).isEqualTo(1);
        assertThat(report.latencyMs().single().searches()).isEqualTo(1);
    }

    @Test
    void deletesItsTemporaryIndexAndReportsProgress() throws IOException {
        benchmark(RetrievalBenchmark.Settings.DEFAULTS).run(dataset(), scratch);

        try (var left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
        assertThat(progress).anyMatch(message -> message.startsWith("tiny: 5 documents in 6 passages"));
    }

    @Test
    void refusesADatasetWithoutARelevantJudgement() {
        var data = dataset();
        var none = new BeirDataset("none", data.corpus(), data.queries(), Map.of("q4", Map.of("d4", 0)));

        assertThatThrownBy(() -> benchmark(RetrievalBenchmark.Settings.DEFAULTS).run(none, scratch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("judges no query relevant");
    }

    @Test
    void itsJsonHasExactlyTheTopLevelKeysOfTheContract() {
        var report = benchmark(RetrievalBenchmark.Settings.DEFAULTS).run(dataset(), scratch);

        JsonNode json = CliCommand.mapper().readTree(CliCommand.json(report));

        assertThat(json.propertyNames())
                .containsExactly(
                        "dataset",
                        "corpus",
                        "queries",
                        "modes",
                        "ingest",
                        "latency_ms",
                        "peak_heap_mb",
                        "embedding_model");
        assertThat(json.get("dataset").asString()).isEqualTo("tiny");
        assertThat(json.get("corpus").get("documents").asInt()).isEqualTo(5);
        assertThat(json.get("corpus").get("passages").asInt()).isEqualTo(6);
        assertThat(json.get("modes").propertyNames()).containsExactly("lexical", "semantic", "hybrid");
        assertThat(json.get("modes").get("lexical").get("ndcg@10").asDouble()).isEqualTo(1.0);
        assertThat(json.get("modes").get("hybrid").has("recall@100")).isTrue();
        assertThat(json.get("ingest").propertyNames())
                .contains("passages_per_s", "embedding_model_passages_per_s", "embedding_sample", "ratio", "seconds");
        assertThat(json.get("latency_ms").propertyNames()).containsExactly("single", "concurrent_8");
        assertThat(json.get("latency_ms").get("concurrent_8").propertyNames()).contains("p50", "p95", "p99");
        assertThat(json.get("peak_heap_mb").asDouble()).isPositive();
        assertThat(json.get("embedding_model").asString()).isEqualTo("fake-64");
    }
}
