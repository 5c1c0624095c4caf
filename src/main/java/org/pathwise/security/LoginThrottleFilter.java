package org.pathwise.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a password sign-in (the sign-in form, or {@code Authorization: Basic}) that the {@link LoginThrottle} holds
 * back, before any password is checked: the API gets a 429 problem with {@code Retry-After}, the sign-in form is sent
 * back to the sign-in page with the wait. Placed in front of the form and Basic authentication filters; API tokens are
 * throttled by {@link BearerTokenFilter}.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = "POST".equals(request.getMethod()) && "/signin".equals(SecurityConfiguration.pathOf(request));
        var account = form ? request.getParameter("username") : basicUsername(request.getHeader("Authorization"));
        if (account == null
                || !(throttle.check(account, request.getRemoteAddr()) instanceof LoginThrottle.Decision.Throttled t)) {
            chain.doFilter(request, response);
            return;
        }
        if (form) {
            response.sendRedirect(request.getContextPath() + "/signin?throttled=" + t.seconds());
            return;
        }
        tooManyAttempts(request, response, t);
    }

    static void tooManyAttempts(
            HttpServletRequest request, HttpServletResponse response, LoginThrottle.Decision.Throttled throttled)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(throttled.seconds()));
        Problems.write(
                request,
                response,
                429,
                "Wait before signing in again",
                "too many failed sign-ins from this address or for this account; try again in " + throttled.seconds()
                        + " s");
    }

    /** The username of a well-formed Basic header, else null. */
    static String basicUsername(String header) {
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            var decoded = new String(
                    Base64.getDecoder().decode(header.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
