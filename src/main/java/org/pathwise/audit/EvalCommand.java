package org.pathwise.audit;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.pathwise.CliCommand;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pathwise eval <beir-folder> [--json]}: the retrieval benchmark. */
@Command(name = "eval", description = "Measure retrieval quality and speed on a BEIR folder.")
public final class EvalCommand implements CliCommand {

    @Parameters(index = "0", paramLabel = "DATASET", description = "A BEIR folder.")
    Path dataset;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public int run(ApplicationContext context, PrintWriter out, PrintWriter err) {
        err.println("pathwise eval: not available yet");
        return FAILED;
    }
}
