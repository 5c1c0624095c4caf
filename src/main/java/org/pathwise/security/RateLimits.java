package org.pathwise.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Per-user rate limits on searching, asking and ingesting. The kind of a request is read from the handler that Spring
 * MVC matched (its mapping's pattern and the method), never from the URI's text, so no spelling of a path
 * ({@code /api/%73earch}, a trailing {@code ;} parameter) escapes its limit. A request over the limit gets a 429 problem
 * with {@code Retry-After} in seconds.
 */
final class RateLimits implements HandlerInterceptor {

    /** The kinds of limited request. */
    enum Kind {
        SEARCH,
        ASK,
        INGEST
    }

    private final SecurityProperties.RateLimits limits;
    private final RateLimitBuckets buckets;

    RateLimits(SecurityProperties.RateLimits limits, RateLimitBuckets buckets) {
        this.limits = limits;
        this.buckets = buckets;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        var pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        var kind = pattern == null ? null : kindOf(request.getMethod(), pattern.toString());
        if (kind == null) {
            return true;
        }
        int perMinute = switch (kind) {
            case SEARCH -> limits.search();
            case ASK -> limits.ask();
            case INGEST -> limits.ingest();
        };
        if (perMinute == 0) {
            return true;
        }
        long waitNanos = buckets.take(user(request) + "|" + kind, perMinute);
        if (waitNanos == 0) {
            return true;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999));
        response.setHeader("Retry-After", Long.toString(seconds));
        Problems.write(
                request,
                response,
                429,
                "Slow down",
                "you may make " + perMinute + " " + kind.name().toLowerCase(Locale.ROOT)
                        + " requests a minute; try again in " + seconds + " s");
        return false;
    }

    /**
     * The kind of a request to the handler mapped by {@code pattern}, or null when it is not limited.
     *
     * @param pattern the matched mapping's pattern, such as {@code /api/search}
     */
    static Kind kindOf(String method, String pattern) {
        if ("GET".equals(method) && (pattern.equals("/api/search") || pattern.equals("/library/search"))) {
            return Kind.SEARCH;
        }
        if (!"POST".equals(method)) {
            return null;
        }
        // only asking counts: rating an answer or deleting a conversation is not a question
        return switch (pattern) {
            case "/api/ask", "/api/ask/stream", "/ask", "/v1/chat/completions" -> Kind.ASK;
            case "/api/ingest", "/api/documents", "/library/upload" -> Kind.INGEST;
            default -> null;
        };
    }

    private static String user(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                ? "user:" + authentication.getName()
                : "address:" + request.getRemoteAddr();
    }
}
