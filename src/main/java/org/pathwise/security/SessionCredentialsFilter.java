package org.pathwise.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session whose user's credentials changed since it signed in: a new password, or the user
 * disabled. At sign-in the session keeps the user's {@code credentials_version}; on every request the filter reads
 * the current version from the database (so it holds on every instance sharing it) and, when the user is gone,
 * disabled or on another version, invalidates the session and goes on unauthenticated (401, or the sign-in page).
 * A signed-in session without a recorded version (not made by the sign-in form) records the version it first meets,
 * and is ended only when its user is disabled.
 */
final class SessionCredentialsFilter extends OncePerRequestFilter {

    /** The session attribute holding the credentials version the session signed in under. */
    static final String VERSION = SessionCredentialsFilter.class.getName() + ".VERSION";

    private final Users users;

    SessionCredentialsFilter(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context
                && context.getAuthentication() != null) {
            var state = users.credentials(context.getAuthentication().getName());
            var signedIn = session.getAttribute(VERSION);
            boolean stale;
            if (signedIn == null) {
                // not signed in through the sign-in form, which records the version (a test's mock user, say):
                // adopt the version it first meets, and end it only when its user is disabled
                state.ifPresent(current -> session.setAttribute(VERSION, current.version()));
                stale = state.isPresent() && !state.get().enabled();
            } else {
                stale = state.isEmpty()
                        || !state.get().enabled()
                        || !(signedIn instanceof Integer version
                                && version == state.get().version());
            }
            if (stale) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    /** Records in the session the credentials version its user has now. */
    static void remember(HttpSession session, Users users, String username) {
        users.credentials(username).ifPresent(state -> session.setAttribute(VERSION, state.version()));
    }

    /** A sign-in success handler that records the version, then does what {@code next} does. */
    static AuthenticationSuccessHandler rememberingVersion(Users users, AuthenticationSuccessHandler next) {
        return (request, response, authentication) -> {
            remember(request.getSession(), users, authentication.getName());
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
