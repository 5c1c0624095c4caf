package org.pathwise.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pathwise.DoorTests;
import org.pathwise.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * LTI 1.3 launches from a simulated platform (its own keys, served by WireMock), driven over HTTP as a browser would
 * send them: the login initiation, then the launch with an {@code id_token} the platform signed, and each way a
 * launch must be refused.
 */
class LtiLaunchTests extends DoorTests {

    /** A platform of its own for each test class (the PostgreSQL variant runs these tests again). */
    private static SimulatedPlatform platform;

    @Autowired
    LtiPlatforms platforms;

    private LtiPlatform registered;

    @BeforeEach
    void register() {
        registered = platforms.withIssuer(platform.issuer()).stream()
                .findFirst()
                .orElseGet(() -> platforms.register(platform.registration("Faculty Moodle")));
    }

    @BeforeAll
    static void startPlatform() {
        platform = new SimulatedPlatform();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** A login initiation that the tool answered: the browser's cookies, and the state and nonce it sent. */
    record Login(HttpClient browser, String state, String nonce, URI authorisation) {}

    @Test
    void loginSendsTheBrowserToThePlatformWithTheOpenIdConnectParameters() throws Exception {
        var login = login("resource");

        assertThat(login.authorisation().toString()).startsWith(platform.url("/auth?"));
        var query = query(login.authorisation());
        assertThat(query)
                .containsEntry("scope", "openid")
                .containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post")
                .containsEntry("prompt", "none")
                .containsEntry("client_id", SimulatedPlatform.CLIENT_ID)
                .containsEntry("login_hint", "user-7")
                .containsEntry("lti_message_hint", "resource")
                .containsEntry("redirect_uri", "http://localhost:" + port + "/lti/launch");
        assertThat(login.state()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(login.nonce());
    }

    @Test
    void launchSignsTheInstructorInAndOpensTheAskPageOnTheirCourse() throws Exception {
        var login = login("resource");

        var launch = launch(
                login,
                platform.sign(platform.resourceLaunch(login.nonce(), "user-7").build()));

        assertThat(launch.statusCode()).isEqualTo(302);
        assertThat(launch.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/ask?course=dc-101"));
        var username = "lti" + registered.id() + "-user-7";
        assertThat(role(username)).isEqualTo(Role.EDUCATOR.name());
        var ask = get(login.browser(), "/ask?course=dc-101");
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains(username).containsPattern("<option value=\"dc-101\"\\s+selected");
    }

    @Test
    void theAskPageSpeaksThePlatformsLanguageWhenItIsWrittenInIt() throws Exception {
        var french = login("resource");
        var launch = launch(
                french,
                platform.sign(platform.resourceLaunch(french.nonce(), "user-40")
                        .claim(SimulatedPlatform.LTI + "launch_presentation", Map.of("locale", "fr-FR"))
                        .build()));

        assertThat(launch.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/ask?course=dc-101&lang=fr-FR"));
        assertThat(get(french.browser(), "/ask?course=dc-101&lang=fr-FR").body())
                .containsPattern("<html[^>]* lang=\"fr\"")
                .contains("Interroger la bibliothèque");

        var arabic = login("resource");
        var arabicLaunch = launch(
                arabic,
                platform.sign(platform.resourceLaunch(arabic.nonce(), "user-41")
                        .claim(SimulatedPlatform.LTI + "launch_presentation", Map.of("locale", "ar"))
                        .build()));
        var location = arabicLaunch.headers().firstValue("Location").orElseThrow();
        assertThat(get(arabic.browser(), location.substring(location.indexOf("/ask")))
                        .body())
                .containsPattern("<html[^>]* lang=\"ar\"")
                .containsPattern("<html[^>]* dir=\"rtl\"");

        // a language the pages are not written in leaves them in the browser's
        var swahili = login("resource");
        var swahiliLaunch = launch(
                swahili,
                platform.sign(platform.resourceLaunch(swahili.nonce(), "user-42")
                        .claim(SimulatedPlatform.LTI + "launch_presentation", Map.of("locale", "sw-KE"))
                        .build()));
        var swahiliLocation = swahiliLaunch.headers().firstValue("Location").orElseThrow();
        assertThat(get(swahili.browser(), swahiliLocation.substring(swahiliLocation.indexOf("/ask")))
                        .body())
                .containsPattern("<html[^>]* lang=\"en\"");
    }

    @Test
    void laterLaunchesUseTheSameAccountWithTheRoleThePlatformGivesNow() throws Exception {
        var first = login("resource");
        assertThat(launch(
                                first,
                                platform.sign(platform.resourceLaunch(first.nonce(), "user-20")
                                        .build()))
                        .statusCode())
                .isEqualTo(302);
        var second = login("resource");
        var administrator = platform.resourceLaunch(second.nonce(), "user-20")
                .claim(
                        SimulatedPlatform.LTI + "roles",
                        List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"))
                .build();

        assertThat(launch(second, platform.sign(administrator)).statusCode()).isEqualTo(302);

        assertThat(jdbc.sql("SELECT username FROM lti_account WHERE issuer = ? AND subject = ?")
                        .params(platform.issuer(), "user-20")
                        .query(String.class)
                        .list())
                .containsExactly("lti" + registered.id() + "-user-20");
        assertThat(role("lti" + registered.id() + "-user-20")).isEqualTo(Role.ADMIN.name());
    }

    @Test
    void aSubjectThatIsNoUsernameGetsAnAccountNamedByItsDigest() throws Exception {
        var login = login("resource");
        var subject = "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e/with spaces";

        assertThat(launch(
                                login,
                                platform.sign(platform.resourceLaunch(login.nonce(), subject)
                                        .build()))
                        .statusCode())
                .isEqualTo(302);

        var username = jdbc.sql("SELECT username FROM lti_account WHERE subject = ?")
                .param(subject)
                .query(String.class)
                .single();
        assertThat(username).matches("lti" + registered.id() + "-[0-9a-f]{24}");
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        var login = login("resource");

        var launch = launch(
                login,
                platform.signWithAnotherKey(
                        platform.resourceLaunch(login.nonce(), "user-7").build()));

        assertRefused(launch, 401, "signature does not verify with the platform's keys at " + platform.url("/jwks"));
    }

    @Test
    void refusesATokenSignedByAKeyThePlatformDoesNotPublish() throws Exception {
        var login = login("resource");

        var launch = launch(
                login,
                platform.signWithUnpublishedKey(
                        platform.resourceLaunch(login.nonce(), "user-7").build()));

        assertRefused(launch, 401, "signature does not verify with the platform's keys at " + platform.url("/jwks"));
    }

    @Test
    void refusesATokenForAnotherTool() throws Exception {
        var launch = launchWith("user-7", claims -> claims.audience("another-tool"));

        assertRefused(launch, 401, "its audience is not the client id " + SimulatedPlatform.CLIENT_ID);
    }

    @Test
    void refusesAReplayedLaunch() throws Exception {
        var login = login("resource");
        var token =
                platform.sign(platform.resourceLaunch(login.nonce(), "user-7").build());
        assertThat(launch(login, token).statusCode()).isEqualTo(302);

        // the launch ends the state's cookie, so the same browser replaying it is refused for that
        assertRefused(launch(login, token), 400, "did not start in this browser");
        // and one that kept the cookie finds the state used
        var replay = client().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lti/launch"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", "lti_state_" + login.state() + "=1")
                                .POST(HttpRequest.BodyPublishers.ofString("id_token="
                                        + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&state="
                                        + URLEncoder.encode(login.state(), StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertRefused(replay, 400, "expired or was used already");
    }

    @Test
    void refusesATokenWithAnotherLoginsNonce() throws Exception {
        var login = login("resource");
        var other = login("resource");

        var launch = launch(
                login,
                platform.sign(platform.resourceLaunch(other.nonce(), "user-7").build()));

        assertRefused(launch, 401, "its nonce is not the one this login sent");
    }

    @Test
    void refusesAnUnregisteredDeployment() throws Exception {
        var launch =
                launchWith("user-7", claims -> claims.claim(SimulatedPlatform.LTI + "deployment_id", "deployment-9"));

        assertRefused(launch, 401, "its deployment deployment-9 is not one of Faculty Moodle's registered deployments");
        var initiation = initiate(
                client(), Map.of("client_id", SimulatedPlatform.CLIENT_ID, "lti_deployment_id", "deployment-9"));
        assertRefused(initiation, 400, "The deployment deployment-9 is not one of Faculty Moodle");
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        var past = Instant.now().minusSeconds(600);

        var launch = launchWith(
                "user-7",
                claims -> claims.issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past)));

        assertRefused(launch, 401, "expired");
    }

    @Test
    void refusesAnotherLtiVersion() throws Exception {
        var launch = launchWith("user-7", claims -> claims.claim(SimulatedPlatform.LTI + "version", "1.1"));

        assertRefused(launch, 401, "it is LTI version 1.1; Pathwise speaks 1.3.0");
    }

    @Test
    void refusesADeepLinkingRequestWithoutAnHttpReturnUrl() throws Exception {
        var login = login("deep-linking");

        var launch = launch(
                login,
                platform.sign(platform.deepLinkingLaunch(login.nonce(), "user-7")
                        .claim(
                                SimulatedPlatform.DL + "deep_linking_settings",
                                Map.of("deep_link_return_url", "javascript:alert(1)"))
                        .build()));

        assertRefused(launch, 401, "its deep linking settings give no http(s) deep_link_return_url");
    }

    @Test
    void aCourseLevelAdministratorIsNoPathwiseAdministrator() throws Exception {
        var launch = launchWith(
                "user-9",
                claims -> claims.claim(
                        SimulatedPlatform.LTI + "roles",
                        List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator")));

        assertRefused(launch, 403, "(Administrator) give you no Pathwise role");
    }

    @Test
    void refusesATokenWhoseAuthorisedPartyIsAnotherClient() throws Exception {
        var launch = launchWith("user-7", claims -> claims.claim("azp", "another-tool"));

        assertRefused(launch, 401, "its audience is not the client id " + SimulatedPlatform.CLIENT_ID);
    }

    @Test
    void refusesAResourceLinkLaunchWithoutItsLinksId() throws Exception {
        var launch = launchWith(
                "user-7", claims -> claims.claim(SimulatedPlatform.LTI + "resource_link", Map.of("title", "x")));

        assertRefused(launch, 401, "its resource link has no id");
    }

    @Test
    void refusesALearnerWithAPageThatSaysWhy() throws Exception {
        var launch = launchWith(
                "user-8", claims -> claims.claim(SimulatedPlatform.LTI + "roles", List.of(SimulatedPlatform.LEARNER)));

        assertRefused(launch, 403, "your roles in Faculty Moodle (Learner) give you no Pathwise role");
        assertThat(users.find("lti" + registered.id() + "-user-8").isEmpty()).isTrue();
    }

    @Test
    void refusesALaunchPostedFromAnotherBrowser() throws Exception {
        var login = login("resource");
        var token =
                platform.sign(platform.resourceLaunch(login.nonce(), "user-7").build());

        var launch = post(client(), "/lti/launch", Map.of("id_token", token, "state", login.state()));

        assertRefused(launch, 400, "did not start in this browser");
    }

    @Test
    void refusesADisabledAccount() throws Exception {
        var first = login("resource");
        assertThat(launch(
                                first,
                                platform.sign(platform.resourceLaunch(first.nonce(), "user-30")
                                        .build()))
                        .statusCode())
                .isEqualTo(302);
        users.setEnabled("lti" + registered.id() + "-user-30", false);
        var second = login("resource");

        var launch = launch(
                second,
                platform.sign(platform.resourceLaunch(second.nonce(), "user-30").build()));

        assertRefused(launch, 403, "Your Pathwise account is disabled");
    }

    @Test
    void theDeepLinkingPagesNeedATicketTheToolSigned() throws Exception {
        var login = login("deep-linking");
        var launch = launch(
                login,
                platform.sign(
                        platform.deepLinkingLaunch(login.nonce(), "user-7").build()));
        var location = launch.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/lti/deep-linking?ticket=");

        // the ticket alone opens the page: no session, as in the platform's frame
        var page = get(client(), location.substring(location.indexOf("/lti/")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        policy -> assertThat(policy).contains("frame-ancestors 'self' " + platform.issuer()));
        // a ticket signed by another key, or none, is refused
        var forged = platform.sign(new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .audience("pathwise:lti-deep-linking")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("platform", registered.id())
                .claim("return_url", "https://attacker.example/return")
                .build());
        assertRefused(
                get(client(), "/lti/deep-linking?ticket=" + URLEncoder.encode(forged, StandardCharsets.UTF_8)),
                400,
                "has expired or is not Pathwise's");
        assertRefused(
                post(client(), "/lti/deep-linking", Map.of("ticket", "x.y.z", "title", "t")),
                400,
                "has expired or is not Pathwise's");
    }

    @Test
    void refusesAnUnregisteredIssuer() throws Exception {
        var initiation = initiate(client(), Map.of("iss", "https://moodle.elsewhere.example"));

        assertRefused(initiation, 400, "No platform with the issuer https://moodle.elsewhere.example is registered");
    }

    @Test
    void refusesALoginWithoutItsParameters() throws Exception {
        var initiation = post(client(), "/lti/login", Map.of("iss", platform.issuer()));

        assertRefused(initiation, 400, "The platform's request has no login_hint");
    }

    @Test
    void publishesTheToolsPublicKeysToAnyone() throws Exception {
        var jwks = get(client(), "/lti/jwks");

        assertThat(jwks.statusCode()).isEqualTo(200);
        var keys = com.nimbusds.jose.jwk.JWKSet.parse(jwks.body()).getKeys();
        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyType().getValue()).isEqualTo("RSA");
            assertThat(key.getKeyID()).isNotBlank();
        });
    }

    private String role(String username) {
        return jdbc.sql("SELECT role FROM app_user WHERE username = ?")
                .param(username)
                .query(String.class)
                .single();
    }

    private void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(response.body()))
                .contains(reason);
    }

    /** A login, then a launch of an instructor's resource link by {@code subject} with the claims changed. */
    private HttpResponse<String> launchWith(String subject, UnaryOperator<JWTClaimsSet.Builder> change)
            throws IOException, InterruptedException {
        var login = login("resource");
        return launch(
                login,
                platform.sign(change.apply(platform.resourceLaunch(login.nonce(), subject))
                        .build()));
    }

    /** A login initiation as the platform posts it, with the given parameters beside the issuer and the hint. */
    private HttpResponse<String> initiate(HttpClient browser, Map<String, String> parameters)
            throws IOException, InterruptedException {
        var form = new LinkedHashMap<String, String>();
        form.put("iss", platform.issuer());
        form.put("login_hint", "user-7");
        form.put("target_link_uri", "http://localhost:" + port + "/lti/launch");
        form.putAll(parameters);
        return post(browser, "/lti/login", form);
    }

    private Login login(String hint) throws IOException, InterruptedException {
        var browser = client();
        var response = initiate(
                browser,
                Map.of(
                        "lti_message_hint", hint,
                        "client_id", SimulatedPlatform.CLIENT_ID,
                        "lti_deployment_id", SimulatedPlatform.DEPLOYMENT_ID));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        var location = URI.create(response.headers().firstValue("Location").orElseThrow());
        var query = query(location);
        return new Login(browser, query.get("state"), query.get("nonce"), location);
    }

    private HttpResponse<String> launch(Login login, String idToken) throws IOException, InterruptedException {
        return post(login.browser(), "/lti/launch", Map.of("id_token", idToken, "state", login.state()));
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        var body = form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        var values = new LinkedHashMap<String, String>();
        for (var pair : uri.getRawQuery().split("&")) {
            var parts = pair.split("=", 2);
            values.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return values;
    }
}
