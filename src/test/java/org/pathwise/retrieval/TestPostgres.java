package org.pathwise.retrieval;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL database that server-mode tests run against, named by {@code PATHWISE_TEST_DATABASE_URL} (and
 * {@code PATHWISE_TEST_DATABASE_USER}, {@code PATHWISE_TEST_DATABASE_PASSWORD}); {@code .ci/run} sets them up. Without
 * them the tests are skipped and say why, except under {@code CI=true}, where a skipped PostgreSQL test is a failure.
 * Each test gets a schema of its own, dropped afterwards.
 */
public final class TestPostgres {

    private TestPostgres() {}

    /** A data source on a new, empty schema (with {@code public}, where the extensions live, on the search path). */
    public static Schema newSchema() {
        var url = System.getenv("PATHWISE_TEST_DATABASE_URL");
        if (url == null || url.isBlank()) {
            var reason = "PostgreSQL tests need PATHWISE_TEST_DATABASE_URL (for example"
                    + " jdbc:postgresql://127.0.0.1:5432/pathwise_test) with the vector extension; .ci/run sets it up";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but " + reason);
            }
            Assumptions.abort(reason);
        }
        var name = "t_" + UUID.randomUUID().toString().replace("-", "");
        var admin = dataSource(url, null);
        try (var connection = admin.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("can't create a test schema in " + url + ": " + e.getMessage(), e);
        }
        return new Schema(name, dataSource(url, name), admin);
    }

    private static PGSimpleDataSource dataSource(String url, String schema) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        var user = System.getenv("PATHWISE_TEST_DATABASE_USER");
        if (user != null && !user.isBlank()) {
            dataSource.setUser(user);
        }
        var password = System.getenv("PATHWISE_TEST_DATABASE_PASSWORD");
        if (password != null) {
            dataSource.setPassword(password);
        }
        if (schema != null) {
            dataSource.setCurrentSchema(schema + ",public");
        }
        return dataSource;
    }

    /** A schema for one test and a data source whose search path starts with it. */
    public record Schema(String name, DataSource dataSource, DataSource admin) implements AutoCloseable {

        @Override
        public void close() {
            try (var connection = admin.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("can't drop the test schema " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
