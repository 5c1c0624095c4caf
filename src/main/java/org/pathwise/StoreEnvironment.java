package org.pathwise;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the data source and the schema migrations at the store that {@value Store#PROPERTY} chooses, before any
 * bean is created, so that the service and the command line see the same configuration.
 *
 * <p>For {@link Store#POSTGRES} it reads {@code pathwise.database.url} (a {@code jdbc:postgresql://} URL),
 * {@code .user}, {@code .password}, {@code .pool-size} and {@code .statement-timeout}, and adds the migrations' PostgreSQL
 * callbacks to Flyway's locations. An unknown store or a missing or foreign URL stops the start with a message that
 * names the variable to set.
 */
public final class StoreEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "pathwise-store";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var store = Store.of(environment.getProperty(Store.PROPERTY));
        if (store == Store.EMBEDDED) {
            DataDirectory.secure(Path.of(environment.getProperty("pathwise.data-dir", "./data")));
            return;
        }
        var url = postgresUrl(environment.getProperty("pathwise.database.url"), "PATHWISE_STORE=postgres");
        var timeout = statementTimeout(environment.getProperty("pathwise.database.statement-timeout", "30s"));
        var properties = new LinkedHashMap<String, Object>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        properties.put("spring.datasource.username", environment.getProperty("pathwise.database.user", ""));
        properties.put("spring.datasource.password", environment.getProperty("pathwise.database.password", ""));
        properties.put(
                "spring.datasource.hikari.maximum-pool-size",
                environment.getProperty("pathwise.database.pool-size", "10"));
        properties.put("spring.datasource.hikari.pool-name", "pathwise");
        // a statement that runs longer fails instead of holding a connection; a dead peer is noticed by keep-alives
        properties.put(
                "spring.datasource.hikari.data-source-properties.options",
                "-c statement_timeout=" + timeout.toMillis());
        properties.put("spring.datasource.hikari.data-source-properties.tcpKeepAlive", "true");
        properties.put("spring.datasource.hikari.data-source-properties.ApplicationName", "pathwise");
        properties.put("spring.flyway.locations", "classpath:db/migration,classpath:db/postgresql");
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.copyOf(properties)));
    }

    /**
     * The configured database URL, stripped, when it is a PostgreSQL JDBC URL.
     *
     * @param who what needs the URL, for the message
     * @throws IllegalStateException naming the variable to set when the URL is missing or another database's
     */
    public static String postgresUrl(String url, String who) {
        var stripped = url == null ? "" : url.strip();
        if (stripped.isEmpty()) {
            throw new IllegalStateException(who + " needs PATHWISE_DATABASE_URL (pathwise.database.url),"
                    + " for example jdbc:postgresql://localhost:5432/pathwise");
        }
        if (!stripped.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("PATHWISE_DATABASE_URL must be a PostgreSQL JDBC URL"
                    + " (jdbc:postgresql://host:5432/database), got '" + stripped + "'");
        }
        return stripped;
    }

    private static Duration statementTimeout(String value) {
        try {
            var timeout = DurationStyle.detectAndParse(value.strip());
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return timeout;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "pathwise.database.statement-timeout must be a positive duration such as 30s, got '" + value + "'",
                    e);
        }
    }
}
