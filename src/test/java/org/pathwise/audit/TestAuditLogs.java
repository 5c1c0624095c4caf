package org.pathwise.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.pathwise.MovableClock;
import org.pathwise.assistant.Answer;
import org.pathwise.assistant.AskResponse;
import org.pathwise.assistant.Interaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** An {@link AuditLog} on a fresh in-memory H2 database (migrated by Flyway), with a clock the test moves. */
public final class TestAuditLogs {

    private TestAuditLogs() {}

    /** A log and a way to run work in one transaction, for the tests of other modules. */
    public record Standalone(AuditLog log, TransactionTemplate transactions) {}

    /** A log in a database of its own, in memory, with a pseudonym key, for the tests of other modules. */
    public static Standalone standalone(Path dataDir) {
        var fixture = create(properties(), dataDir);
        return new Standalone(fixture.log(), fixture.transactions());
    }

    /** The log, its database and a way to run work in one transaction. */
    record Fixture(
            AuditLog log,
            AuditRecords records,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            MovableClock clock,
            javax.sql.DataSource dataSource) {

        /** Records an interaction in its own transaction, as the assistant does. */
        Interaction ask(String user, String question, String answer) {
            var interaction = interaction(user, question, answer);
            transactions.executeWithoutResult(
                    status -> log.recordInteraction(interaction, response(interaction, answer)));
            return interaction;
        }

        long count() {
            return jdbc.sql("SELECT COUNT(*) FROM audit_record")
                    .query(Long.class)
                    .single();
        }
    }

    static Fixture create(AuditProperties properties, Path dataDir) {
        return create(
                "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                properties,
                dataDir);
    }

    /** The log of a data directory's database, as the application opens it. */
    static Fixture ofDataDir(Path dataDir) {
        return create("jdbc:h2:file:" + dataDir.resolve("pathwise"), new AuditProperties(null, null, null), dataDir);
    }

    static Fixture create(String url, AuditProperties properties, Path dataDir) {
        var dataSource = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return create(dataSource, properties, dataDir);
    }

    /** The log of a PostgreSQL schema, migrated as server mode migrates it. */
    static Fixture onPostgres(javax.sql.DataSource dataSource, Path dataDir) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/postgresql")
                .load()
                .migrate();
        return create(dataSource, properties(), dataDir);
    }

    private static Fixture create(javax.sql.DataSource dataSource, AuditProperties properties, Path dataDir) {
        var jdbc = JdbcClient.create(dataSource);
        var clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));
        var log = new AuditLog(jdbc, dataSource, properties, dataDir, clock);
        return new Fixture(
                log,
                new AuditRecords(jdbc, dataSource, clock),
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                clock,
                dataSource);
    }

    static AuditProperties properties() {
        return new AuditProperties(null, "a test key of sufficient length", null);
    }

    static Interaction interaction(String user, String question, String answer) {
        return new Interaction(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                user,
                question,
                new Answer.Refused("out-of-scope", answer),
                List.of(),
                List.of(new Interaction.Retrieved("p-1", "guides/captions.md", 0.82)),
                "extractive",
                "",
                "",
                "pathwise-default/1.0",
                Map.of("retrieval", 12L, "composition", 3L),
                Instant.parse("2026-01-05T09:00:00Z"),
                "",
                "en");
    }

    static AskResponse response(Interaction interaction, String answer) {
        return new AskResponse(
                interaction.id(),
                interaction.conversation(),
                "refused",
                answer,
                List.of(),
                List.of(new AskResponse.VerdictView("out-of-scope", "refuse", "unrelated", "UNESCO 2021", "high", "")),
                List.of(),
                "",
                "AI-generated");
    }
}
