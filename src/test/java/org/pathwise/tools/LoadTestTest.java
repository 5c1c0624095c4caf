package org.pathwise.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load generator against two small HTTP servers standing in for instances, one of which fails every ask. */
class LoadTestTest {

    private final List<HttpServer> servers = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void countsRequestsPerKindAndInstanceAndReportsTheFailedOnes() throws Exception {
        var searches = new AtomicInteger();
        var healthy = instance(searches, 200);
        var failing = instance(searches, 503);
        var settings = new LoadTest.Settings(
                List.of(healthy, failing),
                "pw_test",
                4,
                Duration.ofMillis(600),
                Duration.ofMillis(100),
                0.5,
                List.of("How long should a video be?", "What is a rubric?"),
                7,
                0,
                List.of(),
                false);

        var result = LoadTest.run(settings);

        var all = result.byKind().get("all");
        assertThat(all.requests()).isPositive();
        assertThat(result.byKind().get("search").requests()
                        + result.byKind().get("ask").requests())
                .isEqualTo(all.requests());
        assertThat(result.byKind().get("search").errors()).isZero();
        assertThat(result.byKind().get("ask").errors()).isPositive();
        assertThat(result.byInstance().get(healthy.toString())[1]).isZero();
        assertThat(result.byInstance().get(failing.toString())[1]).isPositive();
        assertThat(result.firstErrors()).allSatisfy(error -> assertThat(error).startsWith("ask 503"));
        assertThat(all.latencyMs().p95()).isGreaterThanOrEqualTo(all.latencyMs().p50());
        assertThat(searches.get())
                .isGreaterThanOrEqualTo((int) result.byKind().get("search").requests());
    }

    @Test
    void countsTheAttackersApartByStatus() throws Exception {
        var searches = new AtomicInteger();
        var server = instance(searches, 200);
        var settings = new LoadTest.Settings(
                List.of(server),
                "pw_test",
                2,
                Duration.ofMillis(500),
                Duration.ofMillis(100),
                0,
                List.of("What is a rubric?"),
                7,
                3,
                List.of("admin"),
                false);

        var result = LoadTest.run(settings);

        assertThat(result.byKind().get("all").errors()).isZero();
        assertThat(result.attackRequests()).isPositive();
        assertThat(result.attacks()).containsOnlyKeys(401);
        assertThat(searches.get())
                .isGreaterThanOrEqualTo((int) (result.byKind().get("all").requests() + result.attackRequests()));
    }

    /** A server that answers searches with 200, and asks with {@code askStatus}, only with the right bearer token. */
    private URI instance(AtomicInteger searches, int askStatus) throws Exception {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", exchange -> {
            boolean authorised =
                    "Bearer pw_test".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean ask = exchange.getRequestURI().getPath().equals("/api/ask");
            if (!ask) {
                searches.incrementAndGet();
            }
            int status = !authorised ? 401 : ask ? askStatus : 200;
            var body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
