package org.pathwise.evaluation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pathwise.library.DocumentMetadata;
import org.pathwise.retrieval.EmbeddedPassage;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.Passage;
import org.pathwise.retrieval.PassageIndex;
import org.pathwise.retrieval.PassageIndex.VectorIndexProbe;
import org.pathwise.retrieval.SearchMode;
import org.pathwise.retrieval.SearchRequest;
import org.pathwise.stats.Percentiles;

/**
 * The retrieval benchmark: indexes a BEIR corpus into a fresh temporary passage index and measures ranking quality,
 * ingest throughput, search latency and peak heap.
 *
 * <p>Strategy. Each corpus entry becomes one document, its title as the document title and its text split into
 * passages by the given {@link Splitter} (in production {@code DocumentSplitter::passagesOf}, so exactly as ingestion splits).
 * The passages go through {@link PassageIndex#index} in batches and one commit, timed end to end, after the embedding
 * model alone has been timed on a sample of the same inputs. Documents are ranked by their best passage: a query
 * searches at least {@value #PASSAGE_DEPTH} passages (doubling up to {@link SearchRequest#MAX_K} while they hold fewer
 * than 100 documents) and each document keeps its first, best, position. nDCG@10 and recall@100 are averaged over the
 * test queries with a relevant document ({@link RetrievalMetrics}). Latency is measured on hybrid search, the
 * service's default, with the query embedding included: first one thread over every test query, then eight threads
 * each over every test query at once (each starting at a different query). The quality runs come first and warm the
 * JIT and the model.
 *
 * <p>The temporary index lives in a new folder that is deleted when the run ends, whatever happens; the service's own
 * data directory is never touched.
 */
final class RetrievalBenchmark {

    /** Passages searched per query, at least, to rank documents for recall@100. */
    public static final int PASSAGE_DEPTH = 300;

    /** Threads of the concurrent latency run; the report names it {@code concurrent_8}. */
    public static final int THREADS = 8;

    private static final int NDCG_CUTOFF = 10;
    private static final int RECALL_CUTOFF = 100;
    private static final String LANGUAGE = "en";

    /** Splits one text document into passages, as {@code DocumentSplitter.passagesOf} does. */
    @FunctionalInterface
    public interface Splitter {
        /**
         * @param source the document's source; here the corpus id
         * @param metadata the document's metadata; here its title and language
         * @param text the document's text
         * @return the document's passages, in order, all with the same document id
         */
        List<Passage> split(String source, DocumentMetadata metadata, String text);
    }

    /**
     * How a run is sized.
     *
     * @param batch passages per {@link PassageIndex#index} call, at least; a call holds whole documents
     * @param embeddingSample passages the embedding model alone is timed on (the first ones of the corpus)
     * @param latencyK hits requested per search in the latency runs
     * @param queryLimit the most test queries to use, the first ones of {@code qrels/test.tsv}
     */
    public record Settings(int batch, int embeddingSample, int latencyK, int queryLimit) {

        /** 256-passage batches, a 1000-passage model sample, 10 hits per timed search, every query. */
        public static final Settings DEFAULTS = new Settings(256, 1000, 10, Integer.MAX_VALUE);

        public Settings {
            requirePositive(batch, "batch");
            requirePositive(embeddingSample, "embeddingSample");
            if (latencyK < 1 || latencyK > SearchRequest.MAX_K) {
                throw new IllegalArgumentException(
                        "latencyK must be between 1 and " + SearchRequest.MAX_K + ", got " + latencyK);
            }
            requirePositive(queryLimit, "queryLimit");
        }

        public Settings withQueryLimit(int queryLimit) {
            return new Settings(batch, embeddingSample, latencyK, queryLimit);
        }

