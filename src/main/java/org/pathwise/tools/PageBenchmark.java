package org.pathwise.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.pathwise.stats.Percentiles;

/**
 * How long a running instance takes to render its pages for one user: each page fetched {@code rounds} times in turn,
 * one request at a time, after {@code warmUp} uncounted rounds, signed in with HTTP Basic. On the instance's own
 * machine the time of a request is the server's time to render the page, plus a loopback round trip.
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
                .build();
        var basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        var timings = new ArrayList<Timing>();
        for (var page : settings.pages()) {
            var request = HttpRequest.newBuilder(settings.instance().resolve(page))
                    .header("Authorization", basic)
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
}
