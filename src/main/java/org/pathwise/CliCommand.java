package org.pathwise;

import java.io.PrintWriter;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sub-command of the {@code pathwise} command line that needs the application's beans. The command line parses the
 * arguments first (a usage error exits with 2 before anything starts), then starts the application without its web
 * server and calls {@link #run}.
 */
public interface CliCommand {

    /** Exit code for success. */
    int OK = 0;

    /** Exit code when some input failed; a report says which. */
    int FAILED = 1;

    /** Exit code for a usage error. */
    int USAGE = 2;

    /**
     * Runs the command.
     *
     * @param out standard output, for the result
     * @param err standard error, for progress and one-line failures
     * @return the exit code
     */
    int run(ApplicationContext context, PrintWriter out, PrintWriter err);

    /** Writes a value as one line of JSON, with the same mapper settings as the HTTP API. */
    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** The JSON mapper of the command line. */
    JsonMapper JSON = JsonMapper.builder().build();
}
