package org.pathwise;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problem details for controllers to throw: Spring MVC writes them as {@code application/problem+json}. */
public final class Problems {

    private Problems() {}

    /** A problem with its status, a title that says what to do, and the detail of this case. */
    public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }

    /** A problem with its status, title and detail, and more members that tell what was wrong (a line, an id). */
    public static ErrorResponseException problem(
            HttpStatus status, String title, String detail, java.util.Map<String, ?> properties) {
        var problem = problem(status, title, detail);
        properties.forEach((name, value) -> problem.getBody().setProperty(name, value));
        return problem;
    }

    /**
     * A problem's members in RFC 9457's order, for code that writes a response itself where Spring MVC does not (a
     * servlet filter, the error page, the servlet container's error report); a null instance is left out.
     */
    public static java.util.Map<String, Object> members(int status, String title, String detail, String instance) {
        var members = new java.util.LinkedHashMap<String, Object>();
        members.put("type", "about:blank");
        members.put("title", title);
        members.put("status", status);
        members.put("detail", detail);
        if (instance != null) {
            members.put("instance", instance);
        }
        return members;
    }

    /**
     * An error in the shape OpenAI's API gives and its clients read, for the OpenAI-compatible endpoints:
     * {@code {"error": {"message", "type", "param", "code"}}}, the type and code following from the status.
     */
    public static java.util.Map<String, Object> openAiError(int status, String message) {
        var error = new java.util.LinkedHashMap<String, Object>();
        error.put("message", message);
        error.put(
                "type",
                switch (status) {
                    case 401 -> "authentication_error";
                    case 403 -> "permission_error";
                    case 404 -> "not_found_error";
                    case 429 -> "rate_limit_error";
                    default -> status >= 500 ? "server_error" : "invalid_request_error";
                });
        error.put("param", null);
        error.put(
                "code",
                switch (status) {
                    case 401 -> "invalid_api_key";
                    case 429 -> "rate_limit_exceeded";
                    default -> null;
                });
        return java.util.Map.of("error", error);
    }

    /** A 404 problem titled "Not found". */
    public static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "Not found", detail);
    }
}
