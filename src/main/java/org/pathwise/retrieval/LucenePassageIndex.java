package org.pathwise.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * {@link PassageIndex} on a Lucene index in one folder.
 *
 * <p>Strategy: each passage is one Lucene document. Its title, heading path and text are indexed for BM25 in the field
 * of its language's analyzer ({@link LanguageAnalyzers}); its embedding goes to an HNSW vector field (cosine); its
 * document's attributes are exact-match fields used as filters. Lexical search analyzes the query once per language
 * field; semantic search is a filtered k-nearest-neighbour query; hybrid fuses the two rankings by
 * {@link ReciprocalRankFusion}. Replacing a document's passages is one atomic {@code updateDocuments} call, so readers
 * never see half a document. The commit data records the embedding model, and an index built with another model is
 * refused with {@link EmbeddingModelMismatchException}.
 */
public final class LucenePassageIndex implements PassageIndex {

    static final String MODEL_KEY = "embedding.model";
    static final String DIMENSIONS_KEY = "embedding.dimensions";

    private static final String ID = "id";
    private static final String DOC = "doc";
    private static final String ORDINAL = "ordinal";
    private static final String TEXT = "text";
    private static final String HEADING = "heading";
    private static final String POSITION = "position";
    private static final String SOURCE = "source";
    private static final String TITLE = "title";
    private static final String AUTHOR = "author";
    private static final String LICENCE = "licence";
    private static final String LANGUAGE = "language";
    private static final String COURSE = "course";
    private static final String COMPETENCY = "competency";
    private static final String RESOURCE_TYPE = "resource_type";
    private static final String VECTOR = "vector";
    private static final String HEADING_SEPARATOR = "\u001f";
    private static final int MIN_FUSION_DEPTH = 50;

