package org.pathwise.store;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.pathwise.Cli;
import org.pathwise.audit.AuditLog;
import org.pathwise.audit.Verification;
import org.pathwise.retrieval.EmbeddedPassage;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.PassageIndex;

/**
 * Copies an embedded store (H2 and its Lucene index) into an empty PostgreSQL database: the schema by the same
 * migrations, then every passage with its stored vector (nothing is embedded again), then every table in one
 * transaction, in an order that puts referenced rows first; then it counts both sides and verifies the audit chain
 * there. A failure removes what was copied, so the target is left as it was.
 */
final class Migration {

    /** Tables that the application fills as it runs; the target must hold none of their rows. */
    private static final List<String> CONTENT = List.of(
            "library_document",
            "app_user",
            "conversation",
            "interaction",
            "audit_record",
            "eval_run",
            "pathways_course");

    private static final int BATCH = 500;

    private final DataSource source;
    private final PassageIndex sourceIndex;
    private final Embedder embedder;

    /**
     * @param source the embedded database
     * @param sourceIndex its passage index
     * @param embedder the embedding model both indexes use
     */
    public Migration(DataSource source, PassageIndex sourceIndex, Embedder embedder) {
        this.source = source;
        this.sourceIndex = sourceIndex;
        this.embedder = embedder;
    }

    /**
     * Rows of one table on both sides.
     *
     * @param table the table's name
     * @param source rows in the embedded database
     * @param target rows in PostgreSQL after the copy
     */
    public record TableCount(String table, long source, long target) {

        public boolean matches() {
            return source == target;
        }
    }

    /**
     * What a migration copied and found.
     *
     * @param tables every table, in the order copied
     * @param passages passages in the embedded index
     * @param passagesCopied passages in PostgreSQL after the copy
     * @param sourceAudit the audit chain of the embedded database
     * @param targetAudit the audit chain of PostgreSQL after the copy
     * @param took how long it took
     */
    public record Report(
            List<TableCount> tables,
            long passages,
            long passagesCopied,
            Verification sourceAudit,
            Verification targetAudit,
            Duration took) {

        public Report {
            tables = List.copyOf(tables);
        }

        /** Every count matches and the audit chain verifies in PostgreSQL as it did before, to the same head. */
        public boolean verified() {
            return tables.stream().allMatch(TableCount::matches)
                    && passages == passagesCopied
                    && targetAudit instanceof Verification.Intact copied
                    && sourceAudit instanceof Verification.Intact original
                    && copied.head().equals(original.head())
                    && copied.records() == original.records();
        }
    }

    /** Thrown when the target is not empty or the copy fails; the target is left as it was. */
    public static final class MigrationException extends RuntimeException {
        MigrationException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Copies everything into {@code target}, reporting progress in one line per step.
     *
     * @throws MigrationException when the target already holds data or a step fails
     */
    public Report toPostgres(DataSource target, Consumer<String> progress) {
        long started = System.nanoTime();
        progress.accept("creating the schema");
        Flyway.configure()
                .dataSource(target)
                .locations("classpath:db/migration", "classpath:db/postgresql")
                .load()
                .migrate();
        var tables = tablesInOrder();
        requireEmpty(target);
        var index = PassageIndex.postgres(target, embedder);
        var documents = documentIds();
        progress.accept("copying the passages of " + documents.size() + " documents");
        var copied = new ArrayList<String>();
        try {
            copyPassages(documents, index, copied);
            progress.accept("copying " + tables.size() + " tables");
            copyTables(tables, target);
        } catch (RuntimeException | SQLException e) {
            copied.forEach(index::remove);
            throw new MigrationException("the copy failed and was undone: " + Cli.rootMessage(e), e);
        }
        progress.accept("verifying");
        var counts = new ArrayList<TableCount>();
        for (var table : tables) {
            counts.add(new TableCount(table, count(source, table), count(target, table)));
        }
        return new Report(
                counts,
                sourceIndex.size(),
                index.size(),
                AuditLog.verify(source),
                AuditLog.verify(target),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void copyPassages(List<String> documents, PassageIndex index, List<String> copied) {
        var batch = new ArrayList<EmbeddedPassage>();
        var batchDocuments = new ArrayList<String>();
        for (var document : documents) {
            batch.addAll(sourceIndex.embeddedPassagesOf(document));
            batchDocuments.add(document);
            if (batch.size() >= BATCH) {
                copied.addAll(batchDocuments);
                index.restore(batch);
                batch.clear();
                batchDocuments.clear();
            }
        }
        copied.addAll(batchDocuments);
        index.restore(batch);
    }

    /** Copies every table in one transaction: old rows that migrations seeded are replaced. */
    private void copyTables(List<String> tables, DataSource target) throws SQLException {
        try (var from = source.getConnection();
                var to = target.getConnection()) {
            to.setAutoCommit(false);
            try {
                for (var table : tables.reversed()) {
                    try (var delete = to.createStatement()) {
                        delete.executeUpdate("DELETE FROM " + table);
                    }
                }
                for (var table : tables) {
                    copyTable(from, to, table);
                }
                restartIdentities(to);
                to.commit();
            } catch (SQLException | RuntimeException e) {
                to.rollback();
                throw e;
            }
        }
    }

    private static void copyTable(Connection from, Connection to, String table) throws SQLException {
        try (var read = from.createStatement()) {
            read.setFetchSize(BATCH);
            try (var rows = read.executeQuery("SELECT * FROM " + table)) {
                var meta = rows.getMetaData();
                int columns = meta.getColumnCount();
                var names = new ArrayList<String>();
                for (int c = 1; c <= columns; c++) {
                    names.add(meta.getColumnName(c).toLowerCase(Locale.ROOT));
                }
                var sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
                try (var insert = to.prepareStatement(sql)) {
                    int pending = 0;
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            var value = rows.getObject(c);
                            insert.setObject(
                                    c, value instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : value);
                        }
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        insert.executeBatch();
                    }
                }
            }
        }
    }

