package org.pathwise.lti;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/**
 * Verifies a launch's {@code id_token} as the LTI 1.3 core specification (section 5.1.3) asks: an RS256 signature by
 * one of the platform's keys (fetched from its JWKS URL and cached, fetched again for a key it does not know), the
 * platform's issuer, Pathwise's client id as the audience (and as {@code azp} when there are several), unexpired
 * (a minute's leeway), the nonce of the login initiation it answers, a registered deployment, a message type Pathwise
 * handles, LTI version 1.3.0, and a subject. Spring Security's Nimbus decoder does the JOSE work.
 */
@Component
class LaunchVerifier {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String DEEP_LINKING = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";

    private static final Duration LEEWAY = Duration.ofMinutes(1);
    private static final java.util.regex.Pattern LANGUAGE_TAG =
            java.util.regex.Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}");
    private static final Duration KEYS_TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final Map<String, NimbusJwtDecoder> decoders = new ConcurrentHashMap<>();

    LaunchVerifier(Clock clock) {
        this.clock = clock;
    }

    /**
     * The launch an {@code id_token} carries.
     *
     * @param nonce the nonce of the login initiation the launch answers
     * @throws LaunchRefused saying which check failed
     */
    LtiLaunch verify(String idToken, LtiPlatform platform, String nonce) {
        if (idToken == null || idToken.isBlank()) {
            throw new LaunchRefused(HttpStatus.BAD_REQUEST, "the launch has no id_token");
        }
        Jwt jwt;
        try {
            jwt = decoder(platform).decode(idToken);
        } catch (JwtValidationException e) {
            throw refused(String.join(
                    "; ",
                    e.getErrors().stream()
                            .map(error ->
                                    error.getDescription() == null ? error.getErrorCode() : error.getDescription())
                            .toList()));
        } catch (BadJwtException e) {
            throw refused(
                    e.getMessage().contains("signature") || e.getMessage().contains("key")
                            ? "its signature does not verify with the platform's keys at " + platform.jwksUrl()
                            : "it is not a signed JWT Pathwise can read (" + e.getMessage() + ")");
        } catch (JwtException e) {
            throw new LaunchRefused(
                    HttpStatus.BAD_GATEWAY,
                    "Pathwise could not read the platform's keys at " + platform.jwksUrl()
                            + "; check the JWKS URL of its registration (" + e.getMessage() + ")");
        }
        if (!nonce.equals(jwt.getClaimAsString("nonce"))) {
            throw refused("its nonce is not the one this login sent, so it may be a replayed launch");
        }
        var deployment = jwt.getClaimAsString(LTI + "deployment_id");
        if (deployment == null || !platform.deploymentIds().contains(deployment)) {
            throw refused("its deployment " + deployment + " is not one of " + platform.name()
                    + "'s registered deployments " + platform.deploymentIds()
                    + "; an administrator adds it on the LTI platforms page");
        }
        var version = jwt.getClaimAsString(LTI + "version");
        if (!"1.3.0".equals(version)) {
            throw refused("it is LTI version " + version + "; Pathwise speaks 1.3.0");
        }
        return new LtiLaunch(
                platform,
                deployment,
                jwt.getSubject(),
                roles(jwt),
                course(jwt),
                strings(claim(jwt, LTI + "custom")),
                locale(jwt),
                message(jwt));
    }

    /**
     * The registration's decoder, kept by everything that makes it (the issuer, client and keys URL it checks), so
     * that a changed registration gets a new one; the one it had before is dropped then.
     */
    private JwtDecoder decoder(LtiPlatform platform) {
        var key = platform.id() + " " + platform.issuer() + " " + platform.clientId() + " " + platform.jwksUrl();
        var known = decoders.get(key);
        if (known != null) {
            return known;
        }
        // outside the map's compute, which must not change the map
        decoders.keySet().removeIf(other -> other.startsWith(platform.id() + " "));
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(KEYS_TIMEOUT);
        requests.setReadTimeout(KEYS_TIMEOUT);
        var decoder = NimbusJwtDecoder.withJwkSetUri(platform.jwksUrl())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(new RestTemplate(requests))
                .build();
        decoder.setJwtValidator(validator(platform));
        var raced = decoders.putIfAbsent(key, decoder);
        return raced == null ? decoder : raced;
    }

    private OAuth2TokenValidator<Jwt> validator(LtiPlatform platform) {
        var timestamps = new JwtTimestampValidator(LEEWAY);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(
                check(jwt -> jwt.getExpiresAt() != null && jwt.getIssuedAt() != null, "it has no exp or no iat"),
                timestamps,
                new JwtIssuerValidator(platform.issuer()),
                check(
                        jwt -> jwt.getAudience() != null
                                && jwt.getAudience().contains(platform.clientId())
                                && (jwt.getAudience().size() == 1 && jwt.getClaimAsString("azp") == null
                                        || platform.clientId().equals(jwt.getClaimAsString("azp"))),
                        "it is for another tool: its audience is not the client id " + platform.clientId()),
                check(
                        jwt -> jwt.getSubject() != null && !jwt.getSubject().isBlank(),
                        "it names nobody (no sub): Pathwise needs a signed-in person"),
                check(
                        jwt -> List.of(RESOURCE_LINK_REQUEST, DEEP_LINKING_REQUEST)
                                .contains(jwt.getClaimAsString(LTI + "message_type")),
                        "its message type is not " + RESOURCE_LINK_REQUEST + " or " + DEEP_LINKING_REQUEST));
    }

    private static OAuth2TokenValidator<Jwt> check(Predicate<Jwt> test, String failure) {
        return jwt -> test.test(jwt)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", failure, null));
    }

    private static LaunchRefused refused(String why) {
        return new LaunchRefused(HttpStatus.UNAUTHORIZED, "The launch's id_token was refused: " + why + ".");
    }

    private static List<String> roles(Jwt jwt) {
        var roles = jwt.getClaimAsStringList(LTI + "roles");
        return roles == null ? List.of() : roles;
    }

    /** The platform's language for the person, when it is a well-formed language tag. */
    private static String locale(Jwt jwt) {
        var locale = strings(claim(jwt, LTI + "launch_presentation")).getOrDefault("locale", "");
        return LANGUAGE_TAG.matcher(locale).matches() ? locale : "";
    }

    private static LtiLaunch.Course course(Jwt jwt) {
        var context = claim(jwt, LTI + "context");
        if (context == null) {
            return LtiLaunch.Course.NONE;
        }
        var values = strings(context);
        return new LtiLaunch.Course(
                values.getOrDefault("id", ""), values.getOrDefault("label", ""), values.getOrDefault("title", ""));
    }

    private static LtiLaunch.Message message(Jwt jwt) {
        if (RESOURCE_LINK_REQUEST.equals(jwt.getClaimAsString(LTI + "message_type"))) {
            var link = strings(claim(jwt, LTI + "resource_link"));
            if (link.getOrDefault("id", "").isBlank()) {
                throw refused("its resource link has no id");
            }
            return new LtiLaunch.ResourceLink(link.get("id"), link.getOrDefault("title", ""));
        }
        var settings = claim(jwt, DEEP_LINKING + "deep_linking_settings");
        if (settings == null
                || !(settings.get("deep_link_return_url") instanceof String returnUrl)
                || !httpUrl(returnUrl)) {
            throw refused("its deep linking settings give no http(s) deep_link_return_url");
        }
        var accept = settings.get("accept_types") instanceof List<?> types
                ? types.stream().map(String::valueOf).toList()
                : List.<String>of();
        if (!accept.isEmpty() && !accept.contains("ltiResourceLink")) {
            throw refused("the platform accepts " + accept + " here, and Pathwise places only an ltiResourceLink");
        }
        var data = settings.get("data") instanceof String text ? text : "";
        return new LtiLaunch.DeepLinkingRequest(returnUrl, data, accept);
    }

    /** An object claim, or null when the token has none or it is not an object. */
    private static Map<String, Object> claim(Jwt jwt, String name) {
        return jwt.getClaims().get(name) instanceof Map<?, ?> ? jwt.getClaimAsMap(name) : null;
    }

    /** An absolute http(s) URL with a host. */
    private static boolean httpUrl(String url) {
        try {
            var uri = new java.net.URI(url);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The values of a claim that are strings (or numbers, written out). */
    private static Map<String, String> strings(Map<String, Object> claim) {
        var values = new LinkedHashMap<String, String>();
        if (claim != null) {
            claim.forEach((name, value) -> {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    values.put(name, String.valueOf(value));
                }
            });
        }
        return values;
    }
}
