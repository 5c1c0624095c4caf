package org.pathwise.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pathwise.stats.Percentiles;

/**
 * What one retrieval benchmark run measured. Its JSON form (the output of {@code pathwise eval <beir-folder> --json})
 * is a contract that outside checks rely on: the top-level keys are exactly those of this record.
 *
 * @param dataset the BEIR folder's name, for example {@code beir-scifact}
 * @param corpus how much was indexed
 * @param queries the number of test queries scored (those with at least one relevant document)
 * @param modes ranking quality per search mode, keyed {@code lexical}, {@code semantic}, {@code hybrid}
 * @param ingest indexing throughput against the embedding model's own
 * @param latencyMs hybrid search latency in milliseconds, query embedding included
 * @param peakHeapMb the sum over the JVM's heap memory pools of their peak use, in MiB, after the run
 * @param embeddingModel the id of the embedding model, for example {@code bge-small-en-v1.5-q}
 */
@JsonPropertyOrder({"dataset", "corpus", "queries", "modes", "ingest", "latency_ms", "peak_heap_mb", "embedding_model"})
record BenchmarkReport(
        String dataset,
        Corpus corpus,
        int queries,
        Map<String, Quality> modes,
        Ingest ingest,
        @JsonProperty("latency_ms") Latency latencyMs,
        @JsonProperty("peak_heap_mb") double peakHeapMb,
        @JsonProperty("embedding_model") String embeddingModel,
        @JsonInclude(JsonInclude.Include.NON_NULL) String store,

        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("vector_index")
        VectorIndex vectorIndex) {

    public BenchmarkReport {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(corpus, "corpus");
        modes = Collections.unmodifiableMap(new LinkedHashMap<>(modes));
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(latencyMs, "latencyMs");
        peakHeapMb = round(peakHeapMb, 1);
        Objects.requireNonNull(embeddingModel, "embeddingModel");
    }

    /**
     * The approximate vector index measured against exact search, where the store can say (otherwise {@code null}).
     *
     * @param recallAt10 the share of the exact ten nearest passages that the index's ten nearest hold, averaged over
     *     the queries
     * @param sizeMb the vector index's size on disk
     * @param buildSeconds how long building it from every stored vector took
     * @param efSearch how wide the approximate search looks
     */
    public record VectorIndex(
            @JsonProperty("recall@10") double recallAt10,
            @JsonProperty("size_mb") double sizeMb,
            @JsonProperty("build_seconds") double buildSeconds,
            @JsonProperty("ef_search") int efSearch) {

        public VectorIndex {
            recallAt10 = round(recallAt10, 4);
            sizeMb = round(sizeMb, 1);
            buildSeconds = round(buildSeconds, 1);
        }
    }

    /**
     * The indexed corpus.
     *
     * @param documents corpus entries indexed (each entry's title and text are one document)
     * @param passages passages those documents were split into, as ingestion splits them
     */
    public record Corpus(int documents, int passages) {}

    /**
     * Ranking quality of one search mode, averaged over the test queries. Documents are ranked by their best
     * passage.
     *
     * @param ndcgAt10 mean nDCG@10, as in BEIR (pytrec_eval)
     * @param recallAt100 mean recall@100
     * @param passageDepth the number of passages searched per query to rank the documents (at least
     *     {@value RetrievalBenchmark#PASSAGE_DEPTH}, more when those held fewer than 100 documents)
     */
    @JsonPropertyOrder({"ndcg@10", "recall@100", "passage_depth"})
    public record Quality(
            @JsonProperty("ndcg@10") double ndcgAt10,
            @JsonProperty("recall@100") double recallAt100,
            @JsonProperty("passage_depth") int passageDepth) {
        public Quality {
            ndcgAt10 = round(ndcgAt10, 4);
            recallAt100 = round(recallAt100, 4);
        }
    }

    /**
     * Ingest throughput. {@code passagesPerS} covers embedding, indexing and committing every passage through
     * {@code PassageIndex.index} in batches of whole documents, each of at least {@code batch} passages (the last may
     * hold fewer); {@code embeddingModelPassagesPerS} times the embedding
     * model alone on the first {@code embeddingSample} passages, embedded as the index embeds them (title, then
     * text).
     *
     * @param passagesPerS passages indexed per second, end to end
     * @param embeddingModelPassagesPerS passages the embedding model alone embeds per second
     * @param embeddingSample the number of passages the model alone was timed on
     * @param ratio {@code passagesPerS / embeddingModelPassagesPerS}: the share of the model's speed that ingestion
     *     keeps (1 means the index adds no cost)
     * @param seconds the wall-clock time of indexing and committing every passage
     * @param batch the least number of passages per {@code PassageIndex.index} call but the last
     * @param embeddingModelWithSentencesPassagesPerS passages per second that the model alone embeds when it embeds
     *     what indexing embeds for each: the passage, then each of its sentences (their first words), on the same
     *     sample
     * @param ratioWithSentences {@code passagesPerS / embeddingModelWithSentencesPassagesPerS}: the share of the
     *     model's speed on the same work that ingestion keeps
     * @param langchain4jDefaultPassagesPerS passages per second of the bundled model as LangChain4j runs it by default,
     *     on the same sample and batches as {@code embeddingModelPassagesPerS}, timed after everything else; absent
     *     for another model
     * @param ratioToLangchain4jDefault the model's passages per second here, timed right after that, over
     *     {@code langchain4jDefaultPassagesPerS}; absent for another model
     */
    @JsonPropertyOrder({
        "passages_per_s",
        "embedding_model_passages_per_s",
        "embedding_sample",
        "ratio",
        "seconds",
        "batch",
        "embedding_model_with_sentences_passages_per_s",
        "ratio_with_sentences",
        "langchain4j_default_passages_per_s",
        "ratio_to_langchain4j_default"
    })
    public record Ingest(
            @JsonProperty("passages_per_s") double passagesPerS,
            @JsonProperty("embedding_model_passages_per_s") double embeddingModelPassagesPerS,
            @JsonProperty("embedding_sample") int embeddingSample,
            double ratio,
            double seconds,
            int batch,

            @JsonProperty("embedding_model_with_sentences_passages_per_s")
            double embeddingModelWithSentencesPassagesPerS,

            @JsonProperty("ratio_with_sentences") double ratioWithSentences,

            @JsonProperty("langchain4j_default_passages_per_s")
            Double langchain4jDefaultPassagesPerS,

            @JsonProperty("ratio_to_langchain4j_default") Double ratioToLangchain4jDefault) {
        public Ingest {
            passagesPerS = round(passagesPerS, 1);
            embeddingModelPassagesPerS = round(embeddingModelPassagesPerS, 1);
            ratio = round(ratio, 3);
            seconds = round(seconds, 2);
            embeddingModelWithSentencesPassagesPerS = round(embeddingModelWithSentencesPassagesPerS, 1);
            ratioWithSentences = round(ratioWithSentences, 3);
            langchain4jDefaultPassagesPerS =
                    langchain4jDefaultPassagesPerS == null ? null : round(langchain4jDefaultPassagesPerS, 1);
            ratioToLangchain4jDefault = ratioToLangchain4jDefault == null ? null : round(ratioToLangchain4jDefault, 3);
        }
    }

    /**
     * Hybrid search latency, one thread and eight concurrent threads.
     *
     * @param single one thread running every test query once
     * @param concurrent8 eight threads each running every test query once, all at the same time
     */
    @JsonPropertyOrder({"single", "concurrent_8"})
    public record Latency(
            Run single, @JsonProperty("concurrent_8") Run concurrent8) {}

    /**
     * One latency measurement: the nearest-rank percentiles of the searches' latencies in milliseconds.
     *
     * @param p50 the median latency, ms
     * @param p95 the 95th percentile, ms
     * @param p99 the 99th percentile, ms
     * @param threads threads searching at the same time
     * @param searches searches timed, over all threads
     * @param k hits requested per search
     * @param searchesPerS searches completed per second of wall-clock time, over all threads
     */
    @JsonPropertyOrder({"p50", "p95", "p99", "threads", "searches", "k", "searches_per_s"})
    public record Run(
            double p50,
            double p95,
            double p99,
            int threads,
            int searches,
            int k,
            @JsonProperty("searches_per_s") double searchesPerS) {
        public Run {
            p50 = round(p50, 2);
            p95 = round(p95, 2);
            p99 = round(p99, 2);
            searchesPerS = round(searchesPerS, 1);
        }

        static Run of(Percentiles percentiles, int threads, int searches, int k, double searchesPerS) {
            return new Run(percentiles.p50(), percentiles.p95(), percentiles.p99(), threads, searches, k, searchesPerS);
        }
    }

    private static double round(double value, int places) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
