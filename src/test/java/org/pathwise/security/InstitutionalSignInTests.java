package org.pathwise.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider (mock-oauth2-server, in the test's process): the
 * authorization-code flow from the sign-in page's link to a signed-in session, an account made on the first sign-in
 * with the role the institution's claim maps to, and the refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InstitutionalSignInTests {

    private static final String ISSUER = "university";
    private static final MockOAuth2Server PROVIDER = startProvider();
    private static final Path DATA_DIR = TestUsers.dataDir("pathwise-oidc");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
        registry.add("pathwise.library.sample-library", () -> "false");
        var registration = "spring.security.oauth2.client.registration.university.";
        registry.add(registration + "client-id", () -> "pathwise");
        registry.add(registration + "client-secret", () -> "a client secret");
        registry.add(registration + "client-name", () -> "the University");
        registry.add(registration + "scope", () -> "openid,profile");
        registry.add(
                "spring.security.oauth2.client.provider.university.issuer-uri",
                () -> PROVIDER.issuerUrl(ISSUER).toString());
        registry.add("pathwise.security.oidc.roles.teaching-staff", () -> "educator");
        registry.add("pathwise.security.oidc.roles.academic-development", () -> "admin");
    }

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    private static MockOAuth2Server startProvider() {
        var server = new MockOAuth2Server();
        server.start(0);
        return server;
    }

    /** A browser of its own: cookies kept, redirects followed across the two servers. */
    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The provider's next sign-in is of this person. */
    private static void nextSignIn(String username, List<String> roles) {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER,
                username + "-subject",
                "JWT",
                List.of("pathwise"),
                Map.of("preferred_username", username, "roles", roles),
                3600));
    }

    @Test
    void theSignInPageOffersTheInstitutionAndItsSignInMakesAnAccountWithTheMappedRole() throws Exception {
        var browser = browser();
        var page = get(browser, "/signin").body();
        assertThat(page).contains("Sign in with the University", "/oauth2/authorization/university");

        nextSignIn("ana.lecturer", List.of("library-users", "teaching-staff"));
        var landed = get(browser, "/oauth2/authorization/university");

        assertThat(landed.uri().getPath()).isEqualTo("/");
        assertThat(landed.body()).contains("ana.lecturer");
        assertThat(users.find("ana.lecturer").orElseThrow().role()).isEqualTo(Role.EDUCATOR);
        assertThat(get(browser, "/ask").statusCode()).isEqualTo(200);
        assertThat(get(browser, "/admin/users").statusCode()).isEqualTo(403);

        // the institution decides the role at each sign-in
        var again = browser();
        nextSignIn("ana.lecturer", List.of("academic-development"));
        assertThat(get(again, "/oauth2/authorization/university").uri().getPath())
                .isEqualTo("/");
        assertThat(users.find("ana.lecturer").orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(get(again, "/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void aPersonWithoutAMappedRoleOrWithADisabledAccountIsRefusedWithTheReason() throws Exception {
        nextSignIn("visiting.student", List.of("students"));
        var refused = get(browser(), "/oauth2/authorization/university");
        assertThat(refused.uri().getPath()).isEqualTo("/signin");
        assertThat(refused.uri().getQuery()).contains("refused");
        assertThat(refused.body()).contains("did not give you a Pathwise account");
        assertThat(users.find("visiting.student")).isEmpty();

        users.create("left.lecturer", "a long test password", Role.EDUCATOR);
        users.setEnabled("left.lecturer", false);
        nextSignIn("left.lecturer", List.of("teaching-staff"));
        var disabled = get(browser(), "/oauth2/authorization/university");
        assertThat(disabled.uri().getPath()).isEqualTo("/signin");
        assertThat(users.find("left.lecturer").orElseThrow().enabled()).isFalse();
    }
}
