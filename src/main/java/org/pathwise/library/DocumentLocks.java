package org.pathwise.library;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Keeps two ingestions, in this process or in another instance on the same database, from working on one document
 * at once: the second waits, then finds the document unchanged instead of indexing it again.
 */
interface DocumentLocks {

    /** A holder of locks for one ingestion run; locks are released by {@link Session#unlock} or at the latest on close. */
    Session open();

    interface Session extends AutoCloseable {

        /** Takes the document's lock if it is free; false when another run holds it. */
        boolean tryLock(String documentId);

        /** Takes the document's lock, waiting for the run that holds it. */
        void lock(String documentId);

        void unlock(String documentId);

        /** Releases every lock still held. */
        @Override
        void close();
    }

    /** For the embedded store, where one process owns the data and {@link Library} already takes turns. */
    static DocumentLocks inProcess() {
        return () -> new Session() {
            @Override
            public boolean tryLock(String documentId) {
                return true;
            }

            @Override
            public void lock(String documentId) {}

            @Override
            public void unlock(String documentId) {}

            @Override
            public void close() {}
        };
    }

    /**
     * PostgreSQL session-level advisory locks, keyed by the document id, held on one connection per run. The two-key
     * form with its own first key keeps them apart from other advisory locks.
     */
    static DocumentLocks postgres(DataSource dataSource) {
        return () -> new PostgresSession(dataSource);
    }

    final class PostgresSession implements Session {

        /** "PW": the first key of every document lock. */
        private static final int NAMESPACE = 0x5057;

        private final Connection connection;

        PostgresSession(DataSource dataSource) {
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException("can't open a connection for document locks: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean tryLock(String documentId) {
            return call("SELECT pg_try_advisory_lock(?, ?)", documentId);
        }

        @Override
        public void lock(String documentId) {
            call("SELECT pg_advisory_lock(?, ?) IS NULL", documentId);
        }

        @Override
        public void unlock(String documentId) {
            call("SELECT pg_advisory_unlock(?, ?)", documentId);
        }

        @Override
        public void close() {
            try (connection) {
                try (var statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock_all()");
                }
            } catch (SQLException e) {
                // closing the connection ends the session, which releases its locks anyway
            }
        }

        private boolean call(String sql, String documentId) {
            try (var statement = connection.prepareStatement(sql)) {
                statement.setInt(1, NAMESPACE);
                statement.setInt(2, key(documentId));
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("document lock for " + documentId + ": " + e.getMessage(), e);
            }
        }

        /** The first 32 bits of the id, itself the start of a SHA-256 in hex; any string works, with more waits. */
        static int key(String documentId) {
            try {
                return (int) Long.parseLong(documentId.substring(0, Math.min(8, documentId.length())), 16);
            } catch (NumberFormatException e) {
                return documentId.hashCode();
            }
        }
    }
}
