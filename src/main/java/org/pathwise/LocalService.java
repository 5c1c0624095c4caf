package org.pathwise;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The command line's way into a service that runs on the same data directory. A running service holds its data
 * directory (its database file is locked), so a command that only reads the library would otherwise refuse to run
 * beside it, and would start a second application for a one-line answer. Instead, the service writes where it listens
 * and a secret to {@value #FILE} in its data directory, readable by its owner alone like the rest of the directory, and
 * runs the commands of {@link #COMMANDS} it is sent on {@value #PATH}, from the local machine only, with that secret.
 *
 * <p>The protocol: a POST of the command's arguments as a JSON array of strings (the command first, without
 * {@code --data-dir}), the secret in the header {@value #TOKEN_HEADER}; the answer is what the command printed on
 * standard output as the body (UTF-8 text), its exit code in {@value #EXIT_HEADER} and what it printed on standard
 * error, percent-encoded, in {@value #ERROR_HEADER}. {@code bin/pathwise} speaks it with curl.
 */
final class LocalService {

    /** The file in the data directory that says where the service listens. */
    static final String FILE = "service.json";

    /** The path that runs a command. */
    static final String PATH = "/api/local/command";

    static final String TOKEN_HEADER = "Pathwise-Service-Token";
    static final String EXIT_HEADER = "Pathwise-Exit";
    static final String ERROR_HEADER = "Pathwise-Error";

    /** The commands a running service runs for the command line: those that only read the library. */
    static final List<String> COMMANDS = List.of("search", "ask");

    private static final Pattern FILE_SHAPE =
            Pattern.compile("\\{\"url\":\"(http://127\\.0\\.0\\.1:\\d{1,5})\",\"token\":\"([A-Za-z0-9_-]{32,})\"}");

    /**
     * Where a service listens and its secret.
     *
     * @param url its root, {@code http://127.0.0.1:PORT}
     * @param token the secret a command must send
     */
    record Endpoint(URI url, String token) {

        /**
         * The endpoint described by a {@value #FILE}, or empty when the text is not one. The file is the service's own,
         * in the one shape {@link #json} writes, which {@code bin/pathwise} reads with sed; reading it without a JSON
         * library keeps the command line's way to a service quick to start.
         */
        static Optional<Endpoint> parse(String json) {
            var matched = FILE_SHAPE.matcher(json.strip());
            return matched.matches()
                    ? Optional.of(new Endpoint(URI.create(matched.group(1)), matched.group(2)))
                    : Optional.empty();
        }

        String json() {
            return "{\"url\":\"" + url + "\",\"token\":\"" + token + "\"}\n";
        }
    }

    private LocalService() {}

    /** The data directory a command line means: {@code --data-dir}, else {@code $PATHWISE_DATA_DIR}, else ./data. */
    static Path dataDir(Path given) {
        if (given != null) {
            return given;
        }
        var environment = System.getenv("PATHWISE_DATA_DIR");
        return Path.of(environment == null || environment.isBlank() ? "./data" : environment);
    }

    /** The service running on a data directory, as its file says, or empty when there is no readable file. */
    static Optional<Endpoint> find(Path dataDir) {
        var file = dataDir.resolve(FILE);
        try {
            return Files.isReadable(file) ? Endpoint.parse(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs a command on the service and prints what it printed.
     *
     * @param args the command and its arguments
     * @return its exit code, or empty when no Pathwise service answers there (the file outlived its service): then the
     *     command runs here
     */
    static OptionalInt forward(Endpoint endpoint, List<String> args, PrintWriter out, PrintWriter err) {
        var request = HttpRequest.newBuilder(endpoint.url().resolve(PATH))
                .header("Content-Type", "application/json")
                .header(TOKEN_HEADER, endpoint.token())
                .POST(HttpRequest.BodyPublishers.ofString(jsonArray(args), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try (var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpTimeoutException e) {
            return OptionalInt.empty();
        } catch (IOException e) {
            err.println("pathwise: the service at " + endpoint.url() + " did not answer: " + e.getMessage());
            return OptionalInt.of(CliCommand.FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(CliCommand.FAILED);
        }
        var exit = response.headers().firstValue(EXIT_HEADER);
        boolean refused = response.statusCode() == 400 || response.statusCode() == 403;
        if (!refused && (response.statusCode() != 200 || exit.isEmpty())) {
            // not a Pathwise service: the file outlived its service, and another program has the port
            return OptionalInt.empty();
        }
        if (exit.isEmpty()) {
            err.println("pathwise: the service at " + endpoint.url() + " refused the command (HTTP "
                    + response.statusCode() + "); stop it to run the command here");
            return OptionalInt.of(CliCommand.FAILED);
        }
        out.print(response.body());
        out.flush();
        response.headers().firstValue(ERROR_HEADER).ifPresent(error -> {
            err.print(URLDecoder.decode(error, StandardCharsets.UTF_8));
            err.flush();
        });
        return OptionalInt.of(Integer.parseInt(exit.get()));
    }

    /** Strings as a JSON array. */
    static String jsonArray(List<String> strings) {
        var json = new StringBuilder("[");
        for (var string : strings) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"');
            string.codePoints().forEach(c -> {
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            json.append(String.format("\\u%04x", c));
                        } else {
                            json.appendCodePoint(c);
                        }
                    }
                }
            });
            json.append('"');
        }
        return json.append(']').toString();
    }

    /** What a command printed on standard error, as {@value #ERROR_HEADER} carries it. */
    static String encodeError(String error) {
        return URLEncoder.encode(error, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
