package org.pathwise.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Behind a TLS proxy (a loopback peer sending {@code X-Forwarded-Proto: https}) the request counts as secure: HSTS
 * is sent and the session cookie is Secure; it is SameSite=Lax and HttpOnly either way. Runs the real server,
 * because the forwarded headers are read by Tomcat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransportSecurityTests {

    private static final Path DATA_DIR = TestUsers.dataDir("pathwise-transport");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
        registry.add("pathwise.library.sample-library", () -> "false");
        registry.add("pathwise.security.bootstrap-admin-password", () -> "bootstrap password 1");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> signInPage(boolean forwardedHttps) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/signin"));
        if (forwardedHttps) {
            request.header("X-Forwarded-Proto", "https");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestForwardedOverHttpsGetsHstsAndASecureSessionCookie() throws Exception {
        var response = signInPage(true);

        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(response.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(cookie -> assertThat(cookie)
                        .contains("JSESSIONID=")
                        .contains("Secure")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
    }

    @Test
    void aPlainHttpRequestGetsNeitherHstsNorASecureCookie() throws Exception {
        var response = signInPage(false);

        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(response.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(
                        cookie -> assertThat(cookie).contains("SameSite=Lax").doesNotContain("Secure"));
    }
}
