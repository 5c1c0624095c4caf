package org.pathwise.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over a size limit with a 413 problem before anything reads them. Multipart uploads are
 * limited by the upload size instead ({@code pathwise.library.max-file-size}), so they pass here.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

    private final DataSize limit;

    RequestSizeFilter(DataSize limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var type = request.getContentType();
        boolean multipart =
                type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if (!multipart && request.getContentLengthLong() > limit.toBytes()) {
            Problems.write(
                    request,
                    response,
                    413,
                    "Send a smaller request",
                    "the request body has " + request.getContentLengthLong() + " bytes; the limit is " + limit.toBytes()
                            + " bytes (pathwise.security.max-request-size)");
            return;
        }
        chain.doFilter(request, response);
    }
}
