package org.pathwise.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.pathwise.DoorTests;
import org.pathwise.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform registrations' API: administrators register, read, change and remove; errors are problems. */
class LtiPlatformApiTests extends DoorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    private static String body(String issuer, String clientId, String jwksUrl, String deployments) {
        return """
                {"name": "Campus Canvas", "issuer": "%s", "clientId": "%s",
                 "authUrl": "https://canvas.example.edu/api/lti/authorize_redirect",
                 "tokenUrl": "https://canvas.example.edu/login/oauth2/token",
                 "jwksUrl": "%s", "deploymentIds": [%s]}""".formatted(issuer, clientId, jwksUrl, deployments);
    }

    @Test
    void anAdministratorRegistersReadsChangesAndRemovesAPlatform() throws Exception {
        var admin = token("lti-api-admin", Role.ADMIN);

        var created = send(
                admin,
                "POST",
                "/api/lti/platforms",
                body(
                        "https://canvas.example.edu",
                        "10000000000042",
                        "https://canvas.example.edu/api/lti/security/jwks",
                        "\"42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var platform = JSON.readTree(created.body());
        var id = platform.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/lti/platforms/" + id);
        assertThat(platform.get("deploymentIds").get(0).asString())
                .isEqualTo("42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");

        assertThat(json(send(admin, "GET", "/api/lti/platforms", null)).findValuesAsString("issuer"))
                .contains("https://canvas.example.edu");

        var changed = send(
                admin,
                "PUT",
                "/api/lti/platforms/" + id,
                body(
                        "https://canvas.example.edu",
                        "10000000000042",
                        "https://canvas.example.edu/api/lti/security/jwks",
                        "\"42:a\", \"43:b\""));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(send(admin, "GET", "/api/lti/platforms/" + id, null))
                        .get("deploymentIds")
                        .toString())
                .isEqualTo("[\"42:a\",\"43:b\"]");

        assertThat(send(admin, "DELETE", "/api/lti/platforms/" + id, null).statusCode())
                .isEqualTo(204);
        var gone = send(admin, "GET", "/api/lti/platforms/" + id, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("detail").asString()).contains("there is no LTI platform " + id);
    }

    @Test
    void aRegistrationWithAPlainHttpUrlIsAProblemThatNamesIt() throws Exception {
        var admin = token("lti-api-admin", Role.ADMIN);

        var response = send(
                admin,
                "POST",
                "/api/lti/platforms",
                body("https://moodle.example.edu", "abc", "http://moodle.example.edu/mod/lti/certs.php", "\"1\""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("detail").asString())
                .isEqualTo("the JWKS URL must be an https URL (http only on localhost), got"
                        + " 'http://moodle.example.edu/mod/lti/certs.php'");
        assertThat(json(send(admin, "GET", "/api/lti/platforms", null)).findValuesAsString("issuer"))
                .doesNotContain("https://moodle.example.edu");
    }

    @Test
    void aRegistrationWithoutADeploymentIsAProblem() throws Exception {
        var admin = token("lti-api-admin", Role.ADMIN);

        var response = send(
                admin,
                "POST",
                "/api/lti/platforms",
                body("https://moodle.example.edu", "abc", "https://moodle.example.edu/mod/lti/certs.php", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asString()).startsWith("give at least one deployment id");
    }

    @Test
    void theSameIssuerAndClientTwiceIsAConflict() throws Exception {
        var admin = token("lti-api-admin", Role.ADMIN);
        var registration = body(
                "https://moodle.twice.example.edu",
                "client-1",
                "https://moodle.twice.example.edu/mod/lti/certs.php",
                "\"1\"");
        assertThat(send(admin, "POST", "/api/lti/platforms", registration).statusCode())
                .isEqualTo(201);

        var again = send(admin, "POST", "/api/lti/platforms", registration);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").asString()).contains("is registered already");
    }

    @Test
    void educatorsMayNotManagePlatforms() throws Exception {
        var educator = token("lti-api-educator", Role.EDUCATOR);

        assertThat(send(educator, "GET", "/api/lti/platforms", null).statusCode())
                .isEqualTo(403);
        assertThat(send(
                                educator,
                                "POST",
                                "/api/lti/platforms",
                                body("https://x.example", "c", "https://x.example/k", "\"1\""))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theToolsUrlsAreWhatAPlatformNeeds() throws Exception {
        var tool = json(send(token("lti-api-admin", Role.ADMIN), "GET", "/api/lti/tool", null));

        var base = "http://localhost:" + port;
        assertThat(tool.get("login_url").asString()).isEqualTo(base + "/lti/login");
        assertThat(tool.get("redirect_url").asString()).isEqualTo(base + "/lti/launch");
        assertThat(tool.get("jwks_url").asString()).isEqualTo(base + "/lti/jwks");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String token, String method, String path, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
