package org.pathwise.retrieval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.sql.DataSource;

/**
 * A {@link PassageIndex} in PostgreSQL with pgvector: one row per passage with its facets, a {@code tsvector} built
 * with the text-search configuration of the passage's language ({@code english}, {@code french}, {@code spanish},
 * {@code german}, {@code italian}, {@code portuguese}, else {@code simple}) under a GIN index, and its embedding
 * under an HNSW index (cosine). Lexical search ORs the query's lexemes per configuration and ranks with
 * {@code ts_rank}; semantic search orders by cosine distance with {@code hnsw.iterative_scan = strict_order}, so a
 * selective filter still yields {@code k} hits; hybrid fuses both by reciprocal rank fusion, as the Lucene adapter
 * does. Scores are on the Lucene adapter's scales: semantic {@code (1 + cosine) / 2}, hybrid the fused score.
 *
 * <p>Every change is durable when its statement returns; {@link #commit} has nothing left to do. The embedding model
 * and its dimensions are kept in {@code passage_index_meta}; opening the index with another model is refused. Needs
 * pgvector 0.8 or later (iterative index scans).
 */
public final class PgVectorPassageIndex implements PassageIndex, VectorIndexProbe {

    private static final int MIN_FUSION_DEPTH = 50;
    private static final int EF_SEARCH = 100;
    private static final Map<String, String> CONFIGS = Map.of(
            "en", "english",
            "fr", "french",
            "es", "spanish",
            "de", "german",
            "it", "italian",
            "pt", "portuguese");
    private static final List<String> ALL_CONFIGS =
            List.of("english", "french", "spanish", "german", "italian", "portuguese", "simple");
    private static final String COLUMNS = "id, document_id, ordinal, text, heading_path, position, source, title,"
            + " authors, licence, language, course, competencies, resource_type";

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

    private void createSchema() {
        try (var connection = dataSource.getConnection()) {
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
            execute(connection, "CREATE INDEX IF NOT EXISTS passage_document ON passage (document_id, ordinal)");
            execute(connection, "CREATE INDEX IF NOT EXISTS passage_tsv ON passage USING gin (tsv)");
            execute(
                    connection,
                    "CREATE INDEX IF NOT EXISTS passage_embedding ON passage USING hnsw (embedding vector_cosine_ops)");
        } catch (SQLException e) {
            throw failure("opening the passage index", e);
        }
    }

