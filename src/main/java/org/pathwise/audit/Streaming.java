package org.pathwise.audit;

import java.util.function.Supplier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs a query whose rows are read one at a time. PostgreSQL streams with a fetch size inside a transaction; H2
 * otherwise materialises a result (up to tens of thousands of rows in memory) before handing over its first row, so on
 * H2 the session's lazy query execution is turned on for the duration. Call it inside a transaction, so that the
 * setting and the query share one connection.
 */
final class Streaming {

    private Streaming() {}

    static <T> T lazily(JdbcTemplate jdbc, Supplier<T> work) {
        boolean h2 = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>)
                connection -> "H2".equals(connection.getMetaData().getDatabaseProductName())));
        if (!h2) {
            return work.get();
        }
        jdbc.execute("SET LAZY_QUERY_EXECUTION TRUE");
        try {
            return work.get();
        } finally {
            jdbc.execute("SET LAZY_QUERY_EXECUTION FALSE");
        }
    }
}
