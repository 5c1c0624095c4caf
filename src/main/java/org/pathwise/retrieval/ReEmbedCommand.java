package org.pathwise.retrieval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;
import org.pathwise.CliCommand;
import org.pathwise.Store;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/**
 * {@code pathwise re-embed}: rebuilds every vector of the index, in either store, with the configured embedding model,
 * showing its progress; a run that was stopped is resumed by the next one with the same model.
 */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "re-embed",
        description = "Rebuild the index's vectors with the configured embedding model (resumed when interrupted).")
final class ReEmbedCommand implements CliCommand {

    private final ObjectProvider<Embedder> embedderProvider;
    private final ObjectProvider<DataSource> dataSource;
    private final Environment environment;

    ReEmbedCommand(
            ObjectProvider<Embedder> embedderProvider, ObjectProvider<DataSource> dataSource, Environment environment) {
        this.embedderProvider = embedderProvider;
        this.dataSource = dataSource;
        this.environment = environment;
    }

    @Override
    public boolean usesModels() {
        return true;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        var embedder = embedderProvider.getObject();
        var bar = new ProgressLine(out, System.console() != null);
        long count = switch (Store.of(environment.getProperty("pathwise.store", "embedded"))) {
            case EMBEDDED -> {
                var dataDir = Path.of(environment.getRequiredProperty("pathwise.data-dir"));
                yield LucenePassageIndex.reEmbed(dataDir.resolve("index"), embedder, bar);
            }
            case POSTGRES -> PgVectorPassageIndex.reEmbed(dataSource.getObject(), embedder, bar);
        };
        bar.finish();
        out.println("Re-embedded " + count + " passages with " + embedder.modelId() + ".");
        return OK;
    }

    /**
     * The progress of a re-embedding: on a terminal one line rewritten in place, elsewhere (a log, a pipe) a line at
     * each further tenth of the way.
     */
    static final class ProgressLine implements PassageIndex.Progress {

        private static final int WIDTH = 30;

        private final PrintWriter out;
        private final boolean terminal;
        private int lastTenth = -1;
        private boolean drawn;

        ProgressLine(PrintWriter out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public void passages(long done, long total) {
            double share = total == 0 ? 1 : Math.min(1, (double) done / total);
            var figures =
                    String.format(Locale.ROOT, "%,d of %,d passages (%d%%)", done, total, Math.round(share * 100));
            if (terminal) {
                int filled = (int) Math.round(share * WIDTH);
                out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + figures);
                drawn = true;
            } else {
                int tenth = (int) Math.floor(share * 10);
                if (tenth > lastTenth) {
                    lastTenth = tenth;
                    out.println("re-embedded " + figures);
                }
            }
            out.flush();
        }

        /** Ends the line being rewritten, if any. */
        void finish() {
            if (drawn) {
                out.println();
            }
        }
    }
}
