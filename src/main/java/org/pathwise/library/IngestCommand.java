package org.pathwise.library;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.pathwise.CliCommand;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pathwise ingest <folder> [--prune] [--json]}. */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "ingest",
        description = "Add or update the documents of a folder in the library.")
final class IngestCommand implements CliCommand {

    @Parameters(index = "0", paramLabel = "FOLDER", description = "The folder to ingest.")
    Path folder;

    @Option(names = "--prune", description = "Remove documents earlier ingested from this folder whose files are gone.")
    boolean prune;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    private final ObjectProvider<Library> libraryProvider;
    private final ObjectProvider<IngestMetrics> ingestMetricsProvider;

    IngestCommand(ObjectProvider<Library> libraryProvider, ObjectProvider<IngestMetrics> ingestMetricsProvider) {
        this.libraryProvider = libraryProvider;
        this.ingestMetricsProvider = ingestMetricsProvider;
    }

    @Override
    public boolean usesModels() {
        return true;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        if (!Files.isDirectory(folder)) {
            err.println("pathwise ingest: " + folder + " is not a folder");
            return USAGE;
        }
        var library = libraryProvider.getObject();
        var listener = ingestMetricsProvider.getObject();
        IngestReport report;
        if (System.console() != null && !json) {
            try (var bar = new ProgressBarBuilder()
                    .setTaskName("Ingesting")
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                    .build()) {
                report = library.ingest(folder, prune, progress(bar, listener));
            }
        } else {
            report = library.ingest(folder, prune, listener);
        }
        if (json) {
            out.println(CliCommand.json(asJson(report)));
        } else {
            print(report, out);
        }
        return report.allSucceeded() ? OK : FAILED;
    }

    /** The report in the command line's JSON shape. */
    static Map<String, Object> asJson(IngestReport report) {
        var json = new LinkedHashMap<String, Object>();
        json.put("indexed", report.indexed().size());
        json.put("unchanged", report.unchanged().size());
        json.put("removed", report.removed().size());
        json.put(
                "failed",
                report.failed().stream()
                        .map(f -> Map.of(
                                "source", f.source(), "reason", f.failure().reason()))
                        .toList());
        json.put("passages", report.passages());
        return json;
    }

    private static void print(IngestReport report, PrintWriter out) {
        out.printf(
                "Indexed %d (%d passages), unchanged %d, removed %d, failed %d.%n",
                report.indexed().size(),
                report.passages(),
                report.unchanged().size(),
                report.removed().size(),
                report.failed().size());
        for (var failed : report.failed()) {
            out.println("  failed: " + failed.source() + ": " + failed.failure().reason());
        }
        for (var removed : report.removed()) {
            out.println("  removed: " + removed);
        }
    }

    private static IngestListener progress(ProgressBar bar, IngestListener next) {
        return new IngestListener() {
            @Override
            public void started(int documents) {
                bar.maxHint(documents);
                next.started(documents);
            }

            @Override
            public void processed(IngestResult result) {
                bar.step();
                bar.setExtraMessage(
                        result.source().length() > 40
                                ? "…"
                                        + result.source()
                                                .substring(result.source().length() - 39)
                                : result.source());
                next.processed(result);
            }
        };
    }
}
