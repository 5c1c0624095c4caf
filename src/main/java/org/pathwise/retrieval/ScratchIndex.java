package org.pathwise.retrieval;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A passage index that exists for one run (a benchmark) and leaves nothing behind when closed: a Lucene index in a
 * temporary folder, or a pgvector index in a temporary PostgreSQL schema. Everything else is the wrapped index's.
 */
final class ScratchIndex implements PassageIndex {

    private interface Cleanup {
        void run() throws IOException, SQLException;
    }

    private final PassageIndex index;
    private final Cleanup cleanup;

    private ScratchIndex(PassageIndex index, Cleanup cleanup) {
        this.index = index;
        this.cleanup = cleanup;
    }

    /** A Lucene index in a new folder under {@code parent}. */
    static ScratchIndex lucene(Path parent, Embedder embedder) {
        Path folder;
        try {
            folder = Files.createTempDirectory(parent, "pathwise-scratch-");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "can't create a temporary index folder in " + parent + ": " + e.getMessage(), e);
        }
        try {
            var index = LucenePassageIndex.open(folder.resolve("index"), embedder);
            return new ScratchIndex(index, () -> Folders.deleteRecursively(folder));
        } catch (RuntimeException e) {
            try {
                Folders.deleteRecursively(folder);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * A pgvector index in a new schema of a PostgreSQL database, through a small connection pool.
     *
     * @param url a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/pathwise}
     */
    static ScratchIndex postgres(String url, String user, String password, Embedder embedder) {
        var schema = "pathwise_scratch_" + UUID.randomUUID().toString().replace("-", "");
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setPoolName("pathwise-scratch");
        var pool = new HikariDataSource(config);
        try (var connection = pool.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("can't create a scratch schema in " + url + ": " + e.getMessage(), e);
        }
        config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setSchema(schema);
        config.setConnectionInitSql("SET search_path TO " + schema + ", public");
        config.setPoolName("pathwise-scratch-index");
        var scoped = new HikariDataSource(config);
        Cleanup drop = () -> {
            scoped.close();
            try (var connection = pool.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } finally {
                pool.close();
            }
        };
        try {
            return new ScratchIndex(PgVectorPassageIndex.open(scoped, embedder), drop);
        } catch (RuntimeException e) {
            try {
                drop.run();
            } catch (IOException | SQLException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    @Override
    public void index(Collection<Passage> passages) {
        index.index(passages);
    }

    @Override
    public void restore(Collection<EmbeddedPassage> passages) {
        index.restore(passages);
    }

    @Override
    public void remove(String documentId) {
        index.remove(documentId);
    }

    @Override
    public void commit() {
        index.commit();
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        return index.search(request);
    }

    @Override
    public double coverage(String query, List<Passage> passages) {
        return index.coverage(query, passages);
    }

    @Override
    public List<Passage> passagesOf(String documentId) {
        return index.passagesOf(documentId);
    }

    @Override
    public List<EmbeddedPassage> embeddedPassagesOf(String documentId) {
        return index.embeddedPassagesOf(documentId);
    }

    @Override
    public List<EmbeddedPassage> embedded(List<Passage> passages) {
        return index.embedded(passages);
    }

    @Override
    public int passageCount(String documentId) {
        return index.passageCount(documentId);
    }

    @Override
    public long size() {
        return index.size();
    }

    @Override
    public Set<String> known(Collection<String> words, String language) {
        return index.known(words, language);
    }

    @Override
    public Map<String, Long> languages() {
        return index.languages();
    }

    @Override
    public IndexStats stats() {
        return index.stats();
    }

    @Override
    public java.util.Optional<VectorIndexProbe> vectorIndexProbe() {
        return index.vectorIndexProbe();
    }

    /** Closes the index and deletes it. */
    @Override
    public void close() {
        index.close();
        try {
            cleanup.run();
        } catch (IOException e) {
            throw new UncheckedIOException("can't delete the scratch index: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("can't drop the scratch schema: " + e.getMessage(), e);
        }
    }
}
