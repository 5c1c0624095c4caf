package org.pathwise;

import java.io.PrintWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sub-command of the {@code pathwise} command line: a Spring bean of its module ({@code @Component} and picocli's
 * {@code @Command}), which takes what it uses as {@code ObjectProvider}s so that only the command that runs creates
 * them. The command line checks the arguments against a catalogue of the command beans alone (help and usage errors,
 * exit 2, come before anything starts), then starts the application without its web server and with lazy beans;
 * picocli's Spring factory gives it the commands, the arguments are parsed into the chosen one, and {@link #run} is
 * called.
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
    int run(PrintWriter out, PrintWriter err);

    /**
     * Whether the command, with the arguments it was given, embeds text or detects its language. The command line
     * then loads the embedding model and the language models on background threads while the application starts,
     * instead of after it (see {@code retrieval.ModelPreloading}).
     */
    default boolean usesModels() {
        return false;
    }

    /**
     * The command this one is a sub-command of, as {@code audit} for {@code audit benchmark}, when it belongs to
     * another module than that command (a tool that measures a module joins the module's command without the module
     * knowing it); empty for a command of its own, or for a sub-command its parent names.
     */
    default java.util.Optional<String> parent() {
        return java.util.Optional.empty();
    }

    /** Writes a value as one line of JSON, with the same mapper settings as the HTTP API. */
    static String json(Object value) {
        return Json.MAPPER.writeValueAsString(value);
    }

    /** The command line's JSON mapper, for reading what a command is given. */
    static JsonMapper mapper() {
        return Json.MAPPER;
    }

    /**
     * The command line's JSON mapper, made on its first use and not when a command is: an interface with a
     * default method is initialised with every class that implements it, and the command line makes every command.
     */
    final class Json {
        private static final JsonMapper MAPPER = JsonMapper.builder().build();

        private Json() {}
    }
}
