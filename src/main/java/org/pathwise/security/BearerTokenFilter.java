package org.pathwise.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} requests with a personal API token. An unknown, expired or
 * revoked token is answered at once with a 401 problem, and counts as a failed sign-in from the client's address for
 * the {@link LoginThrottle} (token guessing); once that address is held back, a wrong token gets a 429 problem with
 * {@code Retry-After} instead. A valid token always works: checking one costs a hash, not a bcrypt. Requests without
 * a bearer token pass through untouched.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final LoginThrottle throttle;

    BearerTokenFilter(ApiTokens tokens, LoginThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var user = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (user.isEmpty()) {
            if (throttle.check(null, request.getRemoteAddr()) instanceof LoginThrottle.Decision.Throttled throttled) {
                LoginThrottleFilter.tooManyAttempts(request, response, throttled);
                return;
            }
            throttle.failed(null, request.getRemoteAddr());
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.write(
                    request,
                    response,
                    401,
                    "Use a valid API token",
                    "the bearer token is unknown, expired or revoked; create a new one with POST /api/tokens");
            return;
        }
        var authentication = new ApiTokenAuthentication(user.get());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
