package org.pathwise.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details from servlet filters, where no controller advice runs; under {@code /v1/}, the
 * OpenAI-compatible endpoints, the error object that OpenAI's clients read instead.
 */
final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        var openAi = SecurityConfiguration.pathOf(request).startsWith("/v1/");
        var body = openAi
                ? org.pathwise.Problems.openAiError(status, detail)
                : org.pathwise.Problems.members(status, title, detail, request.getRequestURI());
        response.setStatus(status);
        response.setContentType(openAi ? MediaType.APPLICATION_JSON_VALUE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
