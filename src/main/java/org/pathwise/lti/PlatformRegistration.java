package org.pathwise.lti;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an administrator gives to register a platform, or to change a registration: the values the platform shows
 * when Pathwise is added to it as an LTI 1.3 tool. See {@link LtiPlatform} for each.
 */
record PlatformRegistration(
        String name,
        String issuer,
        String clientId,
        String authUrl,
        String tokenUrl,
        String jwksUrl,
        List<String> deploymentIds) {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    /**
     * This registration with its values stripped and checked.
     *
     * @throws IllegalArgumentException naming the first value to correct and why
     */
    PlatformRegistration checked() {
        var deployments = new LinkedHashSet<String>();
        for (var deployment : deploymentIds == null ? List.<String>of() : deploymentIds) {
            var value = text("deployment id", deployment, 255);
            deployments.add(value);
        }
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException(
                    "give at least one deployment id: the platform shows it when Pathwise is deployed");
        }
        return new PlatformRegistration(
                text("name", name, 200),
                text("issuer", issuer, 500),
                text("client id", clientId, 255),
                url("authorisation URL", authUrl),
                url("token URL", tokenUrl),
                url("JWKS URL", jwksUrl),
                List.copyOf(deployments));
    }

    private static String text(String what, String value, int most) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("give the platform's " + what);
        }
        var stripped = value.strip();
        if (stripped.length() > most) {
            throw new IllegalArgumentException(
                    "the " + what + " must have at most " + most + " characters, got " + stripped.length());
        }
        return stripped;
    }

    /** An https URL, or an http one on this machine (to try a platform out). */
    private static String url(String what, String value) {
        var text = text(what, value, 1000);
        try {
            var uri = new URI(text);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() != null
                    && (scheme.equals("https") || scheme.equals("http") && LOCAL_HOSTS.contains(uri.getHost()))) {
                return text;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new IllegalArgumentException(
                "the " + what + " must be an https URL (http only on localhost), got '" + text + "'");
    }
}
