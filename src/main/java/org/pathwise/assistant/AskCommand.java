package org.pathwise.assistant;

import java.io.PrintWriter;
import java.util.Map;
import org.pathwise.CliCommand;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pathwise ask "<question>" [--json]}. */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "ask",
        description = "Ask the library a question; the answer cites its sources.")
final class AskCommand implements CliCommand {

    /** The user the command line's interactions are recorded under. */
    static final String USER = "cli";

    @Parameters(index = "0", paramLabel = "QUESTION", description = "The question.")
    String question;

    @Option(names = "--json", description = "Print the answer as JSON.")
    boolean json;

    private final ObjectProvider<Assistant> assistantProvider;

    AskCommand(ObjectProvider<Assistant> assistantProvider) {
        this.assistantProvider = assistantProvider;
    }

    @Override
    public boolean usesModels() {
        return true;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        Question asked;
        try {
            asked = AskController.question(question, Map.of(), null, () -> USER);
        } catch (IllegalArgumentException e) {
            err.println("pathwise ask: " + e.getMessage());
            return USAGE;
        }
        var response = assistantProvider.getObject().ask(asked);
        if (json) {
            out.println(CliCommand.json(response));
            return OK;
        }
        out.println(response.answer());
        if (!response.note().isEmpty()) {
            out.println("(" + response.note() + ")");
        }
        for (var citation : response.citations()) {
            out.printf(
                    "[%d] %s%s — %s%n",
                    citation.marker(),
                    citation.source(),
                    citation.position().isEmpty() ? "" : " " + citation.position(),
                    citation.attribution());
        }
        if (!response.closest().isEmpty()) {
            out.println("Closest documents: " + String.join(", ", response.closest()));
        }
        return OK;
    }
}