    /** Identity columns go on from the largest id copied, so the next row inserted gets a new one. */
    private static void restartIdentities(Connection to) throws SQLException {
        var identities = new ArrayList<String[]>();
        try (var statement = to.createStatement();
                var rs = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
            while (rs.next()) {
                identities.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (var identity : identities) {
            try (var statement = to.createStatement()) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + identity[0] + "', '" + identity[1]
                        + "'), COALESCE(MAX(" + identity[1] + "), 0) + 1, false) FROM " + identity[0]);
            }
        }
    }

    /** The embedded database's tables, each after the tables it references. */
    List<String> tablesInOrder() {
        try (var connection = source.getConnection()) {
            var meta = connection.getMetaData();
            var references = new LinkedHashMap<String, Set<String>>();
            try (var tables = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    var name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!name.equals("flyway_schema_history")) {
                        references.put(name, new LinkedHashSet<>());
                    }
                }
            }
            for (var table : references.keySet()) {
                try (var keys = meta.getImportedKeys(null, connection.getSchema(), table.toUpperCase(Locale.ROOT))) {
                    while (keys.next()) {
                        references.get(table).add(keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            var ordered = new LinkedHashSet<String>();
            while (ordered.size() < references.size()) {
                int before = ordered.size();
                references.forEach((table, referenced) -> {
                    if (!ordered.contains(table) && ordered.containsAll(referenced)) {
                        ordered.add(table);
                    }
                });
                if (ordered.size() == before) {
                    throw new IllegalStateException("the tables reference each other in a cycle");
                }
            }
            return List.copyOf(ordered);
        } catch (SQLException e) {
            throw new IllegalStateException("can't list the embedded database's tables: " + e.getMessage(), e);
        }
    }

    private void requireEmpty(DataSource target) {
        var occupied = new LinkedHashMap<String, Long>();
        for (var table : CONTENT) {
            long rows = count(target, table);
            if (rows > 0) {
                occupied.put(table, rows);
            }
        }
        if (!occupied.isEmpty()) {
            throw new MigrationException(
                    "the target database already holds data (" + describe(occupied) + "): migrate needs an empty one",
                    null);
        }
    }

    private List<String> documentIds() {
        try (var connection = source.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT id FROM library_document ORDER BY id")) {
            var ids = new ArrayList<String>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("can't list the documents: " + e.getMessage(), e);
        }
    }

    private static long count(DataSource dataSource, String table) {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("can't count the rows of " + table + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Map<String, Long> rows) {
        var parts = new ArrayList<String>();
        rows.forEach((table, count) -> parts.add(count + " in " + table));
        return String.join(", ", parts);
    }
}