    @Override
    public void index(Collection<Passage> passages) {
        var ids = new HashSet<String>();
        for (var passage : passages) {
            if (!ids.add(passage.id())) {
                throw new IllegalArgumentException("two passages share the id " + passage.id());
            }
        }
        if (passages.isEmpty()) {
            return;
        }
        var ordered = List.copyOf(passages);
        var vectors = embedder.embedPassages(
                ordered.stream().map(Passage::textWithContext).toList());
        var documents = new java.util.LinkedHashSet<String>();
        ordered.forEach(p -> documents.add(p.documentId()));
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (var delete = connection.prepareStatement("DELETE FROM passage WHERE document_id = ?")) {
                    for (var document : documents) {
                        delete.setString(1, document);
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
                try (var insert = connection.prepareStatement("INSERT INTO passage (" + COLUMNS
                        + ", ts_config, tsv, embedding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::regconfig,"
                        + " to_tsvector(?::regconfig, ?), ?::vector)")) {
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
                                connection.createArrayOf("text", p.headingPath().toArray()));
                        insert.setString(6, p.position());
                        insert.setString(7, f.source());
                        insert.setString(8, f.title());
                        insert.setArray(
                                9, connection.createArrayOf("text", f.authors().toArray()));
                        insert.setString(10, f.licence());
                        insert.setString(11, f.language());
                        insert.setString(12, f.course());
                        insert.setArray(
                                13,
                                connection.createArrayOf(
                                        "text", f.competencies().toArray()));
                        insert.setString(14, f.resourceType());
                        insert.setString(15, config);
                        insert.setString(16, config);
                        insert.setString(17, p.textWithContext());
                        insert.setString(18, vector(vectors.get(i)));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("indexing passages", e);
        }
    }

    @Override
    public void remove(String documentId) {
        try (var connection = dataSource.getConnection();
                var delete = connection.prepareStatement("DELETE FROM passage WHERE document_id = ?")) {
            delete.setString(1, documentId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("removing passages", e);
        }
    }

    /** Every statement commits on its own; nothing is left to make durable. */
    @Override
    public void commit() {}

    @Override
    public List<SearchHit> search(SearchRequest request) {
        try (var connection = dataSource.getConnection()) {
            List<SearchHit> hits = switch (request.mode()) {
                case LEXICAL -> lexical(connection, request.query(), request.filter(), request.k());
                case SEMANTIC -> semantic(connection, request.query(), request.filter(), request.k());
                case HYBRID -> hybrid(connection, request.query(), request.filter(), request.k());
            };
            return request.snippets() ? highlighting.snippets(hits, highlighting.queries(request.query())) : hits;
        } catch (SQLException e) {
            throw failure("searching", e);
        }
    }

    private List<SearchHit> lexical(Connection connection, String query, SearchFilter filter, int k)
            throws SQLException {
        var queries = orQueries(connection, query);
        if (queries.isEmpty()) {
            return List.of();
        }
        var match = new StringJoiner(" OR ", "(", ")");
        var rank = new StringBuilder("CASE ts_config");
        var params = new ArrayList<Object>();
        var rankParams = new ArrayList<Object>();
        queries.forEach((config, tsquery) -> {
            match.add("(ts_config = '" + config + "'::regconfig AND tsv @@ ?::tsquery)");
            params.add(tsquery);
            rank.append(" WHEN '").append(config).append("'::regconfig THEN ts_rank(tsv, ?::tsquery)");
            rankParams.add(tsquery);
        });
        rank.append(" ELSE 0 END");
        var where = new StringBuilder(" WHERE ").append(match);
        filter(filter, where, params);
        var sql = "SELECT " + COLUMNS + ", " + rank + " AS score FROM passage" + where
                + " ORDER BY score DESC, id LIMIT ?";
        var all = new ArrayList<>(rankParams);
        all.addAll(params);
        all.add(k);
        return hits(connection, sql, all);
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
    public long vectorIndexBytes() {
        try (var connection = dataSource.getConnection()) {
            return Long.parseLong(single(connection, "SELECT pg_relation_size('passage_embedding')"));
        } catch (SQLException e) {
            throw failure("measuring the vector index", e);
        }
    }

    private List<SearchHit> semantic(Connection connection, String query, SearchFilter filter, int k)
            throws SQLException {
        var vector = vector(embedder.embedQuery(query));
        var params = new ArrayList<Object>();
        params.add(vector);
        var where = new StringBuilder(" WHERE TRUE");
        filter(filter, where, params);
        params.add(vector);
        params.add(k);
        var sql = "SELECT " + COLUMNS + ", 1 - (embedding <=> ?::vector) / 2 AS score FROM passage" + where
                + " ORDER BY embedding <=> ?::vector, id LIMIT ?";
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            execute(connection, "SET LOCAL hnsw.ef_search = " + EF_SEARCH);
            execute(connection, "SET LOCAL hnsw.iterative_scan = strict_order");
            var hits = hits(connection, sql, params);
            connection.commit();
            return hits;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private List<SearchHit> hybrid(Connection connection, String query, SearchFilter filter, int k)
            throws SQLException {
        int depth = Math.max(k, MIN_FUSION_DEPTH);
        var lexical = lexical(connection, query, filter, depth);
        var semantic = semantic(connection, query, filter, depth);
        return fusion.fuse(List.of(lexical, semantic), hit -> hit.passage().id()).stream()
                .limit(k)
                .map(fused -> new SearchHit(fused.item().passage(), fused.score(), ""))
                .toList();
    }

    /** The query's lexemes ORed, per text-search configuration; a configuration that leaves no lexeme is absent. */
    private static Map<String, String> orQueries(Connection connection, String query) throws SQLException {
        var queries = new LinkedHashMap<String, String>();
        try (var statement =
                connection.prepareStatement("SELECT array_to_string(array_agg(quote_literal(lexeme)), ' | ') FROM"
                        + " unnest(tsvector_to_array(to_tsvector(?::regconfig, ?))) AS lexeme")) {
            for (var config : ALL_CONFIGS) {
                statement.setString(1, config);
                statement.setString(2, query);
                try (var rs = statement.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        queries.put(config, rs.getString(1));
                    }
                }
            }
        }
        return queries;
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
                    long frequency = frequency(connection, config, lexeme);
                    double weight = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
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
                "SELECT COUNT(*) FROM passage WHERE ts_config = ?::regconfig AND tsv @@ quote_literal(?)::tsquery")) {
            statement.setString(1, config);
            statement.setString(2, lexeme);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
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
        return new Passage(
                rs.getString("id"),
                rs.getString("document_id"),
                rs.getInt("ordinal"),
                rs.getString("text"),
                strings(rs, "heading_path"),
                rs.getString("position"),
                facets);
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        var array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** The text-search configuration of a BCP 47 language tag. */
    static String config(String language) {
        var primary = language.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
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
