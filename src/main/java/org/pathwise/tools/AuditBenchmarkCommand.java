package org.pathwise.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import org.pathwise.CliCommand;
import org.pathwise.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pathwise audit benchmark [--appends N] [--records N] [--json]}, on an empty data directory: a sub-command of
 * the audit module's {@code audit} ({@link #parent}), which times its log through {@link AuditLog}'s public methods
 * ({@link AuditBenchmark}). Exit codes: 0 on success, 2 on a usage error or a log that already holds records, 1 when
 * the export fails.
 */
@Component
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description = "Time the audit record of an answer and the export, on an empty data directory.")
final class AuditBenchmarkCommand implements CliCommand {

    private static final String NAME = "pathwise audit benchmark: ";

    @Option(names = "--appends", paramLabel = "N", description = "Records appended and timed one by one (2000).")
    int appends = 2000;

    @Option(names = "--records", paramLabel = "N", description = "Records in the log when it is exported (100000).")
    long records = 100_000;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    private final ObjectProvider<TransactionTemplate> transactionsProvider;
    private final ObjectProvider<AuditLog> auditLogProvider;

    AuditBenchmarkCommand(
            ObjectProvider<TransactionTemplate> transactionsProvider, ObjectProvider<AuditLog> auditLogProvider) {
        this.transactionsProvider = transactionsProvider;
        this.auditLogProvider = auditLogProvider;
    }

    @Override
    public Optional<String> parent() {
        return Optional.of("audit");
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        if (appends < 1 || records < appends) {
            err.println(NAME + "--appends must be >= 1 and --records >= --appends, got " + appends + " and " + records);
            return USAGE;
        }
        var log = auditLogProvider.getObject();
        long existing = log.records();
        if (existing > 0) {
            err.println(NAME + "the audit log of this data directory holds " + existing
                    + " records; run the benchmark with --data-dir on an empty directory");
            return USAGE;
        }
        var benchmark =
                new AuditBenchmark(log, transactionsProvider.getObject(), message -> err.println(NAME + message));
        AuditBenchmark.Report report;
        try {
            report = benchmark.run(appends, records);
        } catch (IOException e) {
            err.println(NAME + e.getMessage());
            return FAILED;
        }
        out.println(json ? CliCommand.json(report) : text(report));
        out.flush();
        return OK;
    }

    static String text(AuditBenchmark.Report r) {
        return String.format(
                java.util.Locale.ROOT,
                "append, one per transaction (%d records): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n"
                        + "export of %d records as JSON Lines: %.1f s, %.0f records/s, %.1f MB;"
                        + " peak heap %.0f MB of %.0f MB%n"
                        + "(filling the log to %d records took %.1f s)",
                r.appends(),
                r.appendMs().p50(),
                r.appendMs().p95(),
                r.appendMs().p99(),
                r.records(),
                r.exportSeconds(),
                r.exportRecordsPerS(),
                r.exportMegabytes(),
                r.peakHeapMb(),
                r.maxHeapMb(),
                r.records(),
                r.fillSeconds());
    }
}
