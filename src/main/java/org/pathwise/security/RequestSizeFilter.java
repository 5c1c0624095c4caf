package org.pathwise.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over a size limit with a 413 problem, counting the bytes that arrive rather than believing
 * {@code Content-Length}: a body without one ({@code Transfer-Encoding: chunked}) is read here up to the limit, and
 * the request goes on with what was read, so nothing downstream can read more. Multipart uploads are limited by the
 * upload size ({@code pathwise.library.max-file-size}, which Tomcat counts as it parses), and form posts by Tomcat's
 * form size ({@code server.tomcat.max-http-form-post-size}), so they pass here.
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
        var lowered = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (lowered.startsWith("multipart/") || lowered.startsWith("application/x-www-form-urlencoded")) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit.toBytes()) {
            tooLarge(request, response, "the request body has " + declared + " bytes");
            return;
        }
        if (declared >= 0 || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        // no length given: read at most one byte more than the limit to know whether the body fits
        byte[] body = request.getInputStream().readNBytes(Math.toIntExact(limit.toBytes()) + 1);
        if (body.length > limit.toBytes()) {
            tooLarge(request, response, "the request body has more than " + limit.toBytes() + " bytes");
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    /** A request without {@code Content-Length} has a body only when it says it is chunked. */
    private static boolean hasBody(HttpServletRequest request) {
        var encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && !encoding.isBlank();
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, String what) throws IOException {
        // the rest of the body is not read: the connection closes after the answer
        response.setHeader("Connection", "close");
        Problems.write(
                request,
                response,
                413,
                "Send a smaller request",
                what + "; the limit is " + limit.toBytes() + " bytes (pathwise.security.max-request-size)");
    }

    /** The request with its body already read into memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already; read it blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            var encoding = getCharacterEncoding();
            var charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
