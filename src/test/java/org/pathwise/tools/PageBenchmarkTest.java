package org.pathwise.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The page benchmark against a small HTTP server with a sign-in form, a page for the user and one that is not. */
class PageBenchmarkTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void timesEachPageTheUserMayOpenAndReportsTheOthersByStatus() throws Exception {
        var fetches = new AtomicInteger();
        var authorizations = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/signin", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                var form = "<form><input type=\"hidden\" name=\"_csrf\" value=\"t0ken\"></form>"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, form.length);
                exchange.getResponseBody().write(form);
            } else {
                var posted = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean right = posted.equals("username=teacher&password=s%26cret&_csrf=t0ken");
                exchange.getResponseHeaders().add("Location", right ? "/" : "/signin?error");
                if (right) {
                    exchange.getResponseHeaders().add("Set-Cookie", "SESSION=abc; Path=/");
                }
                exchange.sendResponseHeaders(302, -1);
            }
            exchange.close();
        });
        server.createContext("/ask", exchange -> {
            fetches.incrementAndGet();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")));
            var body = "<html><title>Ask</title></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/admin/users", exchange -> {
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
        });
        server.start();
        var base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        var timings = PageBenchmark.run(
                new PageBenchmark.Settings(base, "teacher", "s&cret", List.of("/ask", "/admin/users"), 5, 2));

        assertThat(fetches).hasValue(7);
        assertThat(authorizations).containsOnly("SESSION=abc");
        assertThat(timings).extracting(PageBenchmark.Timing::page).containsExactly("/ask", "/admin/users");
        assertThat(timings.get(0).ok()).isTrue();
        assertThat(timings.get(0).bytes()).isEqualTo(31);
        assertThat(timings.get(0).millis().p95())
                .isGreaterThanOrEqualTo(timings.get(0).millis().p50());
        assertThat(timings.get(1).status()).isEqualTo(403);
        assertThat(timings.get(1).millis()).isNull();
    }

    @Test
    void saysSoWhenTheSignInIsRefused() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/signin", exchange -> {
            var form = "<input type=\"hidden\" name=\"_csrf\" value=\"x\">".getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(200, form.length);
                exchange.getResponseBody().write(form);
            } else {
                exchange.getResponseHeaders().add("Location", "/signin?error");
                exchange.sendResponseHeaders(302, -1);
            }
            exchange.close();
        });
        server.start();
        var base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        assertThatThrownBy(() ->
                        PageBenchmark.run(new PageBenchmark.Settings(base, "teacher", "wrong", List.of("/ask"), 1, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("signing in as teacher was refused");
    }

    @Test
    void refusesAPageThatIsNotAPath() {
        assertThatThrownBy(() ->
                        new PageBenchmark.Settings(URI.create("http://localhost:8080"), "u", "p", List.of("ask"), 5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a page is a path that starts with /, got ask");
    }
}
