package org.pathwise.evaluation;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.pathwise.CliCommand;
import org.pathwise.Store;
import org.pathwise.library.DocumentSplitter;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.PassageIndex;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathwise eval <beir-folder> [--json] [--limit-queries N]}: the retrieval benchmark ({@link RetrievalBenchmark})
 * on a BEIR folder, indexed into a temporary index that is deleted afterwards.
 *
 * <p>The result goes to standard output, as a table or, with {@code --json}, as one line in the shape of
 * {@link BenchmarkReport}; progress goes to standard error. Exit codes: 0 when the run completes, 2 when the folder
 * does not exist or has no {@code corpus.jsonl}, 1 on any other failure (one line on standard error says why).
 */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "eval",
        description = "Measure retrieval quality and speed on a BEIR folder.")
final class EvalCommand implements CliCommand {

    private static final String NAME = "pathwise eval: ";

    @Parameters(index = "0", paramLabel = "DATASET", description = "A BEIR folder.")
    Path dataset;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(
            names = "--limit-queries",
            paramLabel = "N",
            description = "Use only the first N test queries, for a quick run (default: all).")
    Integer limitQueries;

    @Option(
            names = "--baseline",
            paramLabel = "RUN",
            description =
                    "For a question set: a stored run's id, or a report.json or eval --json file to compare with.")
    String baseline;

    @Option(
            names = "--max-drop",
            paramLabel = "METRIC=VALUE",
            description = "For a question set with --baseline: fail (exit 1) when METRIC falls by more than VALUE"
                    + " below the baseline's interval (rises above it, for false_refusal_rate,"
                    + " false_abstention_rate and the latencies). Repeatable.")
    java.util.List<String> maxDrops = new java.util.ArrayList<>();

