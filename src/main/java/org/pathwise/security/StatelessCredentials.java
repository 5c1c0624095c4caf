package org.pathwise.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Whether a request will be authenticated by the credentials it carries, not by a session, and so needs no CSRF
 * token: a well-formed {@code Authorization: Bearer pw_…} or {@code Basic} header, no session cookie, and not a
 * cross-site browser request ({@code Sec-Fetch-Site}, which browsers send and scripts do not). The authentication
 * filters then either authenticate the request with those credentials or answer 401, so it can never fall back on a
 * session. A junk {@code Authorization} header, or one next to a session cookie, leaves CSRF protection on.
 */
final class StatelessCredentials {

    private static final Pattern BEARER = Pattern.compile("(?i)bearer " + ApiTokens.PREFIX + "[A-Za-z0-9_-]{20,100}");

    private StatelessCredentials() {}

    static boolean present(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        if (header == null || request.getRequestedSessionId() != null || request.getSession(false) != null) {
            return false;
        }
        var site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        return BEARER.matcher(header.strip()).matches() || LoginThrottleFilter.basicUsername(header) != null;
    }
}