        private static void requirePositive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be >= 1, got " + value);
            }
        }
    }

    private final Splitter splitter;
    private final Embedder embedder;
    private final Settings settings;
    private final Consumer<String> progress;

    /**
     * @param splitter splits documents into passages
     * @param embedder embeds passages and queries for the temporary index
     * @param settings how the run is sized
     * @param progress receives one-line progress messages
     */
    public RetrievalBenchmark(Splitter splitter, Embedder embedder, Settings settings, Consumer<String> progress) {
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Runs the benchmark on a dataset with its index in a temporary folder of the system's temporary directory.
     *
     * @throws IllegalArgumentException when the dataset has no test query with a relevant document, or its corpus
     *     yields no passage
     */
    public BenchmarkReport run(BeirDataset dataset) {
        return run(dataset, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Runs the benchmark with its temporary Lucene index in a folder created under {@code scratch}. */
    BenchmarkReport run(BeirDataset dataset, Path scratch) {
        return run(dataset, "lucene", () -> PassageIndex.scratchLucene(scratch, embedder));
    }

    /**
     * Runs the benchmark on an index made for the run, deleted afterwards (a temporary Lucene folder, or a temporary
     * PostgreSQL schema).
     *
     * @param store the store the index is in, {@code lucene} or {@code postgres}, named in the report
     * @param scratch makes the index ({@link PassageIndex#scratchLucene}, {@link PassageIndex#scratchPostgres})
     */
    public BenchmarkReport run(BeirDataset dataset, String store, Supplier<PassageIndex> scratch) {
        var queries =
                dataset.testQueries().stream().limit(settings.queryLimit()).toList();
        if (queries.isEmpty()) {
            throw new IllegalArgumentException(
                    dataset.name() + ": " + BeirDataset.TEST_QRELS + " judges no query relevant to any document");
        }
        var split = split(dataset);
        if (split.passages().isEmpty()) {
            throw new IllegalArgumentException(dataset.name() + ": the corpus yields no passage");
        }
        try (var index = scratch.get()) {
            return measure(dataset, split, queries, index, store);
        }
    }

    private BenchmarkReport measure(
            BeirDataset dataset, Split split, List<BeirDataset.TestQuery> queries, PassageIndex index, String store) {
        var passages = split.passages();
        progress.accept(String.format(
                Locale.ROOT,
                "%s: %d documents in %d passages, %d test queries",
                dataset.name(),
                split.documents(),
                passages.size(),
                queries.size()));
        warmUp(embedder, passages);
        var sample = passages.subList(0, Math.min(settings.embeddingSample(), passages.size()));
        double modelRate = timeModel(embedder, sample, false);
        progress.accept(String.format(
                Locale.ROOT, "embedding model alone: %.1f passages/s on %d passages", modelRate, sample.size()));
        double withSentencesRate = timeModel(embedder, sample, true);
        progress.accept(String.format(
                Locale.ROOT,
                "embedding model alone, passages and their sentences: %.1f passages/s",
                withSentencesRate));
        double seconds = timeIngest(index, passages);
        double ingestRate = passages.size() / seconds;
        progress.accept(String.format(
                Locale.ROOT, "indexed %d passages in %.1f s (%.1f passages/s)", passages.size(), seconds, ingestRate));
        var modes = new LinkedHashMap<String, BenchmarkReport.Quality>();
        for (var mode : SearchMode.values()) {
            var quality = quality(index, mode, queries, split.corpusIds());
            modes.put(mode.label(), quality);
            progress.accept(String.format(
                    Locale.ROOT,
                    "%s: nDCG@10 %.4f, recall@100 %.4f",
                    mode.label(),
                    quality.ndcgAt10(),
                    quality.recallAt100()));
        }
        var texts = queries.stream().map(BeirDataset.TestQuery::text).toList();
        var single = latency(index, texts, 1);
        progress.accept(String.format(Locale.ROOT, "hybrid latency, 1 thread: p50 %.2f ms", single.p50()));
        var concurrent = latency(index, texts, THREADS);
        progress.accept(
                String.format(Locale.ROOT, "hybrid latency, %d threads: p50 %.2f ms", THREADS, concurrent.p50()));
        double peakHeapMb = peakHeapMb();
        var reference = timeLangChain4jDefault(passages, sample);
        return new BenchmarkReport(
                dataset.name(),
                new BenchmarkReport.Corpus(split.documents(), passages.size()),
                queries.size(),
                modes,
                new BenchmarkReport.Ingest(
                        ingestRate,
                        modelRate,
                        sample.size(),
                        ingestRate / modelRate,
                        seconds,
                        settings.batch(),
                        withSentencesRate,
                        ingestRate / withSentencesRate,
                        reference == null ? null : reference.defaultRate(),
                        reference == null ? null : reference.hereRate() / reference.defaultRate()),
                new BenchmarkReport.Latency(single, concurrent),
                peakHeapMb,
                embedder.modelId(),
                // the embedded store is the default; only another store is named in the report
                store.equals("lucene") ? null : store,
                index.vectorIndexProbe()
                        .map(probe -> vectorIndex(probe, index, texts))
                        .orElse(null));
    }

    /** The approximate vector search's recall@10 against exact search over the queries, and the index's size. */
    private BenchmarkReport.VectorIndex vectorIndex(VectorIndexProbe probe, PassageIndex index, List<String> queries) {
        double recall = 0;
        for (var query : queries) {
            var exact = probe.exactNearest(query, 10).stream()
                    .map(h -> h.passage().id())
                    .collect(java.util.stream.Collectors.toSet());
            var approximate = index.search(SearchRequest.of(query, 10, SearchMode.SEMANTIC));
            long found = approximate.stream()
                    .filter(h -> exact.contains(h.passage().id()))
                    .count();
            recall += exact.isEmpty() ? 1 : (double) found / exact.size();
        }
        double buildSeconds = probe.rebuildVectorIndex();
        var result = new BenchmarkReport.VectorIndex(
                recall / queries.size(), probe.vectorIndexBytes() / 1048576.0, buildSeconds, probe.efSearch());
        progress.accept(String.format(
                Locale.ROOT,
                "vector index: recall@10 %.4f against exact search at ef_search %d, %.1f MB, built in %.1f s",
                result.recallAt10(),
                result.efSearch(),
                result.sizeMb(),
                result.buildSeconds()));
        return result;
    }

    /** The corpus as passages, and the corpus id of each passage's document id. */
    private record Split(int documents, List<Passage> passages, Map<String, String> corpusIds) {}

    private Split split(BeirDataset dataset) {
        var passages = new ArrayList<Passage>();
        var corpusIds = new HashMap<String, String>();
        int documents = 0;
        for (var entry : dataset.corpus()) {
            var text = entry.text().isBlank() ? entry.title() : entry.text();
            if (text.isBlank()) {
                continue;
            }
            var metadata = new DocumentMetadata(entry.title(), List.of(), "", LANGUAGE, "", "", List.of(), "", "");
            var parts = splitter.split(entry.id(), metadata, text);
            for (var passage : parts) {
                var earlier = corpusIds.putIfAbsent(passage.documentId(), entry.id());
                if (earlier != null && !earlier.equals(entry.id())) {
                    throw new IllegalStateException("corpus ids '" + earlier + "' and '" + entry.id()
                            + "' map to the same document id " + passage.documentId());
                }
            }
            if (!parts.isEmpty()) {
                documents++;
                passages.addAll(parts);
            }
        }
        return new Split(documents, List.copyOf(passages), Map.copyOf(corpusIds));
    }

    /**
     * Passages per second of the embedding model alone, in batches as the index embeds them: the passages' texts
     * alone, or with their sentences, which is what indexing embeds ({@link EmbeddedPassage#embed}).
     */
    private double timeModel(Embedder model, List<Passage> sample, boolean withSentences) {
        long start = System.nanoTime();
        for (int from = 0; from < sample.size(); from += settings.batch()) {
            var batch = sample.subList(from, Math.min(from + settings.batch(), sample.size()));
            if (withSentences) {
                EmbeddedPassage.embed(batch, model);
            } else {
                model.embedPassages(embeddingInputs(batch));
            }
        }
        return sample.size() / seconds(System.nanoTime() - start);
    }

    /** Embeds the first few passages, so that neither timing pays for the model's first inferences. */
    private static void warmUp(Embedder model, List<Passage> passages) {
        model.embedPassages(embeddingInputs(passages.subList(0, Math.min(16, passages.size()))));
    }

    /**
     * For the bundled model, its speed as LangChain4j runs it by default and its speed here, timed one right after the
     * other on the same sample (passages alone), after everything else and after the peak heap was read, so that a
     * second copy of the model weighs on neither; {@code null} for another model.
     */
    private Reference timeLangChain4jDefault(List<Passage> passages, List<Passage> sample) {
        if (!Embedder.DEFAULT_MODEL.equals(embedder.modelId())) {
            return null;
        }
        var langChain4j = Embedder.langChain4jDefault();
        warmUp(langChain4j, passages);
        double defaultRate = timeModel(langChain4j, sample, false);
        double hereRate = timeModel(embedder, sample, false);
        progress.accept(String.format(
                Locale.ROOT,
                "the same model as LangChain4j runs it by default: %.1f passages/s; here, timed right after: %.1f"
                        + " passages/s (%.2f times that)",
                defaultRate,
                hereRate,
                hereRate / defaultRate));
        return new Reference(defaultRate, hereRate);
    }

    /** Passages per second of the bundled model as LangChain4j runs it by default, and here right after. */
    private record Reference(double defaultRate, double hereRate) {}

    /**
     * Seconds to index and commit every passage. A batch holds whole documents, as many as reach
     * {@code settings.batch()} passages, because indexing a document's passages replaces all its earlier ones.
     */
    private double timeIngest(PassageIndex index, List<Passage> passages) {
        long start = System.nanoTime();
        int done = 0;
        int reported = 0;
        var batch = new ArrayList<Passage>();
        for (int i = 0; i < passages.size(); i++) {
            batch.add(passages.get(i));
            boolean documentEnds = i + 1 == passages.size()
                    || !passages.get(i + 1).documentId().equals(passages.get(i).documentId());
            if (documentEnds && (batch.size() >= settings.batch() || i + 1 == passages.size())) {
                index.index(batch);
                done += batch.size();
                batch.clear();
                if (done - reported >= 10 * settings.batch()) {
                    progress.accept(String.format(
                            Locale.ROOT,
                            "indexed %d/%d passages (%.1f passages/s)",
                            done,
                            passages.size(),
                            done / seconds(System.nanoTime() - start)));
                    reported = done;
                }
            }
        }
        index.commit();
        return seconds(System.nanoTime() - start);
    }

    private BenchmarkReport.Quality quality(
            PassageIndex index, SearchMode mode, List<BeirDataset.TestQuery> queries, Map<String, String> corpusIds) {
        double ndcg = 0;
        double recall = 0;
        int depth = PASSAGE_DEPTH;
        for (var query : queries) {
            var ranked = rankDocuments(index, mode, query.text(), corpusIds);
            depth = Math.max(depth, ranked.depth());
            ndcg += RetrievalMetrics.ndcgAt(NDCG_CUTOFF, ranked.documents(), query.relevance());
            recall += RetrievalMetrics.recallAt(RECALL_CUTOFF, ranked.documents(), query.relevance());
        }
        return new BenchmarkReport.Quality(ndcg / queries.size(), recall / queries.size(), depth);
    }

    /** Corpus ids, best first, and the number of passages searched to find them. */
    private record Ranked(List<String> documents, int depth) {}

    private static Ranked rankDocuments(
            PassageIndex index, SearchMode mode, String query, Map<String, String> corpusIds) {
        int k = PASSAGE_DEPTH;
        while (true) {
            var hits = index.search(SearchRequest.of(query, k, mode));
            var documents = new LinkedHashSet<String>();
            for (var hit : hits) {
                documents.add(corpusIds.get(hit.passage().documentId()));
            }
            if (documents.size() >= RECALL_CUTOFF || hits.size() < k || k == SearchRequest.MAX_K) {
                return new Ranked(List.copyOf(documents), k);
            }
            k = Math.min(2 * k, SearchRequest.MAX_K);
        }
    }

    /** Hybrid search latency over every query, in each of {@code threads} threads at once. */
    private BenchmarkReport.Run latency(PassageIndex index, List<String> queries, int threads) {
        var start = new CountDownLatch(1);
        var executor = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<double[]>>();
            for (int t = 0; t < threads; t++) {
                int offset = t * queries.size() / threads;
                futures.add(executor.submit(() -> {
                    start.await();
                    var millis = new double[queries.size()];
                    for (int i = 0; i < queries.size(); i++) {
                        var query = queries.get((offset + i) % queries.size());
                        long begin = System.nanoTime();
                        index.search(SearchRequest.of(query, settings.latencyK(), SearchMode.HYBRID));
                        millis[i] = (System.nanoTime() - begin) / 1e6;
                    }
                    return millis;
                }));
            }
            long begin = System.nanoTime();
            start.countDown();
            var all = new double[threads * queries.size()];
            for (int t = 0; t < threads; t++) {
                System.arraycopy(futures.get(t).get(), 0, all, t * queries.size(), queries.size());
            }
            double wall = seconds(System.nanoTime() - begin);
            return BenchmarkReport.Run.of(
                    Percentiles.of(all), threads, all.length, settings.latencyK(), all.length / wall);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring latency", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(
                            "a search failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    /** What the index embeds for each passage. */
    private static List<String> embeddingInputs(List<Passage> passages) {
        return passages.stream().map(Passage::textWithContext).toList();
    }

    /** The sum over heap memory pools of their peak use, in MiB. */
    private static double peakHeapMb() {
        long bytes = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    private static double seconds(long nanos) {
        return Math.max(nanos, 1) / 1e9;
    }
}
