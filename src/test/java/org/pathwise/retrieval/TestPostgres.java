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
        var url = url();
        var name = "t_" + UUID.randomUUID().toString().replace("-", "");
        var admin = dataSource(url, null);
        execute(admin, "CREATE SCHEMA " + name);
        return new Schema(name, dataSource(url, name), admin);
    }

    /**
     * Drops and creates a schema for a whole Spring test class in server mode; skips (or under CI fails) the class when
     * no database is configured. Such a class is annotated with
     * {@code @TestPropertySource(properties = {TestPostgres.SERVER_MODE, TestPostgres.URL + "<schema>,public",
     * TestPostgres.USER, TestPostgres.PASSWORD})} and calls this from {@code @BeforeAll}, before its context starts.
     */
    public static void freshSchema(String name) {
        var admin = dataSource(url(), null);
        execute(admin, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        execute(admin, "CREATE SCHEMA " + name);
    }

    /** The property that runs the service in server mode. */
    public static final String SERVER_MODE = "pathwise.store=postgres";

    /** The test database's URL as the service's, up to the schemas of its search path. */
    public static final String URL = "pathwise.database.url=${PATHWISE_TEST_DATABASE_URL:}?currentSchema=";

    public static final String USER = "pathwise.database.user=${PATHWISE_TEST_DATABASE_USER:}";

    public static final String PASSWORD = "pathwise.database.password=${PATHWISE_TEST_DATABASE_PASSWORD:}";

    /** The test database's URL; aborts the test (fails it under CI) when none is set. */
    static String url() {
        var url = System.getenv("PATHWISE_TEST_DATABASE_URL");
        if (url == null || url.isBlank()) {
            var reason = "PostgreSQL tests need PATHWISE_TEST_DATABASE_URL (for example"
                    + " jdbc:postgresql://127.0.0.1:5432/pathwise_test) with the vector extension; .ci/run sets it up";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but " + reason);
            }
            Assumptions.abort(reason);
        }
        return url;
    }

    private static void execute(DataSource dataSource, String sql) {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("can't run " + sql + ": " + e.getMessage(), e);
        }
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
