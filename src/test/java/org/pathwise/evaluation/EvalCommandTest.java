package org.pathwise.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pathwise.TestProviders.none;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.CliCommand;
import org.pathwise.library.DocumentSplitter;
import org.pathwise.retrieval.Embedder;
import org.springframework.core.env.StandardEnvironment;

class EvalCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs the command without an application: a dataset problem is found before any bean is needed. */
    private int run(Path dataset, Integer limitQueries) {
        var command = new EvalCommand(
                none(DocumentSplitter.class),
                none(Embedder.class),
                new StandardEnvironment(),
                none(EvalRuns.class),
                none(Evaluations.class));
        command.dataset = dataset;
        command.limitQueries = limitQueries;
        return command.run(new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aMissingFolderExitsWithTwoAndOneLineNamingIt() {
        var missing = folder.resolve("no-such-dataset");

        assertThat(run(missing, null)).isEqualTo(CliCommand.USAGE);
        assertThat(err.toString().lines()).containsExactly("pathwise eval: " + missing + " is not a folder");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFolderWithoutCorpusExitsWithTwo() {
        assertThat(run(folder, null)).isEqualTo(CliCommand.USAGE);
        assertThat(err.toString()).contains("corpus.jsonl");
    }

    @Test
    void anIncompleteDatasetExitsWithOne() throws IOException {
        Files.writeString(folder.resolve("corpus.jsonl"), "{\"_id\": \"d1\", \"text\": \"a\"}\n");

        assertThat(run(folder, null)).isEqualTo(CliCommand.FAILED);
        assertThat(err.toString().lines()).singleElement().asString().contains("queries.jsonl");
    }

    @Test
    void aQueryLimitBelowOneIsAUsageError() {
        assertThat(run(folder, 0)).isEqualTo(CliCommand.USAGE);
        assertThat(err.toString()).contains("--limit-queries must be >= 1, got 0");
    }

    @Test
    void theTableShowsEveryFigure() {
        var modes = new LinkedHashMap<String, BenchmarkReport.Quality>();
        modes.put("lexical", new BenchmarkReport.Quality(0.6789, 0.9253, 300));
        modes.put("semantic", new BenchmarkReport.Quality(0.7127, 0.9400, 300));
        modes.put("hybrid", new BenchmarkReport.Quality(0.7301, 0.9600, 300));
        var report = new BenchmarkReport(
                "beir-scifact",
                new BenchmarkReport.Corpus(5183, 6000),
                300,
                modes,
                new BenchmarkReport.Ingest(40.5, 45.0, 1000, 0.9, 148.1, 256, 42.0, 0.964, 22.5, 2.0),
                new BenchmarkReport.Latency(
                        new BenchmarkReport.Run(12.5, 20.25, 30.75, 1, 300, 10, 70.2),
                        new BenchmarkReport.Run(50, 90, 120, 8, 2400, 10, 110.4)),
                812.3,
                "bge-small-en-v1.5-q",
                null,
                null);

        var table = EvalCommand.table(report);

        assertThat(table)
                .contains("beir-scifact: 5183 documents, 6000 passages, 300 test queries")
                .contains("bge-small-en-v1.5-q")
                .containsPattern("lexical\\s+0\\.6789\\s+0\\.9253")
                .containsPattern("hybrid\\s+0\\.7301\\s+0\\.9600")
                .contains("40.5 passages/s", "45.0 passages/s on 1000 passages", "ratio 0.900")
                .contains("with their sentences 42.0 passages/s, ratio 0.964")
                .contains("LangChain4j runs it by default 22.5 passages/s; model here / default 2.000")
                .containsPattern("1 thread\\s+12\\.50\\s+20\\.25\\s+30\\.75")
                .containsPattern("8 threads\\s+50\\.00\\s+90\\.00\\s+120\\.00")
                .contains("peak heap  812.3 MB");
    }
}
