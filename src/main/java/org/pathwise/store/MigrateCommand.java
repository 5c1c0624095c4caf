package org.pathwise.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import javax.sql.DataSource;
import org.pathwise.CliCommand;
import org.pathwise.Store;
import org.pathwise.StoreEnvironment;
import org.pathwise.audit.Verification;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.PassageIndex;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pathwise [--data-dir DIR] migrate --to postgres [--json]}: copies the embedded data directory into the
 * PostgreSQL database named by {@code PATHWISE_DATABASE_URL} (and {@code _USER}, {@code _PASSWORD}), which must hold
 * no data yet, then prints the rows of every table on both sides, the passages, and the audit chain verified there.
 * Exits 1 when a count differs or the chain does not verify to the same head.
 */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "migrate",
        description = "Copy the embedded data directory into PostgreSQL (server mode), vectors included, and verify.")
final class MigrateCommand implements CliCommand {

    private static final String NAME = "pathwise migrate: ";

    @Option(names = "--to", required = true, paramLabel = "STORE", description = "The store to copy into: postgres.")
    String to;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    private final ObjectProvider<DataSource> dataSourceProvider;
    private final ObjectProvider<PassageIndex> passageIndexProvider;
    private final ObjectProvider<Embedder> embedderProvider;
    private final Environment environment;

    MigrateCommand(
            ObjectProvider<DataSource> dataSourceProvider,
            ObjectProvider<PassageIndex> passageIndexProvider,
            ObjectProvider<Embedder> embedderProvider,
            Environment environment) {
        this.dataSourceProvider = dataSourceProvider;
        this.passageIndexProvider = passageIndexProvider;
        this.embedderProvider = embedderProvider;
        this.environment = environment;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        if (!"postgres".equals(to.strip().toLowerCase(Locale.ROOT))) {
            err.println(NAME + "--to must be postgres, got " + to);
            return USAGE;
        }

        if (Store.of(environment.getProperty(Store.PROPERTY)) != Store.EMBEDDED) {
            err.println(NAME + "migrate copies the embedded data directory: unset PATHWISE_STORE and name the target"
                    + " with PATHWISE_DATABASE_URL");
            return USAGE;
        }
        String url;
        try {
            url = StoreEnvironment.postgresUrl(
                    environment.getProperty("pathwise.database.url"), "migrate --to postgres");
        } catch (IllegalStateException e) {
            err.println(NAME + e.getMessage());
            return USAGE;
        }
        var migration = new Migration(
                dataSourceProvider.getObject(), passageIndexProvider.getObject(), embedderProvider.getObject());
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(environment.getProperty("pathwise.database.user", ""));
        config.setPassword(environment.getProperty("pathwise.database.password", ""));
        config.setMaximumPoolSize(4);
        config.setPoolName("pathwise-migrate");
        Migration.Report report;
        try (var target = new HikariDataSource(config)) {
            report = migration.toPostgres(target, step -> {
                err.println(NAME + step);
                err.flush();
            });
        } catch (Migration.MigrationException e) {
            err.println(NAME + e.getMessage());
            return FAILED;
        }
        if (json) {
            var result = new LinkedHashMap<String, Object>();
            var tables = new LinkedHashMap<String, Object>();
            report.tables()
                    .forEach(t -> tables.put(t.table(), java.util.Map.of("source", t.source(), "target", t.target())));
            result.put("tables", tables);
            result.put("passages", java.util.Map.of("source", report.passages(), "target", report.passagesCopied()));
            result.put("audit", describe(report.targetAudit()));
            result.put("seconds", report.took().toMillis() / 1000.0);
            result.put("verified", report.verified());
            out.println(CliCommand.json(result));
        } else {
            out.printf(Locale.ROOT, "%-24s %10s %10s%n", "table", "embedded", "postgres");
            report.tables()
                    .forEach(t -> out.printf(
                            Locale.ROOT,
                            "%-24s %10d %10d%s%n",
                            t.table(),
                            t.source(),
                            t.target(),
                            t.matches() ? "" : "  DIFFERS"));
            out.printf(Locale.ROOT, "%-24s %10d %10d%n", "passages", report.passages(), report.passagesCopied());
            out.println("audit chain in postgres: " + describe(report.targetAudit()));
            out.printf(
                    Locale.ROOT,
                    "%s in %.1f s%n",
                    report.verified() ? "copied and verified" : "copied, but NOT verified",
                    report.took().toMillis() / 1000.0);
        }
        out.flush();
        return report.verified() ? OK : FAILED;
    }

    private static String describe(Verification verification) {
        return switch (verification) {
            case Verification.Intact intact -> "intact, " + intact.records() + " records, head " + intact.head();
            case Verification.Broken broken -> "broken at record " + broken.seq() + ": " + broken.reason();
        };
    }
}