    @Option(
            names = "--split",
            paramLabel = "PART",
            defaultValue = "all",
            description = "For a question set: ask only its test or calibration questions (test, calibration or all;"
                    + " default all). A line's \"split\" says; else only a …calibration….jsonl set is calibration.")
    Split.Selection split;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "For a question set: run it on the service at URL (which holds its data directory while it"
                    + " runs) instead of on --data-dir; the service stores the run and its report.")
    String url;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "With --url: a bearer token (default: $PATHWISE_TOKEN) of a researcher or administrator.")
    String token;

    @Option(
            names = "--report-dir",
            paramLabel = "DIR",
            defaultValue = "eval/reports",
            description = "For a question set: where the run's report.html and report.json go (default eval/reports).")
    Path reportDir;

    private final ObjectProvider<DocumentSplitter> documentSplitterProvider;
    private final ObjectProvider<Embedder> embedderProvider;
    private final Environment environment;
    private final ObjectProvider<EvalRuns> evalRunsProvider;
    private final ObjectProvider<Evaluations> evaluationsProvider;

    EvalCommand(
            ObjectProvider<DocumentSplitter> documentSplitterProvider,
            ObjectProvider<Embedder> embedderProvider,
            Environment environment,
            ObjectProvider<EvalRuns> evalRunsProvider,
            ObjectProvider<Evaluations> evaluationsProvider) {
        this.documentSplitterProvider = documentSplitterProvider;
        this.embedderProvider = embedderProvider;
        this.environment = environment;
        this.evalRunsProvider = evalRunsProvider;
        this.evaluationsProvider = evaluationsProvider;
    }

    /** A question set run here embeds the questions; one sent to a service with {@code --url} does not. */
    @Override
    public boolean usesModels() {
        return url == null;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        if (java.nio.file.Files.isRegularFile(dataset)) {
            return url == null
                    ? QuestionSetRun.run(this, evalRunsProvider, evaluationsProvider, out, err)
                    : RemoteRun.run(this, out, err);
        }
        if (url != null) {
            err.println(NAME + "--url runs a question set (a .jsonl file), not a BEIR folder: " + dataset);
            return USAGE;
        }
        var settings = RetrievalBenchmark.Settings.DEFAULTS;
        if (limitQueries != null) {
            if (limitQueries < 1) {
                err.println(NAME + "--limit-queries must be >= 1, got " + limitQueries);
                return USAGE;
            }
            settings = settings.withQueryLimit(limitQueries);
        }
        BeirDataset data;
        try {
            data = BeirDataset.load(dataset);
        } catch (BeirDatasetException e) {
            err.println(NAME + e.getMessage());
            return e.kind().isUsageError() ? USAGE : FAILED;
        }
        err.println(NAME + "loaded " + dataset + ": " + data.corpus().size() + " documents, "
                + data.testQueries().size() + " test queries");
        var splitter = documentSplitterProvider.getObject();
        var embedder = embedderProvider.getObject();
        var benchmark = new RetrievalBenchmark(
                splitter::passagesOf, embedder, settings, message -> err.println(NAME + message));

        // the store and its URL were checked when the application started (StoreEnvironment)
        var store = Store.of(environment.getProperty(Store.PROPERTY));
        java.util.function.Supplier<PassageIndex> scratch = switch (store) {
            case EMBEDDED -> () -> PassageIndex.scratchLucene(Path.of(System.getProperty("java.io.tmpdir")), embedder);
            case POSTGRES ->
                () -> PassageIndex.scratchPostgres(
                        environment.getProperty("pathwise.database.url", "").strip(),
                        environment.getProperty("pathwise.database.user", ""),
                        environment.getProperty("pathwise.database.password", ""),
                        embedder);
        };
        BenchmarkReport report;
        try {
            report = benchmark.run(data, store == Store.EMBEDDED ? "lucene" : "postgres", scratch);
        } catch (RuntimeException e) {
            err.println(NAME + dataset + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return FAILED;
        }
        out.println(json ? CliCommand.json(report) : table(report));
        out.flush();
        return OK;
    }

    /** The report as a table for people. */
    static String table(BenchmarkReport report) {
        var text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%s: %d documents, %d passages, %d test queries; embedding model %s; store %s%n%n",
                report.dataset(),
                report.corpus().documents(),
                report.corpus().passages(),
                report.queries(),
                report.embeddingModel(),
                report.store() == null ? "embedded (Lucene)" : report.store()));
        text.append(String.format(Locale.ROOT, "%-10s %8s %11s%n", "mode", "nDCG@10", "recall@100"));
        report.modes()
                .forEach((mode, quality) -> text.append(String.format(
                        Locale.ROOT, "%-10s %8.4f %11.4f%n", mode, quality.ndcgAt10(), quality.recallAt100())));
        var ingest = report.ingest();
        text.append(String.format(
                Locale.ROOT,
                "%ningest     %.1f passages/s (%.1f s); embedding model alone %.1f passages/s on %d passages;"
                        + " ratio %.3f; with their sentences %.1f passages/s, ratio %.3f%n",
                ingest.passagesPerS(),
                ingest.seconds(),
                ingest.embeddingModelPassagesPerS(),
                ingest.embeddingSample(),
                ingest.ratio(),
                ingest.embeddingModelWithSentencesPassagesPerS(),
                ingest.ratioWithSentences()));
        if (ingest.langchain4jDefaultPassagesPerS() != null) {
            text.append(String.format(
                    Locale.ROOT,
                    "           the same model as LangChain4j runs it by default %.1f passages/s; model here / default %.3f%n",
                    ingest.langchain4jDefaultPassagesPerS(),
                    ingest.ratioToLangchain4jDefault()));
        }
        text.append(String.format(
                Locale.ROOT,
                "%nhybrid search latency, ms (query embedding included)%n%-12s %8s %8s %8s %12s%n",
                "",
                "p50",
                "p95",
                "p99",
                "searches/s"));
        for (var run : new BenchmarkReport.Run[] {
            report.latencyMs().single(), report.latencyMs().concurrent8()
        }) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-12s %8.2f %8.2f %8.2f %12.1f%n",
                    run.threads() == 1 ? "1 thread" : run.threads() + " threads",
                    run.p50(),
                    run.p95(),
                    run.p99(),
                    run.searchesPerS()));
        }
        if (report.vectorIndex() != null) {
            text.append(String.format(
                    Locale.ROOT,
                    "%nvector index recall@10 %.4f against exact search, %.1f MB",
                    report.vectorIndex().recallAt10(),
                    report.vectorIndex().sizeMb()));
        }
        text.append(String.format(Locale.ROOT, "%npeak heap  %.1f MB", report.peakHeapMb()));
        return text.toString();
    }
}
