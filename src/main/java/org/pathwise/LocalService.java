package org.pathwise;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
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
 * {@code --data-dir}), the secret in the header {@value #TOKEN_HEADER} and a random nonce in {@value #NONCE_HEADER};
 * the answer is what the command printed on standard output as the body (UTF-8 text), its exit code in
 * {@value #EXIT_HEADER}, what it printed on standard error, percent-encoded, in {@value #ERROR_HEADER}, and in
 * {@value #PROOF_HEADER} a hash of the secret and the nonce ({@link #proof}). A client takes an answer only
 * with that proof: a file left by a service that was killed may name a port that another program, another user's,
 * listens on now. {@code bin/pathwise} speaks it with curl and sha256sum.
 */
final class LocalService {

    /** The file in the data directory that says where the service listens. */
    static final String FILE = "service.json";

    /** The path that runs a command. */
    static final String PATH = "/api/local/command";

    static final String TOKEN_HEADER = "Pathwise-Service-Token";
    static final String NONCE_HEADER = "Pathwise-Nonce";
    static final String PROOF_HEADER = "Pathwise-Proof";
    static final String EXIT_HEADER = "Pathwise-Exit";
    static final String ERROR_HEADER = "Pathwise-Error";

    /** The longest standard error a service sends back, so that its header stays well under a server's limit. */
    static final int MOST_ERROR_CHARS = 1_000;

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

    /**
     * The data directory a command line means: {@code --data-dir}, else the system property {@code pathwise.data-dir},
     * else {@code $PATHWISE_DATA_DIR}, else ./data.
     */
    static Path dataDir(Path given) {
        if (given != null) {
            return given;
        }
        var property = System.getProperty("pathwise.data-dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
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
     * @return its exit code, or empty when no service that knows the file's secret answers there (the file outlived
     *     its service, or the service refused the request): then the command runs here
     */
    static OptionalInt forward(Endpoint endpoint, List<String> args, PrintWriter out, PrintWriter err) {
        var nonce = randomText(16);
        var request = HttpRequest.newBuilder(endpoint.url().resolve(PATH))
                .header("Content-Type", "application/json")
                .header(TOKEN_HEADER, endpoint.token())
                .header(NONCE_HEADER, nonce)
                .timeout(ANSWER_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(jsonArray(args), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try (var client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .proxy(HttpClient.Builder.NO_PROXY)
                .build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(CliCommand.FAILED);
        }
        var proof = response.headers().firstValue(PROOF_HEADER).orElse("");
        var exit = response.headers().firstValue(EXIT_HEADER).orElse("");
        if (response.statusCode() != 200
                || !MessageDigest.isEqual(
                        proof.getBytes(StandardCharsets.UTF_8),
                        proof(endpoint.token(), nonce).getBytes(StandardCharsets.UTF_8))
                || !exit.matches("\\d{1,3}")) {
            return OptionalInt.empty();
        }
        out.print(response.body());
        out.flush();
        response.headers().firstValue(ERROR_HEADER).ifPresent(error -> {
            err.print(URLDecoder.decode(error, StandardCharsets.UTF_8));
            err.flush();
        });
        return OptionalInt.of(Integer.parseInt(exit));
    }

    /** How long a command may take on the service: a question to a slow language model takes minutes. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(10);

    /**
     * What proves that an answer comes from the service that wrote the file: the SHA-256 of the secret, a colon and
     * the nonce, in hexadecimal. A keyed hash rather than an HMAC so that {@code bin/pathwise} computes it with
     * {@code sha256sum} from its standard input, never with the secret on a command line that other users can list; a
     * fresh random nonce for each request leaves nothing to extend.
     */
    static String proof(String token, String nonce) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest((token + ":" + nonce).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** {@code bytes} random bytes as Base64url text without padding. */
    static String randomText(int bytes) {
        var random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Strings as a JSON array. Written here rather than with Jackson, which the application has: loading Jackson from
     * the jar added about 0.37 s to a command that {@code java -jar} sends to a service (1.70 s against 1.33 s, the
     * median of six runs of each, taking turns), which only needs to escape a few strings.
     */
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
        var sent = error.length() > MOST_ERROR_CHARS ? error.substring(0, MOST_ERROR_CHARS) + "…\n" : error;
        return URLEncoder.encode(sent, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
