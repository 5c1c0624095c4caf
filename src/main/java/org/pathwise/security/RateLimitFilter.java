package org.pathwise.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-user rate limits on searching, asking and ingesting: a token bucket per user and kind that holds a minute's
 * allowance and refills continuously. A request over the limit gets a 429 problem with {@code Retry-After} in seconds.
 * Buckets live in this instance's memory.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    /** The kinds of limited request. */
    enum Kind {
        SEARCH,
        ASK,
        INGEST
    }

    private final SecurityProperties.RateLimits limits;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(SecurityProperties.RateLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var kind = kindOf(request);
        if (kind != null) {
            int perMinute = switch (kind) {
                case SEARCH -> limits.search();
                case ASK -> limits.ask();
                case INGEST -> limits.ingest();
            };
            if (perMinute > 0) {
                var key = user(request) + "|" + kind;
                var bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, clock.millis()));
                long waitMillis = bucket.take(clock.millis());
                if (waitMillis > 0) {
                    long seconds = Math.max(1, (waitMillis + 999) / 1000);
                    response.setHeader("Retry-After", Long.toString(seconds));
                    Problems.write(
                            request,
                            response,
                            429,
                            "Slow down",
                            "you may make " + perMinute + " " + kind.name().toLowerCase(java.util.Locale.ROOT)
                                    + " requests a minute; try again in " + seconds + " s");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    static Kind kindOf(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var method = request.getMethod();
        if (path.equals("/api/search") || path.equals("/library/search")) {
            return Kind.SEARCH;
        }
        // only asking counts: rating an answer or deleting a conversation is not a question
        if ("POST".equals(method)
                && (path.equals("/api/ask") || path.equals("/api/ask/stream") || path.equals("/ask"))) {
            return Kind.ASK;
        }
        if ("POST".equals(method)
                && (path.equals("/api/ingest") || path.equals("/api/documents") || path.equals("/library/upload"))) {
            return Kind.INGEST;
        }
        return null;
    }

    private static String user(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                ? "user:" + authentication.getName()
                : "address:" + request.getRemoteAddr();
    }

    /** A token bucket of {@code capacity} tokens that refills {@code capacity} tokens a minute. */
    static final class Bucket {
        private final int capacity;
        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }

        /** Takes a token; returns 0 when there was one, else the milliseconds until there will be. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * capacity / 60_000.0);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 60_000.0 / capacity);
        }
    }
}
