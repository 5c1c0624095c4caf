package org.pathwise.tools;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.pathwise.stats.Percentiles;

/**
 * How long a running instance takes to render its pages for one user: each page fetched {@code rounds} times in turn,
 * one request at a time, after {@code warmUp} uncounted rounds, in one session opened by signing in on the sign-in
 * page (as a browser does: HTTP Basic on every request would time the password's hashing instead). On the instance's
 * own machine the time of a request is the server's time to render the page, plus a loopback round trip.
 */
final class PageBenchmark {

    /**
     * What to measure.
     *
     * @param instance the base URL, such as {@code http://localhost:8080}
     * @param username who signs in
     * @param password their password
     * @param pages the paths to fetch, such as {@code /ask}
     * @param rounds counted fetches of each page
     * @param warmUp uncounted fetches of each page first
     */
    record Settings(URI instance, String username, String password, List<String> pages, int rounds, int warmUp) {

        Settings {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            pages = List.copyOf(pages);
            if (pages.isEmpty()) {
                throw new IllegalArgumentException("name at least one page");
            }
            for (var page : pages) {
                if (!page.startsWith("/")) {
                    throw new IllegalArgumentException("a page is a path that starts with /, got " + page);
                }
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
            }
            if (warmUp < 0) {
                throw new IllegalArgumentException("the warm-up must be 0 or more rounds, got " + warmUp);
            }
        }
    }

    /**
     * One page's figures.
     *
     * @param page its path
     * @param status the HTTP status of its last fetch
     * @param bytes the size of its last body
     * @param millis the counted fetches' percentiles; null when the page did not answer 200
     */
    record Timing(String page, int status, int bytes, Percentiles millis) {

        boolean ok() {
            return status == 200;
        }
    }

    private PageBenchmark() {}

    static List<Timing> run(Settings settings) throws IOException, InterruptedException {
        var client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
        signIn(client, settings);
        var timings = new ArrayList<Timing>();
        for (var page : settings.pages()) {
            var request = HttpRequest.newBuilder(settings.instance().resolve(page))
                    .header("Accept", "text/html")
                    .timeout(Duration.ofSeconds(60))
                    .GET()
                    .build();
            var millis = new double[settings.rounds()];
            HttpResponse<byte[]> response = null;
            for (int round = 0; round < settings.warmUp() + settings.rounds(); round++) {
                long start = System.nanoTime();
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 200) {
                    break;
                }
                if (round >= settings.warmUp()) {
                    millis[round - settings.warmUp()] = elapsed;
                }
            }
            timings.add(new Timing(
                    page,
                    response.statusCode(),
                    response.body().length,
                    response.statusCode() == 200 ? Percentiles.of(millis) : null));
        }
        return timings;
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /**
     * Signs in on the sign-in page, as its form does: the session cookie stays with the client.
     *
     * @throws IllegalStateException when the page has no form token or the credentials are refused
     */
    static void signIn(HttpClient client, Settings settings) throws IOException, InterruptedException {
        var form = client.send(
                HttpRequest.newBuilder(settings.instance().resolve("/signin"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var token = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException(
                    settings.instance() + "/signin has no sign-in form (status " + form.statusCode() + ")");
        }
        var body = "username=" + encode(settings.username()) + "&password=" + encode(settings.password()) + "&_csrf="
                + encode(token.group(1));
        var signedIn = client.send(
                HttpRequest.newBuilder(settings.instance().resolve("/signin"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        var location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("signing in as " + settings.username() + " was refused");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