    /** BM25 with the parameters Anserini uses for BEIR-style collections (k1 = 0.9, b = 0.4). */
    private static final BM25Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);

    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Embedder embedder;
    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
    private final Highlighting highlighting = new Highlighting(analyzers);
    private final ReciprocalRankFusion fusion = new ReciprocalRankFusion();

    private LucenePassageIndex(Path folder, Directory directory, IndexWriter writer, Embedder embedder)
            throws IOException {
        this.folder = folder;
        this.directory = directory;
        this.writer = writer;
        this.embedder = embedder;
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(
                    org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
                var searcher = new IndexSearcher(reader);
                searcher.setSimilarity(SIMILARITY);
                return searcher;
            }
        });
    }

    /**
     * Opens the index in {@code folder}, creating it when absent.
     *
     * @throws EmbeddingModelMismatchException when the index holds vectors of another model
     * @throws IllegalStateException when another process has the index open for writing
     */
    public static LucenePassageIndex open(Path folder, Embedder embedder) {
        Directory directory = null;
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            if (DirectoryReader.indexExists(directory)) {
                var data = SegmentInfos.readLatestCommit(directory).getUserData();
                var model = data.get(MODEL_KEY);
                if (model != null && !model.equals(embedder.modelId())) {
                    throw new EmbeddingModelMismatchException(
                            model, Integer.parseInt(data.getOrDefault(DIMENSIONS_KEY, "0")), embedder.modelId());
                }
            }
            var config = new IndexWriterConfig(new LanguageAnalyzers().perField())
                    .setSimilarity(SIMILARITY)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            var writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(
                    Map.of(MODEL_KEY, embedder.modelId(), DIMENSIONS_KEY, Integer.toString(embedder.dimensions()))
                            .entrySet());
            return new LucenePassageIndex(folder, directory, writer, embedder);
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new IllegalStateException(
                    "the index at " + folder + " is in use by another Pathwise process; stop it or use another"
                            + " --data-dir",
                    e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("can't open the index at " + folder + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(directory);
            throw e;
        }
    }

    /**
     * Rebuilds every vector of the index in {@code folder} with {@code embedder}, whatever model built it.
     *
     * <p>The new index is written beside the old one and swapped in only when complete, so a crash leaves the old index
     * as it was.
     *
     * @param progress receives the number of passages re-embedded so far
     * @return the number of passages re-embedded
     */
    public static long reEmbed(Path folder, Embedder embedder, IntConsumer progress) {
        var fresh = folder.resolveSibling(folder.getFileName() + ".re-embed");
        var old = folder.resolveSibling(folder.getFileName() + ".old");
        try (var directory = FSDirectory.open(folder);
                Lock ignored = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            Folders.deleteRecursively(fresh);
            Folders.deleteRecursively(old);
            long done = 0;
            if (!DirectoryReader.indexExists(directory)) {
                return 0;
            }
            try (var reader = DirectoryReader.open(directory);
                    var target = open(fresh, embedder)) {
                var batch = new ArrayList<Passage>();
                for (var leaf : reader.leaves()) {
                    var live = leaf.reader().getLiveDocs();
                    var leafStored = leaf.reader().storedFields();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if (live != null && !live.get(doc)) {
                            continue;
                        }
                        batch.add(toPassage(leafStored.document(doc)));
                        if (batch.size() == 256) {
                            target.index(batch);
                            done += batch.size();
                            progress.accept((int) done);
                            batch.clear();
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    target.index(batch);
                    done += batch.size();
                    progress.accept((int) done);
                }
                target.commit();
            }
            Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
            Folders.deleteRecursively(old);
            return done;
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException(
                    "the index at " + folder + " is in use by another Pathwise process; stop it before re-embedding",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("re-embedding " + folder + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void index(Collection<Passage> passages) {
        restore(EmbeddedPassage.embed(passages, embedder));
    }

    @Override
    public void restore(Collection<EmbeddedPassage> passages) {
        EmbeddedPassage.check(passages, embedder.dimensions());
        if (passages.isEmpty()) {
            return;
        }
        var byDocument = new LinkedHashMap<String, List<EmbeddedPassage>>();
        for (var embedded : passages) {
            byDocument
                    .computeIfAbsent(embedded.passage().documentId(), id -> new ArrayList<>())
                    .add(embedded);
        }
        try {
            for (var entry : byDocument.entrySet()) {
                var documents = entry.getValue().stream()
                        .map(embedded -> toDocument(embedded.passage(), embedded.vector()))
                        .toList();
                writer.updateDocuments(new Term(DOC, entry.getKey()), documents);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("indexing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String documentId) {
        try {
            writer.deleteDocuments(new Term(DOC, documentId));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + documentId + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("commit failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        return read("search", searcher -> {
            var filter = filterQuery(request.filter());
            var lexicalQueries = highlighting.queries(request.query());
            List<SearchHit> hits = switch (request.mode()) {
                case LEXICAL -> lexical(searcher, lexicalQueries, filter, request.k());
                case SEMANTIC -> semantic(searcher, request.query(), filter, request.k());
                case HYBRID -> hybrid(searcher, request.query(), lexicalQueries, filter, request.k());
            };
            return request.snippets() ? highlighting.snippets(hits, lexicalQueries) : hits;
        });
    }

    @Override
    public double coverage(String query, List<Passage> passages) {
        if (passages.isEmpty()) {
            return 0;
        }
        return read("coverage", searcher -> {
            var reader = searcher.getIndexReader();
            long documents = Math.max(1, reader.numDocs());
            var byKey = new LinkedHashMap<String, java.util.Set<String>>();
            for (var passage : passages) {
                var key = analyzers.keyOf(passage.facets().language());
                byKey.computeIfAbsent(key, k -> new HashSet<>())
                        .addAll(TextTerms.of(
                                passage.textWithContext(), passage.facets().language()));
            }
            double best = 0;
            for (var entry : byKey.entrySet()) {
                var field = LanguageAnalyzers.bodyField(entry.getKey());
                var queryTerms = TextTerms.of(query, entry.getKey());
                double total = 0;
                double covered = 0;
                for (var term : queryTerms) {
                    int frequency = reader.docFreq(new Term(field, term));
                    double weight = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
                    total += weight;
                    if (entry.getValue().contains(term)) {
                        covered += weight;
                    }
                }
                if (total > 0) {
                    best = Math.max(best, covered / total);
                }
            }
            return best;
        });
    }

    @Override
    public List<Passage> passagesOf(String documentId) {
        return read("reading passages", searcher -> {
            var query = new TermQuery(new Term(DOC, documentId));
            int count = searcher.count(query);
            if (count == 0) {
                return List.<Passage>of();
            }
            var stored = searcher.storedFields();
            var passages = new ArrayList<Passage>(count);
            for (var scoreDoc : searcher.search(query, count).scoreDocs) {
                passages.add(toPassage(stored.document(scoreDoc.doc)));
            }
            passages.sort(Comparator.comparingInt(Passage::ordinal));
            return passages;
        });
    }

    @Override
    public List<EmbeddedPassage> embeddedPassagesOf(String documentId) {
        return read("reading passages", searcher -> {
            var query = new TermQuery(new Term(DOC, documentId));
            int count = searcher.count(query);
            var passages = new ArrayList<EmbeddedPassage>(count);
            if (count == 0) {
                return passages;
            }
            var stored = searcher.storedFields();
            var leaves = searcher.getIndexReader().leaves();
            for (var scoreDoc : searcher.search(query, count).scoreDocs) {
                var leaf = leaves.get(ReaderUtil.subIndex(scoreDoc.doc, leaves));
                var values = leaf.reader().getFloatVectorValues(VECTOR);
                var iterator = values.iterator();
                if (iterator.advance(scoreDoc.doc - leaf.docBase) != scoreDoc.doc - leaf.docBase) {
                    throw new IllegalStateException("passage " + scoreDoc.doc + " of " + documentId + " has no vector");
                }
                passages.add(new EmbeddedPassage(
                        toPassage(stored.document(scoreDoc.doc)), values.vectorValue(iterator.index())));
            }
            passages.sort(Comparator.comparingInt(p -> p.passage().ordinal()));
            return passages;
        });
    }

    @Override
    public int passageCount(String documentId) {
        return read("counting passages", searcher -> searcher.count(new TermQuery(new Term(DOC, documentId))));
    }

    @Override
    public long size() {
        return read("counting passages", searcher ->
                (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public IndexStats stats() {
        return new IndexStats(size(), embedder.modelId(), embedder.dimensions());
    }

    /** The folder that holds the index. */
    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            if (writer.isOpen()) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the index failed: " + e.getMessage(), e);
        }
    }

    private List<SearchHit> lexical(IndexSearcher searcher, Map<String, Query> queries, Query filter, int k)
            throws IOException {
        var text = anyLanguage(queries);
        if (text == null) {
            return List.of();
        }
        var query = filter == null
                ? text
                : new BooleanQuery.Builder()
                        .add(text, Occur.MUST)
                        .add(filter, Occur.FILTER)
                        .build();
        return toHits(searcher, searcher.search(query, k).scoreDocs);
    }

    private List<SearchHit> semantic(IndexSearcher searcher, String query, Query filter, int k) throws IOException {
        var vector = embedder.embedQuery(query);
        return toHits(searcher, searcher.search(new KnnFloatVectorQuery(VECTOR, vector, k, filter), k).scoreDocs);
    }

    private List<SearchHit> hybrid(
            IndexSearcher searcher, String query, Map<String, Query> lexicalQueries, Query filter, int k)
            throws IOException {
        int depth = Math.max(k, MIN_FUSION_DEPTH);
        var lexical = lexical(searcher, lexicalQueries, filter, depth);
        var semantic = semantic(searcher, query, filter, depth);
        return fusion.fuse(List.of(lexical, semantic), hit -> hit.passage().id()).stream()
                .limit(k)
                .map(fused -> new SearchHit(fused.item().passage(), fused.score(), ""))
                .toList();
    }

    private List<SearchHit> toHits(IndexSearcher searcher, ScoreDoc[] scoreDocs) throws IOException {
        StoredFields stored = searcher.storedFields();
        var hits = new ArrayList<SearchHit>(scoreDocs.length);
        for (var scoreDoc : scoreDocs) {
            hits.add(new SearchHit(toPassage(stored.document(scoreDoc.doc)), scoreDoc.score, ""));
        }
        return hits;
    }

    private static Query anyLanguage(Map<String, Query> queries) {
        if (queries.isEmpty()) {
            return null;
        }
        var builder = new BooleanQuery.Builder();
        queries.values().forEach(query -> builder.add(query, Occur.SHOULD));
        return builder.build();
    }

    private static Query filterQuery(SearchFilter filter) {
        if (filter.isEmpty()) {
            return null;
        }
        var builder = new BooleanQuery.Builder();
        addTerms(builder, LICENCE, filter.licences());
        addTerms(builder, LANGUAGE, filter.languages());
        addTerms(builder, COURSE, filter.courses());
        addTerms(builder, COMPETENCY, filter.competencies());
        addTerms(builder, RESOURCE_TYPE, filter.resourceTypes());
        return builder.build();
    }

    private static void addTerms(BooleanQuery.Builder builder, String field, Set<String> values) {
        if (!values.isEmpty()) {
            builder.add(
                    new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
    }

    private Document toDocument(Passage passage, float[] vector) {
        var facets = passage.facets();
        var document = new Document();
        document.add(new StringField(ID, passage.id(), Field.Store.YES));
        document.add(new StringField(DOC, passage.documentId(), Field.Store.YES));
        document.add(new StoredField(ORDINAL, passage.ordinal()));
        document.add(new StoredField(TEXT, passage.text()));
        document.add(new StoredField(HEADING, String.join(HEADING_SEPARATOR, passage.headingPath())));
        document.add(new StoredField(POSITION, passage.position()));
        document.add(new StringField(SOURCE, facets.source(), Field.Store.YES));
        document.add(new StoredField(TITLE, facets.title()));
        for (var author : facets.authors()) {
            document.add(new StoredField(AUTHOR, author));
        }
        document.add(new StringField(LICENCE, facets.licence(), Field.Store.YES));
        document.add(new StringField(LANGUAGE, facets.language(), Field.Store.YES));
        document.add(new StringField(COURSE, facets.course(), Field.Store.YES));
        for (var competency : facets.competencies()) {
            document.add(new StringField(COMPETENCY, competency, Field.Store.YES));
        }
        document.add(new StringField(RESOURCE_TYPE, facets.resourceType(), Field.Store.YES));
        var body = passage.textWithContext();
        document.add(
                new TextField(LanguageAnalyzers.bodyField(analyzers.keyOf(facets.language())), body, Field.Store.NO));
        document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        return document;
    }

    private static Passage toPassage(Document document) {
        var heading = document.get(HEADING);
        var facets = new DocumentFacets(
                document.get(SOURCE),
                document.get(TITLE),
                Arrays.asList(document.getValues(AUTHOR)),
                document.get(LICENCE),
                document.get(LANGUAGE),
                document.get(COURSE),
                Arrays.asList(document.getValues(COMPETENCY)),
                document.get(RESOURCE_TYPE));
        return new Passage(
                document.get(ID),
                document.get(DOC),
                document.getField(ORDINAL).numericValue().intValue(),
                document.get(TEXT),
                heading.isEmpty() ? List.of() : List.of(heading.split(HEADING_SEPARATOR)),
                document.get(POSITION),
                facets);
    }

    /** Something done with a searcher of the latest changes. */
    @FunctionalInterface
    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code function} on an acquired searcher and releases it, turning I/O failures into unchecked ones. */
    private <T> T read(String what, SearcherFunction<T> function) {
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            return function.apply(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed: " + e.getMessage(), e);
        } finally {
            if (searcher != null) {
                try {
                    searchers.release(searcher);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException ignored) {
                // the original failure matters more
            }
        }
    }
}
