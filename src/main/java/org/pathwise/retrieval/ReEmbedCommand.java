package org.pathwise.retrieval;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.pathwise.CliCommand;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;

/** {@code pathwise re-embed}: rebuilds every vector of the index with the configured embedding model. */
@Command(name = "re-embed", description = "Rebuild the index's vectors with the configured embedding model.")
final class ReEmbedCommand implements CliCommand {

    @Override
    public int run(ApplicationContext context, PrintWriter out, PrintWriter err) {
        var dataDir = Path.of(context.getEnvironment().getRequiredProperty("pathwise.data-dir"));
        var embedder = context.getBean(Embedder.class);
        long count = LucenePassageIndex.reEmbed(dataDir.resolve("index"), embedder, done -> {});
        out.println("Re-embedded " + count + " passages with " + embedder.modelId() + ".");
        return OK;
    }
}
