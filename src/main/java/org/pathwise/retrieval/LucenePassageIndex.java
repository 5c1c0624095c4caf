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
final class LucenePassageIndex implements PassageIndex {

    static final String MODEL_KEY = "embedding.model";
    static final String DIMENSIONS_KEY = "embedding.dimensions";
    static final String FORMAT_KEY = "passage.format";

    /**
     * The version of what each passage stores. 2: passages keep their sentences and the sentences' vectors. An index
     * of an older format is rebuilt when it is opened, from its stored passages and vectors.
     */
    static final int FORMAT = 2;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LucenePassageIndex.class);

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
    private static final String SENTENCES = "sentences";
    private static final String SENTENCE_VECTORS = "sentence_vectors";
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
     * An index of an older {@linkplain #FORMAT format} is first rebuilt in the current one.
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
                int format = Integer.parseInt(data.getOrDefault(FORMAT_KEY, "1"));
                if (format > FORMAT) {
                    throw new IllegalStateException("the index at " + folder + " has passage format " + format
                            + ", newer than this version of Pathwise reads (" + FORMAT + "): run a newer version");
                }
                if (format < FORMAT) {
                    directory.close();
                    log.info("Rebuilding the index at {} from passage format {} to {}", folder, format, FORMAT);
                    long rebuilt = rebuild(folder, embedder, true, PassageIndex.Progress.NONE);
                    log.info("Rebuilt {} passages in format {}", rebuilt, FORMAT);
                    directory = FSDirectory.open(folder);
                }
            }
            var config = new IndexWriterConfig(new LanguageAnalyzers().perField())
                    .setSimilarity(SIMILARITY)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            var writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(Map.of(
                            MODEL_KEY,
                            embedder.modelId(),
                            DIMENSIONS_KEY,
                            Integer.toString(embedder.dimensions()),
                            FORMAT_KEY,
                            Integer.toString(FORMAT))
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
     * <p>The new index is written beside the old one ({@code index.re-embed}), committed after every batch, and swapped
     * in only when complete, so a crash leaves the old index as it was. A run interrupted with the same model is
     * resumed: the documents it wrote whole, and that have not changed since, are kept.
     *
     * @return the number of passages in the new index
     */
    public static long reEmbed(Path folder, Embedder embedder, PassageIndex.Progress progress) {
        return rebuild(folder, embedder, false, progress);
    }

    /** Passages written into a rebuilt index at once; a document's passages are never split between two writes. */
    private static final int REBUILD_BATCH = 256;

    /**
     * Writes every passage of the index in {@code folder} into a new index beside it, in the current format, and swaps
     * it in when complete. Passages stored without sentences get the structure their text shows
     * ({@link PassageText#parse}).
     *
     * @param keepVectors whether the passages keep their stored vectors (only their sentences are embedded), or are
     *     embedded again whole; only a re-embedding is resumed
     */
    private static long rebuild(Path folder, Embedder embedder, boolean keepVectors, PassageIndex.Progress progress) {
        var fresh = folder.resolveSibling(folder.getFileName() + ".re-embed");
        var old = folder.resolveSibling(folder.getFileName() + ".old");
        try (var directory = FSDirectory.open(folder);
                Lock ignored = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            Folders.deleteRecursively(old);
            if (!DirectoryReader.indexExists(directory)) {
                Folders.deleteRecursively(fresh);
                return 0;
            }
            if (keepVectors || !builtWith(fresh, embedder)) {
                Folders.deleteRecursively(fresh);
            }
            long done = 0;
            try (var reader = DirectoryReader.open(directory);
                    var target = open(fresh, embedder)) {
                long total = reader.numDocs();
                // a document is written whole, in one call, because writing replaces all its passages
                var byDocument = new LinkedHashMap<String, List<int[]>>();
                var leaves = reader.leaves();
                for (int l = 0; l < leaves.size(); l++) {
                    var leaf = leaves.get(l).reader();
                    var live = leaf.getLiveDocs();
                    var stored = leaf.storedFields();
                    for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                        if (live == null || live.get(doc)) {
                            var documentId = stored.document(doc, Set.of(DOC)).get(DOC);
                            byDocument
                                    .computeIfAbsent(documentId, id -> new ArrayList<>())
                                    .add(new int[] {l, doc});
                        }
                    }
                }
                var batch = new ArrayList<Passage>();
                var vectors = new ArrayList<float[]>();
                for (var entry : byDocument.entrySet()) {
                    var passages = new ArrayList<Passage>();
                    var kept = new ArrayList<float[]>();
                    for (var address : entry.getValue()) {
                        var leaf = leaves.get(address[0]).reader();
                        passages.add(toPassage(leaf.storedFields().document(address[1])));
                        if (keepVectors) {
                            kept.add(vectorOf(leaf.getFloatVectorValues(VECTOR), address[1]));
                        }
                    }
                    if (!keepVectors && sameTexts(target.passagesOf(entry.getKey()), passages)) {
                        done += passages.size();
                        continue;
                    }
                    batch.addAll(passages);
                    vectors.addAll(kept);
                    if (batch.size() >= REBUILD_BATCH) {
                        done += write(target, batch, vectors, embedder);
                        target.commit();
                        progress.passages(done, total);
                    }
                }
                if (!batch.isEmpty()) {
                    done += write(target, batch, vectors, embedder);
                }
                target.commit();
                progress.passages(done, total);
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

    /** Whether {@code folder} holds a committed index of the current format built with the embedder's model. */
    private static boolean builtWith(Path folder, Embedder embedder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var directory = FSDirectory.open(folder)) {
            if (!DirectoryReader.indexExists(directory)) {
                return false;
            }
            var data = org.apache.lucene.index.SegmentInfos.readLatestCommit(directory)
                    .getUserData();
            return embedder.modelId().equals(data.get(MODEL_KEY))
                    && Integer.toString(embedder.dimensions()).equals(data.get(DIMENSIONS_KEY))
                    && Integer.toString(FORMAT).equals(data.get(FORMAT_KEY));
        }
    }

    /** Whether two lists hold the same passages: the same ids and texts, in order. */
    private static boolean sameTexts(List<Passage> written, List<Passage> read) {
        if (written.size() != read.size()) {
            return false;
        }
        var passages = new ArrayList<>(read);
        passages.sort(Comparator.comparingInt(Passage::ordinal));
        for (int i = 0; i < written.size(); i++) {
            if (!written.get(i).id().equals(passages.get(i).id())
                    || !written.get(i).text().equals(passages.get(i).text())) {
                return false;
            }
        }
        return true;
    }

    /** Writes a batch into a rebuilt index, with its kept vectors when there are any, and empties it. */
    private static int write(LucenePassageIndex target, List<Passage> batch, List<float[]> vectors, Embedder embedder) {
        if (vectors.isEmpty()) {
            target.index(batch);
        } else {
            target.restore(EmbeddedPassage.withSentences(batch, vectors, embedder));
        }
        int written = batch.size();
        batch.clear();
        vectors.clear();
        return written;
    }

    private static float[] vectorOf(org.apache.lucene.index.FloatVectorValues values, int doc) throws IOException {
        var iterator = values.iterator();
        if (iterator.advance(doc) != doc) {
            throw new IllegalStateException("passage " + doc + " has no vector");
        }
        return values.vectorValue(iterator.index()).clone();
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
                var documents = entry.getValue().stream().map(this::toDocument).toList();
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
            return request.snippets() ? highlighting.snippets(hits, lexicalQueries, request.query()) : hits;
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
                double total = 0;
                double covered = 0;
                for (var term : TextTerms.of(query, entry.getKey())) {
                    double weight = idf(documents, reader.docFreq(new Term(field, term)));
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

    /** Lucene's BM25 idf of a term found in {@code frequency} of {@code documents} passages. */
    static double idf(long documents, long frequency) {
        return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
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
            for (var scoreDoc : searcher.search(query, count).scoreDocs) {
                passages.add(embeddedAt(searcher, scoreDoc.doc));
            }
            passages.sort(Comparator.comparingInt(p -> p.passage().ordinal()));
            return passages;
        });
    }

    @Override
    public List<EmbeddedPassage> embedded(List<Passage> passages) {
        return read("reading passages", searcher -> {
            var embedded = new ArrayList<EmbeddedPassage>(passages.size());
            for (var passage : passages) {
                var found = searcher.search(new TermQuery(new Term(ID, passage.id())), 1).scoreDocs;
                if (found.length == 0) {
                    throw new IllegalArgumentException("the index holds no passage " + passage.id());
                }
                embedded.add(embeddedAt(searcher, found[0].doc));
            }
            return embedded;
        });
    }

    /** The passage at a document number of the searcher, with its stored vectors. */
    private static EmbeddedPassage embeddedAt(IndexSearcher searcher, int doc) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        var leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        var document = searcher.storedFields().document(doc);
        var vector = vectorOf(leaf.reader().getFloatVectorValues(VECTOR), doc - leaf.docBase);
        var sentenceVectors = document.getBinaryValue(SENTENCE_VECTORS);
        return new EmbeddedPassage(
                toPassage(document),
                vector,
                SentenceCodec.decodeVectors(sentenceVectors == null ? null : sentenceVectors.bytes));
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
    public Set<String> known(java.util.Collection<String> words, String language) {
        if (words.isEmpty()) {
            return Set.of();
        }
        return read("looking up words", searcher -> {
            var reader = searcher.getIndexReader();
            var key = analyzers.keyOf(language);
            var field = LanguageAnalyzers.bodyField(key);
            var known = new java.util.LinkedHashSet<String>();
            for (var word : words) {
                var terms = TextTerms.of(word, key);
                boolean all = !terms.isEmpty();
                for (var term : terms) {
                    all = all && reader.docFreq(new Term(field, term)) > 0;
                }
                if (all) {
                    known.add(word);
                }
            }
            return known;
        });
    }

    @Override
    public Map<String, Long> languages() {
        return read("counting passages per language", searcher -> {
            var counts = new java.util.HashMap<String, Long>();
            var terms = org.apache.lucene.index.MultiTerms.getTerms(searcher.getIndexReader(), "language");
            if (terms != null) {
                var termsEnum = terms.iterator();
                for (var term = termsEnum.next(); term != null; term = termsEnum.next()) {
                    var language = term.utf8ToString();
                    // a term's document frequency still counts deleted passages; a count does not
                    long count = searcher.count(new TermQuery(new Term("language", language)));
                    if (count > 0) {
                        counts.put(language, count);
                    }
                }
            }
            return byCountDescending(counts);
        });
    }

    /** Counts ordered by count, most first, then by key. */
    static Map<String, Long> byCountDescending(Map<String, Long> counts) {
        var ordered = new java.util.LinkedHashMap<String, Long>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
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

    private Document toDocument(EmbeddedPassage embedded) {
        var passage = embedded.passage();
        var vector = embedded.vector();
        var facets = passage.facets();
        var document = new Document();
        document.add(new StringField(ID, passage.id(), Field.Store.YES));
        document.add(new StringField(DOC, passage.documentId(), Field.Store.YES));
        document.add(new StoredField(ORDINAL, passage.ordinal()));
        document.add(new StoredField(TEXT, passage.text()));
        document.add(new StoredField(HEADING, String.join(HEADING_SEPARATOR, passage.headingPath())));
        document.add(new StoredField(POSITION, passage.position()));
        document.add(new StoredField(SENTENCES, SentenceCodec.encode(passage.sentences())));
        document.add(new StoredField(SENTENCE_VECTORS, SentenceCodec.encodeVectors(embedded.sentenceVectors())));
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
        var sentences = document.get(SENTENCES);
        var headingPath = heading.isEmpty() ? List.<String>of() : List.of(heading.split(HEADING_SEPARATOR));
        int ordinal = document.getField(ORDINAL).numericValue().intValue();
        return SentenceCodec.passage(
                document.get(ID),
                document.get(DOC),
                ordinal,
                document.get(TEXT),
                headingPath,
                document.get(POSITION),
                facets,
                sentences);
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
