package org.pathwise.lti;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.web.util.HtmlUtils;

/**
 * A learning platform for the tests: its own RSA key pair, whose public half WireMock serves as the platform's JWKS,
 * an authorisation endpoint that answers a login with a page whose form posts a signed launch back to the tool (the
 * kind of launch named by the login's {@code lti_message_hint}), a course page with a button that starts a login, and
 * a Deep Linking return URL that records what the tool sends.
 */
final class SimulatedPlatform implements AutoCloseable {

    static final String CLIENT_ID = "pathwise-client";
    static final String DEPLOYMENT_ID = "deployment-1";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    private final RSAKey key = generate("platform-key");
    private final WireMockServer server;

    SimulatedPlatform() {
        server = new WireMockServer(
                WireMockConfiguration.options().dynamicPort().extensions(new AuthorisationEndpoint()));
        server.start();
        server.stubFor(get(urlPathEqualTo("/jwks"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(new JWKSet(key.toPublicJWK()).toString())));
        server.stubFor(
                get(urlPathEqualTo("/auth")).willReturn(aResponse().withTransformers(AuthorisationEndpoint.NAME)));
        server.stubFor(
                post(urlPathEqualTo("/deep-link-return"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "text/html")
                                        .withBody(
                                                "<!DOCTYPE html><html><head><title>Course</title></head><body><p id=received>Link received</p></body></html>")));
    }

    String issuer() {
        return "http://localhost:" + server.port();
    }

    String url(String path) {
        return issuer() + path;
    }

    WireMockServer server() {
        return server;
    }

    /** The registration an administrator would make of this platform. */
    PlatformRegistration registration(String name) {
        return new PlatformRegistration(
                name, issuer(), CLIENT_ID, url("/auth"), url("/token"), url("/jwks"), List.of(DEPLOYMENT_ID));
    }

    /**
     * Serves a course page at {@code path} whose button starts a login at the tool, for a launch of kind
     * {@code hint} ("resource", "deep-linking", "learner").
     */
    void coursePage(String path, String toolBase, String hint) {
        var page = "<!DOCTYPE html><html><head><title>Course</title></head><body>"
                + "<form method=post action='" + toolBase + "/lti/login'>"
                + hidden("iss", issuer()) + hidden("login_hint", "user-7")
                + hidden("target_link_uri", toolBase + "/lti/launch")
                + hidden("lti_message_hint", hint) + hidden("client_id", CLIENT_ID)
                + hidden("lti_deployment_id", DEPLOYMENT_ID)
                + "<button id=launch type=submit>Open Pathwise</button></form></body></html>";
        server.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(page)));
    }

    /** Serves at {@code path} a page of the platform that shows {@code framed} (another of its pages) in a frame. */
    void framingPage(String path, String framed) {
        server.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html")
                        .withBody("<!DOCTYPE html><html><head><title>Select content</title></head><body>"
                                + "<iframe id=tool title=tool width=1000 height=700 src='" + framed + "'></iframe>"
                                + "</body></html>")));
    }

    /** The claims of an instructor's resource-link launch from the course DC-101, answering {@code nonce}. */
    JWTClaimsSet.Builder resourceLaunch(String nonce, String subject) {
        var now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(CLIENT_ID)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce)
                .claim("name", "Amina Diallo")
                .claim(LTI + "message_type", "LtiResourceLinkRequest")
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "deployment_id", DEPLOYMENT_ID)
                .claim(LTI + "target_link_uri", "http://tool/lti/launch")
                .claim(LTI + "resource_link", Map.of("id", "link-1", "title", "Ask Pathwise"))
                .claim(LTI + "roles", List.of(INSTRUCTOR))
                .claim(LTI + "context", Map.of("id", "course-42", "label", "DC-101", "title", "Digital course design"));
    }

    /** The claims of an instructor's Deep Linking request from the course DC-201. */
    JWTClaimsSet.Builder deepLinkingLaunch(String nonce, String subject) {
        return resourceLaunch(nonce, subject)
                .claim(LTI + "message_type", "LtiDeepLinkingRequest")
                .claim(LTI + "resource_link", null)
                .claim(LTI + "context", Map.of("id", "course-43", "label", "DC-201", "title", "Assessment"))
                .claim(
                        DL + "deep_linking_settings",
                        Map.of(
                                "deep_link_return_url", url("/deep-link-return"),
                                "accept_types", List.of("ltiResourceLink"),
                                "data", "opaque-platform-data"));
    }

    /** The claims signed by the platform's key. */
    String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** The claims signed by another key that claims to be the platform's (same key id). */
    String signWithAnotherKey(JWTClaimsSet claims) {
        return sign(claims, generate(key.getKeyID()));
    }

    /** The claims signed by a key the platform does not publish. */
    String signWithUnpublishedKey(JWTClaimsSet claims) {
        return sign(claims, generate("unpublished-key"));
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hidden(String name, String value) {
        return "<input type=hidden name='" + name + "' value='" + HtmlUtils.htmlEscape(value) + "'>";
    }

    /**
     * The platform's OpenID Connect authorisation endpoint: the person is signed in to the platform, so it answers
     * at once with a page whose form posts the launch (form_post response mode) to the tool's redirect URI.
     */
    private final class AuthorisationEndpoint implements ResponseDefinitionTransformerV2 {

        static final String NAME = "lti-authorisation";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var request = event.getRequest();
            var nonce = request.queryParameter("nonce").firstValue();
            var state = request.queryParameter("state").firstValue();
            var redirect = request.queryParameter("redirect_uri").firstValue();
            var hint = request.queryParameter("lti_message_hint").isPresent()
                    ? request.queryParameter("lti_message_hint").firstValue()
                    : "resource";
            UnaryOperator<JWTClaimsSet.Builder> kind = switch (hint) {
                case "learner" -> claims -> claims.claim(LTI + "roles", List.of(LEARNER));
                default -> claims -> claims;
            };
            var claims = hint.equals("deep-linking")
                    ? deepLinkingLaunch(nonce, "user-7")
                    : kind.apply(resourceLaunch(nonce, hint.equals("learner") ? "user-8" : "user-7"));
            var page = "<!DOCTYPE html><html><head><title>Signing in</title></head><body>"
                    + "<form method=post action='" + HtmlUtils.htmlEscape(redirect) + "'>"
                    + hidden("id_token", sign(claims.build())) + hidden("state", state)
                    + "<button id=post type=submit>Continue to the tool</button></form></body></html>";
            return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .but()
                    .withHeader("Content-Type", "text/html")
                    .withBody(page)
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
