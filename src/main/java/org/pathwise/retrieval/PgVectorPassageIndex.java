package org.pathwise.retrieval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * A {@link PassageIndex} in PostgreSQL with pgvector: one row per passage with its facets, a {@code tsvector} built
 * with the text-search configuration of the passage's language (English with Porter's stemmer, {@code french},
 * {@code spanish}, {@code german}, {@code italian}, {@code portuguese}, else {@code simple}) under a GIN index, and its
 * embedding under an HNSW index (cosine). Lexical search ranks by BM25 over postings kept with every write (each
 * lexeme of a passage with its frequency), in every configuration the query's terms analyse in; semantic search orders by cosine distance with {@code hnsw.iterative_scan = strict_order}, so a
 * selective filter still yields {@code k} hits; hybrid fuses both by reciprocal rank fusion, as the Lucene adapter
 * does. Scores are on the Lucene adapter's scales: semantic {@code (1 + cosine) / 2}, hybrid the fused score.
 *
 * <p>Every change is durable when its statement returns; {@link #commit} has nothing left to do. The embedding model
 * and its dimensions are kept in {@code passage_index_meta}; opening the index with another model is refused. Needs
 * pgvector 0.8 or later (iterative index scans).
 */
final class PgVectorPassageIndex implements PassageIndex, PassageIndex.VectorIndexProbe {

    private static final int MIN_FUSION_DEPTH = 50;
    private static final int EF_SEARCH = 100;

    /** Where the lexical half of a hybrid search runs: a virtual thread each, waiting on PostgreSQL. */
    private static final java.util.concurrent.ExecutorService LEXICAL_SEARCHES =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private static final double BM25_K1 = 1.2;
    private static final double BM25_B = 0.75;
    /** The advisory lock that writers of the passage tables take in turn. */
    private static final long WRITER_LOCK = 0x7061_7373_6167_6573L;

    /**
     * English is stemmed with Porter's original algorithm, as Lucene's English analyzer does, rather than PostgreSQL's
     * default Snowball English: on BEIR SciFact that lifted hybrid nDCG@10 from 0.7294 to 0.7323 (Lucene: 0.7346).
     */
    private static final String ENGLISH = "pathwise_english";

    private static final Map<String, String> CONFIGS = Map.of(
            "en", ENGLISH,
            "fr", "french",
            "es", "spanish",
            "de", "german",
            "it", "italian",
            "pt", "portuguese");

    private static final List<String> ALL_CONFIGS =
            List.of(ENGLISH, "french", "spanish", "german", "italian", "portuguese", "simple");
    private static final String COLUMNS = "id, document_id, ordinal, text, heading_path, position, source, title,"
            + " authors, licence, language, course, competencies, resource_type, sentences";

    /** The version of what each passage row stores; see {@link LucenePassageIndex#FORMAT}. */
    private static final int FORMAT = LucenePassageIndex.FORMAT;

    private final DataSource dataSource;
    private final Embedder embedder;
    private final Highlighting highlighting = new Highlighting(new LanguageAnalyzers());
    private final ReciprocalRankFusion fusion = new ReciprocalRankFusion();

    private PgVectorPassageIndex(DataSource dataSource, Embedder embedder) {
        this.dataSource = dataSource;
        this.embedder = embedder;
    }

    /**
     * Opens the index in a database, creating its tables on first use.
     *
     * @throws IllegalStateException when the {@code vector} extension is missing or older than 0.8, naming how to
     *     install it
     * @throws EmbeddingModelMismatchException when the index was built with another embedding model
     */
    public static PgVectorPassageIndex open(DataSource dataSource, Embedder embedder) {
        var index = new PgVectorPassageIndex(dataSource, embedder);
        index.createSchema();
        return index;
    }

    /** Creates what is missing, in one transaction that instances opening the same database at once take in turn. */
    private void createSchema() {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            lockWriters(connection);
            var version = single(connection, "SELECT extversion FROM pg_extension WHERE extname = 'vector'");
            if (version == null) {
                var available =
                        single(connection, "SELECT default_version FROM pg_available_extensions WHERE name = 'vector'");
                if (available == null) {
                    throw new IllegalStateException(
                            "PostgreSQL has no 'vector' extension: install pgvector 0.8 or later"
                                    + " (Debian: the postgresql-<version>-pgvector package, or build it from source with"
                                    + " postgresql-server-dev-<version>), then run CREATE EXTENSION vector in the database");
                }
                execute(connection, "CREATE EXTENSION IF NOT EXISTS vector");
                version = single(connection, "SELECT extversion FROM pg_extension WHERE extname = 'vector'");
            }
            if (compareVersions(version, "0.8.0") < 0) {
                throw new IllegalStateException("pgvector " + version + " is too old: 0.8 or later is needed for"
                        + " iterative index scans (ALTER EXTENSION vector UPDATE after installing a newer one)");
            }
            // the English configuration of this schema: PostgreSQL's, with Porter's stemmer
            execute(
                    connection,
                    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid ="
                            + " c.cfgnamespace WHERE c.cfgname = '" + ENGLISH + "' AND n.nspname = current_schema())"
                            + " THEN CREATE TEXT SEARCH DICTIONARY pathwise_porter (TEMPLATE = snowball, Language ="
                            + " porter, StopWords = english); CREATE TEXT SEARCH CONFIGURATION " + ENGLISH
                            + " (COPY = pg_catalog.english); ALTER TEXT SEARCH CONFIGURATION " + ENGLISH
                            + " ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part"
                            + " WITH pathwise_porter; END IF; END $$");
            execute(
                    connection,
                    "CREATE TABLE IF NOT EXISTS passage_index_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            var model = single(connection, "SELECT value FROM passage_index_meta WHERE key = 'model'");
            var dimensions = single(connection, "SELECT value FROM passage_index_meta WHERE key = 'dimensions'");
            if (model == null) {
                execute(
                        connection,
                        "INSERT INTO passage_index_meta VALUES ('model', '"
                                + embedder.modelId().replace("'", "''") + "'), ('dimensions', '" + embedder.dimensions()
                                + "') ON CONFLICT (key) DO NOTHING");
            } else if (!model.equals(embedder.modelId()) || Integer.parseInt(dimensions) != embedder.dimensions()) {
                throw new EmbeddingModelMismatchException(model, Integer.parseInt(dimensions), embedder.modelId());
            }
            execute(
                    connection,
                    "CREATE TABLE IF NOT EXISTS passage ("
                            + " id TEXT PRIMARY KEY, document_id TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL,"
                            + " heading_path TEXT[] NOT NULL, position TEXT NOT NULL, source TEXT NOT NULL, title TEXT NOT NULL,"
                            + " authors TEXT[] NOT NULL, licence TEXT NOT NULL, language TEXT NOT NULL, course TEXT NOT NULL,"
                            + " competencies TEXT[] NOT NULL, resource_type TEXT NOT NULL, ts_config REGCONFIG NOT NULL,"
                            + " tsv TSVECTOR NOT NULL, embedding VECTOR(" + embedder.dimensions() + ") NOT NULL)");
            execute(connection, "ALTER TABLE passage ADD COLUMN IF NOT EXISTS tokens INTEGER NOT NULL DEFAULT 0");
            execute(connection, "ALTER TABLE passage ADD COLUMN IF NOT EXISTS sentences TEXT");
            execute(connection, "ALTER TABLE passage ADD COLUMN IF NOT EXISTS sentence_vectors BYTEA");
            var format = single(connection, "SELECT value FROM passage_index_meta WHERE key = 'format'");
            int stored = format == null ? 1 : Integer.parseInt(format);
            if (stored > FORMAT) {
                throw new IllegalStateException("the passage index in this database has format " + stored
                        + ", newer than this version of Pathwise reads (" + FORMAT + "): run a newer version");
            }
            if (stored < FORMAT) {
                upgrade(connection);
                execute(
                        connection,
                        "INSERT INTO passage_index_meta VALUES ('format', '" + FORMAT
                                + "') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value");
            }
            execute(
                    connection,
                    "CREATE TABLE IF NOT EXISTS passage_term (ts_config REGCONFIG NOT NULL, lexeme TEXT NOT NULL,"
                            + " df INTEGER NOT NULL, PRIMARY KEY (ts_config, lexeme))");
            execute(
                    connection,
                    "CREATE TABLE IF NOT EXISTS passage_stats (ts_config REGCONFIG PRIMARY KEY,"
                            + " passages BIGINT NOT NULL, tokens BIGINT NOT NULL)");
            execute(
                    connection,
                    "CREATE TABLE IF NOT EXISTS passage_posting (ts_config REGCONFIG NOT NULL, lexeme TEXT NOT NULL,"
                            + " passage_id TEXT NOT NULL, tf INTEGER NOT NULL, tokens INTEGER NOT NULL,"
                            // the key covers what scoring reads, so a term's postings come from the index alone
                            + " PRIMARY KEY (ts_config, lexeme, passage_id) INCLUDE (tf, tokens))");
            execute(connection, "CREATE INDEX IF NOT EXISTS passage_posting_passage ON passage_posting (passage_id)");
            if (single(connection, "SELECT 1 FROM passage_posting LIMIT 1") == null
                    && single(connection, "SELECT 1 FROM passage LIMIT 1") != null) {
                rebuildStatistics(connection);
            }
            execute(connection, "CREATE INDEX IF NOT EXISTS passage_document ON passage (document_id, ordinal)");
            execute(connection, "CREATE INDEX IF NOT EXISTS passage_tsv ON passage USING gin (tsv)");
            execute(
                    connection,
                    "CREATE INDEX IF NOT EXISTS passage_embedding ON passage USING hnsw (embedding vector_cosine_ops)");
            connection.commit();
        } catch (SQLException e) {
            throw failure("opening the passage index", e);
        }
    }

    /** Passages embedded and stored together by {@link #reEmbed}, each batch its own transaction. */
    private static final int RE_EMBED_BATCH = 64;

    /**
     * Rebuilds every vector in the database with {@code embedder}, whatever model wrote them, without stopping
     * searches: the new vectors go into the columns {@code next_embedding} and {@code next_sentence_vectors}, a batch a
     * transaction, and replace the old ones in one transaction at the end, which also rebuilds the vector index and
     * records the new model. A run stopped half-way is resumed by the next one with the same model (the rows it
     * embedded keep their new vectors); a run with another model starts over. Passages written meanwhile by an
     * instance still on the old model are embedded too, before the swap, which holds the writers' lock; instances on
     * the old model must be restarted with the new one afterwards (they refuse to start until they are).
     *
     * @return the number of passages embedded with the new model
     */
    static long reEmbed(DataSource dataSource, Embedder embedder, PassageIndex.Progress progress) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            if (single(connection, "SELECT to_regclass('passage')") == null) {
                return 0;
            }
            var target = embedder.modelId() + " " + embedder.dimensions();
            if (!target.equals(single(connection, "SELECT value FROM passage_index_meta WHERE key = 're-embed'"))) {
                execute(
                        connection,
                        "ALTER TABLE passage DROP COLUMN IF EXISTS next_embedding,"
                                + " DROP COLUMN IF EXISTS next_sentence_vectors");
                execute(
                        connection,
                        "ALTER TABLE passage ADD COLUMN next_embedding VECTOR(" + embedder.dimensions()
                                + "), ADD COLUMN next_sentence_vectors BYTEA");
                try (var started = connection.prepareStatement("INSERT INTO passage_index_meta VALUES ('re-embed', ?)"
                        + " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")) {
                    started.setString(1, target);
                    started.executeUpdate();
                }
            }
            connection.commit();
            long total = Long.parseLong(single(connection, "SELECT COUNT(*) FROM passage"));
            long done =
                    Long.parseLong(single(connection, "SELECT COUNT(*) FROM passage WHERE next_embedding IS NOT NULL"));
            progress.passages(done, total);
            while (true) {
                int embedded = embedNextBatch(connection, embedder);
                connection.commit();
                if (embedded == 0) {
                    // the writers wait from here to the swap; what they wrote before it is embedded first
                    lockWriters(connection);
                    while (embedNextBatch(connection, embedder) > 0) {
                        // passages written since the last batch
                    }
                    total = Long.parseLong(single(connection, "SELECT COUNT(*) FROM passage"));
                    swapInNextVectors(connection, embedder);
                    connection.commit();
                    progress.passages(total, total);
                    return total;
                }
                done += embedded;
                progress.passages(done, total);
            }
        } catch (SQLException e) {
            throw failure("re-embedding the passages", e);
        }
    }

    /** Embeds up to {@link #RE_EMBED_BATCH} passages that have no new vector yet; returns how many. */
    private static int embedNextBatch(Connection connection, Embedder embedder) throws SQLException {
        var passages = new ArrayList<Passage>();
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT " + COLUMNS + " FROM passage WHERE next_embedding IS NULL"
                        + " ORDER BY id LIMIT " + RE_EMBED_BATCH)) {
            while (rs.next()) {
                passages.add(passage(rs));
            }
        }
        if (passages.isEmpty()) {
            return 0;
        }
        var embedded = EmbeddedPassage.embed(passages, embedder);
        try (var update = connection.prepareStatement("UPDATE passage SET next_embedding = ?::vector,"
                + " next_sentence_vectors = ? WHERE id = ? AND text = ?")) {
            for (var passage : embedded) {
                update.setString(1, vector(passage.vector()));
                update.setBytes(2, SentenceCodec.encodeVectors(passage.sentenceVectors()));
                update.setString(3, passage.passage().id());
                // a passage rewritten since it was read keeps no vector and is read again
                update.setString(4, passage.passage().text());
                update.addBatch();
            }
            update.executeBatch();
        }
        return passages.size();
    }

    /** Replaces the vectors by the new ones, rebuilds the vector index and records the new model. */
    private static void swapInNextVectors(Connection connection, Embedder embedder) throws SQLException {
        execute(connection, "DROP INDEX IF EXISTS passage_embedding");
        execute(connection, "ALTER TABLE passage DROP COLUMN embedding, DROP COLUMN sentence_vectors");
        execute(connection, "ALTER TABLE passage RENAME COLUMN next_embedding TO embedding");
        execute(connection, "ALTER TABLE passage RENAME COLUMN next_sentence_vectors TO sentence_vectors");
        execute(connection, "ALTER TABLE passage ALTER COLUMN embedding SET NOT NULL");
        try (var meta = connection.prepareStatement("INSERT INTO passage_index_meta VALUES ('model', ?), ('dimensions',"
                + " ?) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")) {
            meta.setString(1, embedder.modelId());
            meta.setString(2, Integer.toString(embedder.dimensions()));
            meta.executeUpdate();
        }
        execute(connection, "DELETE FROM passage_index_meta WHERE key = 're-embed'");
        execute(connection, "CREATE INDEX passage_embedding ON passage USING hnsw (embedding vector_cosine_ops)");
    }

    /**
     * Brings passages written before they kept their sentences to the current format: each gets the structure its text
     * shows ({@link PassageText#parse}), the text as that reading writes it, and its sentences' vectors; its own vector
     * and its terms stay.
     */
    private void upgrade(Connection connection) throws SQLException {
        var passages = new ArrayList<Passage>();
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT " + COLUMNS + " FROM passage WHERE sentence_vectors IS NULL")) {
            while (rs.next()) {
                passages.add(passage(rs));
            }
        }
        if (passages.isEmpty()) {
            return;
        }
        try (var update = connection.prepareStatement(
                "UPDATE passage SET text = ?, sentences = ?, sentence_vectors = ? WHERE id = ?")) {
            for (var passage : passages) {
                // the text as its structure was read from it, which the sentences' offsets point into
                update.setString(1, passage.text());
                update.setString(2, SentenceCodec.encode(passage.sentences()));
                update.setBytes(3, SentenceCodec.encodeVectors(EmbeddedPassage.sentenceVectors(passage, embedder)));
                update.setString(4, passage.id());
                update.addBatch();
            }
            update.executeBatch();
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
        var embedded = List.copyOf(passages);
        var ordered = embedded.stream().map(EmbeddedPassage::passage).toList();
        var vectors = embedded.stream().map(EmbeddedPassage::vector).toList();
        var documents = new java.util.LinkedHashSet<String>();
        ordered.forEach(p -> documents.add(p.documentId()));
        retrying("indexing passages", () -> {
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    lockWriters(connection);
                    var documentIds = documents.toArray(String[]::new);
                    count(connection, documentIds, -1);
                    try (var delete = connection.prepareStatement("DELETE FROM passage WHERE document_id = ANY(?)")) {
                        delete.setArray(1, connection.createArrayOf("text", documentIds));
                        delete.executeUpdate();
                    }
                    try (var insert = connection.prepareStatement("INSERT INTO passage (" + COLUMNS
                            + ", ts_config, tsv, embedding, sentence_vectors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?::regconfig, to_tsvector(?::regconfig, ?), ?::vector, ?)")) {
                        for (int i = 0; i < ordered.size(); i++) {
                            var p = ordered.get(i);
                            var f = p.facets();
                            var config = config(f.language());
                            insert.setString(1, p.id());
                            insert.setString(2, p.documentId());
                            insert.setInt(3, p.ordinal());
                            insert.setString(4, p.text());
                            insert.setArray(
                                    5,
                                    connection.createArrayOf(
                                            "text", p.headingPath().toArray()));
                            insert.setString(6, p.position());
                            insert.setString(7, f.source());
                            insert.setString(8, f.title());
                            insert.setArray(
                                    9,
                                    connection.createArrayOf("text", f.authors().toArray()));
                            insert.setString(10, f.licence());
                            insert.setString(11, f.language());
                            insert.setString(12, f.course());
                            insert.setArray(
                                    13,
                                    connection.createArrayOf(
                                            "text", f.competencies().toArray()));
                            insert.setString(14, f.resourceType());
                            insert.setString(15, SentenceCodec.encode(p.sentences()));
                            insert.setString(16, config);
                            insert.setString(17, config);
                            insert.setString(18, p.textWithContext());
                            insert.setString(19, vector(vectors.get(i)));
                            insert.setBytes(
                                    20,
                                    SentenceCodec.encodeVectors(embedded.get(i).sentenceVectors()));
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                    try (var tokens = connection.prepareStatement("UPDATE passage SET tokens = (SELECT"
                            + " COALESCE(SUM(COALESCE(array_length(positions, 1), 1)), 0) FROM unnest(tsv))"
                            + " WHERE document_id = ANY(?)")) {
                        tokens.setArray(1, connection.createArrayOf("text", documentIds));
                        tokens.executeUpdate();
                    }
                    count(connection, documentIds, 1);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public void remove(String documentId) {
        retrying("removing passages", () -> {
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    lockWriters(connection);
                    count(connection, new String[] {documentId}, -1);
                    try (var delete = connection.prepareStatement("DELETE FROM passage WHERE document_id = ?")) {
                        delete.setString(1, documentId);
                        delete.executeUpdate();
                    }
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * Writers take turns (a transaction-scoped advisory lock), so that the term statistics of concurrent writers, in
     * this process or another instance, never interleave. Only the database writes wait: embedding happens before.
     */
    private static void lockWriters(Connection connection) throws SQLException {
        try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, WRITER_LOCK);
            lock.executeQuery().close();
        }
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) the passages of some documents from what BM25 reads: the postings (each
     * lexeme of a passage with its frequency and the passage's length), the number of passages holding each lexeme,
     * and the number of passages and tokens per text-search configuration.
     */
    private static void count(Connection connection, String[] documentIds, int sign) throws SQLException {
        var ids = connection.createArrayOf("text", documentIds);
        try (var postings = connection.prepareStatement(
                sign > 0
                        ? "INSERT INTO passage_posting (ts_config, lexeme, passage_id, tf, tokens)"
                                + " SELECT p.ts_config, u.lexeme, p.id, COALESCE(array_length(u.positions, 1), 1), p.tokens"
                                + " FROM passage p, unnest(p.tsv) u WHERE p.document_id = ANY(?)"
                        : "DELETE FROM passage_posting WHERE passage_id IN (SELECT id FROM passage WHERE document_id = ANY(?))")) {
            postings.setArray(1, ids);
            postings.executeUpdate();
        }
        try (var terms = connection.prepareStatement("INSERT INTO passage_term (ts_config, lexeme, df)"
                        + " SELECT p.ts_config, u.lexeme, ? * COUNT(*) FROM passage p, unnest(p.tsv) u"
                        + " WHERE p.document_id = ANY(?) GROUP BY p.ts_config, u.lexeme ORDER BY 1, 2"
                        + " ON CONFLICT (ts_config, lexeme) DO UPDATE SET df = passage_term.df + EXCLUDED.df");
                var stats = connection.prepareStatement("INSERT INTO passage_stats (ts_config, passages, tokens)"
                        + " SELECT ts_config, ? * COUNT(*), ? * COALESCE(SUM(tokens), 0) FROM passage"
                        + " WHERE document_id = ANY(?) GROUP BY ts_config ORDER BY 1"
                        + " ON CONFLICT (ts_config) DO UPDATE SET passages = passage_stats.passages"
                        + " + EXCLUDED.passages, tokens = passage_stats.tokens + EXCLUDED.tokens")) {
            terms.setInt(1, sign);
            terms.setArray(2, ids);
            terms.executeUpdate();
            stats.setInt(1, sign);
            stats.setInt(2, sign);
            stats.setArray(3, ids);
            stats.executeUpdate();
        }
        if (sign < 0) {
            // only these documents' lexemes can have dropped to zero
            try (var emptied = connection.prepareStatement("DELETE FROM passage_term t USING (SELECT DISTINCT"
                    + " p.ts_config, u.lexeme FROM passage p, unnest(p.tsv) u WHERE p.document_id = ANY(?)) d"
                    + " WHERE t.ts_config = d.ts_config AND t.lexeme = d.lexeme AND t.df <= 0")) {
                emptied.setArray(1, ids);
                emptied.executeUpdate();
            }
        }
    }

    /** Recomputes the statistics of every passage, for an index written before they were kept. */
    private static void rebuildStatistics(Connection connection) throws SQLException {
        execute(
                connection,
                "UPDATE passage SET tokens = (SELECT COALESCE(SUM(COALESCE(array_length(positions, 1), 1)), 0)"
                        + " FROM unnest(tsv))");
        execute(connection, "DELETE FROM passage_posting");
        execute(connection, "DELETE FROM passage_term");
        execute(connection, "DELETE FROM passage_stats");
        execute(
                connection,
                "INSERT INTO passage_posting SELECT p.ts_config, u.lexeme, p.id, COALESCE(array_length(u.positions, 1), 1),"
                        + " p.tokens FROM passage p, unnest(p.tsv) u");
        execute(
                connection,
                "INSERT INTO passage_term SELECT ts_config, lexeme, COUNT(*) FROM passage_posting GROUP BY 1, 2");
        execute(
                connection,
                "INSERT INTO passage_stats SELECT ts_config, COUNT(*), SUM(tokens) FROM passage GROUP BY 1");
    }

    /**
     * Every statement commits on its own, so nothing is left to make durable; what a commit does here is settle the
     * tables just written. A vacuum marks their pages all-visible, so that the lexical search reads postings from the
     * index alone rather than from the heap, and an analysis gives the planner their new sizes. Both skip a table that
     * another instance is vacuuming at the moment. On BEIR SciFact's 526,156 postings this took the lexical query of
     * a claim from 7.9 to 2.6 ms (median of 40 claims).
     */
    @Override
    public void commit() {
        try (var connection = dataSource.getConnection()) {
            execute(connection, "VACUUM (ANALYZE, SKIP_LOCKED) passage_posting, passage_term, passage_stats, passage");
        } catch (SQLException e) {
            throw failure("settling the index's tables", e);
        }
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        var query = request.query();
        var hits = switch (request.mode()) {
            case LEXICAL -> lexical(query, request.filter(), request.k());
            case SEMANTIC -> semantic(vector(embedder.embedQuery(query)), request.filter(), request.k());
            case HYBRID -> hybrid(query, request.filter(), request.k());
        };
        return request.snippets()
                ? highlighting.snippets(hits, highlighting.queries(request.query()), request.query())
                : hits;
    }

    /**
     * Lexical and semantic search fused: the lexical query runs on a connection of its own while this thread embeds the
     * query and runs the vector search, so a search takes as long as the longer of the two rather than both. Neither
     * holds a connection while it waits for the other, so searches that fill the pool cannot wait on each other.
     */
    private List<SearchHit> hybrid(String query, SearchFilter filter, int k) {
        int depth = Math.max(k, MIN_FUSION_DEPTH);
        var lexicalHits = CompletableFuture.supplyAsync(() -> lexical(query, filter, depth), LEXICAL_SEARCHES);
        List<SearchHit> semanticHits;
        try {
            semanticHits = semantic(vector(embedder.embedQuery(query)), filter, depth);
        } catch (RuntimeException e) {
            lexicalHits.cancel(false);
            throw e;
        }
        List<SearchHit> lexical;
        try {
            lexical = lexicalHits.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return fusion.fuse(List.of(lexical, semanticHits), hit -> hit.passage().id()).stream()
                .limit(k)
                .map(fused -> new SearchHit(fused.item().passage(), fused.score(), ""))
                .toList();
    }

    private List<SearchHit> lexical(String query, SearchFilter filter, int k) {
        return retrying("searching", () -> {
            try (var connection = dataSource.getConnection()) {
                return lexical(connection, query, filter, k);
            }
        });
    }

    private List<SearchHit> semantic(String vector, SearchFilter filter, int k) {
        return retrying("searching", () -> {
            try (var connection = dataSource.getConnection()) {
                return semantic(connection, vector, filter, k);
            }
        });
    }

    /** SQL work that can be run again from its start. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private static final int ATTEMPTS = 3;

    /**
     * Runs work that is safe to repeat, and runs it again (up to {@value #ATTEMPTS} times in all, after 50 and 100 ms)
     * when PostgreSQL reports a failure that a new attempt can get past: a lost or refused connection (SQLSTATE class
     * 08, or the pool's transient errors), a serialization failure or deadlock (40001, 40P01), a server shutting down
     * (57P01). Any other failure, or the last, is thrown.
     */
    static <T> T retrying(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !transientFailure(e)) {
                    throw failure(what, e);
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure(what, e);
                }
            }
        }
    }

    static boolean transientFailure(SQLException e) {
        var state = e.getSQLState();
        return e instanceof java.sql.SQLTransientException
                || e instanceof java.sql.SQLRecoverableException
                || (state != null
                        && (state.startsWith("08")
                                || state.equals("40001")
                                || state.equals("40P01")
                                || state.equals("57P01")));
    }

    private List<SearchHit> lexical(Connection connection, String query, SearchFilter filter, int k)
            throws SQLException {
        var queries = queryLexemes(connection, query);
        if (queries.isEmpty()) {
            return List.of();
        }
        var wanted = new StringJoiner(" OR ", "(", ")");
        var params = new ArrayList<Object>();
        queries.forEach((config, terms) -> {
            wanted.add("(t.ts_config = '" + config + "'::regconfig AND t.lexeme = ANY(?))");
            params.add(terms.toArray(String[]::new));
        });
        // BM25 (Robertson and Zaragoza 2009) with Lucene's defaults and idf, summed over the query terms' postings,
        // in double precision
        // the query's terms are computed once, before the postings are read: inlined, the planner joined the
        // statistics to every posting instead
        var scored = "WITH terms AS MATERIALIZED (SELECT t.ts_config, t.lexeme,"
                + " ln(1.0::float8 + (s.passages - t.df + 0.5::float8) / (t.df + 0.5::float8)) AS idf,"
                + " GREATEST(s.tokens::float8 / GREATEST(s.passages, 1), 1.0::float8) AS avgdl"
                + " FROM passage_term t JOIN passage_stats s ON s.ts_config = t.ts_config WHERE t.df > 0 AND " + wanted
                + "), scored AS (SELECT pp.passage_id, SUM(terms.idf * pp.tf * " + (BM25_K1 + 1)
                + "::float8 / (pp.tf + "
                + BM25_K1 + "::float8 * (" + (1 - BM25_B) + "::float8 + " + BM25_B
                + "::float8 * pp.tokens / terms.avgdl))) AS score FROM passage_posting pp JOIN terms"
                + " ON terms.ts_config = pp.ts_config AND terms.lexeme = pp.lexeme GROUP BY pp.passage_id)";
        var where = new StringBuilder(" WHERE TRUE");
        filter(filter, where, params);
        params.add(k);
        var sql = filter.isEmpty()
                // without a filter, only the top k passages are read
                ? scored + ", top AS (SELECT passage_id, score FROM scored ORDER BY score DESC, passage_id LIMIT ?)"
                        + " SELECT " + prefixed("p") + ", top.score FROM top JOIN passage p ON p.id = top.passage_id"
                        + " ORDER BY top.score DESC, p.id"
                : scored + " SELECT " + prefixed("p") + ", scored.score FROM scored JOIN passage p"
                        + " ON p.id = scored.passage_id" + where + " ORDER BY scored.score DESC, p.id LIMIT ?";
        return hits(connection, sql, params);
    }

    /** A scan of every vector: the index is not used. */
    @Override
    public List<SearchHit> exactNearest(String query, int k) {
        var vector = vector(embedder.embedQuery(query));
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "SET LOCAL enable_indexscan = off");
                var hits = hits(
                        connection,
                        "SELECT " + COLUMNS + ", 1 - (embedding <=> ?::vector) / 2 AS score FROM passage"
                                + " ORDER BY embedding <=> ?::vector, id LIMIT ?",
                        List.of(vector, vector, k));
                connection.commit();
                return hits;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("searching exactly", e);
        }
    }

    @Override
    public double rebuildVectorIndex() {
        try (var connection = dataSource.getConnection()) {
            long started = System.nanoTime();
            execute(connection, "REINDEX INDEX passage_embedding");
            return (System.nanoTime() - started) / 1e9;
        } catch (SQLException e) {
            throw failure("rebuilding the vector index", e);
        }
    }

    @Override
    public int efSearch() {
        return EF_SEARCH;
    }

    @Override
    public long vectorIndexBytes() {
        try (var connection = dataSource.getConnection()) {
            return Long.parseLong(single(connection, "SELECT pg_relation_size('passage_embedding')"));
        } catch (SQLException e) {
            throw failure("measuring the vector index", e);
        }
    }

    private List<SearchHit> semantic(Connection connection, String vector, SearchFilter filter, int k)
            throws SQLException {
        var params = new ArrayList<Object>();
        params.add(vector);
        var where = new StringBuilder(" WHERE TRUE");
        filter(filter, where, params);
        params.add(vector);
        params.add(k);
        // ordered by the distance alone, which the HNSW index gives; a second key would make PostgreSQL sort every
        // row instead, so ties are put in id order below
        var sql = "SELECT " + COLUMNS + ", 1 - (embedding <=> ?::vector) / 2 AS score FROM passage" + where
                + " ORDER BY embedding <=> ?::vector LIMIT ?";
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            // one round trip for both settings, and the transaction's BEGIN goes with it
            execute(
                    connection,
                    "SET LOCAL hnsw.ef_search = " + EF_SEARCH + "; SET LOCAL hnsw.iterative_scan = strict_order");
            var hits = new ArrayList<>(hits(connection, sql, params));
            connection.commit();
            hits.sort(Comparator.comparingDouble(SearchHit::score)
                    .reversed()
                    .thenComparing(hit -> hit.passage().id()));
            return hits;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The query's distinct lexemes per text-search configuration, in one round trip; a configuration that leaves none
     * is absent.
     */
    private static Map<String, List<String>> queryLexemes(Connection connection, String query) throws SQLException {
        var queries = new LinkedHashMap<String, List<String>>();
        try (var statement = connection.prepareStatement("SELECT c, unnest(tsvector_to_array(to_tsvector(c::regconfig,"
                + " ?))) FROM unnest(?::text[]) WITH ORDINALITY AS configs(c, n) ORDER BY n")) {
            statement.setString(1, query);
            statement.setArray(2, connection.createArrayOf("text", ALL_CONFIGS.toArray()));
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    queries.computeIfAbsent(rs.getString(1), c -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
        }
        return queries;
    }

    /** The passage columns, each prefixed by a table alias. */
    private static String prefixed(String alias) {
        var columns = new StringJoiner(", ");
        for (var column : COLUMNS.split(",")) {
            columns.add(alias + "." + column.strip());
        }
        return columns.toString();
    }

    private static void filter(SearchFilter filter, StringBuilder where, List<Object> params) {
        in(where, params, "licence", filter.licences());
        in(where, params, "language", filter.languages());
        in(where, params, "course", filter.courses());
        in(where, params, "resource_type", filter.resourceTypes());
        if (!filter.competencies().isEmpty()) {
            where.append(" AND competencies && ?::text[]");
            params.add(filter.competencies().toArray(String[]::new));
        }
    }

    private static void in(StringBuilder where, List<Object> params, String column, Set<String> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" = ANY(?::text[])");
            params.add(values.toArray(String[]::new));
        }
    }

    private static List<SearchHit> hits(Connection connection, String sql, List<Object> params) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            bind(connection, statement, params);
            var hits = new ArrayList<SearchHit>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    hits.add(new SearchHit(passage(rs), rs.getDouble("score"), ""));
                }
            }
            return hits;
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, List<Object> params)
            throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            var value = params.get(i);
            if (value instanceof String[] array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    @Override
    public double coverage(String query, List<Passage> passages) {
        if (passages.isEmpty()) {
            return 0;
        }
        var byConfig = new LinkedHashMap<String, List<String>>();
        for (var passage : passages) {
            byConfig.computeIfAbsent(config(passage.facets().language()), c -> new ArrayList<>())
                    .add(passage.textWithContext());
        }
        try (var connection = dataSource.getConnection()) {
            long documents = Math.max(1, size(connection));
            double best = 0;
            for (var entry : byConfig.entrySet()) {
                var config = entry.getKey();
                var covered = lexemes(connection, config, String.join("\n", entry.getValue()));
                double total = 0;
                double found = 0;
                for (var lexeme : lexemes(connection, config, query)) {
                    double weight = LucenePassageIndex.idf(documents, frequency(connection, config, lexeme));
                    total += weight;
                    if (covered.contains(lexeme)) {
                        found += weight;
                    }
                }
                if (total > 0) {
                    best = Math.max(best, found / total);
                }
            }
            return best;
        } catch (SQLException e) {
            throw failure("measuring coverage", e);
        }
    }

    private static Set<String> lexemes(Connection connection, String config, String text) throws SQLException {
        try (var statement =
                connection.prepareStatement("SELECT unnest(tsvector_to_array(to_tsvector(?::regconfig, ?)))")) {
            statement.setString(1, config);
            statement.setString(2, text);
            var lexemes = new HashSet<String>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    lexemes.add(rs.getString(1));
                }
            }
            return lexemes;
        }
    }

    private static long frequency(Connection connection, String config, String lexeme) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT df FROM passage_term WHERE ts_config = ?::regconfig AND lexeme = ?")) {
            statement.setString(1, config);
            statement.setString(2, lexeme);
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public List<Passage> passagesOf(String documentId) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM passage WHERE document_id = ? ORDER BY ordinal")) {
            statement.setString(1, documentId);
            var passages = new ArrayList<Passage>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    passages.add(passage(rs));
                }
            }
            return passages;
        } catch (SQLException e) {
            throw failure("reading passages", e);
        }
    }

    @Override
    public List<EmbeddedPassage> embeddedPassagesOf(String documentId) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT " + COLUMNS
                        + ", embedding::text AS vector, sentence_vectors FROM passage WHERE document_id = ?"
                        + " ORDER BY ordinal")) {
            statement.setString(1, documentId);
            var passages = new ArrayList<EmbeddedPassage>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    passages.add(embedded(rs));
                }
            }
            return passages;
        } catch (SQLException e) {
            throw failure("reading passages", e);
        }
    }

    @Override
    public List<EmbeddedPassage> embedded(List<Passage> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        var ids = passages.stream().map(Passage::id).toArray(String[]::new);
        var byId = retrying("reading passages", () -> {
            try (var connection = dataSource.getConnection();
                    var statement = connection.prepareStatement("SELECT " + COLUMNS
                            + ", embedding::text AS vector, sentence_vectors FROM passage WHERE id = ANY(?)")) {
                statement.setArray(1, connection.createArrayOf("text", ids));
                var found = new java.util.HashMap<String, EmbeddedPassage>();
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        var embedded = embedded(rs);
                        found.put(embedded.passage().id(), embedded);
                    }
                }
                return found;
            }
        });
        var ordered = new ArrayList<EmbeddedPassage>(passages.size());
        for (var passage : passages) {
            var embedded = byId.get(passage.id());
            if (embedded == null) {
                throw new IllegalArgumentException("the index holds no passage " + passage.id());
            }
            ordered.add(embedded);
        }
        return ordered;
    }

    private static EmbeddedPassage embedded(ResultSet rs) throws SQLException {
        return new EmbeddedPassage(
                passage(rs),
                parseVector(rs.getString("vector")),
                SentenceCodec.decodeVectors(rs.getBytes("sentence_vectors")));
    }

    /** A vector from pgvector's text form, {@code [0.1,0.2,...]}. */
    private static float[] parseVector(String text) {
        var parts = text.substring(1, text.length() - 1).split(",");
        var vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i]);
        }
        return vector;
    }

    @Override
    public int passageCount(String documentId) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT COUNT(*) FROM passage WHERE document_id = ?")) {
            statement.setString(1, documentId);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw failure("counting passages", e);
        }
    }

    @Override
    public long size() {
        try (var connection = dataSource.getConnection()) {
            return size(connection);
        } catch (SQLException e) {
            throw failure("counting passages", e);
        }
    }

    private static long size(Connection connection) throws SQLException {
        return Long.parseLong(single(connection, "SELECT COUNT(*) FROM passage"));
    }

    @Override
    public java.util.Set<String> known(java.util.Collection<String> words, String language) {
        if (words.isEmpty()) {
            return java.util.Set.of();
        }
        var config = config(language);
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT w FROM unnest(?::text[]) w"
                        + " WHERE length(to_tsvector(?::regconfig, w)) > 0 AND NOT EXISTS (SELECT 1 FROM"
                        + " unnest(to_tsvector(?::regconfig, w)) l WHERE NOT EXISTS (SELECT 1 FROM passage_term t"
                        + " WHERE t.ts_config = ?::regconfig AND t.lexeme = l.lexeme))")) {
            statement.setArray(1, connection.createArrayOf("text", words.toArray()));
            statement.setString(2, config);
            statement.setString(3, config);
            statement.setString(4, config);
            var known = new java.util.LinkedHashSet<String>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
            return known;
        } catch (SQLException e) {
            throw failure("looking up words", e);
        }
    }

    @Override
    public Map<String, Long> languages() {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT language, COUNT(*) FROM passage GROUP BY language")) {
            var counts = new java.util.HashMap<String, Long>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return LucenePassageIndex.byCountDescending(counts);
        } catch (SQLException e) {
            throw failure("counting passages per language", e);
        }
    }

    @Override
    public IndexStats stats() {
        return new IndexStats(size(), embedder.modelId(), embedder.dimensions());
    }

    /** The pool belongs to whoever made it; closing the index leaves it open. */
    @Override
    public void close() {}

    private static Passage passage(ResultSet rs) throws SQLException {
        var facets = new DocumentFacets(
                rs.getString("source"),
                rs.getString("title"),
                strings(rs, "authors"),
                rs.getString("licence"),
                rs.getString("language"),
                rs.getString("course"),
                strings(rs, "competencies"),
                rs.getString("resource_type"));
        return SentenceCodec.passage(
                rs.getString("id"),
                rs.getString("document_id"),
                rs.getInt("ordinal"),
                rs.getString("text"),
                strings(rs, "heading_path"),
                rs.getString("position"),
                facets,
                rs.getString("sentences"));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        var array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** The text-search configuration of a BCP 47 language tag. */
    static String config(String language) {
        var primary = LanguageDetector.primary(language);
        return CONFIGS.getOrDefault(primary, "simple");
    }

    /** A vector in pgvector's text form. */
    private static String vector(float[] values) {
        var text = new StringBuilder(values.length * 10).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(values[i]);
        }
        return text.append(']').toString();
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Compares dotted version numbers, ignoring any suffix after the numbers. */
    static int compareVersions(String a, String b) {
        var left = a.split("[^0-9]+");
        var right = b.split("[^0-9]+");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int l = i < left.length && !left[i].isEmpty() ? Integer.parseInt(left[i]) : 0;
            int r = i < right.length && !right[i].isEmpty() ? Integer.parseInt(right[i]) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + " failed in PostgreSQL: " + e.getMessage(), e);
    }
}
