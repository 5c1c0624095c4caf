package org.pathwise.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details from servlet filters, where no controller advice runs. */
final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        var body = org.pathwise.Problems.members(status, title, detail, request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
