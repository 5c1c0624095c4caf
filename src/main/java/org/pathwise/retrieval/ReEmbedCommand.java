package org.pathwise.retrieval;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.pathwise.CliCommand;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** {@code pathwise re-embed}: rebuilds every vector of the index with the configured embedding model. */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "re-embed",
        description = "Rebuild the index's vectors with the configured embedding model.")
final class ReEmbedCommand implements CliCommand {

    private final ObjectProvider<Embedder> embedderProvider;
    private final Environment environment;

    ReEmbedCommand(ObjectProvider<Embedder> embedderProvider, Environment environment) {
        this.embedderProvider = embedderProvider;
        this.environment = environment;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        var dataDir = Path.of(environment.getRequiredProperty("pathwise.data-dir"));
        var embedder = embedderProvider.getObject();
        long count = LucenePassageIndex.reEmbed(dataDir.resolve("index"), embedder, done -> {});
        out.println("Re-embedded " + count + " passages with " + embedder.modelId() + ".");
        return OK;
    }
}
